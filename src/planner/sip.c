/*
 * SIP records (spec 4.3, 9.2, 9.3): the SRV set and the other facts of the
 * chosen generation come from its descriptor (src/planner/product/), so a
 * later generation adds data rather than control flow here. Lync Server 2010
 * and later add the web services names: simple URLs, mobility, XMPP, Office
 * Web Apps, the Director's web services, DNS load balancing and NAT.
 */
#include <string.h>

#include "name.h"
#include "planner/internal.h"

/*
 * The SRV target that satisfies strict naming for sip.domains entry I
 * (reference 2.4): FQDN when it lies directly in the domain (*NODE NULL),
 * else sip.<d> (*NODE its node).
 */
static const char *
signin_target(struct planner *p, const char *fqdn, size_t i, struct pname **node)
{
	const char *parent = ucp_name_parent(fqdn);

	*node = NULL;
	if (parent != NULL && strcmp(parent, p->m->sip.domains.items[i].v) == 0)
		return fqdn;
	*node = plan_sip_name(p, i);
	return (*node)->name;
}

static bool
wanted(const struct planner *p, enum ucp_when when)
{
	switch (when) {
	case UCP_WHEN_ALWAYS:
		return true;
	case UCP_WHEN_TCP:
		return p->m->sip.tcp;
	case UCP_WHEN_EDGE:
		return p->edge;
	case UCP_WHEN_FEDERATION:
		return p->edge && p->m->sip.federation;
	case UCP_WHEN_XMPP:
		return p->edge && p->xmpp;
	case UCP_WHEN_ENTERPRISE:
		return p->m->sip.edition == UCP_EDITION_ENTERPRISE;
	case UCP_WHEN_CLS:
		return p->sip->cls;
	}
	return false;
}

bool
plan_sip_wanted(const struct planner *p, enum ucp_when when)
{
	return wanted(p, when);
}

/* The address an Edge service's name resolves to from the Internet: public_ip behind NAT. */
const struct ucp_str *
plan_edge_public(const struct ucp_host *h)
{
	return h->public_ip.v != NULL ? &h->public_ip : &h->ip;
}

static void
check_pool(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_sip_product *g = p->sip;

	if (m->sip.lb == UCP_LB_NLB)
		plan_report(p, UCP_R_PORT_LB, &m->sip.lb_loc,
		    "Windows NLB is not supported for any %s server; use a hardware load balancer", g->title);
	else if (m->sip.lb == UCP_LB_NONE && m->sip.nservers > 1)
		plan_report(p, UCP_R_PORT_LB, &m->sip.lb_loc, g->dns_lb
		    ? "an Enterprise pool with %zu front ends needs a load balancer (\"dns\" or \"hardware\")"
		    : "an Enterprise pool with %zu front ends needs a hardware load balancer", m->sip.nservers);
	if (m->sip.lb != UCP_LB_DNS || !g->dns_lb)
		return;
	/* DNS load balancing: the pool FQDN is every front end; web traffic needs the hardware VIP. */
	if (m->sip.pool_ip.v != NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.pool_ip.loc, "with load_balancer = \"dns\" the pool FQDN "
		    "resolves to every front-end server: pool.ip is not used (give the web VIP as pool.web_ip)");
	if (m->sip.edition != UCP_EDITION_ENTERPRISE)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.lb_loc, "DNS load balancing is for Enterprise pools: a Standard "
		    "Edition server is one machine");
	if (m->sip.pool_web_fqdn.v == NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.pool_web_fqdn.loc, "with DNS load balancing the pool needs its "
		    "internal web FQDN (pool.web_fqdn), different from pool.fqdn: web traffic cannot use DNS load "
		    "balancing");
	else if (m->sip.pool_fqdn.v != NULL && strcmp(m->sip.pool_web_fqdn.v, m->sip.pool_fqdn.v) == 0)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.pool_web_fqdn.loc, "with DNS load balancing pool.web_fqdn must "
		    "differ from pool.fqdn: the pool FQDN resolves to every front end, the web FQDN to the hardware VIP");
	if (m->sip.pool_web_ip.v == NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.pool_web_ip.loc, "with DNS load balancing the pool's web traffic "
		    "goes through a hardware load balancer: give its VIP as pool.web_ip");
}

