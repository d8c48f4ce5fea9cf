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
	size_t i;

	for (i = 0; i < p->sip->nedge_ports; i++) {
		const struct ucp_edge_port *e = &p->sip->edge_ports[i];
		const char *fqdn, *ip;
		enum ucp_role role;
		enum ucp_iface iface = UCP_IFACE_EXTERNAL;
		unsigned port = e->port;

		if (e->federation_only && !m->sip.federation)
			continue;
		switch (e->iface) {
		case UCP_EDGE_ACCESS:
			role = UCP_ROLE_ACCESS_EDGE, fqdn = access_fqdn, ip = acc->ip.v;
			break;
		case UCP_EDGE_WEBCONF:
			if (!p->webconf)
				continue;
			role = UCP_ROLE_WEBCONF_EDGE;
			if (p->webconf_shared) {
				fqdn = access_fqdn, ip = acc->ip.v;
				port = wc->port.set ? (unsigned)wc->port.v : 444;
			} else {
				fqdn = wc->fqdn.v, ip = wc->ip.v, port = (unsigned)wc->port.v;
			}
			break;
		case UCP_EDGE_AV:
			if (!av->present)
				continue;
			role = UCP_ROLE_AV_EDGE, fqdn = av->fqdn.v, ip = av->ip.v;
			break;
		case UCP_EDGE_INTERNAL:
		default:
			role = UCP_ROLE_EDGE_INTERNAL, fqdn = in->fqdn.v, ip = in->ip.v, iface = UCP_IFACE_INTERNAL;
			if (port == 0)
				port = (unsigned)av->port.v;
			break;
		}
		if (ip == NULL)
			continue;
		add(p, role, iface, fqdn, ip, port, e->port_end, e->protocol, e->direction, e->purpose,
		    cert_for(p, e->cert_role));
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

static void
internal_servers(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (m->sip.present && m->sip.pool_ip.v != NULL) {
		add(p, UCP_ROLE_POOL, UCP_IFACE_INTERNAL, m->sip.pool_fqdn.v, m->sip.pool_ip.v, 5061, 0, "tcp", "inbound",
		    "client sign-in and server SIP over TLS/MTLS", cert_for(p, UCP_ROLE_POOL));
		if (m->sip.tcp)
			add(p, UCP_ROLE_POOL, UCP_IFACE_INTERNAL, m->sip.pool_fqdn.v, m->sip.pool_ip.v, 5060, 0, "tcp", "inbound",
			    "client SIP over TCP", NULL);
		add(p, UCP_ROLE_POOL, UCP_IFACE_INTERNAL, p->web_int_fqdn, m->sip.pool_ip.v, 443, 0, "tcp", "inbound",
		    "web components (address book, meeting content), also from the reverse proxy", cert_for(p, UCP_ROLE_POOL));
		if (m->sip.edition == UCP_EDITION_ENTERPRISE) {
			/* The hardware load balancer's VIP carries these too (reference 3.1). */
			add(p, UCP_ROLE_POOL, UCP_IFACE_INTERNAL, m->sip.pool_fqdn.v, m->sip.pool_ip.v, 135, 0, "tcp", "inbound",
			    "DCOM/RPC: moving users and replication, through the load balancer", NULL);
			add(p, UCP_ROLE_POOL, UCP_IFACE_INTERNAL, m->sip.pool_fqdn.v, m->sip.pool_ip.v, 444, 0, "tcp", "inbound",
			    "HTTPS between the Focus and the conferencing servers", cert_for(p, UCP_ROLE_POOL));
		}
	}
	if (m->sip.present && m->sip.director.present && m->sip.director.ip.v != NULL)
		add(p, UCP_ROLE_DIRECTOR, UCP_IFACE_INTERNAL, m->sip.director.fqdn.v, m->sip.director.ip.v, 5061, 0, "tcp", "inbound",
		    "client sign-in over TLS", cert_for(p, UCP_ROLE_DIRECTOR));
	for (i = 0; m->exchange.present && p->cas_vips != NULL && i < p->cas_vips->nall; i++)
		add(p, UCP_ROLE_CAS, UCP_IFACE_INTERNAL, m->exchange.external_fqdn.v, p->cas_vips->all[i], 443, 0, "tcp", "inbound",
		    "OWA, ActiveSync, Outlook Anywhere, EWS, OAB, Autodiscover (from clients and the reverse proxy)",
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
	struct ucp_strmap san;
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
		ucp_strmap_init(&san);
		for (j = 0; j < c->nsan; j++)
			ucp_strmap_put(&san, c->san[j], (void *)c->san[j]);
		for (j = 0; j < m->sip.domains.len; j++) {
			const char *want = ucp_arena_printf(p->a, "sip.%s", m->sip.domains.items[j].v);

			if (!ucp_strmap_has(&san, want))
				plan_report(p, UCP_R_CERT_COVERAGE, &m->sip.domains.items[j].loc, "clients of %s sign in at %s "
				    "through the Access Edge, but its certificate %s does not list it",
				    m->sip.domains.items[j].v, want, c->name);
		}
		ucp_strmap_clear(&san);
	}
}

void
plan_endpoints(struct planner *p)
{
	const struct ucp_model *m = p->m;

	if (p->edge)
		edge(p);
	if (m->rp.present && m->rp.external_ip.v != NULL)
		add(p, UCP_ROLE_REVERSE_PROXY, UCP_IFACE_EXTERNAL, NULL, m->rp.external_ip.v, 443, 0, "tcp", "inbound",
		    "HTTPS listener, bridged to 443 on the internal sites",
		    cert_for(p, UCP_ROLE_REVERSE_PROXY));
	internal_servers(p);
	check_conflicts(p);
	check_coverage(p);
}
