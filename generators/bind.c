/*
 * Generator "bind": one self-contained zone file per view and zone, and what
 * named.conf includes (spec 10.1): named.conf.views with the acl and both
 * views, or with dns.bind.mode = "zones" one file of zone stanzas per view.
 */
#include <stdio.h>
#include <string.h>

#include "generators/zone-text.h"
#include "ucplan/generator.h"

/*
 * What every zone stanza of view V says beyond type and file (spec 10.1):
 * transfers only to dns.bind.allow_transfer (else none), NOTIFY only to
 * dns.bind.also_notify (else none: never to the NS names' addresses).
 */
static void
zone_options(const struct ucp_bind_view *bv, struct ucp_tvars *vars)
{
	struct ucp_buf b;
	size_t i;

	ucp_buf_init(&b);
	ucp_tvars_list(vars, "zone_options");
	for (i = 0; i < bv->nallow_transfer; i++)
		ucp_buf_printf(&b, " %s;", bv->allow_transfer[i]);
	ucp_tvars_set(ucp_tvars_push(vars, "zone_options"), "option", "allow-transfer {%s }",
	    bv->nallow_transfer > 0 ? ucp_buf_str(&b) : " none;");
	ucp_buf_reset(&b);
	if (bv->nalso_notify == 0) {
		ucp_tvars_set(ucp_tvars_push(vars, "zone_options"), "option", "notify no");
	} else {
		for (i = 0; i < bv->nalso_notify; i++)
			ucp_buf_printf(&b, " %s;", bv->also_notify[i]);
		ucp_tvars_set(ucp_tvars_push(vars, "zone_options"), "option", "notify explicit");
		ucp_tvars_set(ucp_tvars_push(vars, "zone_options"), "option", "also-notify {%s }", ucp_buf_str(&b));
	}
	ucp_buf_clear(&b);
}

/* Which view's zone stanzas a list renders, and where their files are (dns.bind.zone_directory). */
struct zone_rows {
	const struct ucp_view_plan	*vp;
	const char			*dir;		/* "" when relative */
	int				 dlen;		/* without trailing slashes */
	const char			*sep;		/* "/" between dir and the view, or "" */
};

/* Zone stanza I of the view: its name and file. */
static void
zone_row(const void *arg, size_t i, struct ucp_tvars *zv)
{
	const struct zone_rows *rows = arg;
	const struct ucp_view_plan *vp = rows->vp;

	ucp_tvars_set(zv, "zone", "%s", vp->zones[i].name);
	ucp_tvars_set(zv, "file", "%.*s%s%s/db.%s", rows->dlen, rows->dir, rows->sep, vp->name, vp->zones[i].name);
}

/* The view's zone stanzas: name, file and the view's options; made one by one while rendering. */
static void
zone_vars(const struct ucp_plan *plan, size_t v, struct ucp_tvars *vars, struct zone_rows *rows)
{
	const char *dir = plan->bind.zone_directory;
	size_t dlen = dir != NULL ? strlen(dir) : 0;

	while (dlen > 1 && dir[dlen - 1] == '/')
		dlen--;
	rows->vp = &plan->views[v];
	rows->dir = dir != NULL ? dir : "";
	rows->dlen = (int)dlen;
	rows->sep = dir != NULL && strcmp(dir, "/") != 0 ? "/" : "";
	zone_options(&plan->bind.views[v], vars);
	ucp_tvars_rows(vars, "zones", plan->views[v].nzones, zone_row, rows);
}

/* dns.bind.mode = "views": the acl and both views, for named.conf's top level. */
static enum ucp_status
views_conf(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	struct ucp_tvars *vars = ucp_tvars_new();
	struct zone_rows rows[UCP_VIEW_COUNT];
	enum ucp_status st;
	size_t i, v;

	ucp_gen_header_var(vars, plan, "//", "");
	ucp_tvars_set(vars, "acl", "%s", plan->bind.acl);
	ucp_tvars_list(vars, "clients");
	for (i = 0; i < plan->views[UCP_VIEW_INTERNAL].nclients; i++)
		ucp_tvars_set(ucp_tvars_push(vars, "clients"), "client", "%s",
		    plan->views[UCP_VIEW_INTERNAL].clients[i]);
	ucp_tvars_list(vars, "views");
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		struct ucp_tvars *vv = ucp_tvars_push(vars, "views");

		ucp_tvars_set(vv, "view", "%s", plan->bind.views[v].name);
		if (v == UCP_VIEW_INTERNAL)
			ucp_tvars_set(vv, "match", "\"%s\"", plan->bind.acl);
		else
			ucp_tvars_set(vv, "match", "any");
		ucp_tvars_list(vv, "includes");
		for (i = 0; i < plan->bind.nview_includes; i++)
			ucp_tvars_set(ucp_tvars_push(vv, "includes"), "include", "%s", plan->bind.view_includes[i]);
		zone_vars(plan, v, vv, &rows[v]);
	}
	st = ucp_gen_render(ctx, "named.conf.views.tmpl", vars, "bind/named.conf.views");
	ucp_tvars_free(vars);
	return st;
}

