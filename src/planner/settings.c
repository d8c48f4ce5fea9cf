/*
 * Settings against the chosen generations (spec 9.1): a setting the
 * generation does not have is an error at that setting, naming the
 * generation, so that "sip.xmpp" under Skype for Business Server 2019 is not
 * silently ignored. What each generation accepts is its descriptor's.
 */
#include <string.h>

#include "planner/internal.h"

/*
 * Reports the setting at LOC as one the SIP generation does not have (the
 * diagnostic names the setting); VALUE, when not NULL, is the value refused,
 * and WHY says what the generation lacks.
 */
static void
refuse_sip(struct planner *p, const struct ucp_loc *loc, const char *value, const char *why)
{
	plan_report(p, UCP_R_PRODUCT_SETTING, loc, "%s%s%s (%s) %s", value != NULL ? value : "", value != NULL ? ": " : "",
	    p->sip->name, p->sip->title, why);
}

static void
check_sip(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_sip_product *g = p->sip;
	const struct ucp_host *pub[] = { &m->sip.edge_access, &m->sip.edge_webconf, &m->sip.edge_av };
	size_t i;

	if (!g->dns_lb) {
		if (m->sip.lb == UCP_LB_DNS)
			refuse_sip(p, &m->sip.lb_loc, "\"dns\"", "supports only hardware load "
			    "balancers for pools (P11)");
		if (m->sip.ndirector_servers > 0)
			refuse_sip(p, &m->sip.director_servers_loc, NULL, "has no Director pools with "
			    "DNS load balancing: give the Director's hardware load balancer VIP");
		if (m->sip.nedge_servers > 0)
			refuse_sip(p, &m->sip.edge_servers_loc, NULL, "plans an Edge array at its hardware "
			    "load balancer VIPs only");
	}
	for (i = 0; i < 3 && !g->nat; i++)
		if (pub[i]->public_ip.v != NULL)
			refuse_sip(p, &pub[i]->public_ip.loc, NULL, "needs public, untranslated Edge addresses "
			    "(no NAT)");
	if (!g->web_services) {
		const struct ucp_str *later[] = { &m->sip.web_internal_fqdn, &m->sip.pool_web_ip, &m->sip.director_web_fqdn,
			&m->sip.director_web_ip, &m->sip.director_web_ext };

		for (i = 0; i < sizeof(later) / sizeof(later[0]); i++)
			if (later[i]->v != NULL)
				refuse_sip(p, &later[i]->loc, NULL, "has no separate web services names: its web "
				    "farm is pool.web_fqdn at pool.ip, published as sip.web.external_fqdn");
		if (m->sip.simple_urls)
			refuse_sip(p, &m->sip.simple_urls_loc, NULL, "has no simple URLs (they came with "
			    "Lync Server 2010)");
	}
	if (g->mobility == UCP_MOBILITY_NONE && m->sip.mobility.set)
		refuse_sip(p, &m->sip.mobility.loc, NULL, "has no Mobility service (lyncdiscover came "
		    "with Lync Server 2010's November 2011 update)");
	else if (g->mobility == UCP_MOBILITY_ALWAYS && m->sip.mobility.set && !m->sip.mobility.v)
		refuse_sip(p, &m->sip.mobility.loc, "false", "clients find their servers through "
		    "lyncdiscover and lyncdiscoverinternal, so both are always planned: leave the setting out");
	if (!g->xmpp && m->sip.xmpp.set)
		refuse_sip(p, &m->sip.xmpp.loc, NULL, "has no XMPP gateway (Lync Server 2013 and Skype for "
		    "Business Server 2015 only)");
	if (!g->office_web_apps && m->sip.office_web_apps.present)
		refuse_sip(p, &m->sip.office_web_apps.loc, NULL, "does not use Office Web Apps Server "
		    "(Lync Server 2013 and later)");
	if (!g->webconf_port444 && m->certs.webconf_set)
		refuse_sip(p, &m->certs.webconf_loc, NULL, "puts the Web Conferencing Edge on the "
		    "one Edge certificate under its own name, always on 443 (the port-444 design is OCS 2007 R2's)");
	if (m->certs.key_bits.v < (long long)g->min_key_bits)
		plan_report(p, UCP_R_PRODUCT_SETTING, &m->certs.key_bits.loc, "%s (%s) needs keys of at least %u bits",
		    g->name, g->title, g->min_key_bits);
}

static void
check_exchange(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_exchange_product *g = p->exchange;
	unsigned extra = m->exchange.services_set ? m->exchange.services & ~g->services : 0;

	if (m->exchange.cas_array.present && !g->cas_array)
		plan_report(p, UCP_R_PRODUCT_SETTING, &m->exchange.cas_array.loc, "%s has no RPC Client Access array "
		    "(Exchange 2010 only); Outlook connects to exchange.external_fqdn", g->title);
	if (extra & UCP_SVC_ECP)
		plan_report(p, UCP_R_PRODUCT_SETTING, &m->exchange.services_loc, "%s has no Exchange Control Panel "
		    "(ecp came with Exchange 2010)", g->title);
	if (extra & UCP_SVC_MAPI)
		plan_report(p, UCP_R_PRODUCT_SETTING, &m->exchange.services_loc, "%s has no MAPI over HTTP "
		    "(mapi came with Exchange 2013 SP1)", g->title);
}

void
plan_check_settings(struct planner *p)
{
	if (p->sip != NULL)
		check_sip(p);
	if (p->exchange != NULL)
		check_exchange(p);
}
