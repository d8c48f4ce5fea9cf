/*
 * check at hosting scale, a slice of the tenant domains at a time. A
 * hoster's configuration lists tens of thousands of SIP domains, each of
 * which plans the same handful of names below itself, and a whole plan holds
 * every one of their records, names and zones at once: check's peak was nine
 * times the configuration's libconfig tree at 100,000 domains.
 *
 * A tenant domain is a domain of sip.domains or exchange.smtp_domains (not
 * the first of either, which names the sign-in and default names) whose
 * names meet no other: no name the rest of the configuration plans is the
 * domain, is below it or is above it, and no other domain listed is below it
 * or above it. Then its records, zones and certificate names are its own, and
 * the rest of the configuration is planned with each slice of tenants in turn
 * (a tenant's entries in both lists in the same slice). That is check's
 * answer when
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

/* A domain listed in sip.domains, exchange.smtp_domains or both. */
struct dom {
	const char		*name;
	bool			 rest;		/* not a tenant: planned with every slice */
	uint32_t		 number;	/* a tenant's, from 0 in the order the domains are first listed */
};

/* The entries of one list and their domains. */
struct list {
	const struct ucp_strs	*l;		/* the configuration's */
	uint32_t		*dom;		/* per entry: its domain (struct slices' doms) */
	struct ucp_str		*items;		/* a slice's entries */
};

struct slices {
	const struct ucp_model	*m;
	uint32_t		 serial;
	const struct ucp_diags	*like;		/* the caller's: verbosity and lint overrides */
	struct dom		*doms;		/* every domain, in the order first listed */
	size_t			 ndoms;
	size_t			 ntenants;
	struct list		 lists[2];	/* sip.domains, exchange.smtp_domains (when given) */
	size_t			 nlists;
	struct ucp_model	 slice;		/* the configuration with a slice's lists */
};

/* Test hook: UCPLAN_TEST_SLICE=N plans N tenant domains a slice, however few there are; 0: none. */
static size_t
test_slice(void)
{
	const char *s = getenv("UCPLAN_TEST_SLICE");

	return s != NULL ? strtoul(s, NULL, 10) : 0;
}

/*
 * Plans the configuration with the tenants numbered FROM to TO (from 0) and
 * the rest, as RUN says.
 */
static struct ucp_plan *
plan_slice(struct slices *s, size_t from, size_t to, struct ucp_diags *d, const struct plan_run *run)
{
	struct ucp_strs *out[2] = { &s->slice.sip.domains, &s->slice.exchange.smtp_domains };
	size_t k, i, n;

	s->slice = *s->m;
	for (k = 0; k < s->nlists; k++) {
		struct list *l = &s->lists[k];

		for (i = n = 0; i < l->l->len; i++) {
			const struct dom *o = &s->doms[l->dom[i]];

			if (o->rest || (o->number >= from && o->number < to))
				l->items[n++] = l->l->items[i];
		}
		out[k]->items = l->items;
		out[k]->len = n;
	}
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
 * The domains of the lists (ENTRIES entries), each once, and whether each may
 * be a tenant by the lists alone: not the first of a list, and no other
 * domain below or above.
 */
static void
list_domains(struct slices *s, size_t entries)
{
	struct ucp_strset seen;
	size_t k, i;
	long o;

	if ((s->doms = calloc(entries, sizeof(*s->doms))) == NULL)
		ucp_oom();
	ucp_strset_init(&seen, entries, s->doms, sizeof(*s->doms));
	for (k = 0; k < s->nlists; k++) {
		const struct ucp_strs *l = s->lists[k].l;

		if ((s->lists[k].dom = calloc(l->len, sizeof(*s->lists[k].dom))) == NULL)
			ucp_oom();
		for (i = 0; i < l->len; i++) {
			s->doms[s->ndoms].name = l->items[i].v;
			if ((o = ucp_strset_add(&seen, s->ndoms)) < 0)
				o = (long)s->ndoms++;
			s->lists[k].dom[i] = (uint32_t)o;
			if (i == 0)
				s->doms[o].rest = true;
		}
	}
	for (i = 0; i < s->ndoms; i++) {
		const char *t;

		for (t = plan_name_tail(s->doms[i].name); t != NULL; t = plan_name_tail(t)) {
			if ((o = ucp_strset_find(&seen, t)) >= 0)
				s->doms[i].rest = s->doms[o].rest = true;
		}
	}
	ucp_strset_clear(&seen);
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
	for (i = 0; i < s->ndoms; i++) {
		const char *v = s->doms[i].name;

		if (!s->doms[i].rest && (ucp_strmap_has(&names, v) || ucp_strmap_has(&above, v) || above_in(&names, v))) {
			s->doms[i].rest = true;
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

/* Numbers the tenants, and makes room in each list's items for the rest and PER tenants. */
static void
room_for(struct slices *s, size_t per)
{
	size_t k, i, rest;

	for (s->ntenants = 0, i = 0; i < s->ndoms; i++)
		s->doms[i].number = s->doms[i].rest ? 0 : (uint32_t)s->ntenants++;
	for (k = 0; k < s->nlists; k++) {
		for (rest = 0, i = 0; i < s->lists[k].l->len; i++)
			rest += s->doms[s->lists[k].dom[i]].rest;
		free(s->lists[k].items);
		if ((s->lists[k].items = calloc(rest + per + 1, sizeof(*s->lists[k].items))) == NULL)
			ucp_oom();
	}
}

int
plan_check_slices(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial, size_t per)
{
	const struct plan_run run = { .diagnostics_only = true };
	struct slices s = { .m = m, .serial = serial, .like = diags };
	struct ucp_plan *base = NULL, *first = NULL;
	struct ucp_diags d, ref;
	struct plan_run last = run;
	size_t forced = test_slice(), *more = NULL, round, entries = 0, k, i;
	bool done = false;
	int sliced = 0;

	if (!m->sip.present || m->sip.domains.len < 3)
		return 0;
	s.lists[s.nlists++].l = &m->sip.domains;
	if (m->exchange.present && m->exchange.smtp_domains.len > 0)
		s.lists[s.nlists++].l = &m->exchange.smtp_domains;
	for (k = 0; k < s.nlists; k++) {
		entries += s.lists[k].l->len;
		for (i = 0; i < s.lists[k].l->len; i++)
			if (s.lists[k].l->items[i].v == NULL)
				return 0;
	}
	/* The rest is planned with every slice: a slice is at least as large. */
	per = forced > 0 ? forced : (per > 0 ? per : SLICE_MIN) + m->dns.nrecords;
	if (forced == 0 && entries < 2 * per)
		return 0;
	list_domains(&s, entries);
	/* Each round numbers the tenants first; the last, changing none, leaves the numbers right. */
	for (round = 0; round < SLICE_ROUNDS && !done; round++) {
		ucp_plan_free(base);
		room_for(&s, 0);
		done = meet_rest(&s, &base);
	}
	/* A slice as large as the rest at least, and two slices at least. */
	if (forced == 0 && s.ndoms - s.ntenants > per)
		per = s.ndoms - s.ntenants;
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
	for (k = 0; k < s.nlists; k++) {
		free(s.lists[k].dom);
		free(s.lists[k].items);
	}
	free(s.doms);
	return sliced;
}
