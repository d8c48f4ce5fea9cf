/*
 * The planner's entry point, its rule table and the record store every stage
 * adds to. Stages run in a fixed order: products add records, then zones are
 * derived and records placed, then certificates, endpoints and publishing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "planner/internal.h"
#include "ucplan/buf.h"

static void
vreport(struct planner *p, enum ucp_rule_id rule, const struct ucp_loc *loc, const char *fmt, va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		ucp_oom();
	ucp_report(p->diags, loc, rule, "%s", msg);
	free(msg);
}

void
plan_report(struct planner *p, enum ucp_rule_id rule, const struct ucp_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(p, rule, loc, fmt, ap);
	va_end(ap);
}

void
plan_note(struct planner *p, const struct ucp_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(p, UCP_R_DECISION, loc, fmt, ap);
	va_end(ap);
}

struct prec *
plan_owner(const struct planner *p, enum ucp_view view, const char *owner)
{
	return ucp_strmap_get(&p->owners[view], owner);
}

struct prec *
plan_prec_new(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type, const char *data,
    const char *why, const struct ucp_loc *loc)
{
	struct prec *r = ucp_arena_alloc(p->a, sizeof(*r));

	r->r.owner = owner;
	r->r.type = type;
	r->r.ttl = (uint32_t)p->m->dns.ttl.v;
	r->r.data = data;
	r->r.why = why;
	r->view = view;
	if (loc != NULL)
		r->loc = *loc;
	return r;
}

struct prec *
plan_record(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
{
	struct prec *r, *first, *last = NULL;
	va_list ap;
	char *data;

	va_start(ap, fmt);
	if (vasprintf(&data, fmt, ap) < 0)
		ucp_oom();
	va_end(ap);
	/* An address record follows its data: IPv6 is AAAA, never A. */
	if (type == UCP_RR_A && strchr(data, ':') != NULL)
		type = UCP_RR_AAAA;
	first = plan_owner(p, view, owner);
	for (r = first; r != NULL; last = r, r = r->next_same_owner) {
		if (r->r.type == type && strcmp(r->r.data, data) == 0) {
			free(data);
			return r;
		}
	}
	r = plan_prec_new(p, view, ucp_arena_strdup(p->a, owner), type, ucp_arena_strdup(p->a, data), why, loc);
	free(data);
	if (last != NULL)
		last->next_same_owner = r;
	else
		ucp_strmap_put(&p->owners[view], r->r.owner, r);
	ucp_ptrs_add(p->a, &p->recs[view], r);
	return r;
}

void
plan_addrs(struct planner *p, enum ucp_view view, const char *owner, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why)
{
	size_t i;

	for (i = 0; i < addrs->nall; i++)
		plan_record(p, view, owner, UCP_RR_A, loc, why, "%s", addrs->all[i]);
}

/* How many of ADDRS are IPv6. */
static size_t
count_v6(const struct ucp_str *addrs)
{
	size_t i, n = 0;

	for (i = 0; i < addrs->nall; i++)
		n += strchr(addrs->all[i], ':') != NULL;
	return n;
}

/* A SIP role's address against its generation: IPv6, and several addresses (spec 9.2; P11). */
static void
check_sip_addr(struct planner *p, const struct ucp_str *a)
{
	if (a->v == NULL)
		return;
	if (count_v6(a) > 0 && !p->sip->ipv6)
		plan_report(p, UCP_R_PRODUCT_SETTING, &a->loc, "%s roles are IPv4-only: %s is IPv6", p->sip->name,
		    a->all[a->nall - 1]);
	else if (a->nall > 1 && !p->sip->dns_lb)
		plan_report(p, UCP_R_PORT_LB, &a->loc, "%s takes one address per name: several addresses would be "
		    "DNS load balancing, and %s supports only hardware load balancers (give the VIP)", p->sip->name,
		    p->sip->title);
}

/* Exchange: dual stack at most, and IPv6 alone only where the version supports it (spec 9.2). */
static void
check_exchange_addr(struct planner *p, const struct ucp_str *a)
{
	size_t v6 = count_v6(a);

	if (a->v == NULL)
		return;
	if (v6 > 0 && v6 == a->nall && !p->exchange->ipv6_alone)
		plan_report(p, UCP_R_PRODUCT_SETTING, &a->loc, "Exchange %s needs an IPv4 address beside IPv6",
		    p->exchange->name);
	else if (v6 > 1 || a->nall - v6 > 1)
		plan_report(p, UCP_R_PRODUCT_SETTING, &a->loc, "one IPv4 and one IPv6 address at most on one name "
		    "(several Client Access servers are reached through exchange.cas_vip)");
}

