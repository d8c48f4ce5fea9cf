/* Generator "report": every plan table and the diagnostics in report/plan.md. */
#include <string.h>

#include "ucplan/generator.h"
#include "ucplan/report.h"

static void
dns_tables(const struct ucp_plan *plan, struct ucp_buf *b)
{
	size_t v, i, j;

	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		const struct ucp_view_plan *vp = &plan->views[ucp_view_order[v]];

		ucp_buf_printf(b, "## DNS, %s view\n\n", vp->name);
		if (vp->nzones == 0)
			ucp_buf_puts(b, "No zones.\n\n");
		for (i = 0; i < vp->nzones; i++) {
			const struct ucp_zone *z = &vp->zones[i];

			ucp_buf_printf(b, "Zone `%s`%s (NS ", z->name, z->pinpoint ? ", pin-point" : "");
			ucp_buf_join(b, z->ns, z->nns, ", ");
			ucp_buf_printf(b, "; serial %u):\n\n| Owner | Type | TTL | Data | Why |\n|---|---|---|---|---|\n",
			    z->serial);
			for (j = 0; j < z->nrecords; j++) {
				const struct ucp_record *r = &z->records[j];

				ucp_buf_printf(b, "| %s | %s | %u | ", r->owner, ucp_rrtype_name(r->type), r->ttl);
				ucp_buf_md(b, r->data);
				ucp_buf_puts(b, " | ");
				ucp_buf_md(b, r->why);
				ucp_buf_puts(b, " |\n");
			}
			ucp_buf_puts(b, "\n");
		}
	}
}

static void
cert_table(const struct ucp_plan *plan, struct ucp_buf *b)
{
	size_t i;

	if (plan->ncerts == 0)
		return;
	ucp_buf_puts(b, "## Certificates\n\n| Name | CA | Subject | SAN (in order) | Key | Used by |\n"
	    "|---|---|---|---|---|---|\n");
	for (i = 0; i < plan->ncerts; i++) {
		const struct ucp_cert *c = &plan->certs[i];

		ucp_buf_printf(b, "| %s | %s | %s | ", c->name, c->ca == UCP_CA_PUBLIC ? "public" : "enterprise",
		    c->subject);
		ucp_buf_join(b, c->san, c->nsan, ", ");
		ucp_buf_printf(b, " | %u%s | %s |\n", c->key_bits, c->exportable ? ", exportable" : "", c->usage);
	}
	ucp_buf_puts(b, "\n");
}

static void
endpoint_table(const struct ucp_plan *plan, struct ucp_buf *b)
{
	size_t i;

	if (plan->nendpoints == 0)
		return;
	ucp_buf_puts(b, "## Endpoints (firewall)\n\n"
	    "| Role | Interface | FQDN | Address | Port | Protocol | Direction | Purpose | Certificate |\n"
	    "|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < plan->nendpoints; i++) {
		const struct ucp_endpoint *e = &plan->endpoints[i];

		ucp_buf_printf(b, "| %s | %s | %s | %s%s%s%s | %u", ucp_role_name(e->role), ucp_iface_name(e->interface),
		    e->fqdn ? e->fqdn : "-", e->ip, e->public_ip ? " (NAT: public " : "", e->public_ip ? e->public_ip : "",
		    e->public_ip ? ")" : "", e->port);
		if (e->port_end)
			ucp_buf_printf(b, "-%u", e->port_end);
		ucp_buf_printf(b, " | %s | %s | %s | %s |\n", e->protocol, e->direction, e->purpose,
		    e->certificate ? e->certificate : "-");
	}
	ucp_buf_puts(b, "\n");
}

static void
publishing_table(const struct ucp_plan *plan, struct ucp_buf *b)
{
	const struct ucp_publishing *pub = &plan->publishing;
	size_t i;

	if (pub->nlisteners == 0 && pub->nrules == 0)
		return;
	ucp_buf_puts(b, "## Publishing\n\n");
	for (i = 0; i < pub->nlisteners; i++)
		ucp_buf_printf(b, "Listener `%s`, %s:%u%s, certificate `%s`.\n", pub->listeners[i].name,
		    pub->listeners[i].ip, pub->listeners[i].port, pub->listeners[i].http_port != 0 ? " and :80 (HTTP)" : "",
		    pub->listeners[i].certificate ? pub->listeners[i].certificate : "-");
	ucp_buf_puts(b, "\n| Rule | Public names | Paths | Internal site : port | Host header | Authentication |\n"
	    "|---|---|---|---|---|---|\n");
	for (i = 0; i < pub->nrules; i++) {
		const struct ucp_rule *r = &pub->rules[i];

		ucp_buf_printf(b, "| %s | ", r->name);
		ucp_buf_join(b, r->public_names, r->npublic_names, ", ");
		ucp_buf_puts(b, " | ");
		ucp_buf_join(b, r->paths, r->npaths, ", ");
		ucp_buf_printf(b, " | %s : %u", r->internal_site, r->internal_port);
		if (r->http_port != 0)
			ucp_buf_printf(b, " (HTTP: %u)", r->http_port);
		ucp_buf_printf(b, " | %s | %s |\n", r->forward_host_header ? "forwarded" : "rewritten",
		    ucp_auth_name(r->authentication));
	}
	ucp_buf_puts(b, "\n");
}

static void
diagnostics(const struct ucp_plan *plan, struct ucp_buf *b)
{
	size_t i, shown = 0;

	ucp_buf_puts(b, "## Diagnostics\n\n");
	/* Notes (-v) and the path the configuration was named by do not change the report. */
	for (i = 0; plan->diags != NULL && i < plan->diags->len; i++) {
		const struct ucp_diag *g = &plan->diags->items[i];
		const char *file = g->file != NULL && strrchr(g->file, '/') != NULL ? strrchr(g->file, '/') + 1 : g->file;

		if (g->severity < UCP_SEV_WARNING)
			continue;
		shown++;
		ucp_buf_printf(b, "- %s line %u: **%s** %s%s%s [%s]\n", file ? file : "-", g->line,
		    ucp_severity_name(g->severity), g->setting ? g->setting : "", g->setting ? ": " : "",
		    g->message, g->rule);
	}
	if (shown == 0)
		ucp_buf_puts(b, "None.\n");
}

void
ucp_report_text(const struct ucp_plan *plan, struct ucp_buf *b)
{
	dns_tables(plan, b);
	cert_table(plan, b);
	endpoint_table(plan, b);
	publishing_table(plan, b);
	diagnostics(plan, b);
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	struct ucp_buf b;
	enum ucp_status st;

	ucp_buf_init(&b);
	ucp_gen_header(&b, plan, "<!--", " -->");
	ucp_buf_puts(&b, "\n");
	ucp_buf_printf(&b, "# Deployment plan for %s\n\n", plan->config_name);
	ucp_report_text(plan, &b);
	st = ucp_output_add(ctx->out, "report/plan.md", &b);
	ucp_buf_clear(&b);
	return st;
}

const struct ucp_generator ucp_gen_report = {
	.name = "report",
	.summary = "report/plan.md: DNS per view, certificates, endpoints as a firewall table, diagnostics",
	.emit = emit,
};
