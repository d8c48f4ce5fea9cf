/*
 * SIP records (spec 4.3): the SRV set and the other facts of the chosen
 * generation come from its descriptor (src/planner/product/), so a later
 * generation adds data rather than control flow here.
 */
#include <string.h>

#include "name.h"
#include "planner/internal.h"

/* The SRV target that satisfies strict naming for domain D (reference 2.4). */
static const char *
signin_target(struct planner *p, const char *fqdn, const char *d)
{
	const char *parent = ucp_name_parent(fqdn);

	if (parent != NULL && strcmp(parent, d) == 0)
		return fqdn;
	return ucp_arena_printf(p->a, "sip.%s", d);
}

static bool
srv_wanted(const struct planner *p, const struct ucp_srv_row *row)
{
	switch (row->when) {
	case UCP_SRV_ALWAYS:
		return true;
	case UCP_SRV_TCP:
		return p->m->sip.tcp;
	case UCP_SRV_EDGE:
		return p->edge;
	case UCP_SRV_FEDERATION:
		return p->edge && p->m->sip.federation;
	}
	return false;
}

static void
check_topology(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;

	if (m->sip.edition == UCP_EDITION_STANDARD && m->sip.nservers > 0)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.servers[0].loc,
		    "a Standard Edition server is its own pool: pool.servers is for Enterprise pools");
	if (m->sip.edition == UCP_EDITION_ENTERPRISE && m->sip.nservers == 0)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.pool_loc,
		    "an Enterprise pool lists its front-end servers in pool.servers");
	for (i = 0; i < m->sip.nservers; i++) {
		const struct ucp_host *h = &m->sip.servers[i];

		if (m->sip.edition == UCP_EDITION_ENTERPRISE && h->fqdn.v != NULL && m->sip.pool_fqdn.v != NULL &&
		    strcmp(h->fqdn.v, m->sip.pool_fqdn.v) == 0)
			plan_report(p, UCP_R_POOL_FQDN, &h->fqdn.loc,
			    "the Enterprise pool FQDN %s is also a server FQDN; the pool needs its own name "
			    "(the load balancer VIP), even with one front end", h->fqdn.v);
	}
	if (m->sip.lb == UCP_LB_NLB)
		plan_report(p, UCP_R_PORT_LB, &m->sip.lb_loc,
		    "Windows NLB is not supported for any OCS 2007 R2 server; use a hardware load balancer");
	else if (m->sip.lb == UCP_LB_NONE && m->sip.nservers > 1)
		plan_report(p, UCP_R_PORT_LB, &m->sip.lb_loc,
		    "an Enterprise pool with %zu front ends needs a hardware load balancer", m->sip.nservers);
	if (!m->sip.edge_internal.present) {
		const struct ucp_host *orphans[] = { &m->sip.edge_access, &m->sip.edge_webconf, &m->sip.edge_av };

		for (i = 0; i < 3; i++)
			if (orphans[i]->present)
				plan_report(p, UCP_R_TOPOLOGY, &orphans[i]->loc,
				    "an Edge needs its internal interface: add sip.edge.internal");
	} else if (!m->sip.edge_access.present) {
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.edge_loc,
		    "an Edge needs its Access Edge external interface: add sip.edge.access");
	} else {
		/* Every OCS 2007 R2 Edge runs all three external services. */
		if (!m->sip.edge_av.present)
			plan_report(p, UCP_R_TOPOLOGY, &m->sip.edge_av.loc, "every OCS 2007 R2 Edge runs the A/V Edge service: "
			    "add sip.edge.av { fqdn; ip; } with its public, un-NATed address");
		if (!m->sip.edge_webconf.present && !(m->certs.design == UCP_DESIGN_SINGLE &&
		    m->certs.webconf == UCP_WEBCONF_PORT444))
			plan_report(p, UCP_R_TOPOLOGY, &m->sip.edge_webconf.loc, "every OCS 2007 R2 Edge runs the Web "
			    "Conferencing Edge service, here on its own name and certificate: add sip.edge.webconf "
			    "{ fqdn; ip; }");
	}
}

