/*
 * Reading zone text back with ldns, record by record (so a second SOA or a
 * parse error is seen with its line, where ldns_zone_new_frm_fp would drop or
 * stop), and checking it.
 */
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdint.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "strmap.h"
#include "validate.h"
#include "ucplan/rules.h"
#include "ucplan/buf.h"

/* A record while its zone is checked. */
struct vrr {
	ldns_rr		*rr;
	int		 line;
	char		*owner;		/* lower case, trailing dot */
};

/*
 * What the checks across a view need of a record, kept once its zone is
 * checked (the ldns records are freed then): owner, type, the SRV, MX or NS
 * target, and the line for diagnostics.
 */
struct vref {
	char		*owner;		/* lower case, trailing dot */
	char		*target;	/* SRV, MX, NS: lower case, trailing dot; else NULL */
	uint16_t	 type;
	int		 line;
};

struct vzone {
	char		*file;
	char		*origin;	/* lower case, trailing dot */
	struct vrr	*rrs;		/* while parsing and checking */
	size_t		 len;
	size_t		 cap;
	struct vref	*refs;		/* afterwards */
	size_t		 nrefs;
};

struct ucp_vview {
	struct vzone	*zones;
	size_t		 len, cap;
};

struct ucp_vview *
ucp_vview_new(void)
{
	return calloc(1, sizeof(struct ucp_vview));
}

void
ucp_vview_free(struct ucp_vview *v)
{
	size_t i, j;

	if (v == NULL)
		return;
	for (i = 0; i < v->len; i++) {
		for (j = 0; j < v->zones[i].nrefs; j++) {
			free(v->zones[i].refs[j].owner);
			free(v->zones[i].refs[j].target);
		}
		free(v->zones[i].refs);
		free(v->zones[i].file);
		free(v->zones[i].origin);
	}
	free(v->zones);
	free(v);
}

/*
 * A domain name in presentation form, lower case, with a trailing dot, as
 * ldns_rdf2str() writes it (\. \; \( \) \\ and \DDD escapes) but without its
 * formatted write per character: it runs for every record read.
 */
static char *
name_str(const ldns_rdf *rdf)
{
	const uint8_t *d = ldns_rdf_data(rdf);
	size_t size = ldns_rdf_size(rdf), i = 0;
	char *s, *p;

	if (size == 0 || d[0] == 0) {
		if ((s = strdup(".")) == NULL)
			ucp_oom();
		return s;
	}
	if ((s = malloc(size * 4 + 2)) == NULL)
		ucp_oom();
	p = s;
	while (i < size && d[i] != 0) {
		size_t len = d[i++];

		for (; len > 0 && i < size; len--, i++) {
			unsigned char c = d[i];

			if (c == '.' || c == ';' || c == '(' || c == ')' || c == '\\') {
				*p++ = '\\';
				*p++ = (char)c;
			} else if (!(isascii(c) && isgraph(c))) {
				p += sprintf(p, "\\%03u", c);
			} else {
				*p++ = (char)tolower(c);
			}
		}
		*p++ = '.';
	}
	*p = '\0';
	return s;
}

