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
#include <stdlib.h>
#include <string.h>

#include "ucplan/generator.h"

/* Owner keys "ZONE\tSCOPE\tNAME" (malloc'd). */
struct keys {
	char	**v;
	size_t	 len, cap;
};

static void
keys_add(struct keys *k, const char *zone, size_t zlen, const char *scope, size_t slen, const char *name, size_t nlen)
{
	char *s;

	if (k->len == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		if ((k->v = realloc(k->v, k->cap * sizeof(*k->v))) == NULL)
			ucp_oom();
	}
	if (asprintf(&s, "%.*s\t%.*s\t%.*s", (int)zlen, zone, (int)slen, scope, (int)nlen, name) < 0)
		ucp_oom();
	k->v[k->len++] = s;
}

static void
keys_clear(struct keys *k)
{
	size_t i;

	for (i = 0; i < k->len; i++)
		free(k->v[i]);
	free(k->v);
	memset(k, 0, sizeof(*k));
}

/*
 * The single-quoted literal at *P (names: no quote inside), its text in
 * [*START, *START + *LEN); *P moves past it. False when *P holds none.
 */
static bool
literal(const char **p, const char **start, size_t *len)
{
	const char *q;

	if (**p != '\'' || (q = strchr(*p + 1, '\'')) == NULL)
		return false;
	*start = *p + 1;
	*len = (size_t)(q - *start);
	*p = q + 1;
	return true;
}

/*
 * The owners an earlier version of this file managed: its record rows and
 * its Remove-UcpOwners lines, read back from the published file.
 */
