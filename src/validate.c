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

#include "arena.h"
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
 * A name of the view, kept once however many records own or target it: the
 * checks across the view need no more than what each name has. Kept are the
 * zone apexes, the targets, and the owners of addresses and CNAMEs.
 */
struct vname {
	uint8_t		 flags;		/* VN_* */
	char		 name[];	/* lower case, trailing dot */
};

enum {
	VN_ADDR = 1,		/* owns an A or AAAA record */
	VN_CNAME = 2,		/* owns a CNAME */
	VN_ZONE = 4,		/* the apex of one of the view's zones */
};

/* A record with a target (SRV, MX, NS), kept for the view's checks once its zone is checked. */
struct vref {
	const struct vname	*target;
	const char		*file;		/* its zone's */
	int			 line;
	uint16_t		 type;
};

/* One zone while it is parsed and checked. */
struct vzone {
	const char	*file;
	char		*origin;	/* lower case, trailing dot */
	struct vrr	*rrs;
	size_t		 len;
	size_t		 cap;
};

struct ucp_vview {
	struct ucp_arena	*a;		/* the names and file names */
	struct ucp_strmap	 names;		/* name -> struct vname */
	struct vref		*refs;
	size_t			 nrefs, cap;
};

struct ucp_vview *
ucp_vview_new(void)
{
	struct ucp_vview *v = calloc(1, sizeof(struct ucp_vview));

	if (v == NULL || (v->a = ucp_arena_new()) == NULL)
		ucp_oom();
	ucp_strmap_init(&v->names);
	return v;
}

void
ucp_vview_free(struct ucp_vview *v)
{
	if (v == NULL)
		return;
	ucp_strmap_clear(&v->names);
	ucp_arena_free(v->a);
	free(v->refs);
	free(v);
}

/* The view's entry for NAME (lower case, trailing dot), added when new; FLAGS are set on it. */
static struct vname *
vname(struct ucp_vview *v, const char *name, uint8_t flags)
{
	const char **key;
	void **slot = ucp_strmap_entry(&v->names, name, &key);
	struct vname *n = *slot;

	if (n == NULL) {
		size_t len = strlen(name) + 1;

		n = ucp_arena_alloc(v->a, sizeof(*n) + len);
		memcpy(n->name, name, len);
		*key = n->name;
		*slot = n;
	}
	n->flags |= flags;
	return n;
}

static uint8_t
owner_flags(uint16_t type)
{
	return type == LDNS_RR_TYPE_A || type == LDNS_RR_TYPE_AAAA ? VN_ADDR : type == LDNS_RR_TYPE_CNAME ? VN_CNAME : 0;
}

