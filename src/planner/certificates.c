/*
 * Certificates (spec 4.5; reference 3.3, 3.5, 12.2): the one public SAN
 * certificate of the article's single design or one per external role, the
 * Web Conferencing certificate when it keeps 443, and the enterprise-CA
 * certificates of the Edge internal side, A/V authentication, pool and
 * Director. The rules that depend only on certificates are checked here.
 */
#include <string.h>

#include "name.h"
#include "planner/internal.h"

/* The most names public CAs commonly sell on one SAN (UCC) certificate. */
#define MAX_PUBLIC_SAN 100

/* A certificate being built: names with the setting that put each there. */
struct cb {
	struct ucp_cert		*cert;
	struct plan_vec		 san;		/* struct pname * per SAN name */
	struct plan_vec		 locs;		/* const struct ucp_loc * per SAN name */
	enum ucp_role		 used_by[UCP_ROLE_COUNT];
	size_t			 nused_by;
	uint32_t		 names;		/* the set of its names (struct pname marks) */
};

static struct cb *
cb_new(struct planner *p, enum ucp_cert_kind kind, enum ucp_ca ca, bool exportable, const char *usage)
{
	struct cb *b = ucp_arena_alloc(p->tmp, sizeof(*b));

	b->cert = ucp_arena_alloc(p->a, sizeof(*b->cert));
	b->cert->kind = kind;
	b->cert->name = ucp_cert_kind_name(kind);
	b->cert->ca = ca;
	b->cert->key_bits = (unsigned)p->m->certs.key_bits.v;
	b->cert->exportable = exportable;
	b->cert->usage = usage;
	b->names = plan_set_new(p);
	return b;
}

/* Adds node N (from the setting at LOC) unless it is already on the certificate. */
static void
cb_node(struct planner *p, struct cb *b, struct pname *n, const struct ucp_loc *loc)
{
	if (n->mark == b->names)
		return;
	n->mark = b->names;
	plan_vec_add(&b->san, n);
	plan_vec_add(&b->locs, loc);
}

/* Adds NAME (from the setting at LOC) unless it is already on the certificate. */
static void
cb_name(struct planner *p, struct cb *b, const char *name, const struct ucp_loc *loc)
{
	if (name != NULL)
		cb_node(p, b, plan_name(p, name), loc);
}

static void
cb_role(struct planner *p, struct cb *b, enum ucp_role role)
{
	if (b->nused_by < sizeof(b->used_by) / sizeof(b->used_by[0]))
		b->used_by[b->nused_by++] = role;
}

/* Finishes B: subject = first name, SAN in order; checks C1 and C16; adds it to the plan. */
static void
cb_done(struct planner *p, struct cb *b)
{
	struct ucp_cert *c = b->cert;
	size_t i, nsan;

	if (b->san.len == 0)
		return;
	/* The names are the plan's already (the nodes'): the SAN points at them. */
	{
		const char **san = ucp_arena_alloc(p->a, sizeof(*san) * (b->san.len + 1));

		for (i = 0; i < b->san.len; i++)
			san[i] = ((const struct pname *)b->san.items[i])->name;
		c->san = san;
	}
	c->subject = c->san[0];
	c->nsan = b->san.len;
	{
		enum ucp_role *roles = ucp_arena_alloc(p->a, sizeof(*roles) * (b->nused_by + 1));

		memcpy(roles, b->used_by, sizeof(*roles) * b->nused_by);
		c->used_by = roles;
		c->nused_by = b->nused_by;
	}
	if (c->nsan == 0 || strcmp(c->san[0], c->subject) != 0)
		plan_report(p, UCP_R_CERT_SAN_SUBJECT, &p->m->certs.loc, "certificate %s: the subject %s is not the first "
		    "SAN entry", c->name, c->subject);
	/* Checked in slices, the certificate has the names of the tenant domains of the other slices too. */
	nsan = c->nsan + (p->certs.len < p->run->nsan_more ? p->run->san_more[p->certs.len] : 0);
	if (c->ca == UCP_CA_PUBLIC && nsan > MAX_PUBLIC_SAN)
		plan_report(p, UCP_R_CERT_SAN_COUNT, &p->m->certs.loc, "the public certificate %s needs %zu names; public "
		    "CAs sell SAN certificates with at most %d: split the domains over several certificates "
		    "(certificates.design = \"per-role\" separates the Edge from the web names)", c->name, nsan,
		    MAX_PUBLIC_SAN);
	for (i = 0; c->ca == UCP_CA_PUBLIC && p->m->certs.public_ca && i < c->nsan; i++) {
		if (ucp_name_is_internal(c->san[i]))
			plan_report(p, UCP_R_CERT_INTERNAL_NAME, b->locs.items[i], "%s would go on the public certificate "
			    "%s, but public CAs issue no certificates for internal names (single labels, .local and "
			    "other private suffixes); use a public name here and split-brain DNS inside", c->san[i],
			    c->name);
	}
	ucp_ptrs_add(p->a, &p->certs, c);
	/* The SAN's nodes stay, for the checks that follow (plan_cert_set); freed with the planner. */
	plan_vec_add(&p->cert_nodes, b->san.items);
	plan_vec_free(&b->locs);
}

