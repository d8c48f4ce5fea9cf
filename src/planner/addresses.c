/* Address settings against what the chosen generations accept (spec 9.2). */
#include <string.h>

#include "planner/internal.h"

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

/*
 * A hardware load balancer VIP or a single server (web VIPs, Office Web Apps):
 * web traffic cannot use DNS load balancing, so one address per family.
 */
static void
check_sip_vip(struct planner *p, const struct ucp_str *a, const char *what)
{
	size_t v6 = count_v6(a);

	if (a->v == NULL)
		return;
	check_sip_addr(p, a);
	if (p->sip->dns_lb && (v6 > 1 || a->nall - v6 > 1))
		plan_report(p, UCP_R_PRODUCT_SETTING, &a->loc, "%s takes one IPv4 and one IPv6 address at most: web "
		    "traffic cannot use DNS load balancing", what);
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
void
plan_check_addresses(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_host *edge[] = { &m->sip.edge_internal, &m->sip.edge_access, &m->sip.edge_webconf,
		&m->sip.edge_av, &m->sip.director };
	size_t i;

	if (m->sip.present) {
		check_sip_addr(p, &m->sip.pool_ip);
		for (i = 0; i < m->sip.nservers; i++)
			check_sip_addr(p, &m->sip.servers[i].ip);
		for (i = 0; i < sizeof(edge) / sizeof(edge[0]); i++) {
			check_sip_addr(p, &edge[i]->ip);
			check_sip_addr(p, &edge[i]->public_ip);
		}
		for (i = 0; i < m->sip.ndirector_servers; i++)
			check_sip_addr(p, &m->sip.director_servers[i].ip);
		for (i = 0; i < m->sip.nedge_servers; i++)
			check_sip_addr(p, &m->sip.edge_servers[i].ip);
		check_sip_vip(p, &m->sip.pool_web_ip, "pool.web_ip (the hardware load balancer VIP for web traffic)");
		check_sip_vip(p, &m->sip.director_web_ip, "director.web_ip (the Director's web VIP)");
		check_sip_vip(p, &m->sip.office_web_apps.ip, "office_web_apps.ip (its server or load balancer VIP)");
	}
	if (m->exchange.present) {
		for (i = 0; i < m->exchange.ncas; i++)
			check_exchange_addr(p, &m->exchange.cas[i].ip);
		check_exchange_addr(p, &m->exchange.cas_vip);
		check_exchange_addr(p, &m->exchange.cas_array.ip);
	}
	if (m->rp.present && m->rp.external_ip.v != NULL) {
		bool isa = m->rp.product != UCP_RP_IIS_ARR && m->rp.product != UCP_RP_GENERIC;

		if (isa && count_v6(&m->rp.external_ip) > 0)
			plan_report(p, UCP_R_PRODUCT_SETTING, &m->rp.external_ip.loc, "ISA Server and Forefront TMG publish "
			    "over IPv4 only: the listener needs an IPv4 address");
		else if (m->rp.external_ip.nall > 1)
			plan_report(p, UCP_R_PRODUCT_SETTING, &m->rp.external_ip.loc, "one listener address: every published "
			    "name points at it");
	}
}

