/*
 * The planner's entry point: it picks the product descriptors and runs the
 * stages in a fixed order - address checks, products add records, dns.records,
 * zones are derived and records placed, then certificates, endpoints,
 * publishing and the Exchange URLs. Reports go through the rule table.
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

static struct ucp_plan *finish(struct planner *p, struct ucp_plan *plan);

/*
 * The words of sip.product and exchange.version name descriptors in the
 * product registry; a word it does not know is an error at its setting.
 */
static bool
choose_products(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct ucp_buf b;
	bool ok = true;

	ucp_buf_init(&b);
	if (m->sip.present && p->sip == NULL && m->sip.product.v != NULL) {
		ucp_sip_product_names(&b);
		ucp_report(p->diags, &m->sip.product.loc, UCP_R_CONFIG_VALUE, "\"%s\" is not one of %s",
		    m->sip.product.v, ucp_buf_str(&b));
		ucp_buf_reset(&b);
	}
	if (m->exchange.present && p->exchange == NULL && m->exchange.version.v != NULL) {
		ucp_exchange_product_names(&b);
		ucp_report(p->diags, &m->exchange.version.loc, UCP_R_CONFIG_VALUE, "\"%s\" is not one of %s",
		    m->exchange.version.v, ucp_buf_str(&b));
	}
	ucp_buf_clear(&b);
	ok = (!m->sip.present || p->sip != NULL) && (!m->exchange.present || p->exchange != NULL);
	return ok;
}

struct ucp_plan *
plan_model(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial, const struct plan_run *run)
{
	struct planner p;
	struct ucp_plan *plan;

	if ((plan = calloc(1, sizeof(*plan))) == NULL || (plan->arena = ucp_arena_new()) == NULL) {
		free(plan);
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.m = m;
	p.diags = diags;
	p.plan = plan;
	p.a = plan->arena;
	if ((p.tmp = ucp_arena_new()) == NULL)
		ucp_oom();
	p.serial = m->dns.serial.set ? (uint32_t)m->dns.serial.v : serial;
	p.run = run;
	plan->config_name = ucp_arena_strdup(p.a, m->basename);
	plan->organization = (struct ucp_org){
		.name = ucp_arena_strdup(p.a, m->org.name.v), .unit = ucp_arena_strdup(p.a, m->org.unit.v),
		.locality = ucp_arena_strdup(p.a, m->org.locality.v), .state = ucp_arena_strdup(p.a, m->org.state.v),
		.country = ucp_arena_strdup(p.a, m->org.country.v),
	};
	plan->exchange_version = m->exchange.present ? ucp_arena_strdup(p.a, m->exchange.version.v) : NULL;
	plan->diags = diags;

	/* The generations' descriptors, chosen once; every stage reads them. */
	p.sip = m->sip.present ? ucp_sip_product_find(m->sip.product.v) : NULL;
	p.exchange = m->exchange.present ? ucp_exchange_product_find(m->exchange.version.v) : NULL;
	if (!choose_products(&p))
		return finish(&p, plan);
	p.services = p.exchange == NULL ? 0 : m->exchange.services_set ? m->exchange.services : p.exchange->services;
	apply_lint(&p);
	plan_check_settings(&p);
	plan_check_addresses(&p);
	plan_sip(&p);
	plan_exchange(&p);
	plan_extra_records(&p);
	plan_mx_check(&p);
	plan_zones(&p);
	plan_certificates(&p);
	plan_endpoints(&p);
	plan_publishing(&p);
	plan_exchange_urls(&p);
	if (!run->diagnostics_only)
		plan_emit(&p);
	return finish(&p, plan);
}

/* Frees V, a vector of malloc'd arrays (a certificate's or a rule's nodes), and each of them. */
static void
free_lists(struct plan_vec *v)
{
	size_t i;

	for (i = 0; i < v->len; i++)
		free((void *)v->items[i]);
	plan_vec_free(v);
}

/* Copies the planner's vectors into PLAN and frees the planner's indexes. */
static struct ucp_plan *
finish(struct planner *p, struct ucp_plan *plan)
{
	size_t i;

	plan->ncerts = p->certs.len;
	plan->certs = ucp_arena_alloc(p->a, sizeof(*plan->certs) * (p->certs.len + 1));
	for (i = 0; i < p->certs.len; i++)
		plan->certs[i] = *(const struct ucp_cert *)p->certs.items[i];
	plan->nendpoints = p->endpoints.len;
	plan->endpoints = ucp_arena_alloc(p->a, sizeof(*plan->endpoints) * (p->endpoints.len + 1));
	for (i = 0; i < p->endpoints.len; i++)
		plan->endpoints[i] = *(const struct ucp_endpoint *)p->endpoints.items[i];
	plan->publishing.nrules = p->rules.len;
	plan->publishing.rules = ucp_arena_alloc(p->a, sizeof(*plan->publishing.rules) * (p->rules.len + 1));
	for (i = 0; i < p->rules.len; i++)
		plan->publishing.rules[i] = *(const struct ucp_rule *)p->rules.items[i];

	for (i = 0; i < UCP_VIEW_COUNT; i++)
		plan_ids_free(&p->recs[i]);
	for (i = 1; p->run->names != NULL && i <= p->nodes.len; i++)
		ucp_strmap_put(p->run->names, plan_node(p, (uint32_t)i)->name, NULL);
	free_lists(&p->cert_nodes);
	free_lists(&p->rule_names);
	plan_names_clear(p);
	/* The zones hold copies of the records: the planner's own go. */
	plan_recs_clear(p);
	ucp_arena_free(p->tmp);
	p->tmp = NULL;
	return plan;
}

struct ucp_plan *
ucp_plan_new(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial)
{
	const struct plan_run run = { .diagnostics_only = false };

	return plan_model(m, diags, serial, &run);
}

struct ucp_plan *
ucp_plan_stream(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial,
    bool (*zone)(void *ctx, enum ucp_view view, const struct ucp_zone *z), void *ctx)
{
	const struct plan_run run = { .diagnostics_only = false, .zone = zone, .ctx = ctx };

	return plan_model(m, diags, serial, &run);
}

bool
ucp_plan_check(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial)
{
	const struct plan_run run = { .diagnostics_only = true };
	struct ucp_plan *p;
	bool planned;

	if (plan_check_slices(m, diags, serial, 0))
		return true;
	p = plan_model(m, diags, serial, &run);
	planned = p != NULL;

	ucp_plan_free(p);
	return planned;
}