/* Edge pools: one address per Edge server on every interface, NAT only with DNS load balancing (spec 9.2). */
static void
check_edge_pool(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *h[] = { &m->sip.edge_internal, &m->sip.edge_access, &m->sip.edge_webconf,
		&m->sip.edge_av };
	/* The internal interface counts the Edge servers; the external ones must match it. */
	size_t i, n = m->sip.edge_internal.ip.nall;

	for (i = 0; i < 4; i++) {
		if (!h[i]->present || h[i]->ip.v == NULL)
			continue;
		if (i > 0 && n > 0 && (n > 1 || h[i]->ip.nall > 1) && h[i]->ip.nall != n)
			plan_report(p, UCP_R_TOPOLOGY, &h[i]->ip.loc, "an Edge pool with DNS load balancing has one address "
			    "per Edge server on every interface: %zu here, %zu on sip.edge.internal", h[i]->ip.nall, n);
		if (h[i]->public_ip.v != NULL && h[i]->public_ip.nall != h[i]->ip.nall)
			plan_report(p, UCP_R_TOPOLOGY, &h[i]->public_ip.loc, "public_ip translates ip one to one: %zu "
			    "public addresses for %zu private ones", h[i]->public_ip.nall, h[i]->ip.nall);
		if (h[i]->public_ip.v != NULL && n == 1 && m->sip.nedge_servers > 1)
			plan_report(p, UCP_R_TOPOLOGY, &h[i]->public_ip.loc, "an Edge pool behind hardware load "
			    "balancers needs public addresses on its external side: NAT (public_ip) works only with DNS "
			    "load balancing");
	}
}

static void
check_topology(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_sip_product *g = p->sip;
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
	check_pool(p);
	if (g->web_services && m->sip.director.present && m->sip.director.ip.nall > 1 &&
	    m->sip.director_web_ip.v == NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.director_web_ip.loc, "a Director pool with DNS load balancing "
		    "sends web traffic through a hardware load balancer: give its VIP as director.web_ip (and its name "
		    "as director.web_fqdn)");
	if (m->sip.director_web_fqdn.v != NULL && m->sip.director.fqdn.v != NULL &&
	    strcmp(m->sip.director_web_fqdn.v, m->sip.director.fqdn.v) == 0 && m->sip.director.ip.nall > 1)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.director_web_fqdn.loc, "director.web_fqdn must differ from "
		    "director.fqdn, which resolves to every Director by DNS load balancing");
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
		/* Every consolidated Edge runs all three external services. */
		if (!m->sip.edge_av.present)
			plan_report(p, UCP_R_TOPOLOGY, &m->sip.edge_av.loc, "every %s Edge runs the A/V Edge service: "
			    "add sip.edge.av { fqdn; ip; }%s", g->title, g->av_public
			    ? " with its public, un-NATed address" : "");
		if (!m->sip.edge_webconf.present && !(g->webconf_port444 && m->certs.design == UCP_DESIGN_SINGLE &&
		    m->certs.webconf == UCP_WEBCONF_PORT444))
			plan_report(p, UCP_R_TOPOLOGY, &m->sip.edge_webconf.loc, "every %s Edge runs the Web "
			    "Conferencing Edge service, here on its own name and certificate: add sip.edge.webconf "
			    "{ fqdn; ip; }", g->title);
		check_edge_pool(p);
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
	if (m->sip.web_external_fqdn.v == NULL && !p->sip->web_services)
		plan_report(p, UCP_R_EDGE_WEB_FARM, &m->sip.edge_loc, "an Edge without a published external web farm "
		    "(sip.web.external_fqdn): remote users get no address book, no group expansion and no meeting "
		    "content");
}

/* A for every address of ADDRS under OWNER in VIEW, when both are known. */
static void
addrs(struct planner *p, enum ucp_view view, const char *owner, const struct ucp_str *a, const struct ucp_loc *loc,
    const char *why)
{
	if (owner != NULL && a != NULL && a->v != NULL)
		plan_addrs(p, view, owner, a, loc, why);
}