static void
add_ref(struct ucp_vview *v, const struct vname *target, const char *file, int line, uint16_t type)
{
	if (v->nrefs == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 256;
		v->refs = ucp_xrealloc(v->refs, v->cap * sizeof(*v->refs));
	}
	v->refs[v->nrefs++] = (struct vref){ .target = target, .file = file, .line = line, .type = type };
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

/* Keeps what the view's checks need of Z's records and frees them. */
static void
zone_keep_refs(struct ucp_vview *v, struct vzone *z)
{
	size_t i;

	vname(v, z->origin, VN_ZONE);
	for (i = 0; i < z->len; i++) {
		struct vrr *r = &z->rrs[i];
		ldns_rr_type t = ldns_rr_get_type(r->rr);
		const ldns_rdf *target = t == LDNS_RR_TYPE_SRV ? ldns_rr_rdf(r->rr, 3) : t == LDNS_RR_TYPE_MX
		    ? ldns_rr_rdf(r->rr, 1) : t == LDNS_RR_TYPE_NS ? ldns_rr_rdf(r->rr, 0) : NULL;

		/* Only what a target can be asked about: an owner of nothing else need not be kept. */
		if (owner_flags((uint16_t)t) != 0)
			vname(v, r->owner, owner_flags((uint16_t)t));
		if (target != NULL) {
			char *tname = name_str(target);

			add_ref(v, vname(v, tname, 0), z->file, r->line, (uint16_t)t);
			free(tname);
		}
		free(r->owner);
		ldns_rr_free(r->rr);
	}
	free(z->rrs);
	free(z->origin);
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

enum ucp_status
ucp_vview_add(struct ucp_vview *v, const char *file, const char *text, size_t len, const char *origin,
    struct ucp_diags *d)
{
	struct vzone z = { .file = ucp_arena_strdup(v->a, file) };
	ldns_rdf *orig;
	size_t errors = 0;

	if (ldns_str2rdf_dname(&orig, origin) != LDNS_STATUS_OK) {
		report(d, file, 0, UCP_R_ZONE_PARSE, "\"%s\" is not a valid origin", origin);
		return UCP_EVALIDATE;
	}
	z.origin = name_str(orig);
	ldns_rdf_deep_free(orig);
	if (ucp_zone_parse(text, len, origin, collect, &z, file, d) != UCP_OK)
		errors++;
	zone_checks(&z, d, &errors);
	zone_keep_refs(v, &z);
	return errors > 0 ? UCP_EVALIDATE : UCP_OK;
}

/* Room for a plan's name in presentation form (at most 253 characters) and then some. */
#define VNAME_MAX 1024

/* NAME in lower case with a trailing dot, into OUT. */
static const char *
dotted_lower(const char *name, char out[VNAME_MAX])
{
	size_t n = 0;

	for (; *name && n < VNAME_MAX - 2; name++)
		out[n++] = (char)tolower((unsigned char)*name);
	if (n == 0 || out[n - 1] != '.')
		out[n++] = '.';
	out[n] = '\0';
	return out;
}

ldns_rr_type
ucp_ldns_type(enum ucp_rrtype type)
{
	static const ldns_rr_type types[UCP_RR_COUNT] = {
		[UCP_RR_SOA] = LDNS_RR_TYPE_SOA, [UCP_RR_NS] = LDNS_RR_TYPE_NS, [UCP_RR_A] = LDNS_RR_TYPE_A,
		[UCP_RR_AAAA] = LDNS_RR_TYPE_AAAA, [UCP_RR_CNAME] = LDNS_RR_TYPE_CNAME, [UCP_RR_MX] = LDNS_RR_TYPE_MX,
		[UCP_RR_SRV] = LDNS_RR_TYPE_SRV, [UCP_RR_TXT] = LDNS_RR_TYPE_TXT, [UCP_RR_CAA] = LDNS_RR_TYPE_CAA,
		[UCP_RR_PTR] = LDNS_RR_TYPE_PTR,
	};

	return (unsigned)type < UCP_RR_COUNT ? types[type] : 0;
}

void
ucp_vview_add_known(struct ucp_vview *v, const char *file, const struct ucp_zone *zone)
{
	const char *f = ucp_arena_strdup(v->a, file);
	char buf[VNAME_MAX];
	size_t i;

	vname(v, dotted_lower(zone->name, buf), VN_ZONE);
	for (i = 0; i < zone->nns; i++)
		add_ref(v, vname(v, dotted_lower(zone->ns[i], buf), 0), f, 0, LDNS_RR_TYPE_NS);
	for (i = 0; i < zone->nrecords; i++) {
		const struct ucp_record *r = &zone->records[i];
		uint16_t type = (uint16_t)ucp_ldns_type(r->type);

		if (owner_flags(type) != 0)
			vname(v, dotted_lower(r->owner, buf), owner_flags(type));
		if (type == LDNS_RR_TYPE_SRV || type == LDNS_RR_TYPE_MX || type == LDNS_RR_TYPE_NS) {
			const char *fields[4];
			size_t n = ucp_record_fields(r, buf, sizeof(buf), fields, 4);

			/* The target is the last field: the buffer's own name, copied before it is read again. */
			if (n > 0 && n <= 4) {
				char target[VNAME_MAX];

				add_ref(v, vname(v, dotted_lower(fields[n - 1], target), 0), f, 0, type);
			}
		}
	}
}

/* True when NAME lies in one of the view's zones. */
static bool
in_view(const struct ucp_vview *v, const char *name)
{
	const char *n = name;
	const struct vname *vn;

	for (;;) {
		if ((vn = ucp_strmap_get(&v->names, n)) != NULL && (vn->flags & VN_ZONE))
			return true;
		if ((n = strchr(n, '.')) == NULL || n[1] == '\0')
			return false;
		n++;
	}
}

enum ucp_status
ucp_vview_check(struct ucp_vview *v, struct ucp_diags *d)
{
	size_t i, before = d->errors;

	for (i = 0; i < v->nrefs; i++) {
		const struct vref *r = &v->refs[i];
		const char *kind = r->type == LDNS_RR_TYPE_SRV ? "SRV" : r->type == LDNS_RR_TYPE_MX ? "MX" : "NS";

		if (strcmp(r->target->name, ".") == 0 || !in_view(v, r->target->name))
			continue;
		if (r->target->flags & VN_CNAME)
			report(d, r->file, r->line, UCP_R_ZONE_TARGET, "the %s target %s is a CNAME", kind, r->target->name);
		else if (!(r->target->flags & VN_ADDR))
			report(d, r->file, r->line, UCP_R_ZONE_TARGET, "the %s target %s has no A or AAAA record", kind,
			    r->target->name);
	}
	return d->errors > before ? UCP_EVALIDATE : UCP_OK;
}