/* The Autodiscover names that go on a certificate: a/cname mode, the service published. */
static void
autodiscover_names(struct planner *p, struct cb *b)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (!m->exchange.present || !(p->services & UCP_SVC_AUTODISCOVER) ||
	    m->exchange.autodiscover == UCP_AUTODISCOVER_SRV)
		return;
	for (i = 0; i < p->smtp.len; i++)
		cb_node(p, b, plan_autodiscover_name(p, i), &p->smtp.items[i].loc);
}

static void
sip_names(struct planner *p, struct cb *b)
{
	const struct ucp_model *m = p->m;
	size_t i;

	for (i = 0; i < m->sip.domains.len; i++)
		cb_node(p, b, plan_sip_name(p, i),
		    i == 0 && m->sip.edge_access.fqdn.v != NULL ? &m->sip.edge_access.fqdn.loc : &m->sip.domains.items[i].loc);
}

/* Lync and later: the Edge's external names (reference 5.10): Access Edge, Web Conferencing Edge, sip.<d>, XMPP. */
static void
edge_external_names(struct planner *p, struct cb *b)
{
	const struct ucp_model *m = p->m;
	size_t i;

	cb_name(p, b, m->sip.edge_access.fqdn.v != NULL ? m->sip.edge_access.fqdn.v
	    : ucp_arena_printf(p->a, "sip.%s", p->default_domain), &m->sip.edge_access.loc);
	cb_name(p, b, m->sip.edge_webconf.fqdn.v, &m->sip.edge_webconf.fqdn.loc);
	sip_names(p, b);
	for (i = 0; p->xmpp && i < m->sip.domains.len; i++) {
		cb_name(p, b, ucp_arena_printf(p->a, "xmpp.%s", m->sip.domains.items[i].v), &m->sip.xmpp.loc);
		/* The one wildcard Microsoft allows on the Edge: XMPP federation for the whole domain. */
		cb_name(p, b, ucp_arena_printf(p->a, "*.%s", m->sip.domains.items[i].v), &m->sip.xmpp.loc);
	}
}

/* Lync and later: the names the reverse proxy publishes for the web services (spec 9.4). */
static void
published_web_names(struct planner *p, struct cb *b)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (!p->sip->web_services || !m->rp.present)
		return;
	/* In the order of Microsoft's reverse-proxy certificate example (reference 5.10, F-L13-CERT-RP). */
	cb_name(p, b, p->web_ext_fqdn, &m->sip.web_external_fqdn.loc);
	cb_name(p, b, p->dir_web_ext, &m->sip.director_web_ext.loc);
	cb_name(p, b, p->dialin, &m->sip.dialin.loc);
	for (i = 0; i < m->sip.domains.len; i++)
		cb_name(p, b, p->meets[i], &m->sip.domains.items[i].loc);
	if (m->sip.office_web_apps.present)
		cb_name(p, b, m->sip.office_web_apps.fqdn.v, &m->sip.office_web_apps.fqdn.loc);
	for (i = 0; p->mobility && i < m->sip.domains.len; i++)
		cb_name(p, b, p->discovers[i], &m->sip.domains.items[i].loc);
}