static void
plan_internal(struct planner *p, const struct ucp_sip_product *prod)
{
	const struct ucp_model *m = p->m;
	const char *pool_why = m->sip.edition == UCP_EDITION_STANDARD ? "Standard Edition server"
	    : m->sip.lb == UCP_LB_DNS ? "Enterprise pool (DNS load balancing: every front end)"
	    : "Enterprise pool (hardware load balancer VIP)";
	char owner[PLAN_NAME_MAX];
	size_t i, j;

	addrs(p, UCP_VIEW_INTERNAL, m->sip.pool_fqdn.v, &p->pool_addrs, &m->sip.pool_fqdn.loc, pool_why);
	for (i = 0; i < m->sip.nservers; i++)
		addrs(p, UCP_VIEW_INTERNAL, m->sip.servers[i].fqdn.v, &m->sip.servers[i].ip, &m->sip.servers[i].fqdn.loc,
		    "pool front-end server");
	if (p->web_int_fqdn != NULL && m->sip.pool_fqdn.v != NULL && strcmp(p->web_int_fqdn, m->sip.pool_fqdn.v) != 0)
		addrs(p, UCP_VIEW_INTERNAL, p->web_int_fqdn, p->pool_web, m->sip.web_internal_fqdn.v != NULL
		    ? &m->sip.web_internal_fqdn.loc : &m->sip.pool_web_fqdn.loc, prod->web_services
		    ? "internal web services (hardware load balancer VIP)" : "internal web farm (pool VIP)");
	if (m->sip.director.present) {
		addrs(p, UCP_VIEW_INTERNAL, m->sip.director.fqdn.v, &m->sip.director.ip, &m->sip.director.fqdn.loc,
		    m->sip.director.ip.nall > 1 ? "Director pool (DNS load balancing)" : "Director");
		for (i = 0; i < m->sip.ndirector_servers; i++)
			addrs(p, UCP_VIEW_INTERNAL, m->sip.director_servers[i].fqdn.v, &m->sip.director_servers[i].ip,
			    &m->sip.director_servers[i].fqdn.loc, "Director server");
		if (p->dir_web_fqdn != NULL && m->sip.director.fqdn.v != NULL &&
		    strcmp(p->dir_web_fqdn, m->sip.director.fqdn.v) != 0)
			addrs(p, UCP_VIEW_INTERNAL, p->dir_web_fqdn, p->dir_web, &m->sip.director_web_fqdn.loc,
			    "Director internal web services (hardware load balancer VIP)");
	}
	if (p->edge) {
		addrs(p, UCP_VIEW_INTERNAL, m->sip.edge_internal.fqdn.v, &m->sip.edge_internal.ip,
		    &m->sip.edge_internal.fqdn.loc, m->sip.edge_internal.ip.nall > 1
		    ? "Edge pool internal interfaces (DNS load balancing)" : "Edge internal interface");
		for (i = 0; i < m->sip.nedge_servers; i++)
			addrs(p, UCP_VIEW_INTERNAL, m->sip.edge_servers[i].fqdn.v, &m->sip.edge_servers[i].ip,
			    &m->sip.edge_servers[i].fqdn.loc, "Edge server (internal interface)");
	}
	if (m->sip.office_web_apps.present)
		addrs(p, UCP_VIEW_INTERNAL, m->sip.office_web_apps.fqdn.v, &m->sip.office_web_apps.ip,
		    &m->sip.office_web_apps.fqdn.loc, "Office Web Apps Server");
	/* Mobile clients reach the external web services through the reverse proxy, inside too (reference 5.8). */
	if (prod->web_services && m->rp.present && m->rp.external_ip.v != NULL) {
		addrs(p, UCP_VIEW_INTERNAL, p->web_ext_fqdn, &m->rp.external_ip, &m->sip.web_external_fqdn.loc,
		    "external web services through the reverse proxy (mobile clients, inside too)");
		addrs(p, UCP_VIEW_INTERNAL, p->dir_web_ext, &m->rp.external_ip, &m->sip.director_web_ext.loc,
		    "Director external web services through the reverse proxy (mobile clients, inside too)");
	}
	if (prod->web_services && p->front_web != NULL && p->front_web->v != NULL) {
		const char *to = m->sip.director.present ? "Director" : "pool";

		if (p->dialin != NULL)
			addrs(p, UCP_VIEW_INTERNAL, p->dialin, p->front_web, &m->sip.dialin.loc,
			    ucp_arena_printf(p->a, "dial-in simple URL: %s web VIP", to));
		if (p->admin != NULL)
			addrs(p, UCP_VIEW_INTERNAL, p->admin, p->front_web, &m->sip.admin.loc,
			    ucp_arena_printf(p->a, "administration simple URL (internal only): %s web VIP", to));
	}
	if (p->signin_fqdn == NULL || p->signin_addrs == NULL || p->signin_addrs->v == NULL)
		return;
	for (i = 0; i < m->sip.domains.len; i++) {
		const struct ucp_str *d = &m->sip.domains.items[i];
		struct pname *tnode;
		const char *target = signin_target(p, p->signin_fqdn, i, &tnode);

		if (strcmp(target, p->signin_fqdn) != 0)
			plan_note(p, &d->loc, "_sipinternaltls._tcp.%s targets %s: the sign-in server %s is not "
			    "directly in %s, and strict naming needs the target there", d->v, target,
			    p->signin_fqdn, d->v);
		for (j = 0; j < prod->nsrv; j++) {
			const struct ucp_srv_row *row = &prod->srv[j];

			if (row->view != UCP_VIEW_INTERNAL || !wanted(p, row->when))
				continue;
			plan_record(p, UCP_VIEW_INTERNAL, plan_join(owner, row->prefix, d->v),
			    UCP_RR_SRV, &d->loc, row->why, "0 0 %u %s.", row->port, target)->target = tnode;
		}
		plan_addrs_at(p, UCP_VIEW_INTERNAL, plan_sip_name(p, i), p->signin_addrs, &d->loc,
		    m->sip.director.present ? "internal sign-in: Director" : "internal sign-in: pool");
		if (m->sip.device_updates && p->pool_web != NULL && p->pool_web->v != NULL)
			plan_addrs(p, UCP_VIEW_INTERNAL, plan_fmt(owner, "ucupdates-r2.%s", d->v), p->pool_web,
			    &d->loc, "Device Update service for phones");
		if (!prod->web_services || p->front_web == NULL || p->front_web->v == NULL)
			continue;
		if (p->mobility)
			plan_addrs(p, UCP_VIEW_INTERNAL, p->discovers_int[i], p->front_web, &d->loc, m->sip.director.present
			    ? "internal Autodiscover (mobility): Director web VIP" : "internal Autodiscover (mobility): pool web VIP");
		plan_addrs(p, UCP_VIEW_INTERNAL, p->meets[i], p->front_web,
		    m->sip.meet.v != NULL ? &m->sip.meet.loc : &d->loc, m->sip.director.present
		    ? "meet simple URL: Director web VIP" : "meet simple URL: pool web VIP");
	}
}