/* True when ADDR lies inside one of the dns.internal.clients prefixes (or they cannot be judged). */
static bool
sees_internal_view(const struct ucp_model *m, const char *addr)
{
	size_t i;

	for (i = 0; i < m->dns.clients.len; i++) {
		const char *c = m->dns.clients.items[i].v;

		if (strcmp(c, "any") == 0 || strcmp(c, "localnets") == 0 || ucp_prefix_contains(c, addr))
			return true;
	}
	return false;
}

/* Facts about the Edge that depend on its addresses and on what else is deployed. */
static void
check_edge(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *av = &m->sip.edge_av, *in = &m->sip.edge_internal;

	if (p->sip->av_public && av->present && av->ip.v != NULL && ucp_addr_is_private(av->ip.v))
		plan_report(p, UCP_R_PORT_AV_PUBLIC, &av->ip.loc, "the A/V Edge address %s is private: OCS 2007 R2 needs "
		    "a publicly routable address that is not translated (NAT) for media relay", av->ip.v);
	if (in->ip.v != NULL && m->dns.clients.len > 0 && !sees_internal_view(m, in->ip.v))
		plan_report(p, UCP_R_DNS_EDGE_NEXT_HOP, &in->ip.loc, "the Edge's internal address %s lies outside every "
		    "dns.internal.clients prefix: it would get the external view and could not resolve its next hop "
		    "(%s); add its prefix, or give the Edge a hosts file", in->ip.v,
		    p->signin_fqdn != NULL ? p->signin_fqdn : "the pool or Director");
	if (m->sip.web_external_fqdn.v == NULL)
		plan_report(p, UCP_R_EDGE_WEB_FARM, &m->sip.edge_loc, "an Edge without a published external web farm "
		    "(sip.web.external_fqdn): remote users get no address book, no group expansion and no meeting "
		    "content");
}

static void
plan_internal(struct planner *p, const struct ucp_sip_product *prod)
{
	const struct ucp_model *m = p->m;
	const char *pool_why = m->sip.edition == UCP_EDITION_STANDARD ? "Standard Edition server"
	    : "Enterprise pool (hardware load balancer VIP)";
	size_t i, j;

	if (m->sip.pool_fqdn.v != NULL && m->sip.pool_ip.v != NULL)
		plan_record(p, UCP_VIEW_INTERNAL, m->sip.pool_fqdn.v, UCP_RR_A, &m->sip.pool_fqdn.loc, pool_why,
		    "%s", m->sip.pool_ip.v);
	for (i = 0; i < m->sip.nservers; i++) {
		const struct ucp_host *h = &m->sip.servers[i];

		if (h->fqdn.v != NULL && h->ip.v != NULL)
			plan_record(p, UCP_VIEW_INTERNAL, h->fqdn.v, UCP_RR_A, &h->fqdn.loc, "pool front-end server",
			    "%s", h->ip.v);
	}
	if (p->web_int_fqdn != NULL && m->sip.pool_web_fqdn.v != NULL && m->sip.pool_ip.v != NULL &&
	    m->sip.pool_fqdn.v != NULL && strcmp(m->sip.pool_web_fqdn.v, m->sip.pool_fqdn.v) != 0)
		plan_record(p, UCP_VIEW_INTERNAL, m->sip.pool_web_fqdn.v, UCP_RR_A, &m->sip.pool_web_fqdn.loc,
		    "internal web farm (pool VIP)", "%s", m->sip.pool_ip.v);
	if (m->sip.director.present && m->sip.director.fqdn.v != NULL && m->sip.director.ip.v != NULL)
		plan_record(p, UCP_VIEW_INTERNAL, m->sip.director.fqdn.v, UCP_RR_A, &m->sip.director.fqdn.loc,
		    "Director", "%s", m->sip.director.ip.v);
	if (p->edge && m->sip.edge_internal.fqdn.v != NULL && m->sip.edge_internal.ip.v != NULL)
		plan_record(p, UCP_VIEW_INTERNAL, m->sip.edge_internal.fqdn.v, UCP_RR_A,
		    &m->sip.edge_internal.fqdn.loc, "Edge internal interface", "%s", m->sip.edge_internal.ip.v);
	if (p->signin_fqdn == NULL || p->signin_ip == NULL)
		return;
	for (i = 0; i < m->sip.domains.len; i++) {
		const struct ucp_str *d = &m->sip.domains.items[i];
		const char *target = signin_target(p, p->signin_fqdn, d->v);

		if (strcmp(target, p->signin_fqdn) != 0)
			plan_note(p, &d->loc, "_sipinternaltls._tcp.%s targets %s: the sign-in server %s is not "
			    "directly in %s, and strict naming needs the target there", d->v, target,
			    p->signin_fqdn, d->v);
		for (j = 0; j < prod->nsrv; j++) {
			const struct ucp_srv_row *row = &prod->srv[j];

			if (row->view != UCP_VIEW_INTERNAL || !srv_wanted(p, row))
				continue;
			plan_record(p, UCP_VIEW_INTERNAL, ucp_arena_printf(p->a, "%s.%s", row->prefix, d->v),
			    UCP_RR_SRV, &d->loc, row->why, "0 0 %u %s.", row->port, target);
		}
		plan_record(p, UCP_VIEW_INTERNAL, ucp_arena_printf(p->a, "sip.%s", d->v), UCP_RR_A, &d->loc,
		    m->sip.director.present ? "internal sign-in: Director" : "internal sign-in: pool",
		    "%s", p->signin_ip);
		if (m->sip.device_updates && m->sip.pool_ip.v != NULL)
			plan_record(p, UCP_VIEW_INTERNAL, ucp_arena_printf(p->a, "ucupdates-r2.%s", d->v), UCP_RR_A,
			    &d->loc, "Device Update service for phones", "%s", m->sip.pool_ip.v);
	}
}

