/*
 * Generator "windns" (spec 10.4): for sites whose DNS is Windows Server on
 * the domain controllers, PowerShell that brings the DnsServer module's
 * zones to the plan: windns/internal.ps1 and windns/external.ps1, one per
 * view, and windns/split-brain.ps1 for one Windows Server 2016+ serving both
 * views through a client subnet, zone scopes and query resolution policies.
 * Every record is a row of Add-DnsServerResourceRecord's own parameters; every
 * value from the configuration is a single-quoted literal (ucp_buf_ps).
 */
#include <stdio.h>
#include <string.h>

#include "ucplan/generator.h"

/* A TXT record's strings as one text: quotes and the spaces between strings dropped, \" and \\ unescaped. */
static void
txt_text(struct ucp_buf *b, const struct ucp_record *r)
{
	struct ucp_buf t;
	const char *p;
	bool quoted = false;

	ucp_buf_init(&t);
	for (p = r->data; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && *p == ' ')
			continue;
		if (*p == '\\' && quoted && p[1] != '\0')
			p++;
		ucp_buf_add(&t, p, 1);
	}
	ucp_buf_ps(b, ucp_buf_str(&t));
	ucp_buf_clear(&t);
}

/*
 * R as the data parameters of Add-DnsServerResourceRecord into B, its
 * parameter-set switch into *TYPE; false for types the module cannot add.
 */
static bool
record_params(struct ucp_buf *b, const struct ucp_record *r, const char **type)
{
	const char *f[4];
	char buf[1024];
	size_t n = r->type == UCP_RR_TXT ? 0 : ucp_record_fields(r, buf, sizeof(buf), f, 4);

	switch (r->type) {
	case UCP_RR_A:
	case UCP_RR_AAAA:
		*type = r->type == UCP_RR_A ? "A" : "AAAA";
		ucp_buf_puts(b, r->type == UCP_RR_A ? "IPv4Address = " : "IPv6Address = ");
		ucp_buf_ps(b, r->data);
		return true;
	case UCP_RR_CNAME:
	case UCP_RR_NS:
		if (n != 1)
			return false;
		*type = r->type == UCP_RR_CNAME ? "CName" : "NS";
		ucp_buf_puts(b, r->type == UCP_RR_CNAME ? "HostNameAlias = " : "NameServer = ");
		ucp_buf_ps(b, f[0]);
		return true;
	case UCP_RR_MX:
		if (n != 2)
			return false;
		*type = "MX";
		ucp_buf_printf(b, "Preference = %s; MailExchange = ", f[0]);
		ucp_buf_ps(b, f[1]);
		return true;
	case UCP_RR_SRV:
		if (n != 4)
			return false;
		*type = "Srv";
		ucp_buf_printf(b, "Priority = %s; Weight = %s; Port = %s; DomainName = ", f[0], f[1],
		    f[2]);
		ucp_buf_ps(b, f[3]);
		return true;
	case UCP_RR_TXT:
		*type = "Txt";
		ucp_buf_puts(b, "DescriptiveText = ");
		txt_text(b, r);
		return true;
	default:
		return false;
	}
}