/* The names the reverse proxy publishes for Lync and later, each an external A to the listener. */
static void
plan_published(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_str *rp = &m->rp.external_ip;
	size_t i;

	addrs(p, UCP_VIEW_EXTERNAL, p->web_ext_fqdn, rp, &m->sip.web_external_fqdn.loc,
	    "reverse proxy: external web services");
	addrs(p, UCP_VIEW_EXTERNAL, p->dir_web_ext, rp, &m->sip.director_web_ext.loc,
	    "reverse proxy: Director external web services");
	addrs(p, UCP_VIEW_EXTERNAL, p->dialin, rp, &m->sip.dialin.loc, "reverse proxy: dial-in simple URL");
	if (m->sip.office_web_apps.present)
		addrs(p, UCP_VIEW_EXTERNAL, m->sip.office_web_apps.fqdn.v, rp, &m->sip.office_web_apps.fqdn.loc,
		    "reverse proxy: Office Web Apps Server");
	for (i = 0; i < m->sip.domains.len; i++) {
		const struct ucp_str *d = &m->sip.domains.items[i];
		struct prec *r;

		addrs(p, UCP_VIEW_EXTERNAL, p->meets[i], rp,
		    m->sip.meet.v != NULL ? &m->sip.meet.loc : &d->loc, "reverse proxy: meet simple URL");
		if (!p->mobility)
			continue;
		addrs(p, UCP_VIEW_EXTERNAL, p->discovers[i], rp, &d->loc, "reverse proxy: external Autodiscover (mobility)");
		/* Not resolvable inside (reference 5.8): split-brain must not copy it. */
		r = plan_owner(p, UCP_VIEW_EXTERNAL, p->discovers[i]);
		for (; r != NULL; r = plan_rec(p, r->next_same_owner))
			r->external_only = true;
	}
}