static void
plan_external(struct planner *p, const struct ucp_sip_product *prod)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *wc = &m->sip.edge_webconf, *av = &m->sip.edge_av;
	const char *access_ip = m->sip.edge_access.ip.v;
	size_t i, j;

	if (!p->edge) {
		plan_report(p, UCP_R_DNS_SIP_RECORDS, &m->sip.loc,
		    "no Edge is configured (sip.edge.internal): external users cannot sign in and no external "
		    "SIP records are planned");
		return;
	}
	for (i = 0; i < m->sip.domains.len && access_ip != NULL; i++) {
		const struct ucp_str *d = &m->sip.domains.items[i];
		const struct ucp_loc *loc = i == 0 && m->sip.edge_access.fqdn.v != NULL
		    ? &m->sip.edge_access.fqdn.loc : &d->loc;

		plan_record(p, UCP_VIEW_EXTERNAL, ucp_arena_printf(p->a, "sip.%s", d->v), UCP_RR_A, loc,
		    "Access Edge: external sign-in and federation", "%s", access_ip);
		for (j = 0; j < prod->nsrv; j++) {
			const struct ucp_srv_row *row = &prod->srv[j];

			if (row->view != UCP_VIEW_EXTERNAL || !srv_wanted(p, row))
				continue;
			plan_record(p, UCP_VIEW_EXTERNAL, ucp_arena_printf(p->a, "%s.%s", row->prefix, d->v),
			    UCP_RR_SRV, &d->loc, row->why, "0 0 %u sip.%s.", row->port, d->v);
		}
	}
	if (wc->present && !p->webconf_shared && wc->fqdn.v != NULL && wc->ip.v != NULL)
		plan_record(p, UCP_VIEW_EXTERNAL, wc->fqdn.v, UCP_RR_A, &wc->fqdn.loc,
		    "Web Conferencing Edge", "%s", wc->ip.v);
	if (av->present && av->fqdn.v != NULL && av->ip.v != NULL)
		plan_record(p, UCP_VIEW_EXTERNAL, av->fqdn.v, UCP_RR_A, &av->fqdn.loc,
		    "A/V Edge (public, not NATed; on no certificate)", "%s", av->ip.v);
	if (av->present && av->port.v == 443)
		plan_report(p, UCP_R_PORT_AV_AUTH, &av->port.loc,
		    "the A/V authentication service listens on 5062/TCP; 443 is the A/V Edge's STUN/TURN media "
		    "port and an authentication port of 443 causes calling errors in Communicator");
}

