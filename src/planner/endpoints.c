/*
 * Endpoints (spec 4.6; reference 3.4, 12.3): what listens where, for the
 * firewall team. The Edge ports come from the generation's descriptor; two
 * endpoints on one address, port and protocol are an error.
 */
#include <string.h>

#include "planner/internal.h"

/* The name of the certificate bound to ROLE, or NULL. */
static const char *
cert_for(const struct planner *p, enum ucp_role role)
{
	const struct ucp_cert *c = plan_cert_for(p, role);

	return c != NULL ? c->name : NULL;
}

static struct ucp_endpoint *
add(struct planner *p, enum ucp_role role, enum ucp_iface iface, const char *fqdn, const char *ip, unsigned port,
    unsigned port_end, const char *protocol, const char *direction, const char *purpose, const char *cert)
{
	struct ucp_endpoint *e = ucp_arena_alloc(p->a, sizeof(*e));

	/* The plan owns its strings: it outlives the model. */
	e->role = role;
	e->interface = iface;
	e->fqdn = ucp_arena_strdup(p->a, fqdn);
	e->ip = ucp_arena_strdup(p->a, ip);
	e->port = port;
	e->port_end = port_end;
	e->protocol = protocol;
	e->direction = direction;
	e->purpose = purpose;
	e->certificate = cert;
	ucp_ptrs_add(p->a, &p->endpoints, e);
	return e;
}

static void
edge(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *acc = &m->sip.edge_access, *wc = &m->sip.edge_webconf, *av = &m->sip.edge_av;
	const struct ucp_host *in = &m->sip.edge_internal;
	const char *access_fqdn = acc->fqdn.v != NULL ? acc->fqdn.v
	    : ucp_arena_printf(p->a, "sip.%s", m->sip.domains.items[0].v);
	size_t i, k;

	for (i = 0; i < p->sip->nedge_ports; i++) {
		const struct ucp_edge_port *e = &p->sip->edge_ports[i];
		const struct ucp_host *h;
		const char *fqdn;
		enum ucp_role role;
		enum ucp_iface iface = UCP_IFACE_EXTERNAL;
		unsigned port = e->port;

		if (!plan_sip_wanted(p, e->when))
			continue;
		switch (e->iface) {
		case UCP_EDGE_ACCESS:
			role = UCP_ROLE_ACCESS_EDGE, fqdn = access_fqdn, h = acc;
			break;
		case UCP_EDGE_WEBCONF:
			if (!p->webconf)
				continue;
			role = UCP_ROLE_WEBCONF_EDGE;
			if (p->webconf_shared) {
				fqdn = access_fqdn, h = acc;
				port = wc->port.set ? (unsigned)wc->port.v : 444;
			} else {
				fqdn = wc->fqdn.v, h = wc, port = (unsigned)wc->port.v;
			}
			break;
		case UCP_EDGE_AV:
			if (!av->present)
				continue;
			role = UCP_ROLE_AV_EDGE, fqdn = av->fqdn.v, h = av;
			break;
		case UCP_EDGE_INTERNAL:
		default:
			role = UCP_ROLE_EDGE_INTERNAL, fqdn = in->fqdn.v, h = in, iface = UCP_IFACE_INTERNAL;
			if (port == 0)
				port = (unsigned)av->port.v;
			break;
		}
		/* One endpoint per Edge server's address; behind NAT with its public address. */
		for (k = 0; k < h->ip.nall; k++) {
			struct ucp_endpoint *ep = add(p, role, iface, fqdn, h->ip.all[k], port, e->port_end, e->protocol,
			    e->direction, e->purpose, cert_for(p, e->cert_role));

			if (iface == UCP_IFACE_EXTERNAL && k < h->public_ip.nall)
				ep->public_ip = ucp_arena_strdup(p->a, h->public_ip.all[k]);
		}
	}
}

static bool
has_addr(const struct ucp_str *addrs, const char *a)
{
	size_t i;

	for (i = 0; addrs != NULL && i < addrs->nall; i++)
		if (strcmp(addrs->all[i], a) == 0)
			return true;
	return false;
}

/*
 * The ports of the pool or the Director from the generation's table: SIP
 * ports on the SIP addresses, web ports on the web VIP, each under the name
 * clients use there.
 */
