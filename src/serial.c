/*
 * The SOA serial policy. Comparing records through ldns (not bytes) means a
 * zone whose comments or layout changed but whose data did not keeps its serial
 * and its file, so nothing is committed or reloaded for nothing.
 */
#include <errno.h>
#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "generators/zone-text.h"
#include "output.h"
#include "serial.h"
#include "validate.h"
#include "ucplan/rules.h"
#include "ucplan/buf.h"

uint32_t
ucp_serial_today(time_t now)
{
	struct tm tm;

	gmtime_r(&now, &tm);
	return (uint32_t)(tm.tm_year + 1900) * 1000000u + (uint32_t)(tm.tm_mon + 1) * 10000u +
	    (uint32_t)tm.tm_mday * 100u;
}

bool
ucp_serial_gt(uint32_t a, uint32_t b)
{
	return (a > b && a - b < 0x80000000u) || (a < b && b - a > 0x80000000u);
}

uint32_t
ucp_serial_next(uint32_t old, uint32_t today)
{
	uint32_t next = old + 1;	/* wraps modulo 2^32, as RFC 1982 wants */

	return ucp_serial_gt(today, next) ? today : next;
}

static void
add_rr(void *arg, ldns_rr *rr, int line)
{
	(void)line;
	if (!ldns_rr_list_push_rr(arg, rr))
		ucp_oom();
}

static bool
push_str(ldns_rr_list *list, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
push_str(ldns_rr_list *list, const char *fmt, ...)
{
	ldns_rr *rr = NULL;
	va_list ap;
	char *s;
	bool ok;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		ucp_oom();
	va_end(ap);
	ok = ldns_rr_new_frm_str(&rr, s, 0, NULL, NULL) == LDNS_STATUS_OK;
	free(s);
	if (ok)
		ldns_rr_list_push_rr(list, rr);
	return ok;
}

/* The zone's records as ldns would read them, with SERIAL in the SOA. */
static ldns_rr_list *
plan_rrs(const struct ucp_zone *z, uint32_t serial)
{
	ldns_rr_list *list = ldns_rr_list_new();
	size_t i;

	push_str(list, "%s. %u IN SOA %s %s %u %u %u %u %u", z->name, z->ttl, z->mname, z->rname, serial,
	    z->refresh, z->retry, z->expire, z->minimum);
	for (i = 0; i < z->nns; i++)
		push_str(list, "%s. %u IN NS %s.", z->name, z->ttl, z->ns[i]);
	for (i = 0; i < z->nrecords; i++)
		push_str(list, "%s. %u IN %s %s", z->records[i].owner, z->records[i].ttl,
		    ucp_rrtype_name(z->records[i].type), z->records[i].data);
	return list;
}

static bool
same_rrs(ldns_rr_list *a, ldns_rr_list *b)
{
	size_t i;

	if (ldns_rr_list_rr_count(a) != ldns_rr_list_rr_count(b))
		return false;
	ldns_rr_list_sort(a);
	ldns_rr_list_sort(b);
	for (i = 0; i < ldns_rr_list_rr_count(a); i++) {
		const ldns_rr *x = ldns_rr_list_rr(a, i), *y = ldns_rr_list_rr(b, i);

		if (ldns_rr_compare(x, y) != 0 || ldns_rr_ttl(x) != ldns_rr_ttl(y))
			return false;
	}
	return true;
}

/* The serial of the first SOA in LIST, or false when there is none. */
static bool
soa_serial(const ldns_rr_list *list, uint32_t *serial)
{
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(list); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(list, i);

		if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_SOA && ldns_rr_rdf(rr, 2) != NULL) {
			*serial = ldns_rdf2native_int32(ldns_rr_rdf(rr, 2));
			return true;
		}
	}
	return false;
}

/*
 * The serial of zone TEXT as ucplan writes it: the first line that starts
 * with "@" and holds " IN SOA " names MNAME, RNAME, then the serial. False
 * for any other layout (the records are then compared through ldns).
 */
static bool
text_serial(const char *text, size_t len, uint32_t *serial)
{
	const char *p = text, *end = text + len;
	int lines;

	for (lines = 0; p < end && lines < 16; lines++) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *soa;
		size_t n = (eol != NULL ? eol : end) - p;
		unsigned long long v = 0;
		int field;

		if (n > 0 && p[0] == '@' && (soa = memmem(p, n, " IN SOA ", 8)) != NULL) {
			const char *q = soa + 8, *lend = p + n;

			for (field = 0; field < 2; field++) {
				while (q < lend && *q == ' ')
					q++;
				while (q < lend && *q != ' ')
					q++;
			}
			while (q < lend && *q == ' ')
				q++;
			if (q >= lend || *q < '0' || *q > '9')
				return false;
			for (; q < lend && *q >= '0' && *q <= '9' && v <= 0xffffffffULL; q++)
				v = v * 10 + (unsigned)(*q - '0');
			if (v > 0xffffffffULL || (q < lend && *q != ' '))
				return false;
			*serial = (uint32_t)v;
			return true;
		}
		p = eol != NULL ? eol + 1 : end;
	}
	return false;
}