static void
plan_external(struct planner *p, const struct ucp_sip_product *prod)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *wc = &m->sip.edge_webconf, *av = &m->sip.edge_av;
	const struct ucp_str *access = plan_edge_public(&m->sip.edge_access);
	char owner[PLAN_NAME_MAX];
	struct prec *r;
	size_t i, j;

	if (!p->edge) {
		plan_report(p, UCP_R_DNS_SIP_RECORDS, &m->sip.loc,
		    "no Edge is configured (sip.edge.internal): external users cannot sign in and no external "
		    "SIP records are planned");
		return;
	}
	for (i = 0; i < m->sip.domains.len && access->v != NULL; i++) {
		const struct ucp_str *d = &m->sip.domains.items[i];
		const struct ucp_loc *loc = i == 0 && m->sip.edge_access.fqdn.v != NULL
		    ? &m->sip.edge_access.fqdn.loc : &d->loc;

		plan_addrs_at(p, UCP_VIEW_EXTERNAL, plan_sip_name(p, i), access, loc,
		    "Access Edge: external sign-in and federation");
		for (j = 0; j < prod->nsrv; j++) {
			const struct ucp_srv_row *row = &prod->srv[j];

			if (row->view != UCP_VIEW_EXTERNAL || !wanted(p, row->when))
				continue;
			r = plan_record(p, UCP_VIEW_EXTERNAL, plan_join(owner, row->prefix, d->v),
			    UCP_RR_SRV, &d->loc, row->why, "0 0 %u %s.%s.", row->port,
			    row->target == UCP_SRV_TARGET_XMPP ? "xmpp" : "sip", d->v);
			if (row->target != UCP_SRV_TARGET_XMPP)
				r->target = plan_sip_name(p, i);
		}
		if (p->xmpp)
			plan_addrs(p, UCP_VIEW_EXTERNAL, plan_fmt(owner, "xmpp.%s", d->v), access, &m->sip.xmpp.loc,
			    "XMPP proxy (Access Edge address)");
	}
	if (wc->present && !p->webconf_shared && wc->fqdn.v != NULL && wc->ip.v != NULL)
		plan_addrs(p, UCP_VIEW_EXTERNAL, wc->fqdn.v, plan_edge_public(wc), &wc->fqdn.loc,
		    "Web Conferencing Edge");
	if (av->present && av->fqdn.v != NULL && av->ip.v != NULL)
		plan_addrs(p, UCP_VIEW_EXTERNAL, av->fqdn.v, plan_edge_public(av), &av->fqdn.loc, prod->av_public
		    ? "A/V Edge (public, not NATed; on no certificate)" : "A/V Edge (on no certificate)");
	if (av->present && av->port.v == 443)
		plan_report(p, UCP_R_PORT_AV_AUTH, &av->port.loc,
		    "the A/V authentication service listens on 5062/TCP; 443 is the A/V Edge's STUN/TURN media "
		    "port and an authentication port of 443 causes calling errors in Communicator");
}