/* Lync and later: the simple URLs and Autodiscover names a front end or Director answers for. */
static void
server_web_names(struct planner *p, struct cb *b)
{
	const struct ucp_model *m = p->m;
	size_t i;

	for (i = 0; i < m->sip.domains.len; i++)
		cb_name(p, b, p->meets[i], &m->sip.domains.items[i].loc);
	cb_name(p, b, p->dialin, &m->sip.dialin.loc);
	cb_name(p, b, p->admin, &m->sip.admin.loc);
	for (i = 0; p->mobility && i < m->sip.domains.len; i++) {
		cb_name(p, b, p->discovers_int[i], &m->sip.domains.items[i].loc);
		cb_name(p, b, p->discovers[i], &m->sip.domains.items[i].loc);
	}
}

/* True when the CAS must present the reverse proxy's certificate (Extended Protection, spec 9.4). */
static bool
cas_on_listener(const struct planner *p)
{
	return p->exchange != NULL && p->exchange->extended_protection && p->m->rp.present;
}

static const char *
joined_usage(struct planner *p, const char *const *parts, size_t n)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < n; i++)
		s = ucp_arena_printf(p->a, "%s%s%s", s, i ? ", " : "", parts[i]);
	return s;
}

/*
 * One public certificate for every external name (spec 4.5, 9.4): the Access
 * Edge's names first (from Lync on the Edge's external names, used by Access,
 * Web Conferencing and A/V authentication), then Exchange's, then the names
 * the reverse proxy publishes for the SIP web services.
 */
static void
public_single(struct planner *p)
{
	const struct ucp_model *m = p->m;
	bool lync = p->sip != NULL && p->sip->web_services;
	const char *usage[4];
	size_t n = 0;
	struct cb *b;

	if (p->edge)
		usage[n++] = lync ? "Access Edge, Web Conferencing Edge, A/V authentication" : "Access Edge";
	if (p->webconf_shared)
		usage[n++] = "Web Conferencing Edge (444)";
	if (m->rp.present)
		usage[n++] = "reverse-proxy listener";
	if (m->exchange.present)
		usage[n++] = "Exchange CAS";
	b = cb_new(p, UCP_CERT_EXTERNAL, UCP_CA_PUBLIC, true, joined_usage(p, usage, n));
	if (p->edge) {
		if (lync)
			edge_external_names(p, b);
		else
			sip_names(p, b);
		cb_role(p, b, UCP_ROLE_ACCESS_EDGE);
		if (lync || p->webconf_shared)
			cb_role(p, b, UCP_ROLE_WEBCONF_EDGE);
		if (lync)
			cb_role(p, b, UCP_ROLE_AV_EDGE);
	}
	if (m->exchange.present)
		cb_name(p, b, m->exchange.external_fqdn.v, &m->exchange.external_fqdn.loc);
	autodiscover_names(p, b);
	if (lync)
		published_web_names(p, b);
	else if (m->rp.present)
		cb_name(p, b, m->sip.web_external_fqdn.v, &m->sip.web_external_fqdn.loc);
	if (m->rp.present)
		cb_role(p, b, UCP_ROLE_REVERSE_PROXY);
	if (m->exchange.present)
		cb_role(p, b, UCP_ROLE_CAS);
	cb_done(p, b);
}

static void
public_webconf(struct planner *p, enum ucp_cert_kind kind)
{
	const struct ucp_host *wc = &p->m->sip.edge_webconf;
	struct cb *b;

	if (!p->edge || !wc->present || p->webconf_shared || wc->fqdn.v == NULL)
		return;
	b = cb_new(p, kind, UCP_CA_PUBLIC, false, ucp_arena_printf(p->a, "Web Conferencing Edge (%s:%lld)",
	    wc->ip.v != NULL ? wc->ip.v : "?", wc->port.v));
	cb_name(p, b, wc->fqdn.v, &wc->fqdn.loc);
	cb_role(p, b, UCP_ROLE_WEBCONF_EDGE);
	cb_done(p, b);
}

