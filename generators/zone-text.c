/*
 * The one zone-text presenter: a zone of the plan as a self-contained zone
 * file ($ORIGIN, $TTL, SOA, apex NS, records in plan order with aligned
 * columns and a comment saying why each exists). Every DNS target that writes
 * zone text uses it; record data is the plan's, never re-parsed.
 */
#include <idn2.h>
#include <stdio.h>
#include <string.h>

#include "generators/zone-text.h"

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

void
ucp_zone_text(const struct ucp_plan *plan, const struct ucp_zone *z, struct ucp_buf *b)
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