/* The zones of view V into VARS' "zones" list, in SCOPE ("" for the default scope). */
static void
view_vars(const struct ucp_plan *plan, size_t v, const char *scope, bool policy, struct ucp_tvars *vars)
{
	const struct ucp_view_plan *vp = &plan->views[v];
	struct ucp_buf d, rows;
	size_t i, j;

	ucp_buf_init(&d);
	ucp_buf_init(&rows);
	ucp_tvars_set(vars, "view", "%s", vp->name);
	ucp_tvars_set(vars, "scope", "%s", scope);
	ucp_tvars_list(vars, "scoped");
	if (*scope != '\0')
		ucp_tvars_push(vars, "scoped");
	ucp_tvars_list(vars, "zones");
	ucp_tvars_list(vars, "skipped");
	for (i = 0; i < vp->nzones; i++) {
		const struct ucp_zone *z = &vp->zones[i];
		size_t zn = strlen(z->name);
		struct ucp_tvars *zv;

		if (z->catalog)
			continue;	/* catalog zones are BIND's: Windows DNS has none */
		zv = ucp_tvars_push(vars, "zones");
		ucp_tvars_set(zv, "zone", "%s", z->name);
		/* A row per record, written here: at hosting scale a template variable per field costs gigabytes. */
		ucp_buf_reset(&rows);
		for (j = 0; j < z->nrecords; j++) {
			const struct ucp_record *r = &z->records[j];
			size_t on = strlen(r->owner);
			const char *type = NULL;

			ucp_buf_reset(&d);
			if (!record_params(&d, r, &type)) {
				ucp_tvars_set(ucp_tvars_push(vars, "skipped"), "what", "%s %s in zone %s",
				    r->owner, ucp_rrtype_name(r->type), z->name);
				continue;
			}
			ucp_buf_puts(&rows, "    @{ Name = ");
			if (strcmp(r->owner, z->name) == 0) {
				ucp_buf_ps(&rows, "@");
			} else {
				char rel[256];

				snprintf(rel, sizeof(rel), "%.*s", (int)(on - zn - 1), r->owner);
				ucp_buf_ps(&rows, rel);
			}
			ucp_buf_printf(&rows, "; Type = '%s'; Ttl = %u; %s }\n", type, r->ttl, ucp_buf_str(&d));
		}
		ucp_tvars_set(zv, "rows", "%s", ucp_buf_str(&rows));
		ucp_tvars_list(zv, "policy");
		if (policy)
			ucp_tvars_push(zv, "policy");
	}
	ucp_buf_clear(&d);
	ucp_buf_clear(&rows);
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	const struct ucp_view_plan *in = &plan->views[UCP_VIEW_INTERNAL];
	enum ucp_status st = UCP_OK;
	struct ucp_tvars *vars;
	struct ucp_buf v4, v6;
	size_t v, i;

	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		char path[64];

		vars = ucp_tvars_new();
		ucp_gen_header_var(vars, plan, "#", "");
		ucp_tvars_set(vars, "purpose", "The zones and records of the %s view.", plan->views[v].name);
		ucp_tvars_list(vars, "split");
		view_vars(plan, v, "", false, ucp_tvars_push(vars, "views"));
		snprintf(path, sizeof(path), "windns/%s.ps1", plan->views[v].name);
		st = ucp_gen_render(ctx, "windns.ps1.tmpl", vars, path);
		ucp_tvars_free(vars);
	}
	if (st != UCP_OK)
		return st;

	/* One server, both views: the external view in the default scope, the internal one in scope 'internal'. */
	vars = ucp_tvars_new();
	ucp_buf_init(&v4);
	ucp_buf_init(&v6);
	ucp_gen_header_var(vars, plan, "#", "");
	ucp_tvars_set(vars, "purpose", "Both views on one Windows DNS server: the split-brain of named.conf.views.");
	for (i = 0; i < in->nclients; i++) {
		struct ucp_buf *b = strchr(in->clients[i], ':') != NULL ? &v6 : &v4;

		if (b->len > 0)
			ucp_buf_puts(b, ", ");
		ucp_buf_ps(b, in->clients[i]);
	}
	{
		struct ucp_tvars *sv = ucp_tvars_push(vars, "split");

		ucp_tvars_set(sv, "subnet", "%s", plan->bind.acl);
		ucp_tvars_set(sv, "ipv4", "%s", ucp_buf_str(&v4));
		ucp_tvars_set(sv, "ipv6", "%s", ucp_buf_str(&v6));
	}
	ucp_tvars_set(vars, "subnet", "%s", plan->bind.acl);
	view_vars(plan, UCP_VIEW_EXTERNAL, "", false, ucp_tvars_push(vars, "views"));
	view_vars(plan, UCP_VIEW_INTERNAL, "internal", true, ucp_tvars_push(vars, "views"));
	st = ucp_gen_render(ctx, "windns.ps1.tmpl", vars, "windns/split-brain.ps1");
	ucp_buf_clear(&v4);
	ucp_buf_clear(&v6);
	ucp_tvars_free(vars);
	return st;
}

const struct ucp_generator ucp_gen_windns = {
	.name = "windns",
	.summary = "windns/VIEW.ps1 and windns/split-brain.ps1: the zones for Windows DNS (DnsServer module)",
	.emit = emit,
};
