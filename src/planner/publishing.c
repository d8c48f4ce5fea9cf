/*
 * Reverse-proxy publishing (spec 4.7; reverse-proxy.md 1-2): one listener on
 * reverse_proxy.external_ip:443 and the Exchange and OCS web rules, each with
 * its public names, paths and internal site. The listener's certificate must
 * cover every public name, each name must resolve to the listener externally,
 * and ISA Server before 2006 SP1 must not be asked to read SAN entries.
 */
#include <stdlib.h>
#include <string.h>

#include "planner/internal.h"
#include "ucplan/buf.h"

static struct ucp_rule *
rule_new(struct planner *p, const char *name, const char *id, enum ucp_role backend, const char *site, const char *ip,
    enum ucp_auth auth)
{
	struct ucp_rule *r = ucp_arena_alloc(p->a, sizeof(*r));

	r->backend = backend;
	r->name = name;
	r->id = id;
	r->internal_site = ucp_arena_strdup(p->a, site);
	r->internal_ip = ucp_arena_strdup(p->a, ip);
	r->internal_port = 443;
	r->forward_host_header = true;
	r->authentication = auth;
	ucp_ptrs_add(p->a, &p->rules, r);
	plan_vec_add(&p->rule_names, NULL);
	return r;
}

static void
set_list(struct planner *p, const char *const **out, size_t *n, const struct ucp_ptrs *v)
{
	*out = plan_names(p, v);
	*n = v->len;
}

/* Adds NAME's node to NAMES, a rule's public names. */
static void
add_name(struct planner *p, struct plan_vec *names, const char *name)
{
	plan_vec_add(names, plan_name(p, name));
}

/*
 * Sets R's public names from NAMES, nodes: the rule points at their names
 * (the plan's already), and the planner keeps the nodes for the listener
 * check, which then looks none of them up again.
 */
static void
set_names(struct planner *p, struct ucp_rule *r, const struct plan_vec *names)
{
	const char **out = ucp_arena_alloc(p->a, sizeof(*out) * (names->len + 1));
	struct pname **nodes = calloc(names->len + 1, sizeof(*nodes));
	size_t i;

	if (nodes == NULL)
		ucp_oom();
	for (i = 0; i < names->len; i++) {
		nodes[i] = (struct pname *)names->items[i];
		out[i] = nodes[i]->name;
	}
	r->public_names = out;
	r->npublic_names = names->len;
	for (i = 0; i < p->rules.len; i++)
		if (p->rules.items[i] == r)
			p->rule_names.items[i] = nodes;
}

static void
exchange_rules(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const char *ext = m->exchange.external_fqdn.v;
	enum ucp_auth auth = m->rp.authentication;
	unsigned svc = p->services;
	struct ucp_ptrs paths = { 0 };
	struct plan_vec names = { 0 };
	struct ucp_rule *r;
	size_t i;

	if (!m->exchange.present || ext == NULL)
		return;
	add_name(p, &names, ext);
	if (svc & (UCP_SVC_OWA | UCP_SVC_ECP)) {
		r = rule_new(p, "Exchange OWA", "exchange-owa", UCP_ROLE_CAS, ext, p->cas_vip, auth);
		for (i = 0; i < p->exchange->nowa_paths; i++)
			if (svc & p->exchange->owa_paths[i].service)
				ucp_ptrs_add(p->a, &paths, p->exchange->owa_paths[i].path);
		set_names(p, r, &names);
		set_list(p, &r->paths, &r->npaths, &paths);
	}
	if (svc & (UCP_SVC_OUTLOOK_ANYWHERE | UCP_SVC_OAB | UCP_SVC_EWS | UCP_SVC_AUTODISCOVER)) {
		struct ucp_ptrs oa = { 0 };
		struct plan_vec oa_names = { 0 };

		r = rule_new(p, "Exchange Outlook Anywhere", "exchange-outlook-anywhere", UCP_ROLE_CAS, ext, p->cas_vip,
		    auth);
		r->long_timeouts = true;
		add_name(p, &oa_names, ext);
		if ((svc & UCP_SVC_AUTODISCOVER) && m->exchange.autodiscover != UCP_AUTODISCOVER_SRV)
			for (i = 0; i < p->smtp.len; i++)
				plan_vec_add(&oa_names, plan_autodiscover_name(p, i));
		for (i = 0; i < p->exchange->noa_paths; i++)
			if (svc & p->exchange->oa_paths[i].service)
				ucp_ptrs_add(p->a, &oa, p->exchange->oa_paths[i].path);
		set_names(p, r, &oa_names);
		set_list(p, &r->paths, &r->npaths, &oa);
		plan_vec_free(&oa_names);
	}
	if (svc & UCP_SVC_ACTIVESYNC) {
		struct ucp_ptrs eas = { 0 };

		r = rule_new(p, "Exchange ActiveSync", "exchange-activesync", UCP_ROLE_CAS, ext, p->cas_vip, auth);
		r->long_timeouts = true;
		ucp_ptrs_add(p->a, &eas, "/Microsoft-Server-ActiveSync/*");
		set_names(p, r, &names);
		set_list(p, &r->paths, &r->npaths, &eas);
	}
	plan_vec_free(&names);
}