/*
 * Lync and later, one public certificate per role: the Edge's (Access, Web
 * Conferencing, A/V authentication), the listener's (the web services first),
 * and Exchange's unless Extended Protection puts the listener's on the CAS.
 */
static void
public_per_role_lync(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct cb *b;

	if (p->edge) {
		b = cb_new(p, UCP_CERT_EDGE_EXTERNAL, UCP_CA_PUBLIC, true, "Access Edge, Web Conferencing Edge, "
		    "A/V authentication (every Edge server: exportable key)");
		edge_external_names(p, b);
		cb_role(p, b, UCP_ROLE_ACCESS_EDGE);
		cb_role(p, b, UCP_ROLE_WEBCONF_EDGE);
		cb_role(p, b, UCP_ROLE_AV_EDGE);
		cb_done(p, b);
	}
	if (m->rp.present && (m->exchange.present || p->web_ext_fqdn != NULL)) {
		b = cb_new(p, UCP_CERT_REVERSE_PROXY, UCP_CA_PUBLIC, cas_on_listener(p), cas_on_listener(p)
		    ? "reverse-proxy listener and Exchange CAS (Extended Protection)" : "reverse-proxy listener");
		published_web_names(p, b);
		if (m->exchange.present)
			cb_name(p, b, m->exchange.external_fqdn.v, &m->exchange.external_fqdn.loc);
		autodiscover_names(p, b);
		cb_role(p, b, UCP_ROLE_REVERSE_PROXY);
		if (cas_on_listener(p))
			cb_role(p, b, UCP_ROLE_CAS);
		cb_done(p, b);
	}
	if (m->exchange.present && !cas_on_listener(p)) {
		b = cb_new(p, UCP_CERT_EXCHANGE, UCP_CA_PUBLIC, false, "Exchange CAS");
		cb_name(p, b, m->exchange.external_fqdn.v, &m->exchange.external_fqdn.loc);
		autodiscover_names(p, b);
		cb_role(p, b, UCP_ROLE_CAS);
		cb_done(p, b);
	}
}

static void
public_per_role(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct cb *b;

	if (p->sip != NULL && p->sip->web_services) {
		public_per_role_lync(p);
		return;
	}
	if (p->edge) {
		b = cb_new(p, UCP_CERT_ACCESS_EDGE, UCP_CA_PUBLIC, true, "Access Edge");
		sip_names(p, b);
		cb_role(p, b, UCP_ROLE_ACCESS_EDGE);
		cb_done(p, b);
	}
	public_webconf(p, UCP_CERT_WEBCONF_EDGE);
	if (m->rp.present && (m->exchange.present || m->sip.web_external_fqdn.v != NULL)) {
		b = cb_new(p, UCP_CERT_REVERSE_PROXY, UCP_CA_PUBLIC, false, "reverse-proxy listener");
		if (m->exchange.present)
			cb_name(p, b, m->exchange.external_fqdn.v, &m->exchange.external_fqdn.loc);
		autodiscover_names(p, b);
		cb_name(p, b, m->sip.web_external_fqdn.v, &m->sip.web_external_fqdn.loc);
		cb_role(p, b, UCP_ROLE_REVERSE_PROXY);
		cb_done(p, b);
	}
	if (m->exchange.present) {
		b = cb_new(p, UCP_CERT_EXCHANGE, UCP_CA_PUBLIC, false, "Exchange CAS");
		cb_name(p, b, m->exchange.external_fqdn.v, &m->exchange.external_fqdn.loc);
		autodiscover_names(p, b);
		cb_role(p, b, UCP_ROLE_CAS);
		cb_done(p, b);
	}
}

