/* Exchange 2007 / 2010 records (spec 4.4). */
#include <string.h>

#include "planner/internal.h"

void
plan_exchange(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const char *ext = m->exchange.external_fqdn.v, *rp_ip = m->rp.external_ip.v;
	const struct ucp_loc *ext_loc = &m->exchange.external_fqdn.loc;
	bool autodiscover = (m->exchange.services & UCP_SVC_AUTODISCOVER) != 0;
	size_t i;

	if (!m->exchange.present)
		return;
	p->smtp = m->exchange.smtp_domains.len > 0 ? m->exchange.smtp_domains : m->sip.domains;
	if (p->smtp.len == 0)
		plan_report(p, R_TOPOLOGY, &m->exchange.smtp_domains.loc,
		    "Exchange needs its SMTP domains: set exchange.smtp_domains (or sip.domains)");
	if (m->exchange.cas_vip.v != NULL)
		p->cas_vip = m->exchange.cas_vip.v;
	else if (m->exchange.ncas == 1)
		p->cas_vip = m->exchange.cas[0].ip.v;
	else if (m->exchange.ncas > 1)
		plan_report(p, R_TOPOLOGY, &m->exchange.cas_vip.loc,
		    "several Client Access servers need the load balancer address: set exchange.cas_vip");
	else
		plan_report(p, R_TOPOLOGY, &m->exchange.cas_loc, "at least one Client Access server is needed");
	if (m->exchange.cas_array.present && m->exchange.version.v != NULL &&
	    strcmp(m->exchange.version.v, "2010") != 0)
		plan_report(p, R_TOPOLOGY, &m->exchange.cas_array.loc,
		    "an RPC Client Access array exists only in Exchange 2010");
	if ((m->exchange.services & UCP_SVC_ECP) && m->exchange.version.v != NULL &&
	    strcmp(m->exchange.version.v, "2010") != 0)
		plan_report(p, R_TOPOLOGY, &m->exchange.services_loc,
		    "the Exchange Control Panel (ecp) exists only in Exchange 2010");
	if (!m->rp.present)
		plan_report(p, R_TOPOLOGY, &m->exchange.loc,
		    "Exchange needs a published address: add reverse_proxy with its external_ip");
	if (ext == NULL)
		return;

	if (rp_ip != NULL)
		plan_record(p, UCP_VIEW_EXTERNAL, ext, UCP_RR_A, ext_loc,
		    "reverse proxy: Exchange client namespace", "%s", rp_ip);
	if (p->cas_vip != NULL)
		plan_record(p, UCP_VIEW_INTERNAL, ext, UCP_RR_A, ext_loc,
		    "internal: CAS, so one certificate name works inside and out", "%s", p->cas_vip);
	for (i = 0; i < p->smtp.len; i++) {
		const struct ucp_str *d = &p->smtp.items[i];
		const char *ad = ucp_arena_printf(p->a, "autodiscover.%s", d->v);

		if (autodiscover) {
			switch (m->exchange.autodiscover) {
			case UCP_AUTODISCOVER_A:
				if (rp_ip != NULL)
					plan_record(p, UCP_VIEW_EXTERNAL, ad, UCP_RR_A, &d->loc,
					    "Autodiscover through the reverse proxy", "%s", rp_ip);
				if (p->cas_vip != NULL)
					plan_record(p, UCP_VIEW_INTERNAL, ad, UCP_RR_A, &d->loc,
					    "internal Autodiscover: CAS", "%s", p->cas_vip);
				break;
			case UCP_AUTODISCOVER_CNAME:
				plan_record(p, UCP_VIEW_EXTERNAL, ad, UCP_RR_CNAME, &d->loc,
				    "Autodiscover alias of the client namespace", "%s.", ext);
				break;
			case UCP_AUTODISCOVER_SRV:
				plan_record(p, UCP_VIEW_EXTERNAL, ucp_arena_printf(p->a, "_autodiscover._tcp.%s", d->v),
				    UCP_RR_SRV, &d->loc, "Autodiscover SRV fallback", "0 0 443 %s.", ext);
				break;
			}
		}
		if (m->exchange.mx.present && m->exchange.mx.fqdn.v != NULL)
			plan_record(p, UCP_VIEW_EXTERNAL, d->v, UCP_RR_MX, &m->exchange.mx.loc,
			    "inbound mail", "%lld %s.", m->exchange.mx.port.v, m->exchange.mx.fqdn.v);
	}
	for (i = 0; i < m->exchange.ncas; i++) {
		const struct ucp_host *h = &m->exchange.cas[i];

		if (h->fqdn.v != NULL && h->ip.v != NULL)
			plan_record(p, UCP_VIEW_INTERNAL, h->fqdn.v, UCP_RR_A, &h->fqdn.loc, "Client Access server",
			    "%s", h->ip.v);
	}
	if (m->exchange.cas_array.present && m->exchange.cas_array.fqdn.v != NULL &&
	    m->exchange.cas_array.ip.v != NULL)
		plan_record(p, UCP_VIEW_INTERNAL, m->exchange.cas_array.fqdn.v, UCP_RR_A,
		    &m->exchange.cas_array.fqdn.loc, "RPC Client Access array (internal only)",
		    "%s", m->exchange.cas_array.ip.v);
}