/* dns.bind.mode = "zones": per view, its zone stanzas for a view the site already has. */
static enum ucp_status
zones_conf(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	enum ucp_status st = UCP_OK;
	size_t v;

	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		struct ucp_tvars *vars = ucp_tvars_new();
		struct zone_rows rows;
		char path[64];

		ucp_gen_header_var(vars, plan, "//", "");
		ucp_tvars_set(vars, "which", "%s", plan->views[v].name);
		ucp_tvars_set(vars, "view", "%s", plan->bind.views[v].name);
		zone_vars(plan, v, vars, &rows);
		snprintf(path, sizeof(path), "bind/named.conf.%s-zones", plan->views[v].name);
		st = ucp_gen_render(ctx, "named.conf.zones.tmpl", vars, path);
		ucp_tvars_free(vars);
	}
	return st;
}

/* With catalog zones: per view, bind/secondary-VIEW.conf for the secondaries that follow it. */
static enum ucp_status
secondary_conf(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	enum ucp_status st = UCP_OK;
	size_t v, i;

	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		const struct ucp_bind_view *bv = &plan->bind.views[v];
		struct ucp_tvars *vars;
		struct ucp_buf b;
		char path[64];

		if (bv->catalog == NULL)
			continue;
		vars = ucp_tvars_new();
		ucp_buf_init(&b);
		ucp_gen_header_var(vars, plan, "//", "");
		ucp_tvars_set(vars, "which", "%s", plan->views[v].name);
		ucp_tvars_set(vars, "view", "%s", bv->name);
		ucp_tvars_set(vars, "catalog", "%s", bv->catalog);
		if (v == UCP_VIEW_INTERNAL) {
			for (i = 0; i < plan->views[v].nclients; i++)
				ucp_buf_printf(&b, "%s%s;", i > 0 ? " " : "", plan->views[v].clients[i]);
		} else {
			ucp_buf_puts(&b, "any;");
		}
		ucp_tvars_set(vars, "match", "%s", ucp_buf_str(&b));
		ucp_buf_reset(&b);
		for (i = 0; i < bv->nprimaries; i++)
			ucp_buf_printf(&b, "%s%s;", i > 0 ? " " : "", bv->primaries[i]);
		ucp_tvars_set(vars, "primaries", "%s", ucp_buf_str(&b));
		snprintf(path, sizeof(path), "bind/secondary-%s.conf", plan->views[v].name);
		st = ucp_gen_render(ctx, "secondary.conf.tmpl", vars, path);
		ucp_buf_clear(&b);
		ucp_tvars_free(vars);
	}
	return st;
}

/* A zone file's text, rendered whenever publishing needs it: the output set holds no zone text. */
static void
render_zone(const void *plan, const void *zone, struct ucp_buf *b)
{
	ucp_zone_text(plan, zone, b);
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	enum ucp_status st = UCP_OK;
	size_t v, i;
	char path[512];

	/* Every zone file, and named.conf.views or the two zone lists. */
	ucp_output_reserve(ctx->out, plan->views[0].nzones + plan->views[1].nzones + 2);
	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		const struct ucp_view_plan *vp = &plan->views[v];

		for (i = 0; i < vp->nzones && st == UCP_OK; i++) {
			ucp_zone_path(&vp->zones[i], path, sizeof(path));
			/* A rerun renders nothing again for a zone whose file already holds its text. */
			if (vp->zones[i].on_disk) {
				st = ucp_output_add_unchanged(ctx->out, path, render_zone, plan, &vp->zones[i]);
				continue;
			}
			st = ucp_output_add_rendered(ctx->out, path, render_zone, plan, &vp->zones[i]);
		}
	}
	if (st != UCP_OK)
		return st;
	st = plan->bind.mode == UCP_BIND_ZONES ? zones_conf(plan, ctx) : views_conf(plan, ctx);
	return st == UCP_OK ? secondary_conf(plan, ctx) : st;
}

const struct ucp_generator ucp_gen_bind = {
	.name = "bind",
	.summary = "BIND zone files per view and zone, and named.conf.views (or per-view zone lists)",
	.emit = emit,
};
