/* Generator "bind": one self-contained zone file per view and zone, and named.conf.views. */
#include <idn2.h>
#include <stdio.h>
#include <string.h>

#include "ucplan/generator.h"

/* Owner relative to ORIGIN: "@" at the apex. */
static void
relative(const char *owner, const char *origin, char *out, size_t outlen)
{
	size_t n = strlen(owner), o = strlen(origin);

	if (strcmp(owner, origin) == 0)
		snprintf(out, outlen, "@");
	else
		snprintf(out, outlen, "%.*s", (int)(n - o - 1), owner);
}


/* An owner with A-labels gets its Unicode form in the comment: "(sip.bücher.ad)". */
static void
unicode_form(struct ucp_buf *b, const char *owner)
{
	char *u;

	if (strstr(owner, "xn--") == NULL || idn2_to_unicode_8z8z(owner, &u, 0) != IDN2_OK)
		return;
	if (strcmp(u, owner) != 0)
		ucp_buf_printf(b, " (%s)", u);
	idn2_free(u);
}

static void
zone_text(const struct ucp_plan *plan, const struct ucp_zone *z, struct ucp_buf *b)
{
	size_t i, width = 1, dwidth = 0;
	char rel[256];

	for (i = 0; i < z->nrecords; i++) {
		const struct ucp_record *r = &z->records[i];
		size_t n = strlen(r->data);

		relative(r->owner, z->name, rel, sizeof(rel));
		if (strlen(rel) > width)
			width = strlen(rel);
		if (n > dwidth)
			dwidth = n;
	}
	if (width > 40)
		width = 40;
	if (dwidth > 40)
		dwidth = 40;
	if (dwidth < 16)
		dwidth = 16;

	ucp_gen_header(b, plan, ";", "");
	ucp_buf_printf(b, "; Zone %s, %s view%s.\n", z->name, ucp_view_name(z->view),
	    z->pinpoint ? " (pin-point zone)" : "");
	ucp_buf_printf(b, "$ORIGIN %s.\n$TTL %u\n", z->name, z->ttl);
	ucp_buf_puts(b, "@");
	ucp_buf_pad(b, width + 2);
	ucp_buf_printf(b, "IN %-6s %s %s %u %u %u %u %u\n", "SOA", z->mname, z->rname, z->serial,
	    z->refresh, z->retry, z->expire, z->minimum);
	for (i = 0; i < z->nns; i++) {
		ucp_buf_puts(b, "@");
		ucp_buf_pad(b, width + 2);
		ucp_buf_printf(b, "IN %-6s %s.\n", "NS", z->ns[i]);
	}
	for (i = 0; i < z->nrecords; i++) {
		const struct ucp_record *r = &z->records[i];
		size_t start;

		relative(r->owner, z->name, rel, sizeof(rel));
		ucp_buf_puts(b, rel);
		ucp_buf_pad(b, width + 2);
		if (r->ttl != z->ttl)
			ucp_buf_printf(b, "%u ", r->ttl);
		ucp_buf_printf(b, "IN %-6s ", ucp_rrtype_name(r->type));
		start = b->len;
		ucp_buf_puts(b, r->data);
		while (b->len - start < dwidth)
			ucp_buf_add(b, " ", 1);
		ucp_buf_printf(b, " ; %s", r->why);
		unicode_form(b, r->owner);
		ucp_buf_puts(b, "\n");
	}
}

static enum ucp_status
views_conf(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	struct ucp_tvars *vars = ucp_tvars_new();
	struct ucp_buf header;
	enum ucp_status st;
	size_t i, v;

	ucp_buf_init(&header);
	ucp_gen_header(&header, plan, "//", "");
	/* The template supplies the newline. */
	ucp_tvars_set(vars, "header", "%.*s", (int)header.len - 1, ucp_buf_str(&header));
	ucp_tvars_set(vars, "acl", "ucplan-internal");
	ucp_tvars_list(vars, "clients");
	for (i = 0; i < plan->views[UCP_VIEW_INTERNAL].nclients; i++)
		ucp_tvars_set(ucp_tvars_push(vars, "clients"), "client", "%s",
		    plan->views[UCP_VIEW_INTERNAL].clients[i]);
	ucp_tvars_list(vars, "views");
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		const struct ucp_view_plan *vp = &plan->views[v];
		struct ucp_tvars *vv = ucp_tvars_push(vars, "views");

		ucp_tvars_set(vv, "view", "%s", vp->name);
		ucp_tvars_set(vv, "match", v == UCP_VIEW_INTERNAL ? "\"ucplan-internal\"" : "any");
		ucp_tvars_list(vv, "zones");
		for (i = 0; i < vp->nzones; i++) {
			struct ucp_tvars *zv = ucp_tvars_push(vv, "zones");

			ucp_tvars_set(zv, "zone", "%s", vp->zones[i].name);
			ucp_tvars_set(zv, "file", "%s/db.%s", vp->name, vp->zones[i].name);
		}
	}
	st = ucp_gen_render(ctx, "named.conf.views.tmpl", vars, "bind/named.conf.views");
	ucp_buf_clear(&header);
	ucp_tvars_free(vars);
	return st;
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	struct ucp_buf b;
	enum ucp_status st = UCP_OK;
	size_t v, i;
	char path[512];

	ucp_buf_init(&b);
	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		const struct ucp_view_plan *vp = &plan->views[v];

		for (i = 0; i < vp->nzones && st == UCP_OK; i++) {
			zone_text(plan, &vp->zones[i], &b);
			ucp_zone_path(&vp->zones[i], path, sizeof(path));
			st = ucp_output_add(ctx->out, path, &b);
		}
	}
	ucp_buf_clear(&b);
	return st == UCP_OK ? views_conf(plan, ctx) : st;
}

const struct ucp_generator ucp_gen_bind = {
	.name = "bind",
	.summary = "BIND zone files per view and zone, and named.conf.views",
	.emit = emit,
};
