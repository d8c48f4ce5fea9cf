/*
 * Generator "tmg": proxy/publishing.md, the listener and every rule in the
 * terms of the ISA/TMG wizards, and proxy/tmg-publish.ps1, which creates them
 * through the FPC.Root COM object.
 */
#include <string.h>

#include "generators/proxy.h"
#include "strmap.h"

static const char *
delegation(const struct ucp_rule *r)
{
	return r->authentication == UCP_AUTH_FBA ? "Basic authentication"
	    : "No delegation, but client may authenticate directly";
}

static void
tables(const struct ucp_plan *plan, struct ucp_buf *b)
{
	const struct ucp_publishing *pub = &plan->publishing;
	const struct ucp_listener *l = &pub->listeners[0];
	const struct ucp_cert *c = l->certificate ? ucp_plan_cert(plan, l->certificate) : NULL;
	size_t i;

	ucp_gen_header(b, plan, "<!--", " -->");
	ucp_buf_printf(b, "\n# Publishing on %s\n\n## Web listener\n\n"
	    "| Name | Networks | IP address | Client connection security | Certificate | Authentication |\n"
	    "|---|---|---|---|---|---|\n| %s | External | %s | %s, port %u%s | %s (%s) | %s |\n\n",
	    ucp_rp_product_title(pub->product), l->name, l->ip, l->http_port ? "SSL" : "SSL only", l->port,
	    l->http_port ? ", and HTTP on port 80 (lyncdiscover, web services)" : " (HTTP disabled)",
	    l->certificate ? l->certificate : "-",
	    c != NULL ? c->subject : "-", pub->nrules > 0 && pub->rules[0].authentication == UCP_AUTH_FBA
	    ? "HTML form authentication" : "No authentication");
	ucp_buf_puts(b, "## Web publishing rules\n\n"
	    "| Rule | Action | From | To (internal site name) | Computer name or IP | Forward original host header "
	    "| Public names | Paths | Bridging | Authentication delegation | Users |\n"
	    "|---|---|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < pub->nrules; i++) {
		const struct ucp_rule *r = &pub->rules[i];

		ucp_buf_printf(b, "| %s | Allow | External | %s | %s | %s | ", r->name, r->internal_site,
		    r->internal_ip ? r->internal_ip : "-", r->forward_host_header ? "Yes" : "No");
		ucp_buf_join(b, r->public_names, r->npublic_names, ", ");
		ucp_buf_puts(b, " | ");
		ucp_buf_join(b, r->paths, r->npaths, ", ");
		ucp_buf_printf(b, " | SSL port %u", r->internal_port);
		if (r->http_port != 0)
			ucp_buf_printf(b, ", HTTP port %u", r->http_port);
		ucp_buf_printf(b, " | %s | All Users |\n", delegation(r));
	}
}

/*
 * IIS Application Request Routing publishes one server farm per published
 * name (reference 8): its backend, the ports it bridges to, and the URL
 * Rewrite rule that routes the name there without SSL offloading.
 */
static void
arr_farms(const struct ucp_plan *plan, struct ucp_buf *b)
{
	const struct ucp_publishing *pub = &plan->publishing;
	struct ucp_strmap seen;
	size_t i, j;

	ucp_strmap_init(&seen);
	ucp_buf_puts(b, "\n## IIS ARR server farms\n\nOne server farm per published name; disk cache off; "
	    "proxy timeout 960 s (mobile push notifications); no SSL offloading.\n\n"
	    "| Server farm | Server | httpsPort | httpPort | URL Rewrite condition | Action |\n|---|---|---|---|---|---|\n");
	for (i = 0; i < pub->nrules; i++) {
		const struct ucp_rule *r = &pub->rules[i];

		for (j = 0; j < r->npublic_names; j++) {
			/* A name several rules publish (Exchange's paths) is one farm. */
			if (ucp_strmap_has(&seen, r->public_names[j]))
				continue;
			ucp_strmap_put(&seen, r->public_names[j], (void *)r);
			ucp_buf_printf(b, "| %s | %s | %u | %s%.0u | {HTTP_HOST} matches ^%s$ | route to %s, https://%s/{R:0} |\n",
			    r->public_names[j], r->internal_ip ? r->internal_ip : r->internal_site, r->internal_port,
			    r->http_port ? "" : "-", r->http_port, r->public_names[j], r->public_names[j], r->public_names[j]);
		}
	}
	ucp_strmap_clear(&seen);
}

static enum ucp_status
script(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	const struct ucp_publishing *pub = &plan->publishing;
	struct ucp_tvars *v = gen_proxy_vars(plan, "#");
	enum ucp_status st;
	struct ucp_buf b;
	size_t i;

	ucp_buf_init(&b);
	for (i = 0; i < pub->nrules; i++) {
		ucp_buf_puts(&b, i ? ", " : "");
		ucp_buf_ps(&b, pub->rules[i].name);
	}
	ucp_tvars_set(v, "rule_names", "%s", ucp_buf_str(&b));
	ucp_buf_reset(&b);
	ucp_tvars_set(v, "rule_count", "%zu", pub->nrules);
	ucp_tvars_set(v, "product_name", "%s", ucp_rp_product_title(pub->product));
	ucp_tvars_list(v, "fba");
	if (pub->rules[0].authentication == UCP_AUTH_FBA) {
		ucp_tvars_push(v, "fba");
		ucp_tvars_set(v, "auth_text", "HTML form authentication, Basic delegation");
	} else {
		ucp_tvars_set(v, "auth_text", "no authentication (clients authenticate to the servers)");
	}
	ucp_tvars_list(v, "san_limits");
	if (pub->product == UCP_RP_ISA2004)
		ucp_tvars_set(ucp_tvars_push(v, "san_limits"), "note", "ISA Server 2004 reads no subject alternative "
		    "names: every published name must be the listener certificate's subject (checked by ucplan).");
	else if (pub->product == UCP_RP_ISA2006)
		ucp_tvars_set(ucp_tvars_push(v, "san_limits"), "note", "ISA Server 2006 before SP1 honours only the "
		    "subject or the first SAN entry: every published name must be the subject (checked by ucplan).");
	ucp_buf_clear(&b);
	st = ucp_gen_render(ctx, "tmg-publish.ps1.tmpl", v, "proxy/tmg-publish.ps1");
	ucp_tvars_free(v);
	return st;
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	enum ucp_status st;
	struct ucp_buf b;

	if (plan->publishing.nlisteners == 0 || plan->publishing.nrules == 0)
		return UCP_OK;
	ucp_buf_init(&b);
	tables(plan, &b);
	if (plan->publishing.product == UCP_RP_IIS_ARR)
		arr_farms(plan, &b);
	st = ucp_output_add(ctx->out, "proxy/publishing.md", &b);
	ucp_buf_clear(&b);
	/* The FPC.Root script is for ISA Server and Forefront TMG only. */
	if (st != UCP_OK || plan->publishing.product == UCP_RP_IIS_ARR || plan->publishing.product == UCP_RP_GENERIC)
		return st;
	return script(plan, ctx);
}

const struct ucp_generator ucp_gen_tmg = {
	.name = "tmg",
	.summary = "proxy/publishing.md (ISA/TMG terms, IIS ARR server farms) and proxy/tmg-publish.ps1 (FPC.Root)",
	.emit = emit,
};
