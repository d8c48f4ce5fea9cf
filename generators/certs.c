/*
 * Generator "certs": per certificate an OpenSSL request config and a Windows
 * certreq INF, the New-ExchangeCertificate request for the certificate the CAS
 * uses, and a table of all certificates.
 */
#include <stdio.h>
#include <string.h>

#include "ucplan/generator.h"

static const char *
ca_name(const struct ucp_cert *c)
{
	return c->ca == UCP_CA_PUBLIC ? "public" : "enterprise";
}

/* "CN=…, OU=…, O=…, L=…, S=…, C=…" (the order certreq and Exchange show). */
static void
subject_dn(const struct ucp_plan *plan, const struct ucp_cert *c, struct ucp_buf *b)
{
	const struct ucp_org *o = &plan->organization;

	ucp_buf_printf(b, "CN=%s", c->subject);
	if (o->unit)
		ucp_buf_printf(b, ", OU=%s", o->unit);
	if (o->name)
		ucp_buf_printf(b, ", O=%s", o->name);
	if (o->locality)
		ucp_buf_printf(b, ", L=%s", o->locality);
	if (o->state)
		ucp_buf_printf(b, ", S=%s", o->state);
	if (o->country)
		ucp_buf_printf(b, ", C=%s", o->country);
}

/* Variables every certificate template shares. */
static struct ucp_tvars *
cert_vars(const struct ucp_plan *plan, const struct ucp_cert *c, const char *comment, const char *suffix)
{
	const struct ucp_org *o = &plan->organization;
	const struct { const char *field, *value; } dn[] = {
		{ "C", o->country }, { "ST", o->state }, { "L", o->locality }, { "O", o->name }, { "OU", o->unit },
		{ "CN", c->subject },
	};
	struct ucp_tvars *v = ucp_tvars_new();
	struct ucp_buf b;
	size_t i;

	ucp_buf_init(&b);
	ucp_gen_header_var(v, plan, comment, suffix);
	subject_dn(plan, c, &b);
	ucp_tvars_set(v, "subject_dn", "%s", ucp_buf_str(&b));
	ucp_buf_reset(&b);
	ucp_buf_join(&b, c->san, c->nsan, ",");
	ucp_tvars_set(v, "domains", "%s", ucp_buf_str(&b));
	ucp_buf_clear(&b);
	ucp_tvars_set(v, "cert", "%s", c->name);
	ucp_tvars_set(v, "ca", "%s", ca_name(c));
	ucp_tvars_set(v, "usage", "%s", c->usage);
	ucp_tvars_set(v, "subject", "%s", c->subject);
	ucp_tvars_set(v, "bits", "%u", c->key_bits);
	ucp_tvars_set(v, "exportable", "%s", c->exportable ? "TRUE" : "FALSE");
	ucp_tvars_list(v, "dn");
	for (i = 0; i < sizeof(dn) / sizeof(dn[0]); i++) {
		struct ucp_tvars *item;

		if (dn[i].value == NULL)
			continue;
		item = ucp_tvars_push(v, "dn");
		ucp_tvars_set(item, "field", "%s", dn[i].field);
		ucp_tvars_set(item, "value", "%s", dn[i].value);
	}
	ucp_tvars_list(v, "san");
	for (i = 0; i < c->nsan; i++) {
		struct ucp_tvars *item = ucp_tvars_push(v, "san");

		ucp_tvars_set(item, "n", "%zu", i + 1);
		ucp_tvars_set(item, "dns", "%s", c->san[i]);
	}
	return v;
}

static enum ucp_status
render(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx, const struct ucp_cert *c, const char *tmpl,
    const char *comment, const char *path,
    void (*extra)(const struct ucp_plan *, const struct ucp_cert *, struct ucp_tvars *))
{
	struct ucp_tvars *v = cert_vars(plan, c, comment, "");
	enum ucp_status st;

	if (extra != NULL)
		extra(plan, c, v);
	st = ucp_gen_render(ctx, tmpl, v, path);
	ucp_tvars_free(v);
	return st;
}

static void
exchange_vars(const struct ucp_plan *plan, const struct ucp_cert *c, struct ucp_tvars *v)
{
	static const char *const forms[] = {
		[UCP_REQUEST_2007] = "exchange2007", [UCP_REQUEST_2010] = "exchange2010",
		[UCP_REQUEST_2013] = "exchange2013", [UCP_REQUEST_2016] = "exchange2016",
	};
	struct ucp_buf b;
	size_t i;

	/* -DomainName 'a','b': every value a single-quoted literal. */
	ucp_buf_init(&b);
	for (i = 0; i < c->nsan; i++) {
		ucp_buf_puts(&b, i ? "," : "");
		ucp_buf_ps(&b, c->san[i]);
	}
	ucp_tvars_set(v, "domains_ps", "%s", ucp_buf_str(&b));
	ucp_buf_clear(&b);
	ucp_tvars_set(v, "friendly_name", "%s (%s)", ucp_tvars_get(v, "cert"), ucp_tvars_get(v, "subject"));
	ucp_tvars_set(v, "request_path", ".\\%s.req", ucp_tvars_get(v, "cert"));

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		ucp_tvars_list(v, forms[i]);
	ucp_tvars_push(v, forms[plan->exchange.request_form]);
	ucp_tvars_set(v, "request_name", "%s.req", ucp_tvars_get(v, "cert"));
	/* PowerShell spells booleans $true / $false. */
	ucp_tvars_set(v, "exportable", "%s", strcmp(ucp_tvars_get(v, "exportable"), "TRUE") == 0 ? "true" : "false");
}