/* Address settings against what the chosen generations support. */
static void
check_addresses(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *edge[] = { &m->sip.edge_internal, &m->sip.edge_access, &m->sip.edge_webconf,
		&m->sip.edge_av, &m->sip.director };
	size_t i;

	if (m->sip.present) {
		check_sip_addr(p, &m->sip.pool_ip);
		for (i = 0; i < m->sip.nservers; i++)
			check_sip_addr(p, &m->sip.servers[i].ip);
		for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
			check_sip_addr(p, &edge[i]->ip);
	}
	if (m->exchange.present) {
		for (i = 0; i < m->exchange.ncas; i++)
			check_exchange_addr(p, &m->exchange.cas[i].ip);
		check_exchange_addr(p, &m->exchange.cas_vip);
		check_exchange_addr(p, &m->exchange.cas_array.ip);
	}
	if (m->rp.present && m->rp.external_ip.v != NULL) {
		if (count_v6(&m->rp.external_ip) > 0)
			plan_report(p, UCP_R_PRODUCT_SETTING, &m->rp.external_ip.loc, "ISA Server and Forefront TMG publish "
			    "over IPv4 only: the listener needs an IPv4 address");
		else if (m->rp.external_ip.nall > 1)
			plan_report(p, UCP_R_PRODUCT_SETTING, &m->rp.external_ip.loc, "one listener address: every published "
			    "name points at it");
	}
}

const char *const *
plan_names(struct planner *p, const struct ucp_ptrs *v)
{
	const char **names = ucp_arena_alloc(p->a, sizeof(*names) * (v->len + 1));

	if (v->len > 0)
		memcpy(names, v->items, sizeof(*names) * v->len);
	return names;
}

/*
 * A CNAME chain of dns.records that comes back to where it started (a → a,
 * a → b → a) never resolves. Chains are followed within one view; each
 * record of a loop is reported at its data.
 */
static void
check_cname_loops(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i, steps;
	int v;

	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		struct ucp_strmap cnames;

		ucp_strmap_init(&cnames);
		for (i = 0; i < m->dns.nrecords; i++) {
			const struct ucp_extra_record *x = &m->dns.records[i];

			if (x->type == UCP_RR_CNAME && (x->views & (1u << v)))
				ucp_strmap_put(&cnames, x->name.v, (void *)x);
		}
		for (i = 0; i < m->dns.nrecords; i++) {
			const struct ucp_extra_record *x = &m->dns.records[i], *y = x;
			struct ucp_buf chain;

			if (x->type != UCP_RR_CNAME || !(x->views & (1u << v)))
				continue;
			ucp_buf_init(&chain);
			ucp_buf_puts(&chain, x->name.v);
			for (steps = 0; steps <= m->dns.nrecords; steps++) {
				char target[256];
				size_t len = strlen(y->data.v);

				snprintf(target, sizeof(target), "%.*s", (int)(len > 0 ? len - 1 : 0), y->data.v);
				ucp_buf_printf(&chain, " -> %s", target);
				if (strcmp(target, x->name.v) == 0) {
					plan_report(p, UCP_R_DNS_CNAME_LOOP, &x->data.loc, "CNAME loop in the %s view: %s",
					    ucp_view_name((enum ucp_view)v), ucp_buf_str(&chain));
					break;
				}
				if ((y = ucp_strmap_get(&cnames, target)) == NULL)
					break;
			}
			ucp_buf_clear(&chain);
		}
		ucp_strmap_clear(&cnames);
	}
}