static void
ocs_rule(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct ucp_ptrs paths = { 0 };
	struct plan_vec names = { 0 };
	struct ucp_rule *r;
	size_t i;

	if (!m->sip.present || m->sip.web_external_fqdn.v == NULL || p->web_int_fqdn == NULL)
		return;
	/* Address book, meeting content and device updates are fetched without forms logon. */
	r = rule_new(p, "OCS web components", "ocs-web", UCP_ROLE_POOL, p->web_int_fqdn, m->sip.pool_ip.v,
	    UCP_AUTH_PASS_THROUGH);
	add_name(p, &names, m->sip.web_external_fqdn.v);
	r->internal_port = p->sip->web_port;
	for (i = 0; i < p->sip->nweb_paths; i++)
		ucp_ptrs_add(p->a, &paths, p->sip->web_paths[i]);
	set_names(p, r, &names);
	set_list(p, &r->paths, &r->npaths, &paths);
	plan_vec_free(&names);
}

/* Adds meet.<d>, the dial-in URL and lyncdiscover.<d>: the simple URLs and Autodiscover a rule publishes. */
static void
simple_url_names(struct planner *p, struct plan_vec *names)
{
	const struct ucp_model *m = p->m;
	size_t i;

	for (i = 0; i < m->sip.domains.len; i++)
		add_name(p, names, p->meets[i]);
	if (p->dialin != NULL)
		add_name(p, names, p->dialin);
	for (i = 0; p->mobility && i < m->sip.domains.len; i++)
		add_name(p, names, p->discovers[i]);
}

/* A rule bridged to the web services' ports (443 -> 4443, 80 -> 8080), whole site, pass-through. */
static struct ucp_rule *
web_rule(struct planner *p, const char *name, const char *id, enum ucp_role backend, const struct plan_vec *names,
    const struct ucp_str *vip)
{
	struct ucp_ptrs paths = { 0 };
	struct ucp_rule *r;
	size_t i;

	/* The internal site is the rule's first public name (reverse-proxy.md; spec 9.5). */
	r = rule_new(p, name, id, backend, ((const struct pname *)names->items[0])->name, vip != NULL ? vip->v : NULL,
	    UCP_AUTH_PASS_THROUGH);
	r->internal_port = p->sip->web_port;
	r->http_port = p->sip->web_http_port;
	for (i = 0; i < p->sip->nweb_paths; i++)
		ucp_ptrs_add(p->a, &paths, p->sip->web_paths[i]);
	set_names(p, r, names);
	set_list(p, &r->paths, &r->npaths, &paths);
	return r;
}

/*
 * Lync and later (spec 9.5): the pool's external web services, the
 * Director's with the simple URLs and Autodiscover when there is one, and
 * Office Web Apps Server unbridged.
 */
static void
lync_rules(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct plan_vec pool = { 0 }, dir = { 0 };

	if (p->web_ext_fqdn == NULL)
		return;
	add_name(p, &pool, p->web_ext_fqdn);
	if (p->dir_web_ext != NULL) {
		add_name(p, &dir, p->dir_web_ext);
		simple_url_names(p, &dir);
	} else {
		simple_url_names(p, &pool);
	}
	web_rule(p, "Lync external web services", "lync-web", UCP_ROLE_POOL, &pool, p->pool_web);
	if (p->dir_web_ext != NULL)
		web_rule(p, "Lync Director web services", "lync-director-web", UCP_ROLE_DIRECTOR, &dir, p->dir_web);
	if (m->sip.office_web_apps.present && m->sip.office_web_apps.fqdn.v != NULL) {
		struct ucp_ptrs paths = { 0 };
		struct plan_vec names = { 0 };
		struct ucp_rule *r = rule_new(p, "Office Web Apps", "office-web-apps", UCP_ROLE_OFFICE_WEB_APPS,
		    m->sip.office_web_apps.fqdn.v, m->sip.office_web_apps.ip.v, UCP_AUTH_PASS_THROUGH);

		add_name(p, &names, m->sip.office_web_apps.fqdn.v);
		ucp_ptrs_add(p->a, &paths, "/*");
		set_names(p, r, &names);
		set_list(p, &r->paths, &r->npaths, &paths);
		plan_vec_free(&names);
	}
	plan_vec_free(&pool);
	plan_vec_free(&dir);
}

/* True when node N's name resolves to IP in the external view, directly or through CNAMEs. */
static bool
resolves_to(const struct planner *p, const struct pname *n, const char *ip, int depth)
{
	const struct prec *r;

	if (n == NULL)
		return false;
	for (r = plan_rec(p, n->first[UCP_VIEW_EXTERNAL]); r != NULL; r = plan_rec(p, r->next_same_owner)) {
		if ((r->type == UCP_RR_A || r->type == UCP_RR_AAAA) && strcmp(r->data, ip) == 0)
			return true;
		if (r->type == UCP_RR_CNAME && depth < 8) {
			size_t len = strlen(r->data);
			char target[PLAN_NAME_MAX];

			plan_fmt(target, "%.*s", (int)(len > 0 ? len - 1 : 0), r->data);
			if (resolves_to(p, plan_name_find(p, target), ip, depth + 1))
				return true;
		}
	}
	return false;
}