static void
published_owners(const char *text, struct keys *k)
{
	const char *line, *zone = NULL, *scope = NULL, *n, *z, *sc;
	size_t zlen = 0, slen = 0, nlen, zl, sl;

	for (line = text; line != NULL && *line; line = strchr(line, '\n'), line = line != NULL ? line + 1 : NULL) {
		const char *p = line;

		if (strncmp(p, "Sync-UcpZone ", 13) == 0) {
			p += 13;
			if (!literal(&p, &zone, &zlen) || *p++ != ' ' || !literal(&p, &scope, &slen))
				zone = NULL;
		} else if (strncmp(p, "    @{ Name = ", 14) == 0 && zone != NULL) {
			p += 14;
			if (literal(&p, &n, &nlen))
				keys_add(k, zone, zlen, scope, slen, n, nlen);
		} else if (strncmp(p, "Remove-UcpOwners ", 17) == 0) {
			p += 17;
			if (!literal(&p, &z, &zl) || *p++ != ' ' || !literal(&p, &sc, &sl) || strncmp(p, " @(", 3) != 0)
				continue;
			for (p += 3; literal(&p, &n, &nlen); p += strspn(p, ", "))
				keys_add(k, z, zl, sc, sl, n, nlen);
		} else if (*p != ' ') {
			zone = NULL;
		}
	}
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Into VARS' "dropped" list: the owners PATH's published version managed that
 * CURRENT (the keys of this version, sorted) lacks, grouped by zone and scope.
 */
static void
dropped_vars(const struct ucp_gen_ctx *ctx, const char *path, const struct keys *current, struct ucp_tvars *vars)
{
	struct keys old = { 0 };
	struct ucp_buf names;
	struct ucp_tvars *dv = NULL;
	size_t len, i, groups = 0;
	char *text = ctx->published(ctx, path, &len);
	const char *group = NULL;
	size_t glen = 0;

	ucp_tvars_list(vars, "dropped");
	if (text == NULL)
		return;
	published_owners(text, &old);
	free(text);
	if (old.len > 1)
		qsort(old.v, old.len, sizeof(*old.v), cmp_key);
	ucp_buf_init(&names);
	for (i = 0; i < old.len; i++) {
		const char *k = old.v[i], *name = strrchr(k, '\t') + 1;

		if (bsearch(&k, current->v, current->len, sizeof(*current->v), cmp_key) != NULL ||
		    (i > 0 && strcmp(k, old.v[i - 1]) == 0))
			continue;
		if (group == NULL || (size_t)(name - k) != glen || strncmp(k, group, glen) != 0) {
			const char *tab = strchr(k, '\t');

			if (dv != NULL)
				ucp_tvars_set(dv, "names", "%s", ucp_buf_str(&names));
			ucp_buf_reset(&names);
			dv = ucp_tvars_push(vars, "dropped");
			ucp_tvars_list(dv, "first");
			if (groups++ == 0)
				ucp_tvars_push(dv, "first");
			ucp_tvars_set(dv, "zone", "%.*s", (int)(tab - k), k);
			ucp_tvars_set(dv, "scope", "%.*s", (int)(name - 1 - tab - 1), tab + 1);
			group = k;
			glen = (size_t)(name - k);
		} else {
			ucp_buf_puts(&names, ", ");
		}
		ucp_buf_ps(&names, name);
	}
	if (dv != NULL)
		ucp_tvars_set(dv, "names", "%s", ucp_buf_str(&names));
	ucp_buf_clear(&names);
	keys_clear(&old);
}

/* A TXT record's strings as one text: quotes dropped, \" and \\ unescaped. */
static void
txt_text(struct ucp_buf *b, const struct ucp_record *r)
{
	struct ucp_buf t;
	size_t i;

	ucp_buf_init(&t);
	for (i = 0; i < r->nfields; i++) {
		const char *p = r->fields[i];
		size_t n = strlen(p);

		if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
			p++;
			n -= 2;
		}
		for (; n > 0; p++, n--) {
			if (*p == '\\' && n > 1) {
				p++;
				n--;
			}
			ucp_buf_add(&t, p, 1);
		}
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
	switch (r->type) {
	case UCP_RR_A:
	case UCP_RR_AAAA:
		*type = r->type == UCP_RR_A ? "A" : "AAAA";
		ucp_buf_puts(b, r->type == UCP_RR_A ? "IPv4Address = " : "IPv6Address = ");
		ucp_buf_ps(b, r->data);
		return true;
	case UCP_RR_CNAME:
	case UCP_RR_NS:
		if (r->nfields != 1)
			return false;
		*type = r->type == UCP_RR_CNAME ? "CName" : "NS";
		ucp_buf_puts(b, r->type == UCP_RR_CNAME ? "HostNameAlias = " : "NameServer = ");
		ucp_buf_ps(b, r->fields[0]);
		return true;
	case UCP_RR_MX:
		if (r->nfields != 2)
			return false;
		*type = "MX";
		ucp_buf_printf(b, "Preference = %s; MailExchange = ", r->fields[0]);
		ucp_buf_ps(b, r->fields[1]);
		return true;
	case UCP_RR_SRV:
		if (r->nfields != 4)
			return false;
		*type = "Srv";
		ucp_buf_printf(b, "Priority = %s; Weight = %s; Port = %s; DomainName = ", r->fields[0], r->fields[1],
		    r->fields[2]);
		ucp_buf_ps(b, r->fields[3]);
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
view_vars(const struct ucp_plan *plan, size_t v, const char *scope, bool policy, struct ucp_tvars *vars,
    struct keys *current)
{
	const struct ucp_view_plan *vp = &plan->views[v];
	struct ucp_buf d;
	size_t i, j;

	ucp_buf_init(&d);
	ucp_tvars_set(vars, "view", "%s", vp->name);
	ucp_tvars_set(vars, "scope", "%s", scope);
	ucp_tvars_list(vars, "scoped");
	if (*scope != '\0')
		ucp_tvars_push(vars, "scoped");
	ucp_tvars_list(vars, "zones");
	ucp_tvars_list(vars, "skipped");
	for (i = 0; i < vp->nzones; i++) {
		const struct ucp_zone *z = &vp->zones[i];
		struct ucp_tvars *zv;

		if (z->catalog)
			continue;	/* catalog zones are BIND's: Windows DNS has none */
		zv = ucp_tvars_push(vars, "zones");
		ucp_tvars_set(zv, "zone", "%s", z->name);
		ucp_tvars_list(zv, "records");
		for (j = 0; j < z->nrecords; j++) {
			const struct ucp_record *r = &z->records[j];
			size_t on = strlen(r->owner), zn = strlen(z->name);
			const char *type = NULL;
			struct ucp_tvars *rv;

			ucp_buf_reset(&d);
			if (!record_params(&d, r, &type)) {
				ucp_tvars_set(ucp_tvars_push(vars, "skipped"), "what", "%s %s in zone %s",
				    r->owner, ucp_rrtype_name(r->type), z->name);
				continue;
			}
			rv = ucp_tvars_push(zv, "records");
			if (strcmp(r->owner, z->name) == 0) {
				ucp_tvars_set(rv, "name", "@");
				keys_add(current, z->name, zn, scope, strlen(scope), "@", 1);
			} else {
				ucp_tvars_set(rv, "name", "%.*s", (int)(on - zn - 1), r->owner);
				keys_add(current, z->name, zn, scope, strlen(scope), r->owner, on - zn - 1);
			}
			ucp_tvars_set(rv, "type", "%s", type);
			ucp_tvars_set(rv, "ttl", "%u", r->ttl);
			ucp_tvars_set(rv, "data", "%s", ucp_buf_str(&d));
		}
		ucp_tvars_list(zv, "policy");
		if (policy)
			ucp_tvars_push(zv, "policy");
	}
	ucp_buf_clear(&d);
}

static void
dropped(const struct ucp_gen_ctx *ctx, const char *path, struct keys *current, struct ucp_tvars *vars)
{
	if (current->len > 1)
		qsort(current->v, current->len, sizeof(*current->v), cmp_key);
	dropped_vars(ctx, path, current, vars);
}

static void
header(const struct ucp_plan *plan, struct ucp_tvars *vars)
{
	struct ucp_buf b;

	ucp_buf_init(&b);
	ucp_gen_header(&b, plan, "#", "");
	ucp_tvars_set(vars, "header", "%.*s", (int)b.len - 1, ucp_buf_str(&b));
	ucp_buf_clear(&b);
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	const struct ucp_view_plan *in = &plan->views[UCP_VIEW_INTERNAL];
	enum ucp_status st = UCP_OK;
	struct ucp_tvars *vars;
	struct ucp_buf v4, v6;
	struct keys both = { 0 };
	size_t v, i;

	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		char path[64];

		struct keys current = { 0 };

		vars = ucp_tvars_new();
		header(plan, vars);
		ucp_tvars_set(vars, "purpose", "The zones and records of the %s view.", plan->views[v].name);
		ucp_tvars_list(vars, "split");
		view_vars(plan, v, "", false, ucp_tvars_push(vars, "views"), &current);
		snprintf(path, sizeof(path), "windns/%s.ps1", plan->views[v].name);
		dropped(ctx, path, &current, vars);
		st = ucp_gen_render(ctx, "windns.ps1.tmpl", vars, path);
		keys_clear(&current);
		ucp_tvars_free(vars);
	}
	if (st != UCP_OK)
		return st;

	/* One server, both views: the external view in the default scope, the internal one in scope 'internal'. */
	vars = ucp_tvars_new();
	ucp_buf_init(&v4);
	ucp_buf_init(&v6);
	header(plan, vars);
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
	view_vars(plan, UCP_VIEW_EXTERNAL, "", false, ucp_tvars_push(vars, "views"), &both);
	view_vars(plan, UCP_VIEW_INTERNAL, "internal", true, ucp_tvars_push(vars, "views"), &both);
	dropped(ctx, "windns/split-brain.ps1", &both, vars);
	st = ucp_gen_render(ctx, "windns.ps1.tmpl", vars, "windns/split-brain.ps1");
	keys_clear(&both);
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