/* certs/exchange-urls.ps1: the client URLs of every published virtual directory. */
static enum ucp_status
exchange_urls(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	const struct ucp_exchange_urls *u = &plan->exchange;
	struct ucp_tvars *v = ucp_tvars_new(), *item;
	enum ucp_status st;
	size_t i;

	ucp_gen_header_var(v, plan, "#", "");
	ucp_tvars_set(v, "fqdn", "%s", u->fqdn);
	ucp_tvars_set(v, "cert", "%s", u->client_cert != NULL ? u->client_cert : "Exchange");
	/* Get-ClientAccessServer (2007-2013) or Get-ClientAccessService (2016 and later). */
	ucp_tvars_set(v, "servers", "Get-%s", u->autodiscover_cmdlet + strlen("Set-"));
	ucp_tvars_list(v, "vdirs");
	for (i = 0; i < u->nvdirs; i++) {
		item = ucp_tvars_push(v, "vdirs");
		ucp_tvars_set(item, "cmdlet", "%s", u->vdirs[i].cmdlet);
		ucp_tvars_set(item, "identity", "\\%s", u->vdirs[i].name);
		ucp_tvars_set(item, "url", "%s", u->vdirs[i].url);
		ucp_tvars_set(item, "extra", "%s%s", u->vdirs[i].extra != NULL ? " " : "",
		    u->vdirs[i].extra != NULL ? u->vdirs[i].extra : "");
	}
	ucp_tvars_list(v, "outlook_anywhere");
	if (u->outlook_anywhere != NULL) {
		item = ucp_tvars_push(v, "outlook_anywhere");
		ucp_tvars_set(item, "host", "%s", u->outlook_anywhere);
		ucp_tvars_list(item, "internal");
		if (u->oa_internal)
			ucp_tvars_push(item, "internal");
	}
	ucp_tvars_list(v, "autodiscover");
	if (u->autodiscover_uri != NULL) {
		item = ucp_tvars_push(v, "autodiscover");
		ucp_tvars_set(item, "uri", "%s", u->autodiscover_uri);
		ucp_tvars_set(item, "cmdlet", "%s", u->autodiscover_cmdlet);
	}
	ucp_tvars_list(v, "principal");
	if (u->principal != NULL) {
		item = ucp_tvars_push(v, "principal");
		ucp_tvars_set(item, "value", "%s", u->principal);
		ucp_tvars_set(item, "subject", "%s", u->client_subject);
	}
	st = ucp_gen_render(ctx, "exchange-urls.ps1.tmpl", v, "certs/exchange-urls.ps1");
	ucp_tvars_free(v);
	return st;
}

static void
table(const struct ucp_plan *plan, struct ucp_buf *b)
{
	size_t i, j;

	ucp_gen_header(b, plan, "<!--", " -->");
	ucp_buf_puts(b, "\n# Certificates\n\n| Certificate | CA | Subject | SAN (in order) | Key | Used by | Endpoints |\n"
	    "|---|---|---|---|---|---|---|\n");
	for (i = 0; i < plan->ncerts; i++) {
		const struct ucp_cert *c = &plan->certs[i];
		bool first = true;

		ucp_buf_printf(b, "| %s | %s | %s | ", c->name, ca_name(c), c->subject);
		ucp_buf_join(b, c->san, c->nsan, ", ");
		ucp_buf_printf(b, " | RSA %u%s | %s | ", c->key_bits, c->exportable ? ", exportable" : "", c->usage);
		for (j = 0; j < plan->nendpoints; j++) {
			const struct ucp_endpoint *e = &plan->endpoints[j];

			if (e->certificate == NULL || strcmp(e->certificate, c->name) != 0)
				continue;
			ucp_buf_printf(b, "%s%s %s:%u", first ? "" : ", ", ucp_role_name(e->role), e->ip, e->port);
			first = false;
		}
		ucp_buf_puts(b, first ? "- |\n" : " |\n");
	}
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	enum ucp_status st = UCP_OK;
	struct ucp_buf b;
	char path[256];
	size_t i;

	for (i = 0; i < plan->ncerts && st == UCP_OK; i++) {
		const struct ucp_cert *c = &plan->certs[i];

		snprintf(path, sizeof(path), "certs/%s.cnf", c->name);
		st = render(plan, ctx, c, "cert.cnf.tmpl", "#", path, NULL);
		snprintf(path, sizeof(path), "certs/%s.inf", c->name);
		if (st == UCP_OK)
			st = render(plan, ctx, c, "cert.inf.tmpl", ";", path, NULL);
		if (st == UCP_OK && ucp_cert_used_by(c, UCP_ROLE_CAS))
			st = render(plan, ctx, c, "exchange.ps1.tmpl", "#", "certs/exchange.ps1", exchange_vars);
	}
	if (st == UCP_OK && plan->exchange.fqdn != NULL)
		st = exchange_urls(plan, ctx);
	if (st != UCP_OK || plan->ncerts == 0)
		return st;
	ucp_buf_init(&b);
	table(plan, &b);
	st = ucp_output_add(ctx->out, "certs/certificates.md", &b);
	ucp_buf_clear(&b);
	return st;
}

const struct ucp_generator ucp_gen_certs = {
	.name = "certs",
	.summary = "certificate requests: OpenSSL .cnf, certreq .inf, New-ExchangeCertificate, Exchange URLs, certificates.md",
	.emit = emit,
};