/*
 * ISA Server 2004 and 2006 RTM bridge SSL to the published server and check
 * its certificate against the rule's internal site name: ISA 2004 reads only
 * the subject, ISA 2006 RTM the subject or the first SAN entry (reference 8,
 * C15). The listener's own certificate is presented to clients, which read
 * every SAN, so it is not what fails.
 */
static void
check_isa_bridging(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (m->rp.product != UCP_RP_ISA2004 && m->rp.product != UCP_RP_ISA2006)
		return;
	for (i = 0; i < p->rules.len; i++) {
		const struct ucp_rule *r = p->rules.items[i];
		const struct ucp_cert *c = plan_cert_for(p, r->backend);
		bool ok;

		if (c == NULL || r->internal_site == NULL)
			continue;
		ok = strcmp(r->internal_site, c->subject) == 0 || (m->rp.product == UCP_RP_ISA2006 && c->nsan > 0 &&
		    strcmp(r->internal_site, c->san[0]) == 0);
		if (ok)
			continue;
		if (m->rp.product == UCP_RP_ISA2004)
			plan_report(p, UCP_R_CERT_ISA, &m->rp.product_loc, "the rule \"%s\" connects to %s, but ISA Server "
			    "2004 reads only the subject of the published server's certificate %s (%s) and would fail "
			    "with \"the target principal name is incorrect\"; use ISA Server 2006 SP1 or TMG 2010, or a "
			    "certificate on the published server whose subject is %s", r->name, r->internal_site, c->name,
			    c->subject, r->internal_site);
		else
			plan_report(p, UCP_R_CERT_ISA, &m->rp.product_loc, "the rule \"%s\" connects to %s, but ISA Server "
			    "2006 before SP1 reads only the subject or first SAN entry of the published server's "
			    "certificate %s (%s) and would fail with \"the target principal name is incorrect\"; install "
			    "SP1 (product = \"isa2006sp1\"), or make %s that certificate's subject", r->name,
			    r->internal_site, c->name, c->subject, r->internal_site);
	}
}

static void
check_listener(struct planner *p, const struct ucp_cert *cert)
{
	const struct ucp_model *m = p->m;
	struct ucp_buf missing;
	struct plan_vec names = { 0 };
	uint32_t seen = plan_set_new(p), on_cert;
	size_t i, j;

	ucp_buf_init(&missing);
	/* Each published name once, in the rules' order. */
	for (i = 0; i < p->rules.len; i++) {
		const struct ucp_rule *r = p->rules.items[i];
		struct pname *const *nodes = p->rule_names.items[i];

		for (j = 0; j < r->npublic_names; j++) {
			struct pname *n = nodes[j];

			if (n->mark == seen)
				continue;
			n->mark = seen;
			plan_vec_add(&names, n);
			if (!resolves_to(p, n, m->rp.external_ip.v, 0))
				plan_report(p, UCP_R_PUBLISH_DNS, &m->rp.loc, "the published name %s does not resolve to the "
				    "listener address %s in the external view", n->name, m->rp.external_ip.v);
		}
	}
	/* Then the names the listener's certificate leaves out (the marks now say: on the certificate). */
	on_cert = cert != NULL ? plan_cert_set(p, cert) : plan_set_new(p);
	for (i = 0; i < names.len; i++) {
		const struct pname *n = names.items[i];

		if (n->mark != on_cert)
			ucp_buf_printf(&missing, "%s%s", missing.len ? ", " : "", n->name);
	}
	if (missing.len > 0)
		plan_report(p, UCP_R_CERT_COVERAGE, &m->rp.loc, "the listener certificate %s does not cover %s",
		    cert != NULL ? cert->name : "(none)", ucp_buf_str(&missing));
	plan_vec_free(&names);
	check_isa_bridging(p);
	ucp_buf_clear(&missing);
}

void
plan_publishing(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_cert *cert;
	struct ucp_listener *l;
	size_t i;

	if (!m->rp.present || m->rp.external_ip.v == NULL)
		return;
	exchange_rules(p);
	if (p->sip != NULL && p->sip->web_services)
		lync_rules(p);
	else
		ocs_rule(p);
	/* The listener's certificate is the one bound to the reverse-proxy role, whatever the design. */
	cert = plan_cert_for(p, UCP_ROLE_REVERSE_PROXY);
	l = ucp_arena_alloc(p->a, sizeof(*l));
	l->name = ucp_arena_strdup(p->a, m->rp.listener.v);
	l->ip = ucp_arena_strdup(p->a, m->rp.external_ip.v);
	l->port = 443;
	for (i = 0; i < p->rules.len; i++)
		if (((const struct ucp_rule *)p->rules.items[i])->http_port != 0)
			l->http_port = 80;
	l->certificate = cert != NULL ? cert->name : NULL;
	p->plan->publishing.present = true;
	p->plan->publishing.product = m->rp.product;
	p->plan->publishing.listeners = l;
	p->plan->publishing.nlisteners = 1;
	check_listener(p, cert);
}
