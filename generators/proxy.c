/* Variables for the publishing generators: the listener, each rule, and the rules per public name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generators/proxy.h"

/* The regular expression ^/(owa|ecp)(/|$) for the TMG paths "/owa/" and "/ecp/" followed by a star. */
static void
path_regex(const struct ucp_rule *r, struct ucp_buf *b)
{
	size_t i;

	/* A path of "/" and a star publishes the whole site. */
	for (i = 0; i < r->npaths; i++) {
		if (strcmp(r->paths[i], "/*") == 0) {
			ucp_buf_puts(b, "^/");
			return;
		}
	}
	ucp_buf_puts(b, "^/(");
	for (i = 0; i < r->npaths; i++) {
		const char *p = r->paths[i] + (r->paths[i][0] == '/');
		size_t len = strlen(p);

		if (len >= 2 && strcmp(p + len - 2, "/*") == 0)
			len -= 2;
		ucp_buf_puts(b, i ? "|" : "");
		for (; len > 0; p++, len--) {
			if (strchr(".+?()[]{}^$|\\", *p) != NULL)
				ucp_buf_add(b, "\\", 1);
			ucp_buf_add(b, p, 1);
		}
	}
	ucp_buf_puts(b, ")(/|$)");
}

static void
set_joined(struct ucp_tvars *v, const char *key, const char *const *list, size_t n, const char *sep)
{
	struct ucp_buf b;

	ucp_buf_init(&b);
	ucp_buf_join(&b, list, n, sep);
	ucp_tvars_set(v, key, "%s", ucp_buf_str(&b));
	ucp_buf_clear(&b);
}

/* What a location (one rule under one host) needs: routing, not the rule's name lists. */
static void
location_vars(const struct ucp_rule *r, struct ucp_tvars *v)
{
	struct ucp_buf b;

	ucp_buf_init(&b);
	path_regex(r, &b);
	ucp_tvars_set(v, "regex", "%s", ucp_buf_str(&b));
	ucp_buf_clear(&b);
	ucp_tvars_set(v, "rule", "%s", r->name);
	ucp_tvars_set(v, "upstream", "%s", r->id);
	set_joined(v, "paths", r->paths, r->npaths, ", ");
	ucp_tvars_list(v, "long");
	if (r->long_timeouts)
		ucp_tvars_push(v, "long");
	/* 80 bridged too (Lync and later: lyncdiscover and the web services on 8080). */
	ucp_tvars_list(v, "http");
	if (r->http_port != 0)
		ucp_tvars_set(ucp_tvars_push(v, "http"), "http_port", "%u", r->http_port);
}

/* Variables of one rule for the rules list. */
static void
rule_vars(const struct ucp_rule *r, struct ucp_tvars *v)
{
	size_t i;

	location_vars(r, v);
	ucp_tvars_set(v, "site", "%s", r->internal_site);
	ucp_tvars_set(v, "address", "%s", r->internal_ip != NULL ? r->internal_ip : r->internal_site);
	ucp_tvars_set(v, "port", "%u", r->internal_port);
	/* FpcPublishedServerType: 1 HTTPS only, 2 HTTP and HTTPS (each to its own port). */
	ucp_tvars_set(v, "server_type", "%d", r->http_port != 0 ? 2 : 1);
	ucp_tvars_set(v, "application", "%d", strncmp(r->id, "exchange-", 9) == 0);
	ucp_tvars_set(v, "delegation", "%d", r->authentication == UCP_AUTH_FBA ? 3 : 0);
	set_joined(v, "names", r->public_names, r->npublic_names, " ");
	ucp_tvars_list(v, "public_names");
	for (i = 0; i < r->npublic_names; i++)
		ucp_tvars_set(ucp_tvars_push(v, "public_names"), "name", "%s", r->public_names[i]);
	ucp_tvars_list(v, "path_list");
	for (i = 0; i < r->npaths; i++)
		ucp_tvars_set(ucp_tvars_push(v, "path_list"), "path", "%s", r->paths[i]);
}

struct host_rule {
	const char	*host;
	size_t		 rule;
};

static int
cmp_pair(const void *pa, const void *pb)
{
	const struct host_rule *a = pa, *b = pb;
	int c = strcmp(a->host, b->host);

	return c != 0 ? c : (a->rule > b->rule) - (a->rule < b->rule);
}