static void
server_ports(struct planner *p, enum ucp_role role, const struct ucp_server_port *rows, size_t nrows,
    const char *sip_fqdn, const struct ucp_str *sip_addrs, const char *web_fqdn, const char *web_ext,
    const struct ucp_str *web_addrs)
{
	const char *cert = cert_for(p, role);
	size_t i, k;

	for (i = 0; i < nrows; i++) {
		const struct ucp_server_port *r = &rows[i];
		const struct ucp_str *a = r->name == UCP_SERVER_SIP ? sip_addrs : web_addrs;
		const char *fqdn = r->name == UCP_SERVER_SIP ? sip_fqdn : r->name == UCP_SERVER_WEB_INT ? web_fqdn
		    : web_ext != NULL ? web_ext : web_fqdn;

		if (!plan_sip_wanted(p, r->when) || a == NULL)
			continue;
		for (k = 0; k < a->nall; k++)
			add(p, role, UCP_IFACE_INTERNAL, fqdn, a->all[k], r->port, 0, "tcp", "inbound", r->purpose,
			    r->cert ? cert : NULL);
	}
}

static void
internal_servers(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (m->sip.present && p->sip != NULL && p->pool_addrs.v != NULL)
		server_ports(p, UCP_ROLE_POOL, p->sip->pool_ports, p->sip->npool_ports, m->sip.pool_fqdn.v,
		    &p->pool_addrs, p->web_int_fqdn, p->web_ext_fqdn, p->pool_web);
	if (m->sip.present && p->sip != NULL && m->sip.director.present && m->sip.director.ip.v != NULL)
		server_ports(p, UCP_ROLE_DIRECTOR, p->sip->director_ports, p->sip->ndirector_ports,
		    m->sip.director.fqdn.v, &m->sip.director.ip, p->dir_web_fqdn, p->dir_web_ext, p->dir_web);
	if (m->sip.present && m->sip.office_web_apps.present && m->sip.office_web_apps.fqdn.v != NULL)
		for (i = 0; i < m->sip.office_web_apps.ip.nall; i++)
			add(p, UCP_ROLE_OFFICE_WEB_APPS, UCP_IFACE_INTERNAL, m->sip.office_web_apps.fqdn.v,
			    m->sip.office_web_apps.ip.all[i], 443, 0, "tcp", "inbound", "Office Web Apps Server: "
			    "meeting content for clients and the front ends, also from the reverse proxy",
			    cert_for(p, UCP_ROLE_OFFICE_WEB_APPS));
	for (i = 0; m->exchange.present && p->cas_vips != NULL && i < p->cas_vips->nall; i++)
		add(p, UCP_ROLE_CAS, UCP_IFACE_INTERNAL, m->exchange.external_fqdn.v, p->cas_vips->all[i], 443, 0, "tcp", "inbound",
		    (p->services & UCP_SVC_MAPI)
		    ? "OWA, ActiveSync, Outlook Anywhere, MAPI over HTTP, EWS, OAB, Autodiscover (from clients and the "
		    "reverse proxy)"
		    : "OWA, ActiveSync, Outlook Anywhere, EWS, OAB, Autodiscover (from clients and the reverse proxy)",
		    cert_for(p, UCP_ROLE_CAS));
	for (i = 0; m->exchange.present && m->exchange.cas_vip.v != NULL && i < m->exchange.ncas; i++) {
		const struct ucp_str *ip = &m->exchange.cas[i].ip;
		size_t j;

		for (j = 0; j < ip->nall; j++)
			if (!has_addr(p->cas_vips, ip->all[j]))
				/* Clients reach each node through the VIP, under the client namespace. */
				add(p, UCP_ROLE_CAS, UCP_IFACE_INTERNAL, m->exchange.external_fqdn.v, ip->all[j], 443, 0, "tcp",
				    "inbound", ucp_arena_printf(p->a, "Client Access server %s behind the load balancer",
				    m->exchange.cas[i].fqdn.v != NULL ? m->exchange.cas[i].fqdn.v : "?"), cert_for(p, UCP_ROLE_CAS));
	}
	for (i = 0; m->exchange.present && m->exchange.mx.present && i < m->exchange.mx.ip.nall; i++)
		add(p, UCP_ROLE_SMTP, UCP_IFACE_EXTERNAL, m->exchange.mx.fqdn.v, m->exchange.mx.ip.all[i], 25, 0, "tcp", "inbound",
		    "inbound mail from the Internet (MX): SMTP", NULL);
}