/* dns.records: added after the products so a CNAME on a planned name can be refused. */
void
plan_extra_records(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;
	int v;

	for (i = 0; i < m->dns.nrecords; i++) {
		const struct ucp_extra_record *x = &m->dns.records[i];

		for (v = 0; v < UCP_VIEW_COUNT; v++) {
			struct prec *r, *o;

			if (!(x->views & (1u << v)))
				continue;
			o = plan_owner(p, (enum ucp_view)v, x->name.v);
			if (x->type == UCP_RR_CNAME && o != NULL && !o->extra) {
				plan_report(p, UCP_R_DNS_PLANNED_CNAME, &x->name.loc,
				    "%s is planned by ucplan in the %s view (%s); a CNAME there would hide it",
				    x->name.v, ucp_view_name((enum ucp_view)v), o->r.why);
				continue;
			}
			for (; o != NULL && (o->extra || o->r.type != x->type); o = o->next_same_owner)
				;
			if (o != NULL) {
				plan_report(p, UCP_R_DNS_PLANNED_EXTRA, &x->loc,
				    "ucplan already plans %s %s %s in the %s view (%s); this record would join it "
				    "silently (a round robin for addresses): remove it, or change the setting that "
				    "plans the name", x->name.v, ucp_rrtype_name(x->type), o->r.data,
				    ucp_view_name((enum ucp_view)v), o->r.why);
				continue;
			}
			r = plan_record(p, (enum ucp_view)v, x->name.v, x->type, &x->loc,
			    "from dns.records", "%s", x->data.v);
			r->extra = true;
			if (x->ttl.set)
				r->r.ttl = (uint32_t)x->ttl.v;
		}
	}
	check_cname_loops(p);
}

static void
apply_lint(struct planner *p)
{
	size_t i;

	for (i = 0; i < p->m->nlint; i++) {
		const struct ucp_rule_info *r = ucp_rule_find(p->m->lint[i].v);

		if (r == NULL || !r->overridable)
			plan_report(p, UCP_R_LINT_UNKNOWN, &p->m->lint[i].loc, "\"%s\" is not a rule that can be overridden",
			    p->m->lint[i].v);
	}
}

struct ucp_plan *
ucp_plan_new(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial)
{
	struct planner p;
	struct ucp_plan *plan;
	size_t i;

	if ((plan = calloc(1, sizeof(*plan))) == NULL || (plan->arena = ucp_arena_new()) == NULL) {
		free(plan);
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.m = m;
	p.diags = diags;
	p.plan = plan;
	p.a = plan->arena;
	p.serial = m->dns.serial.set ? (uint32_t)m->dns.serial.v : serial;
	for (i = 0; i < UCP_VIEW_COUNT; i++)
		ucp_strmap_init(&p.owners[i]);
	plan->config_name = ucp_arena_strdup(p.a, m->basename);
	plan->organization = (struct ucp_org){
		.name = ucp_arena_strdup(p.a, m->org.name.v), .unit = ucp_arena_strdup(p.a, m->org.unit.v),
		.locality = ucp_arena_strdup(p.a, m->org.locality.v), .state = ucp_arena_strdup(p.a, m->org.state.v),
		.country = ucp_arena_strdup(p.a, m->org.country.v),
	};
	plan->exchange_version = m->exchange.present ? ucp_arena_strdup(p.a, m->exchange.version.v) : NULL;
	plan->diags = diags;

	/* The generations' descriptors, chosen once; every stage reads them. */
	p.sip = m->sip.present ? ucp_sip_product(m->sip.generation) : NULL;
	p.exchange = m->exchange.present ? ucp_exchange_product(m->exchange.generation) : NULL;
	p.services = p.exchange == NULL ? 0 : m->exchange.services_set ? m->exchange.services : p.exchange->services;
	apply_lint(&p);
	check_addresses(&p);
	plan_sip(&p);
	plan_exchange(&p);
	plan_extra_records(&p);
	plan_mx_check(&p);
	plan_zones(&p);
	plan_certificates(&p);
	plan_endpoints(&p);
	plan_publishing(&p);
	plan_exchange_urls(&p);

	plan->ncerts = p.certs.len;
	plan->certs = ucp_arena_alloc(p.a, sizeof(*plan->certs) * (p.certs.len + 1));
	for (i = 0; i < p.certs.len; i++)
		plan->certs[i] = *(const struct ucp_cert *)p.certs.items[i];
	plan->nendpoints = p.endpoints.len;
	plan->endpoints = ucp_arena_alloc(p.a, sizeof(*plan->endpoints) * (p.endpoints.len + 1));
	for (i = 0; i < p.endpoints.len; i++)
		plan->endpoints[i] = *(const struct ucp_endpoint *)p.endpoints.items[i];
	plan->publishing.nrules = p.rules.len;
	plan->publishing.rules = ucp_arena_alloc(p.a, sizeof(*plan->publishing.rules) * (p.rules.len + 1));
	for (i = 0; i < p.rules.len; i++)
		plan->publishing.rules[i] = *(const struct ucp_rule *)p.rules.items[i];

	for (i = 0; i < UCP_VIEW_COUNT; i++)
		ucp_strmap_clear(&p.owners[i]);
	return plan;
}
