/*
 * check at hosting scale, a slice of the tenant domains at a time. A
 * hoster's configuration lists tens of thousands of SIP domains, each of
 * which plans the same handful of names below itself, and a whole plan holds
 * every one of their records, names and zones at once: check's peak was nine
 * times the configuration's libconfig tree at 100,000 domains.
 *
 * A tenant domain is a sip.domains entry (not the first, which names the
 * sign-in and default names) whose names meet no other: no name the rest of
 * the configuration plans is the domain, is below it or is above it, and no
 * other entry is the domain, below it or above it. Then its records, zones and
 * certificate names are its own, and the rest of the configuration is planned
 * with each slice of tenants in turn. That is check's answer when
 *   - every slice reports exactly what the others report (a tenant's own
 *     diagnostic names the tenant or its entry, so any makes the slices
 *     differ), and
 *   - the size of each certificate's SAN, the one check that counts every
 *     domain's names, is checked with the names of the other slices added:
 * the first slice, planned last with those counts, reports what the whole
 * plan reports. Anything else is planned whole, as before.
 */
#include <stdlib.h>
#include <string.h>

#include "planner/internal.h"

/* Tenant domains a slice, at least: a slice's plan is about 5 MiB. */
#define SLICE_MIN 4096
/* Rounds of finding the tenants (a domain found not to be one joins the rest, whose names grow). */
#define SLICE_ROUNDS 3

struct slices {
	const struct ucp_model	*m;
	uint32_t		 serial;
	const struct ucp_diags	*like;		/* the caller's: verbosity and lint overrides */
	bool			*tenant;	/* per sip.domains entry */
	size_t			 ntenants;
	struct ucp_model	 slice;		/* the configuration with a slice's sip.domains: */
	struct ucp_str		*items;		/* these */
};

/* Test hook: UCPLAN_TEST_SLICE=N plans N tenant domains a slice, however few there are; 0: none. */
static size_t
test_slice(void)
{
	const char *s = getenv("UCPLAN_TEST_SLICE");

	return s != NULL ? strtoul(s, NULL, 10) : 0;
}

/*
 * Plans the configuration with the tenants numbered FROM to TO (in
 * sip.domains order, from 0) and every other entry, as RUN says.
 */
static struct ucp_plan *
plan_slice(struct slices *s, size_t from, size_t to, struct ucp_diags *d, const struct plan_run *run)
{
	size_t i, n = 0, t = 0;

	for (i = 0; i < s->m->sip.domains.len; i++) {
		/* t counts the tenants up to this one: its number is t - 1. */
		if (s->tenant[i] && (t++ < from || t > to))
			continue;
		s->items[n++] = s->m->sip.domains.items[i];
	}
	s->slice = *s->m;
	s->slice.sip.domains.items = s->items;
	s->slice.sip.domains.len = n;
	return plan_model(&s->slice, d, s->serial, run);
}

/* True when A and B (sorted) hold the same diagnostics, the size of a SAN aside. */
static bool
same_diags(const struct ucp_diags *a, const struct ucp_diags *b)
{
	const char *count = ucp_rule_table[UCP_R_CERT_SAN_COUNT].id;
	size_t i = 0, j = 0;

	for (;; i++, j++) {
		const struct ucp_diag *x, *y;

		while (i < a->len && a->items[i].rule == count)
			i++;
		while (j < b->len && b->items[j].rule == count)
			j++;
		if (i == a->len || j == b->len)
			return i == a->len && j == b->len;
		x = &a->items[i];
		y = &b->items[j];
		if (x->severity != y->severity || x->rule != y->rule || x->line != y->line ||
		    strcmp(x->message, y->message) != 0 || strcmp(x->file ? x->file : "", y->file ? y->file : "") != 0 ||
		    strcmp(x->setting ? x->setting : "", y->setting ? y->setting : "") != 0)
			return false;
	}
}

/* True when plans A and B make the same certificates, in the same order. */
static bool
same_certs(const struct ucp_plan *a, const struct ucp_plan *b)
{
	size_t i;

	if (a->ncerts != b->ncerts)
		return false;
	for (i = 0; i < a->ncerts; i++)
		if (strcmp(a->certs[i].name, b->certs[i].name) != 0)
			return false;
	return true;
}

/* True when a name one or more labels up from NAME is in MAP. */
static bool
above_in(const struct ucp_strmap *map, const char *name)
{
	const char *s;

	for (s = plan_name_tail(name); s != NULL; s = plan_name_tail(s))
		if (ucp_strmap_has(map, s))
			return true;
	return false;
}

/*
 * The sip.domains entries that may be tenants, by the list alone: not the
 * first, and no other entry the same, below or above.
 */
static void
list_tenants(struct slices *s)
{
	const struct ucp_strs *l = &s->m->sip.domains;
	struct ucp_strmap seen;
	size_t i;

	ucp_strmap_init(&seen);
	for (i = 0; i < l->len; i++) {
		s->tenant[i] = i > 0 && l->items[i].v != NULL;
		if (l->items[i].v != NULL)
			ucp_strmap_put(&seen, l->items[i].v, (void *)(l->items + i));
	}
	for (i = 0; i < l->len; i++) {
		const struct ucp_str *o;
		const char *t;

		if (l->items[i].v == NULL)
			continue;
		/* The same name twice: the map keeps the last entry. */
		if ((o = ucp_strmap_get(&seen, l->items[i].v)) != l->items + i)
			s->tenant[i] = s->tenant[o - l->items] = false;
		for (t = plan_name_tail(l->items[i].v); t != NULL; t = plan_name_tail(t)) {
			if ((o = ucp_strmap_get(&seen, t)) != NULL)
				s->tenant[i] = s->tenant[o - l->items] = false;
		}
	}
	ucp_strmap_clear(&seen);
}

