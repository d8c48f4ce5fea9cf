/*
 * Generator "nsupdate" (spec 10.3): per view and zone that changed, an
 * nsupdate(1) script turning the zone as last published in the output
 * directory into the plan's, so a running server is updated by RFC 2136
 * instead of reloaded. No file for a zone that did not change; no key
 * material (nsupdate -k FILE gives it). The server updates the SOA serial
 * itself, so the SOA is never sent. Opt-in: -g bind,nsupdate keeps the
 * published zones in step with what was sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generators/zone-delta.h"
#include "generators/zone-text.h"
#include "ucplan/generator.h"

struct script {
	struct ucp_buf	*b;
	size_t		 n;
};

static void
update(void *arg, char sign, const char *line)
{
	struct script *s = arg;

	if (ucp_line_is_soa(line))
		return;
	ucp_buf_printf(s->b, "update %s %s\n", sign == '+' ? "add" : "delete", line);
	s->n++;
}

/* "ADDR[ port N][ key NAME]" -> "ADDR[ N]", nsupdate's server line. */
static void
server_line(struct ucp_buf *b, const char *primary)
{
	const char *sp = strchr(primary, ' '), *port = strstr(primary, " port ");

	ucp_buf_printf(b, "server %.*s", (int)(sp != NULL ? (size_t)(sp - primary) : strlen(primary)), primary);
	if (port != NULL)
		ucp_buf_printf(b, " %.*s", (int)strcspn(port + 6, " "), port + 6);
	ucp_buf_puts(b, "\n");
}

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	struct ucp_buf text, b;
	enum ucp_status st = UCP_OK;
	size_t v, i;

	ucp_buf_init(&text);
	ucp_buf_init(&b);
	for (v = 0; v < UCP_VIEW_COUNT && st == UCP_OK; v++) {
		const struct ucp_view_plan *vp = &plan->views[v];
		const struct ucp_bind_view *bv = &plan->bind.views[v];

		for (i = 0; i < vp->nzones && st == UCP_OK; i++) {
			const struct ucp_zone *z = &vp->zones[i];
			struct script s = { .b = &b };
			char path[512], script[512], **a, **n;
			unsigned long sa, sn;
			size_t na, nn, oldlen = 0;
			char *old;

			/*
			 * Without bind in this run, the published zone stays the baseline:
			 * it is kept, not pruned.
			 */
			ucp_zone_path(z, path, sizeof(path));
			if (z->on_disk) {	/* the published file holds exactly this zone */
				if (!ucp_output_has(ctx->out, path))
					st = ucp_output_add_unchanged(ctx->out, path, NULL, NULL, NULL);
				continue;
			}
			old = ctx->published(ctx, path, &oldlen);
			if (old != NULL && !ucp_output_has(ctx->out, path))
				st = ucp_output_add_unchanged(ctx->out, path, NULL, NULL, NULL);
			ucp_buf_reset(&text);
			ucp_zone_text(plan, z, &text);
			na = ucp_zone_lines(old, oldlen, z->name, &a, &sa);
			nn = ucp_zone_lines(ucp_buf_str(&text), text.len, z->name, &n, &sn);
			free(old);
			ucp_buf_reset(&b);
			ucp_gen_header(&b, plan, ";", "");
			snprintf(script, sizeof(script), "nsupdate/%s/%s.txt", vp->name, z->name);
			ucp_buf_printf(&b, "; The %s view's zone %s, from the file last published to this plan:\n"
			    "; nsupdate -k KEYFILE %s\n", vp->name, z->name, script);
			if (bv->nprimaries > 0)
				server_line(&b, bv->primaries[0]);
			else
				ucp_buf_printf(&b, "; no dns.bind.primaries.%s: nsupdate asks the zone's SOA MNAME\n",
				    vp->name);
			ucp_buf_printf(&b, "zone %s.\n", z->name);
			ucp_lines_delta(a, na, n, nn, update, &s);
			ucp_buf_puts(&b, "send\n");
			ucp_zone_lines_free(a, na);
			ucp_zone_lines_free(n, nn);
			if (s.n == 0 || st != UCP_OK)
				continue;
			st = ucp_output_add(ctx->out, script, &b);
		}
	}
	ucp_buf_clear(&text);
	ucp_buf_clear(&b);
	return st;
}

const struct ucp_generator ucp_gen_nsupdate = {
	.name = "nsupdate",
	.summary = "RFC 2136 updates per changed zone, from the zones last published in DIR",
	.emit = emit,
	.opt_in = true,
	.reads_published = true,
};