/* The configuration setting behind an endpoint, for diagnostics. */
static const struct ucp_loc *
where(const struct planner *p, const struct ucp_endpoint *e)
{
	const struct ucp_model *m = p->m;

	switch (e->role) {
	case UCP_ROLE_WEBCONF_EDGE:
		return &m->sip.edge_webconf.loc;
	case UCP_ROLE_AV_EDGE:
		return &m->sip.edge_av.loc;
	case UCP_ROLE_ACCESS_EDGE:
		return &m->sip.edge_access.loc;
	case UCP_ROLE_EDGE_INTERNAL:
		return &m->sip.edge_internal.loc;
	case UCP_ROLE_REVERSE_PROXY:
		return &m->rp.loc;
	case UCP_ROLE_CAS:
		return &m->exchange.loc;
	case UCP_ROLE_SMTP:
		return &m->exchange.mx.loc;
	case UCP_ROLE_OFFICE_WEB_APPS:
		return &m->sip.office_web_apps.loc;
	default:
		return &m->sip.loc;
	}
}

static void
check_conflicts(struct planner *p)
{
	size_t i, j;

	for (i = 0; i < p->endpoints.len; i++) {
		const struct ucp_endpoint *a = p->endpoints.items[i];
		unsigned a_end = a->port_end ? a->port_end : a->port;

		for (j = 0; j < i; j++) {
			const struct ucp_endpoint *b = p->endpoints.items[j];
			unsigned b_end = b->port_end ? b->port_end : b->port;

			if (strcmp(a->ip, b->ip) != 0 || strcmp(a->protocol, b->protocol) != 0 ||
			    a->port > b_end || b->port > a_end)
				continue;
			plan_report(p, UCP_R_ENDPOINT_CONFLICT, where(p, a), "%s (%s) and %s (%s) both listen on %s port %u/%s: "
			    "each service on one address needs its own port or its own address", ucp_role_name(a->role),
			    a->purpose, ucp_role_name(b->role), b->purpose, a->ip, a->port, a->protocol);
		}
	}
}

/* Every name a client reaches on an endpoint is on the certificate bound there. */
static void
check_coverage(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i, j;

	for (i = 0; i < p->endpoints.len; i++) {
		const struct ucp_endpoint *e = p->endpoints.items[i];
		const struct ucp_cert *c = e->certificate != NULL ? plan_cert(p, e->certificate) : NULL;

		if (c == NULL || e->fqdn == NULL)
			continue;
		if (!plan_cert_has(c, e->fqdn))
			plan_report(p, UCP_R_CERT_COVERAGE, where(p, e), "%s is reached at %s:%u, but the certificate %s bound "
			    "there does not list it", e->fqdn, e->ip, e->port, c->name);
		if (e->role != UCP_ROLE_ACCESS_EDGE || e->port != 443)
			continue;
		/* One set of the SAN, not a scan of it per SIP domain: hosters list tens of thousands. */
		uint32_t san = plan_cert_set(p, c);

		for (j = 0; j < m->sip.domains.len; j++) {
			const struct pname *want = plan_sip_name(p, j);

			if (want->mark != san)
				plan_report(p, UCP_R_CERT_COVERAGE, &m->sip.domains.items[j].loc, "clients of %s sign in at %s "
				    "through the Access Edge, but its certificate %s does not list it",
				    m->sip.domains.items[j].v, want->name, c->name);
		}
	}
}

void
plan_endpoints(struct planner *p)
{
	const struct ucp_model *m = p->m;

	if (p->edge)
		edge(p);
	if (m->rp.present && m->rp.external_ip.v != NULL) {
		bool lync = p->sip != NULL && p->sip->web_services && p->web_ext_fqdn != NULL;

		add(p, UCP_ROLE_REVERSE_PROXY, UCP_IFACE_EXTERNAL, NULL, m->rp.external_ip.v, 443, 0, "tcp", "inbound",
		    lync ? ucp_arena_printf(p->a, "HTTPS listener, bridged to %u on the %s web services and to 443 on "
		    "the other sites", p->sip->web_port, p->sip->title) : "HTTPS listener, bridged to 443 on the internal "
		    "sites", cert_for(p, UCP_ROLE_REVERSE_PROXY));
		if (lync && p->sip->web_http_port != 0)
			add(p, UCP_ROLE_REVERSE_PROXY, UCP_IFACE_EXTERNAL, NULL, m->rp.external_ip.v, 80, 0, "tcp", "inbound",
			    ucp_arena_printf(p->a, "HTTP listener (lyncdiscover and the web services), bridged to %u",
			    p->sip->web_http_port), NULL);
	}
	internal_servers(p);
	check_conflicts(p);
	check_coverage(p);
}