/*
 * Plans the rest of the configuration (no tenant) into *BASE, and takes out of
 * the tenants every domain that meets one of its names. Returns true when none
 * had to be taken out; *BASE is the plan of the rest either way.
 */
static bool
meet_rest(struct slices *s, struct ucp_plan **base)
{
	struct ucp_strmap names, above;
	const struct plan_run run = { .diagnostics_only = true, .names = &names };
	struct ucp_diags d;
	bool alone = true;
	size_t i;

	ucp_strmap_init(&names);
	ucp_strmap_init(&above);
	ucp_diags_like(&d, s->like);
	if ((*base = plan_slice(s, 0, 0, &d, &run)) == NULL)
		ucp_oom();
	ucp_diags_clear(&d);
	for (i = 0; i < names.cap; i++) {
		const char *t;

		if (names.keys[i] == NULL)
			continue;
		for (t = plan_name_tail(names.keys[i]); t != NULL; t = plan_name_tail(t))
			ucp_strmap_put(&above, t, NULL);
	}
	for (i = 0; i < s->m->sip.domains.len; i++) {
		const char *v = s->m->sip.domains.items[i].v;

		if (s->tenant[i] && (ucp_strmap_has(&names, v) || ucp_strmap_has(&above, v) || above_in(&names, v))) {
			s->tenant[i] = false;
			alone = false;
		}
	}
	ucp_strmap_clear(&names);
	ucp_strmap_clear(&above);
	return alone;
}

/*
 * Plans every slice after the first into private lists: each must report
 * what the second reports, kept in REF (empty before). Adds to MORE what
 * each adds to a SAN.
 */
static bool
other_slices(struct slices *s, size_t per, const struct ucp_plan *base, struct ucp_diags *ref, size_t *more)
{
	const struct plan_run run = { .diagnostics_only = true };
	size_t from, i;

	for (from = per; from < s->ntenants; from += per) {
		struct ucp_diags d;
		struct ucp_plan *p;
		bool same;

		ucp_diags_like(&d, s->like);
		if ((p = plan_slice(s, from, from + per, &d, &run)) == NULL)
			ucp_oom();
		ucp_diags_sort(&d);
		same = same_certs(p, base) && (from == per || same_diags(&d, ref));
		for (i = 0; same && i < p->ncerts; i++)
			more[i] += p->certs[i].nsan - base->certs[i].nsan;
		ucp_plan_free(p);
		if (from == per)
			*ref = d;
		else
			ucp_diags_clear(&d);
		if (!same)
			return false;
	}
	return true;
}

/* Counts the tenants, and makes room in S->items for the rest and PER of them. */
static void
room_for(struct slices *s, size_t per)
{
	size_t i;

	for (s->ntenants = 0, i = 0; i < s->m->sip.domains.len; i++)
		s->ntenants += s->tenant[i];
	free(s->items);
	if ((s->items = calloc(s->m->sip.domains.len - s->ntenants + per, sizeof(*s->items))) == NULL)
		ucp_oom();
}

int
plan_check_slices(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial, size_t per)
{
	const struct plan_run run = { .diagnostics_only = true };
	struct slices s = { .m = m, .serial = serial, .like = diags };
	struct ucp_plan *base = NULL, *first = NULL;
	struct ucp_diags d, ref;
	struct plan_run last = run;
	size_t forced = test_slice(), *more = NULL, round;
	bool done = false;
	int sliced = 0;

	/* exchange.smtp_domains lists its own domains, planned with every slice: not sliced. */
	if (!m->sip.present || m->sip.domains.len < 3 || (m->exchange.present && m->exchange.smtp_domains.len > 0))
		return 0;
	/* The rest is planned with every slice: a slice is at least as large. */
	per = forced > 0 ? forced : (per > 0 ? per : SLICE_MIN) + m->dns.nrecords;
	if (forced == 0 && m->sip.domains.len < 2 * per)
		return 0;
	if ((s.tenant = calloc(m->sip.domains.len, sizeof(*s.tenant))) == NULL)
		ucp_oom();
	list_tenants(&s);
	for (round = 0; round < SLICE_ROUNDS && !done; round++) {
		ucp_plan_free(base);
		room_for(&s, 0);
		done = meet_rest(&s, &base);
	}
	room_for(&s, 0);
	/* A slice as large as the rest at least, and two slices at least. */
	if (forced == 0 && m->sip.domains.len - s.ntenants > per)
		per = m->sip.domains.len - s.ntenants;
	if (!done || s.ntenants <= per || (forced == 0 && s.ntenants < 2 * per))
		goto out;
	room_for(&s, per);
	ucp_diags_init(&ref);
	if ((more = calloc(base->ncerts + 1, sizeof(*more))) == NULL)
		ucp_oom();
	if (other_slices(&s, per, base, &ref, more)) {
		/*
		 * The first slice last, its SANs as large as the whole plan's: its
		 * report is the whole plan's when it is the others'.
		 */
		last.san_more = more;
		last.nsan_more = base->ncerts;
		ucp_diags_like(&d, diags);
		if ((first = plan_slice(&s, 0, per, &d, &last)) == NULL)
			ucp_oom();
		ucp_diags_sort(&d);
		if (same_certs(first, base) && same_diags(&d, &ref)) {
			ucp_diags_append(diags, &d);
			sliced = 1;
		}
		ucp_diags_clear(&d);
	}
	ucp_diags_clear(&ref);
out:
	ucp_plan_free(first);
	ucp_plan_free(base);
	free(more);
	free(s.tenant);
	free(s.items);
	return sliced;
}
