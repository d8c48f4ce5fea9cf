/* Exchange records (spec 4.4) and client URLs (spec 9.6); version facts come from the descriptor. */
#include <string.h>

#include "planner/internal.h"

void
plan_exchange(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const char *ext = m->exchange.external_fqdn.v, *rp_ip = m->rp.external_ip.v;
	const struct ucp_loc *ext_loc = &m->exchange.external_fqdn.loc;
	bool autodiscover = (p->services & UCP_SVC_AUTODISCOVER) != 0;
	size_t i;

	if (!m->exchange.present)
		return;
	p->smtp = m->exchange.smtp_domains.len > 0 ? m->exchange.smtp_domains : m->sip.domains;
	if (p->smtp.len == 0)
		plan_report(p, UCP_R_TOPOLOGY, &m->exchange.smtp_domains.loc,
		    "Exchange needs its SMTP domains: set exchange.smtp_domains (or sip.domains)");
	if (m->exchange.cas_vip.v != NULL)
		p->cas_vips = &m->exchange.cas_vip;
	else if (m->exchange.ncas == 1 && m->exchange.cas[0].ip.v != NULL)
		p->cas_vips = &m->exchange.cas[0].ip;
	if (p->cas_vips != NULL)
		p->cas_vip = p->cas_vips->v;
	else if (m->exchange.ncas == 1)
		;	/* its address was refused: reported */
	else if (m->exchange.ncas > 1)
		plan_report(p, UCP_R_TOPOLOGY, &m->exchange.cas_vip.loc,
		    "several Client Access servers need the load balancer address: set exchange.cas_vip");
	else
		plan_report(p, UCP_R_TOPOLOGY, &m->exchange.cas_loc, "at least one Client Access server is needed");
	if (!m->rp.present)
		plan_report(p, UCP_R_TOPOLOGY, &m->exchange.loc,
		    "Exchange needs a published address: add reverse_proxy with its external_ip");
	if (ext == NULL)
		return;

	if (rp_ip != NULL)
		plan_record(p, UCP_VIEW_EXTERNAL, ext, UCP_RR_A, ext_loc,
		    "reverse proxy: Exchange client namespace", "%s", rp_ip);
	if (p->cas_vips != NULL)
		plan_addrs(p, UCP_VIEW_INTERNAL, ext, p->cas_vips, ext_loc,
		    "internal: CAS, so one certificate name works inside and out");
	for (i = 0; i < p->smtp.len; i++) {
		const struct ucp_str *d = &p->smtp.items[i];
		char owner[PLAN_NAME_MAX];

		if (autodiscover) {
			switch (m->exchange.autodiscover) {
			case UCP_AUTODISCOVER_A:
				if (rp_ip != NULL)
					plan_record_at(p, UCP_VIEW_EXTERNAL, plan_autodiscover_name(p, i), UCP_RR_A,
					    &d->loc, "Autodiscover through the reverse proxy", "%s", rp_ip);
				if (p->cas_vips != NULL)
					plan_addrs_at(p, UCP_VIEW_INTERNAL, plan_autodiscover_name(p, i), p->cas_vips,
					    &d->loc, "internal Autodiscover: CAS");
				break;
			case UCP_AUTODISCOVER_CNAME:
				plan_record_at(p, UCP_VIEW_EXTERNAL, plan_autodiscover_name(p, i), UCP_RR_CNAME,
				    &d->loc, "Autodiscover alias of the client namespace", "%s.", ext);
				break;
			case UCP_AUTODISCOVER_SRV:
				plan_record(p, UCP_VIEW_EXTERNAL, plan_fmt(owner, "_autodiscover._tcp.%s", d->v),
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
			plan_addrs(p, UCP_VIEW_INTERNAL, h->fqdn.v, &h->ip, &h->fqdn.loc, "Client Access server");
	}
	if (m->exchange.cas_array.present && m->exchange.cas_array.fqdn.v != NULL &&
	    m->exchange.cas_array.ip.v != NULL)
		plan_addrs(p, UCP_VIEW_INTERNAL, m->exchange.cas_array.fqdn.v, &m->exchange.cas_array.ip,
		    &m->exchange.cas_array.fqdn.loc, "RPC Client Access array (internal only)");
	if (m->exchange.mx.present && m->exchange.mx.fqdn.v != NULL && m->exchange.mx.ip.v != NULL)
		plan_addrs(p, UCP_VIEW_EXTERNAL, m->exchange.mx.fqdn.v, &m->exchange.mx.ip, &m->exchange.mx.ip.loc,
		    "Internet-facing transport server: inbound SMTP (MX)");
}

/*
 * After every record is placed: an MX host that resolves to the reverse-proxy
 * listener sends the Internet's mail to an HTTPS port (spec 3.4).
 */
void
plan_mx_check(struct planner *p)
{
	const struct ucp_model *m = p->m;
	const struct ucp_str *rp = &m->rp.external_ip;
	const struct prec *r;
	size_t i;

	if (!m->exchange.present || !m->exchange.mx.present || m->exchange.mx.fqdn.v == NULL || rp->v == NULL)
		return;
	r = plan_owner(p, UCP_VIEW_EXTERNAL, m->exchange.mx.fqdn.v);
	for (; r != NULL; r = plan_rec(p, r->next_same_owner)) {
		for (i = 0; i < rp->nall; i++) {
			if ((r->type == UCP_RR_A || r->type == UCP_RR_AAAA) && strcmp(r->data, rp->all[i]) == 0) {
				plan_report(p, UCP_R_MX_LISTENER, &m->exchange.mx.fqdn.loc, "the MX host %s resolves to the "
				    "reverse-proxy listener %s (%s), which speaks HTTPS, not SMTP: name the "
				    "Internet-facing transport server and give its address in exchange.mx.ip",
				    m->exchange.mx.fqdn.v, r->data, r->why);
				return;
			}
		}
	}
}

/*
 * The URLs every published virtual directory should announce (spec 9.6):
 * the client namespace inside and out, and the principal name Outlook
 * Anywhere expects when the certificate clients meet there has another
 * subject (the single-certificate design makes it sip.<d>).
 */
void
plan_exchange_urls(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct ucp_exchange_urls *u = &p->plan->exchange;
	const char *fqdn = m->exchange.external_fqdn.v;
	const struct ucp_cert *c;
	size_t i, n = 0;

	if (p->exchange == NULL || fqdn == NULL || m->exchange.version.v == NULL)
		return;
	u->fqdn = ucp_arena_strdup(p->a, fqdn);
	u->request_form = p->exchange->request_form;
	u->vdirs = ucp_arena_alloc(p->a, sizeof(*u->vdirs) * (p->exchange->nvdirs + 1));
	for (i = 0; i < p->exchange->nvdirs; i++) {
		const struct ucp_vdir_row *row = &p->exchange->vdirs[i];

		if (!(p->services & row->service))
			continue;
		u->vdirs[n].cmdlet = row->cmdlet;
		u->vdirs[n].name = row->name;
		u->vdirs[n].extra = row->extra;
		u->vdirs[n++].url = ucp_arena_printf(p->a, "https://%s%s", fqdn, row->path);
	}
	u->nvdirs = n;
	if (p->services & UCP_SVC_OUTLOOK_ANYWHERE)
		u->outlook_anywhere = u->fqdn;
	u->oa_internal = p->exchange->oa_internal;
	u->autodiscover_cmdlet = p->exchange->autodiscover_cmdlet;
	if (p->services & UCP_SVC_AUTODISCOVER)
		u->autodiscover_uri = ucp_arena_printf(p->a, "https://%s/Autodiscover/Autodiscover.xml", fqdn);
	/* Clients meet the reverse-proxy listener's certificate (else the CAS's own). */
	if ((c = plan_cert_for(p, UCP_ROLE_REVERSE_PROXY)) == NULL)
		c = plan_cert_for(p, UCP_ROLE_CAS);
	if (c != NULL) {
		u->client_cert = c->name;
		u->client_subject = c->subject;
		if (strcmp(c->subject, fqdn) != 0 && (p->services & UCP_SVC_OUTLOOK_ANYWHERE))
			u->principal = ucp_arena_printf(p->a, "msstd:%s", c->subject);
	}
}