/* The pool's and Director's addresses and web VIPs, and the names of Lync and later. */
static void
derive(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_sip_product *g = p->sip;
	const char *d0 = p->default_domain;
	size_t i;

	if (m->sip.lb == UCP_LB_DNS && g->dns_lb) {
		const char **all = ucp_arena_alloc(p->a, sizeof(*all) * (m->sip.nservers * 2 + 1));
		size_t j, n = 0;

		for (i = 0; i < m->sip.nservers; i++)
			for (j = 0; j < m->sip.servers[i].ip.nall; j++)
				all[n++] = m->sip.servers[i].ip.all[j];
		p->pool_addrs = (struct ucp_str){ .v = n > 0 ? all[0] : NULL, .loc = m->sip.pool_loc, .all = all,
		    .nall = n };
	} else {
		p->pool_addrs = m->sip.pool_ip;
	}
	p->pool_web = m->sip.pool_web_ip.v != NULL ? &m->sip.pool_web_ip : &m->sip.pool_ip;
	if (g->web_services && m->sip.web_internal_fqdn.v != NULL)
		p->web_int_fqdn = m->sip.web_internal_fqdn.v;
	else
		p->web_int_fqdn = m->sip.pool_web_fqdn.v != NULL ? m->sip.pool_web_fqdn.v : m->sip.pool_fqdn.v;
	if (m->sip.director.present) {
		p->signin_fqdn = m->sip.director.fqdn.v;
		p->signin_addrs = &m->sip.director.ip;
		p->dir_web_fqdn = m->sip.director_web_fqdn.v != NULL ? m->sip.director_web_fqdn.v : m->sip.director.fqdn.v;
		p->dir_web = m->sip.director_web_ip.v != NULL ? &m->sip.director_web_ip : &m->sip.director.ip;
		p->front_web = p->dir_web;
	} else {
		p->signin_fqdn = m->sip.pool_fqdn.v;
		p->signin_addrs = &p->pool_addrs;
		p->front_web = p->pool_web;
	}
	if (!g->web_services)
		return;
	p->web_ext_fqdn = m->sip.web_external_fqdn.v;
	if (m->sip.director.present && m->rp.present)
		p->dir_web_ext = m->sip.director_web_ext.v;
	p->meet = m->sip.meet.v != NULL ? m->sip.meet.v : "meet";
	p->dialin = m->sip.dialin.v != NULL ? m->sip.dialin.v : ucp_arena_printf(p->a, "dialin.%s", d0);
	if (m->sip.admin.v == NULL)
		p->admin = ucp_arena_printf(p->a, "admin.%s", d0);
	else if (m->sip.admin.v[0] != '\0')
		p->admin = m->sip.admin.v;
	p->mobility = g->mobility == UCP_MOBILITY_ALWAYS || (g->mobility == UCP_MOBILITY_OPTIONAL && m->sip.mobility.v);
	p->meets = ucp_arena_alloc(p->a, sizeof(*p->meets) * (m->sip.domains.len + 1));
	p->discovers = ucp_arena_alloc(p->a, sizeof(*p->discovers) * (m->sip.domains.len + 1));
	p->discovers_int = ucp_arena_alloc(p->a, sizeof(*p->discovers_int) * (m->sip.domains.len + 1));
	for (i = 0; i < m->sip.domains.len; i++) {
		const char *d = m->sip.domains.items[i].v;

		p->meets[i] = ucp_arena_printf(p->a, "%s.%s", p->meet, d);
		p->discovers[i] = ucp_arena_printf(p->a, "lyncdiscover.%s", d);
		p->discovers_int[i] = ucp_arena_printf(p->a, "lyncdiscoverinternal.%s", d);
	}
	p->xmpp = g->xmpp && m->sip.xmpp.v;
	if ((p->edge || m->rp.present) && p->web_ext_fqdn == NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.web_external_fqdn.loc, "%s publishes its external web services "
		    "(address book, meetings, mobility) through the reverse proxy: set sip.web.external_fqdn "
		    "(e.g. webext.%s)", g->title, d0);
	if (m->sip.director.present && m->rp.present && p->dir_web_ext == NULL)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.director_web_ext.loc, "the reverse proxy publishes the Director's "
		    "external web services too: set sip.director.web_external_fqdn (e.g. webdirext.%s)", d0);
	if (p->web_ext_fqdn != NULL && p->dir_web_ext != NULL && strcmp(p->web_ext_fqdn, p->dir_web_ext) == 0)
		plan_report(p, UCP_R_TOPOLOGY, &m->sip.director_web_ext.loc, "the Director's external web FQDN must "
		    "differ from the pool's (%s)", p->web_ext_fqdn);
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
	derive(p);

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
	if (prod->web_services) {
		if (m->rp.present && m->rp.external_ip.v != NULL)
			plan_published(p);
		return;
	}
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