void
plan_sip(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_sip_product *prod = p->sip;
	const char *d0;

	if (!m->sip.present || m->sip.domains.len == 0)
		return;
	d0 = m->sip.domains.items[0].v;
	p->default_domain = d0;
	check_topology(p);
	p->edge = m->sip.edge_internal.present && m->sip.edge_access.present;
	if (m->sip.director.present) {
		p->signin_fqdn = m->sip.director.fqdn.v;
		p->signin_ip = m->sip.director.ip.v;
	} else {
		p->signin_fqdn = m->sip.pool_fqdn.v;
		p->signin_ip = m->sip.pool_ip.v;
	}
	p->web_int_fqdn = m->sip.pool_web_fqdn.v != NULL ? m->sip.pool_web_fqdn.v : m->sip.pool_fqdn.v;

	if (p->edge) {
		const char *want = ucp_arena_printf(p->a, "sip.%s", d0);
		const struct ucp_host *wc = &m->sip.edge_webconf;

		if (m->sip.edge_access.fqdn.v != NULL && strcmp(m->sip.edge_access.fqdn.v, want) != 0)
			plan_report(p, UCP_R_CERT_ACCESS_SUBJECT, &m->sip.edge_access.fqdn.loc,
			    "the Access Edge FQDN must be %s (sip.<default SIP domain>): clients find it through "
			    "_sip._tls.%s and strict naming requires the certificate subject there", want, d0);
		/* Left out under one certificate, it takes the Access Edge defaults: its name and address, 444. */
		p->webconf_shared = p->sip->webconf_port444 && m->certs.design == UCP_DESIGN_SINGLE &&
		    m->certs.webconf == UCP_WEBCONF_PORT444;
		p->webconf = wc->present || p->webconf_shared;
		check_edge(p);
		if (p->webconf_shared && wc->port.set && wc->port.v == 443)
			plan_report(p, UCP_R_CERT_WEBCONF, &wc->port.loc, "with one certificate the Web Conferencing Edge "
			    "certificate subject must be its FQDN, so it takes the Access Edge FQDN and address and needs "
			    "a port other than the Access Edge's 443 (444), or certificates.webconf = \"separate\"");
		if (p->webconf_shared) {
			unsigned port = wc->port.set ? (unsigned)wc->port.v : 444;

			plan_report(p, UCP_R_PORT_SHARED, &wc->loc,
			    "with one certificate the Web Conferencing Edge uses the Access Edge name %s and address %s "
			    "on port %u: open %u/TCP inbound, and expect remote firewalls that allow only 443 to block "
			    "meetings (certificates.webconf = \"separate\" keeps 443)", want,
			    m->sip.edge_access.ip.v != NULL ? m->sip.edge_access.ip.v : "?", port, port);
			if (wc->present)
				plan_note(p, &m->certs.webconf_loc, "the Web Conferencing Edge gets no DNS record of its "
				    "own: %s is ignored", wc->fqdn.v != NULL ? wc->fqdn.v : "its FQDN");
			else
				plan_note(p, &wc->loc, "sip.edge.webconf is left out: the Web Conferencing Edge takes the "
				    "Access Edge name and address on 444");
		}
	}
	plan_internal(p, prod);
	plan_external(p, prod);
	if (m->sip.web_external_fqdn.v != NULL) {
		if (!m->rp.present || m->rp.external_ip.v == NULL)
			plan_report(p, UCP_R_TOPOLOGY, &m->sip.web_external_fqdn.loc,
			    "the external web farm is published by a reverse proxy: add reverse_proxy");
		else
			plan_record(p, UCP_VIEW_EXTERNAL, m->sip.web_external_fqdn.v, UCP_RR_A,
			    &m->sip.web_external_fqdn.loc, "reverse proxy: OCS external web farm",
			    "%s", m->rp.external_ip.v);
	}
}