static void
report(struct ucp_diags *d, const char *file, int line, enum ucp_rule_id rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
report(struct ucp_diags *d, const char *file, int line, enum ucp_rule_id rule, const char *fmt, ...)
{
	struct ucp_loc loc = { .file = file, .line = line > 0 ? (unsigned)line : 0 };
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		ucp_oom();
	va_end(ap);
	ucp_report(d, &loc, rule, "%s", msg);
	free(msg);
}

/* Names here end in a dot; ucp_name_in compares them the same way, the root aside. */
static bool
in_zone(const char *name, const char *origin)
{
	return strcmp(origin, ".") == 0 || ucp_name_in(name, origin);
}

static int
cmp_vrr(const void *pa, const void *pb)
{
	const struct vrr *a = pa, *b = pb;
	int c = ldns_rr_compare(a->rr, b->rr);

	if (c != 0)
		return c;
	return a->line - b->line;
}

static void
zone_checks(struct vzone *z, struct ucp_diags *d, size_t *errors)
{
	size_t i, soa = 0, ns = 0, before = d->errors;

	for (i = 0; i < z->len; i++) {
		const struct vrr *r = &z->rrs[i];
		ldns_rr_type t = ldns_rr_get_type(r->rr);

		if (!in_zone(r->owner, z->origin))
			report(d, z->file, r->line, UCP_R_ZONE_OUT_OF_ZONE, "%s is outside the zone %s", r->owner, z->origin);
		if (t == LDNS_RR_TYPE_SOA) {
			if (strcmp(r->owner, z->origin) != 0)
				report(d, z->file, r->line, UCP_R_ZONE_SOA, "SOA record at %s, not at the apex %s", r->owner,
				    z->origin);
			else if (++soa > 1)
				report(d, z->file, r->line, UCP_R_ZONE_SOA, "a second SOA record at the apex");
		}
		if (t == LDNS_RR_TYPE_NS && strcmp(r->owner, z->origin) == 0)
			ns++;
	}
	if (soa == 0)
		report(d, z->file, 0, UCP_R_ZONE_SOA, "no SOA record at the apex %s", z->origin);
	if (ns == 0)
		report(d, z->file, 0, UCP_R_ZONE_NS, "no NS record at the apex %s", z->origin);

	/* Sorted, same owners and RRsets are adjacent. */
	qsort(z->rrs, z->len, sizeof(*z->rrs), cmp_vrr);
	for (i = 0; i < z->len; i++) {
		const struct vrr *r = &z->rrs[i], *prev = i > 0 ? &z->rrs[i - 1] : NULL;
		size_t j;

		if (prev == NULL || ldns_dname_compare(ldns_rr_owner(prev->rr), ldns_rr_owner(r->rr)) != 0) {
			bool cname = false, other = false;
			int cname_line = r->line;

			for (j = i; j < z->len && ldns_dname_compare(ldns_rr_owner(z->rrs[j].rr), ldns_rr_owner(r->rr)) == 0;
			    j++) {
				ldns_rr_type t = ldns_rr_get_type(z->rrs[j].rr);

				if (t == LDNS_RR_TYPE_CNAME) {
					cname = true;
					cname_line = z->rrs[j].line;
				} else if (t != LDNS_RR_TYPE_RRSIG && t != LDNS_RR_TYPE_NSEC) {
					other = true;
				}
			}
			if (cname && other)
				report(d, z->file, cname_line, UCP_R_ZONE_CNAME, "%s has a CNAME and other data", r->owner);
			continue;
		}
		if (ldns_rr_get_type(prev->rr) != ldns_rr_get_type(r->rr))
			continue;
		if (ldns_rr_compare(prev->rr, r->rr) == 0)
			report(d, z->file, r->line, UCP_R_ZONE_DUPLICATE, "duplicate record (first at line %d)", prev->line);
		else if (ldns_rr_ttl(prev->rr) != ldns_rr_ttl(r->rr))
			report(d, z->file, r->line, UCP_R_ZONE_TTL, "TTL %u differs from %u in the same RRset at line %d",
			    ldns_rr_ttl(r->rr), ldns_rr_ttl(prev->rr), prev->line);
	}
	*errors += d->errors - before;
}

/* Keeps what the view's checks need of Z's records and frees the ldns records. */
static void
zone_keep_refs(struct vzone *z)
{
	size_t i;

	if ((z->refs = calloc(z->len > 0 ? z->len : 1, sizeof(*z->refs))) == NULL)
		ucp_oom();
	for (i = 0; i < z->len; i++) {
		struct vrr *r = &z->rrs[i];
		ldns_rr_type t = ldns_rr_get_type(r->rr);
		const ldns_rdf *target = t == LDNS_RR_TYPE_SRV ? ldns_rr_rdf(r->rr, 3) : t == LDNS_RR_TYPE_MX
		    ? ldns_rr_rdf(r->rr, 1) : t == LDNS_RR_TYPE_NS ? ldns_rr_rdf(r->rr, 0) : NULL;

		z->refs[i] = (struct vref){ .owner = r->owner, .type = (uint16_t)t, .line = r->line,
		    .target = target != NULL ? name_str(target) : NULL };
		ldns_rr_free(r->rr);
	}
	z->nrefs = z->len;
	free(z->rrs);
	z->rrs = NULL;
	z->len = z->cap = 0;
}

enum ucp_status
ucp_zone_parse(const char *text, size_t len, const char *origin, ucp_zone_rr_fn fn, void *arg,
    const char *file, struct ucp_diags *d)
{
	ldns_rdf *orig, *prev = NULL;
	uint32_t ttl = 3600;
	size_t errors = 0;
	int line = 0;
	FILE *fp;

	if (ldns_str2rdf_dname(&orig, origin) != LDNS_STATUS_OK) {
		report(d, file, 0, UCP_R_ZONE_PARSE, "\"%s\" is not a valid origin", origin);
		return UCP_EVALIDATE;
	}
	if (len == 0 || (fp = fmemopen((void *)text, len, "r")) == NULL) {
		ldns_rdf_deep_free(orig);
		report(d, file, 0, UCP_R_ZONE_PARSE, "the zone is empty");
		return UCP_EVALIDATE;
	}
#ifdef __GLIBC__
	/* ldns reads one character at a time; this stream is ours alone, so skip the lock per character. */
	__fsetlocking(fp, FSETLOCKING_BYCALLER);
#endif
	while (!feof(fp)) {
		ldns_rr *rr = NULL;
		ldns_status s;
		int start = line;

		s = ldns_rr_new_frm_fp_l(&rr, fp, &ttl, &orig, &prev, &line);
		if (s == LDNS_STATUS_SYNTAX_EMPTY || s == LDNS_STATUS_SYNTAX_TTL || s == LDNS_STATUS_SYNTAX_ORIGIN)
			continue;
		if (s == LDNS_STATUS_SYNTAX_INCLUDE) {
			report(d, file, line, UCP_R_ZONE_INCLUDE, "$INCLUDE is not allowed: zone files are self-contained");
			errors++;
			continue;
		}
		if (s != LDNS_STATUS_OK) {
			report(d, file, line > start ? line : start + 1, UCP_R_ZONE_PARSE, "%s", ldns_get_errorstr_by_id(s));
			errors++;
			if (rr != NULL)
				ldns_rr_free(rr);
			continue;
		}
		fn(arg, rr, line);
	}
	fclose(fp);
	ldns_rdf_deep_free(orig);
	if (prev != NULL)
		ldns_rdf_deep_free(prev);
	return errors > 0 ? UCP_EVALIDATE : UCP_OK;
}

static void
collect(void *arg, ldns_rr *rr, int line)
{
	struct vzone *z = arg;

	if (z->len == z->cap) {
		struct vrr *rrs;

		z->cap = z->cap ? z->cap * 2 : 64;
		if ((rrs = realloc(z->rrs, z->cap * sizeof(*rrs))) == NULL)
			ucp_oom();
		z->rrs = rrs;
	}
	z->rrs[z->len].rr = rr;
	z->rrs[z->len].line = line;
	z->rrs[z->len].owner = name_str(ldns_rr_owner(rr));
	z->len++;
}

/* A new, empty zone of V called FILE in diagnostics; the array doubles, a view has thousands. */
static struct vzone *
new_zone(struct ucp_vview *v, const char *file)
{
	struct vzone *z;

	if (v->len == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;

		if ((z = realloc(v->zones, cap * sizeof(*v->zones))) == NULL)
			ucp_oom();
		v->zones = z;
		v->cap = cap;
	}
	z = &v->zones[v->len++];
	memset(z, 0, sizeof(*z));
	if ((z->file = strdup(file)) == NULL)
		ucp_oom();
	return z;
}

enum ucp_status
ucp_vview_add(struct ucp_vview *v, const char *file, const char *text, size_t len, const char *origin,
    struct ucp_diags *d)
{
	struct vzone *z = new_zone(v, file);
	ldns_rdf *orig;
	size_t errors = 0;

	if (ldns_str2rdf_dname(&orig, origin) != LDNS_STATUS_OK) {
		z->origin = strdup(".");
		report(d, file, 0, UCP_R_ZONE_PARSE, "\"%s\" is not a valid origin", origin);
		return UCP_EVALIDATE;
	}
	z->origin = name_str(orig);
	ldns_rdf_deep_free(orig);
	if (ucp_zone_parse(text, len, origin, collect, z, file, d) != UCP_OK)
		errors++;
	zone_checks(z, d, &errors);
	zone_keep_refs(z);
	return errors > 0 ? UCP_EVALIDATE : UCP_OK;
}

/* Lower-case copy of NAME with a trailing dot. */
static char *
dotted_lower(const char *name)
{
	size_t n = strlen(name);
	char *s = malloc(n + 2), *p;

	if (s == NULL)
		ucp_oom();
	for (p = s; *name; name++)
		*p++ = (char)tolower((unsigned char)*name);
	if (n == 0 || name[-1] != '.')
		*p++ = '.';
	*p = '\0';
	return s;
}

void
ucp_vview_add_known(struct ucp_vview *v, const char *file, const struct ucp_zone *zone)
{
	struct vzone *z = new_zone(v, file);
	size_t i, n = 0;

	z->origin = dotted_lower(zone->name);
	if ((z->refs = calloc(zone->nrecords + zone->nns + 1, sizeof(*z->refs))) == NULL)
		ucp_oom();
	for (i = 0; i < zone->nns; i++)
		z->refs[n++] = (struct vref){ .owner = dotted_lower(zone->name), .type = LDNS_RR_TYPE_NS,
		    .target = dotted_lower(zone->ns[i]) };
	for (i = 0; i < zone->nrecords; i++) {
		const struct ucp_record *r = &zone->records[i];
		struct vref *ref = &z->refs[n++];

		ref->owner = dotted_lower(r->owner);
		switch (r->type) {
		case UCP_RR_A:
			ref->type = LDNS_RR_TYPE_A;
			break;
		case UCP_RR_AAAA:
			ref->type = LDNS_RR_TYPE_AAAA;
			break;
		case UCP_RR_CNAME:
			ref->type = LDNS_RR_TYPE_CNAME;
			break;
		case UCP_RR_SRV:
		case UCP_RR_MX:
		case UCP_RR_NS:
			ref->type = r->type == UCP_RR_SRV ? LDNS_RR_TYPE_SRV : r->type == UCP_RR_MX ? LDNS_RR_TYPE_MX
			    : LDNS_RR_TYPE_NS;
			if (r->nfields > 0)
				ref->target = dotted_lower(r->fields[r->nfields - 1]);
			break;
		default:
			ref->type = 0;
			break;
		}
	}
	z->nrefs = n;
}

enum {
	HAS_ADDR = 1,
	HAS_CNAME = 2,
};

/* The zone of the view that NAME lies in, or NULL. */
static const struct vzone *
zone_of(const struct ucp_strmap *zones, const char *name)
{
	const char *n = name;
	const struct vzone *z;

	for (;;) {
		if ((z = ucp_strmap_get(zones, n)) != NULL)
			return z;
		if ((n = strchr(n, '.')) == NULL || n[1] == '\0')
			return NULL;
		n++;
	}
}

enum ucp_status
ucp_vview_check(struct ucp_vview *v, struct ucp_diags *d)
{
	struct ucp_strmap index, zones;
	size_t i, j, before = d->errors;

	ucp_strmap_init(&index);
	ucp_strmap_init(&zones);
	for (i = 0; i < v->len; i++) {
		ucp_strmap_put(&zones, v->zones[i].origin, &v->zones[i]);
		for (j = 0; j < v->zones[i].nrefs; j++) {
			const struct vref *r = &v->zones[i].refs[j];
			uintptr_t flags = (uintptr_t)ucp_strmap_get(&index, r->owner);

			if (r->type == LDNS_RR_TYPE_A || r->type == LDNS_RR_TYPE_AAAA)
				flags |= HAS_ADDR;
			else if (r->type == LDNS_RR_TYPE_CNAME)
				flags |= HAS_CNAME;
			ucp_strmap_put(&index, r->owner, (void *)(flags | 4));
		}
	}
	for (i = 0; i < v->len; i++) {
		for (j = 0; j < v->zones[i].nrefs; j++) {
			const struct vref *r = &v->zones[i].refs[j];
			const char *kind = r->type == LDNS_RR_TYPE_SRV ? "SRV" : r->type == LDNS_RR_TYPE_MX ? "MX" : "NS";
			uintptr_t flags;

			if (r->target == NULL || strcmp(r->target, ".") == 0 || zone_of(&zones, r->target) == NULL)
				continue;
			flags = (uintptr_t)ucp_strmap_get(&index, r->target);
			if (flags & HAS_CNAME)
				report(d, v->zones[i].file, r->line, UCP_R_ZONE_TARGET, "the %s target %s is a CNAME", kind,
				    r->target);
			else if (!(flags & HAS_ADDR))
				report(d, v->zones[i].file, r->line, UCP_R_ZONE_TARGET,
				    "the %s target %s has no A or AAAA record", kind, r->target);
		}
	}
	ucp_strmap_clear(&index);
	ucp_strmap_clear(&zones);
	return d->errors > before ? UCP_EVALIDATE : UCP_OK;
}