struct ucp_tvars *
gen_proxy_vars(const struct ucp_plan *plan, const char *prefix)
{
	const struct ucp_publishing *pub = &plan->publishing;
	const struct ucp_listener *l;
	const struct ucp_cert *cert;
	struct ucp_tvars *v, *h = NULL;
	struct host_rule *pairs;
	size_t i, j, k, n;

	if (pub->nlisteners == 0 || pub->nrules == 0)
		return NULL;
	l = &pub->listeners[0];
	cert = l->certificate != NULL ? ucp_plan_cert(plan, l->certificate) : NULL;
	v = ucp_tvars_new();
	ucp_gen_header_var(v, plan, prefix, "");
	ucp_tvars_set(v, "product", "%s", ucp_rp_product_name(pub->product));
	ucp_tvars_set(v, "listener", "%s", l->name);
	ucp_tvars_set(v, "ip", "%s", l->ip);
	ucp_tvars_set(v, "port", "%u", l->port);
	ucp_tvars_set(v, "listen", strchr(l->ip, ':') ? "[%s]:%u" : "%s:%u", l->ip, l->port);
	ucp_tvars_set(v, "tcp_port", "%u", l->http_port);
	ucp_tvars_set(v, "http_listen", strchr(l->ip, ':') ? "[%s]:%u" : "%s:%u", l->ip, l->http_port);
	ucp_tvars_list(v, "http_listener");
	if (l->http_port != 0)
		ucp_tvars_push(v, "http_listener");
	ucp_tvars_set(v, "cert", "%s", l->certificate != NULL ? l->certificate : "listener");
	ucp_tvars_set(v, "subject", "%s", cert != NULL ? cert->subject : "(no certificate planned)");
	if (cert != NULL)
		set_joined(v, "san", cert->san, cert->nsan, ", ");
	else
		ucp_tvars_set(v, "san", "(none)");
	ucp_tvars_list(v, "rules");
	for (i = 0; i < pub->nrules; i++)
		rule_vars(&pub->rules[i], ucp_tvars_push(v, "rules"));
	/* One entry per public name (sorted), with the rules that publish it in plan order. */
	ucp_tvars_list(v, "hosts");
	for (i = n = 0; i < pub->nrules; i++)
		n += pub->rules[i].npublic_names;
	if (n == 0)
		return v;
	if ((pairs = calloc(n, sizeof(*pairs))) == NULL) {
		ucp_tvars_free(v);
		return NULL;
	}
	for (i = k = 0; i < pub->nrules; i++)
		for (j = 0; j < pub->rules[i].npublic_names; j++)
			pairs[k++] = (struct host_rule){ pub->rules[i].public_names[j], i };
	qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(pairs[i].host, pairs[i - 1].host) != 0) {
			h = ucp_tvars_push(v, "hosts");
			ucp_tvars_set(h, "host", "%s", pairs[i].host);
			ucp_tvars_list(h, "locations");
		}
		location_vars(&pub->rules[pairs[i].rule], ucp_tvars_push(h, "locations"));
	}
	/* The same for the rules that publish HTTP too. */
	ucp_tvars_list(v, "http_hosts");
	for (i = 0, h = NULL; i < n; i++) {
		if (pub->rules[pairs[i].rule].http_port == 0)
			continue;
		if (h == NULL || strcmp(ucp_tvars_get(h, "host"), pairs[i].host) != 0) {
			h = ucp_tvars_push(v, "http_hosts");
			ucp_tvars_set(h, "host", "%s", pairs[i].host);
			ucp_tvars_list(h, "locations");
		}
		location_vars(&pub->rules[pairs[i].rule], ucp_tvars_push(h, "locations"));
	}
	free(pairs);
	return v;
}

enum ucp_status
gen_proxy_render(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx, const char *tmpl, const char *prefix,
    const char *path)
{
	struct ucp_tvars *v = gen_proxy_vars(plan, prefix);
	enum ucp_status st;

	if (v == NULL)
		return UCP_OK;
	st = ucp_gen_render(ctx, tmpl, v, path);
	ucp_tvars_free(v);
	return st;
}