/* Lync and later: edge-internal, frontend, director, office-web-apps and oauth (spec 9.4). */
static void
enterprise_lync(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *ei = &m->sip.edge_internal;
	struct cb *b;
	size_t i;

	if (p->edge && ei->fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_EDGE_INTERNAL, UCP_CA_ENTERPRISE, false, m->sip.nedge_servers > 0
		    ? "Edge internal interfaces (every Edge server)" : "Edge internal interface");
		cb_name(p, b, ei->fqdn.v, &ei->fqdn.loc);
		cb_role(p, b, UCP_ROLE_EDGE_INTERNAL);
		cb_done(p, b);
	}
	if (m->sip.pool_fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_FRONTEND, UCP_CA_ENTERPRISE, false, m->sip.edition == UCP_EDITION_STANDARD
		    ? "Standard Edition server: default, internal and external web services"
		    : "front-end pool: default, internal and external web services");
		cb_name(p, b, m->sip.pool_fqdn.v, &m->sip.pool_fqdn.loc);
		for (i = 0; i < m->sip.nservers; i++)
			cb_name(p, b, m->sip.servers[i].fqdn.v, &m->sip.servers[i].fqdn.loc);
		cb_name(p, b, p->web_int_fqdn, &m->sip.pool_web_fqdn.loc);
		cb_name(p, b, p->web_ext_fqdn, &m->sip.web_external_fqdn.loc);
		server_web_names(p, b);
		if (!m->sip.director.present)
			sip_names(p, b);
		cb_role(p, b, UCP_ROLE_POOL);
		cb_done(p, b);
	}
	if (m->sip.director.present && m->sip.director.fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_DIRECTOR, UCP_CA_ENTERPRISE, false, "Director: default, internal and external "
		    "web services (sign-in server)");
		cb_name(p, b, m->sip.director.fqdn.v, &m->sip.director.fqdn.loc);
		for (i = 0; i < m->sip.ndirector_servers; i++)
			cb_name(p, b, m->sip.director_servers[i].fqdn.v, &m->sip.director_servers[i].fqdn.loc);
		cb_name(p, b, p->dir_web_fqdn, &m->sip.director_web_fqdn.loc);
		cb_name(p, b, p->dir_web_ext, &m->sip.director_web_ext.loc);
		server_web_names(p, b);
		sip_names(p, b);
		cb_role(p, b, UCP_ROLE_DIRECTOR);
		cb_done(p, b);
	}
	if (m->sip.office_web_apps.present && m->sip.office_web_apps.fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_OFFICE_WEB_APPS, UCP_CA_ENTERPRISE, false, "Office Web Apps Server");
		cb_name(p, b, m->sip.office_web_apps.fqdn.v, &m->sip.office_web_apps.fqdn.loc);
		cb_role(p, b, UCP_ROLE_OFFICE_WEB_APPS);
		cb_done(p, b);
	}
	if (p->sip->oauth) {
		/* One OAuthTokenIssuer certificate shared by every front end: the key goes along. */
		b = cb_new(p, UCP_CERT_OAUTH, UCP_CA_ENTERPRISE, true, "OAuthTokenIssuer: server-to-server "
		    "authentication (every front end)");
		for (i = 0; i < m->sip.domains.len; i++)
			cb_name(p, b, m->sip.domains.items[i].v, &m->sip.domains.items[i].loc);
		cb_done(p, b);
	}
}

static void
enterprise(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *ei = &m->sip.edge_internal;
	struct cb *b;
	size_t i;

	if (p->sip != NULL && p->sip->web_services) {
		enterprise_lync(p);
		return;
	}

	if (p->edge && ei->fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_EDGE_INTERNAL, UCP_CA_ENTERPRISE, false, "Edge internal interface");
		cb_name(p, b, ei->fqdn.v, &ei->fqdn.loc);
		cb_role(p, b, UCP_ROLE_EDGE_INTERNAL);
		cb_done(p, b);
		/* A separate certificate from the Edge service ones (C9); every array member needs its key. */
		b = cb_new(p, UCP_CERT_AV_AUTH, UCP_CA_ENTERPRISE, true, "A/V authentication (exportable key)");
		cb_name(p, b, ei->fqdn.v, &ei->fqdn.loc);
		cb_role(p, b, UCP_ROLE_AV_EDGE);
		cb_done(p, b);
	}
	if (m->sip.present && m->sip.pool_fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_POOL, UCP_CA_ENTERPRISE, false, m->sip.edition == UCP_EDITION_STANDARD
		    ? "Standard Edition server" : "pool front ends, internal web farm");
		cb_name(p, b, m->sip.pool_fqdn.v, &m->sip.pool_fqdn.loc);
		cb_name(p, b, m->sip.pool_web_fqdn.v, &m->sip.pool_web_fqdn.loc);
		for (i = 0; i < m->sip.nservers; i++)
			cb_name(p, b, m->sip.servers[i].fqdn.v, &m->sip.servers[i].fqdn.loc);
		if (!m->sip.director.present)
			sip_names(p, b);
		cb_role(p, b, UCP_ROLE_POOL);
		cb_done(p, b);
	}
	if (m->sip.present && m->sip.director.present && m->sip.director.fqdn.v != NULL) {
		b = cb_new(p, UCP_CERT_DIRECTOR, UCP_CA_ENTERPRISE, false, "Director (sign-in server)");
		cb_name(p, b, m->sip.director.fqdn.v, &m->sip.director.fqdn.loc);
		sip_names(p, b);
		cb_role(p, b, UCP_ROLE_DIRECTOR);
		cb_done(p, b);
	}
}