/*
 * A rerun's common case, decided without ldns: the zone rendered with the
 * serial on disk is byte for byte the file on disk. Then the file stays as
 * it is (Z->on_disk) and the old serial stands.
 */
static bool
same_bytes(const struct ucp_plan *plan, struct ucp_zone *z, const char *text, size_t len, struct ucp_buf *b)
{
	uint32_t old, planned = z->serial;

	if (!text_serial(text, len, &old))
		return false;
	z->serial = old;
	ucp_buf_reset(b);
	ucp_zone_text(plan, z, b);
	if (ucp_buf_status(b) != UCP_OK)
		ucp_oom();
	if (b->len == len && memcmp(b->data, text, len) == 0) {
		z->on_disk = true;
		return true;
	}
	z->serial = planned;
	return false;
}

enum ucp_status
ucp_serial_resolve(struct ucp_plan *plan, const struct ucp_outdir *od, time_t now, bool forced, bool force,
    struct ucp_output *kept, struct ucp_diags *diags)
{
	uint32_t today = ucp_serial_today(now);
	enum ucp_status st = UCP_OK;
	struct ucp_buf b;
	size_t v, i;

	ucp_buf_init(&b);
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		struct ucp_view_plan *vp = &plan->views[v];

		for (i = 0; i < vp->nzones; i++) {
			struct ucp_zone *z = &vp->zones[i];
			struct ucp_diags quiet;
			ldns_rr_list *old, *now_rrs;
			uint32_t old_serial;
			char rel[512], *path, *text;
			size_t len;
			bool same, keep;

			ucp_zone_path(z, rel, sizeof(rel));
			if ((text = ucp_outdir_read(od, rel, &len)) == NULL)
				continue;	/* a new zone (or no file to read): the planned serial stands */
			if (!forced && same_bytes(plan, z, text, len, &b)) {
				free(text);
				continue;
			}
			if (asprintf(&path, "%s/%s", od->path, rel) < 0)
				ucp_oom();
			old = ldns_rr_list_new();
			ucp_diags_init(&quiet);
			if (ucp_zone_parse(text, len, z->name, add_rr, old, path, &quiet) != UCP_OK ||
			    !soa_serial(old, &old_serial)) {
				/* Unreadable: it will be replaced; validation of the new file still applies. */
				ucp_diags_clear(&quiet);
				ldns_rr_list_deep_free(old);
				free(text);
				free(path);
				continue;
			}
			ucp_diags_clear(&quiet);
			now_rrs = plan_rrs(z, old_serial);
			same = same_rrs(old, now_rrs);
			if (forced) {
				if (ucp_serial_gt(old_serial, z->serial) && !force) {
					ucp_report(diags, &(struct ucp_loc){ .file = path }, UCP_R_SERIAL,
					    "the forced serial %u is lower than %u on disk: secondaries would ignore the "
					    "zone (use --force to write it anyway)", z->serial, old_serial);
					st = UCP_EPLAN;
				}
				keep = same && z->serial == old_serial;
			} else if (same) {
				z->serial = old_serial;
				keep = true;
			} else {
				z->serial = ucp_serial_next(old_serial, today);
				keep = false;
			}
			ldns_rr_list_deep_free(now_rrs);
			ldns_rr_list_deep_free(old);
			if (keep && ucp_output_take(kept, rel, text, len) != UCP_OK)
				st = UCP_ENOMEM;
			else if (!keep)
				free(text);
			free(path);
		}
	}
	ucp_buf_clear(&b);
	return st;
}

enum ucp_status
ucp_serial_keep(struct ucp_output *kept, struct ucp_output *out)
{
	struct ucp_output_file *f;
	size_t i;

	for (i = 0; i < kept->len; i++) {
		if ((f = ucp_output_find(out, kept->files[i].path)) == NULL)
			continue;
		free(f->data);
		f->data = kept->files[i].data;
		f->len = kept->files[i].len;
		f->render = NULL;
		f->unchanged = true;
		kept->files[i].data = NULL;
		kept->files[i].len = 0;
	}
	return UCP_OK;
}
