/* Generator "bind": one self-contained zone file per view and zone, and named.conf.views. */
#include <stdio.h>
#include <string.h>

#include "generators/zone-text.h"
#include "ucplan/generator.h"

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
			ucp_zone_path(&vp->zones[i], path, sizeof(path));
			/* A rerun renders nothing again for a zone whose file already holds its text. */
			if (vp->zones[i].on_disk) {
				st = ucp_output_add_unchanged(ctx->out, path);
				continue;
			}
			ucp_zone_text(plan, &vp->zones[i], &b);
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