const struct ucp_cert *
plan_cert_for(const struct planner *p, enum ucp_role role)
{
	size_t i;

	for (i = 0; i < p->certs.len; i++)
		if (ucp_cert_used_by(p->certs.items[i], role))
			return p->certs.items[i];
	return NULL;
}

const struct ucp_cert *
plan_cert(const struct planner *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->certs.len; i++)
		if (strcmp(((const struct ucp_cert *)p->certs.items[i])->name, name) == 0)
			return p->certs.items[i];
	return NULL;
}

uint32_t
plan_cert_set(struct planner *p, const struct ucp_cert *c)
{
	struct pname *const *nodes = NULL;
	uint32_t set = plan_set_new(p);
	size_t i;

	/* A planned certificate's SAN was kept as nodes (cb_done): no name is looked up again. */
	for (i = 0; i < p->certs.len; i++)
		if (p->certs.items[i] == c)
			nodes = (struct pname *const *)p->cert_nodes.items[i];
	for (i = 0; i < c->nsan; i++)
		(nodes != NULL ? nodes[i] : plan_name(p, c->san[i]))->mark = set;
	return set;
}

bool
plan_cert_has(const struct ucp_cert *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nsan; i++)
		if (strcmp(c->san[i], name) == 0)
			return true;
	return false;
}

/* The A/V Edge FQDN is on no certificate, and every Edge name is on the certificate bound there. */
static void
check_edge(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *av = &m->sip.edge_av;
	size_t i, j;

	for (i = 0; i < p->certs.len; i++) {
		const struct ucp_cert *c = p->certs.items[i];

		if (av->fqdn.v != NULL && c->ca == UCP_CA_PUBLIC && plan_cert_has(c, av->fqdn.v))
			plan_report(p, UCP_R_CERT_COVERAGE, &av->fqdn.loc, "the A/V Edge FQDN %s must stay off certificate %s: "
			    "give the A/V Edge a name of its own", av->fqdn.v, c->name);
		for (j = 0; j < c->nused_by; j++) {
			if (c->used_by[j] != UCP_ROLE_ACCESS_EDGE)
				continue;
			if (m->sip.domains.len > 0 && strcmp(c->subject, ucp_arena_printf(p->a, "sip.%s",
			    m->sip.domains.items[0].v)) != 0)
				plan_report(p, UCP_R_CERT_ACCESS_SUBJECT, &m->sip.edge_access.loc, "the Access Edge certificate %s "
				    "has the subject %s, not sip.%s", c->name, c->subject, m->sip.domains.items[0].v);
		}
	}
}

void
plan_certificates(struct planner *p)
{
	if (p->m->certs.design == UCP_DESIGN_SINGLE) {
		if ((p->edge || p->m->rp.present || p->m->exchange.present))
			public_single(p);
		public_webconf(p, UCP_CERT_WEBCONF);
	} else {
		public_per_role(p);
	}
	enterprise(p);
	check_edge(p);
	if (p->webconf_shared)
		plan_note(p, &p->m->certs.webconf_loc, "one certificate: the Web Conferencing Edge certificate subject "
		    "must equal its FQDN, so it shares the Access Edge FQDN and IP and moves to another port (C6)");
}
