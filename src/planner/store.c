/*
 * The record store every planning stage adds to: records per view, indexed by
 * owner, merged when identical; and the records dns.records adds, checked
 * against what the products planned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "planner/internal.h"
#include "ucplan/buf.h"

const char *
plan_fmt(char out[PLAN_NAME_MAX], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, PLAN_NAME_MAX, fmt, ap);
	va_end(ap);
	return out;
}

const char *
plan_join(char out[PLAN_NAME_MAX], const char *label, const char *name)
{
	size_t a = strlen(label), b = strlen(name);

	/* As snprintf("%s.%s") would, cut at PLAN_NAME_MAX - 1 characters. */
	if (a > PLAN_NAME_MAX - 1)
		a = PLAN_NAME_MAX - 1;
	memcpy(out, label, a);
	if (a < PLAN_NAME_MAX - 1)
		out[a++] = '.';
	if (b > PLAN_NAME_MAX - 1 - a)
		b = PLAN_NAME_MAX - 1 - a;
	memcpy(out + a, name, b);
	out[a + b] = '\0';
	return out;
}

_Static_assert(UCP_RR_COUNT <= 16, "a name's types are a 16-bit set");
_Static_assert(sizeof(struct prec) <= 56, "a planned record is seven words");
_Static_assert(sizeof(struct pname) <= 32, "a name node is four words");


void *
plan_chunks_new(struct plan_chunks *c, size_t per, size_t size)
{
	size_t n = c->len, k = n / per;

	if (n % per == 0) {
		/* The chunk table doubles when it fills: a power of two of chunks. */
		if ((k & (k - 1)) == 0 &&
		    (c->chunks = realloc(c->chunks, (k ? 2 * k : 1) * sizeof(*c->chunks))) == NULL)
			ucp_oom();
		if ((c->chunks[k] = calloc(per, size)) == NULL)
			ucp_oom();
	}
	c->len++;
	return (char *)c->chunks[k] + n % per * size;
}

void
plan_chunks_free(struct plan_chunks *c, size_t per)
{
	size_t i;

	for (i = 0; i < (c->len + per - 1) / per; i++)
		free(c->chunks[i]);
	free(c->chunks);
	memset(c, 0, sizeof(*c));
}

void
plan_names_forget(struct planner *p)
{
	free(p->names);
	free(p->ulabels);
	p->ulabels = NULL;
	p->ulabels_cap = p->ulabels_len = 0;
	p->names = NULL;
	p->names_cap = 0;
}

void
plan_names_clear(struct planner *p)
{
	plan_chunks_free(&p->nodes, PN_CHUNK);
	plan_names_forget(p);
}

/*
 * The slot of NAME (hash H): its node's, or the empty one where it would go.
 * A slot is 8 bytes, hash and node number side by side, so a probe reads one
 * cache line of the table, and a node only when its hash matches: at hosting
 * scale the table is far larger than the cache and every line read missed it.
 */
static size_t
name_slot(const struct planner *p, const char *name, uint32_t h)
{
	size_t mask = p->names_cap - 1, i = h & mask;
	uint64_t s;

	while ((s = p->names[i]) != 0 &&
	    ((uint32_t)(s >> 32) != h || strcmp(plan_node(p, (uint32_t)s)->name, name) != 0))
		i = (i + 1) & mask;
	return i;
}

/*
 * CAP empty slots. A table of a huge page or more is aligned to one and
 * asked to be backed by them (Linux): its probes land at random, and at
 * hosting scale each one also missed the TLB, a page table walk on top of
 * the miss to memory.
 */
#define HUGE_PAGE ((size_t)2 << 20)
static uint64_t *
slots_new(size_t cap)
{
	size_t size = cap * sizeof(uint64_t);
	uint64_t *slots;

#ifdef MADV_HUGEPAGE
	if (size >= HUGE_PAGE) {
		if ((slots = aligned_alloc(HUGE_PAGE, size)) == NULL)
			ucp_oom();
		(void)madvise(slots, size, MADV_HUGEPAGE);
		memset(slots, 0, size);
		return slots;
	}
#endif
	if ((slots = calloc(cap, sizeof(*slots))) == NULL)
		ucp_oom();
	return slots;
}

static void
names_grow(struct planner *p)
{
	size_t cap = p->names_cap ? p->names_cap * 2 : 1024, i, j;
	uint64_t *slots = slots_new(cap);

	for (i = 0; i < p->names_cap; i++) {
		if (p->names[i] == 0)
			continue;
		for (j = (p->names[i] >> 32) & (cap - 1); slots[j] != 0; j = (j + 1) & (cap - 1))
			;
		slots[j] = p->names[i];
	}
	free(p->names);
	p->names = slots;
	p->names_cap = cap;
}

/* A new node: the next of the chunks, zeroed. */
static struct pname *
node_new(struct planner *p)
{
	return plan_chunks_new(&p->nodes, PN_CHUNK, sizeof(struct pname));
}

/*
 * True when one more name would fill the table past 7/8. That is fuller
 * than a string map (3/4): a probe past another name reads the 8-byte slot
 * beside it, so long runs stay cheap, and at hosting scale this keeps the
 * table half the size.
 */
static bool
names_full(const struct planner *p)
{
	return (p->nodes.len + 1) * 8 > p->names_cap * 7;
}

/* True when one of NAME's labels starts with an underscore. */
static bool
has_underscore_label(const char *name)
{
	const char *s;

	for (s = strchr(name, '_'); s != NULL; s = strchr(s + 1, '_'))
		if (s == name || s[-1] == '.')
			return true;
	return false;
}

/* A hash of NAME's first label, never 0. */
static uint64_t
first_label_hash(const char *name)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *name != '\0' && *name != '.'; name++) {
		h ^= (unsigned char)*name;
		h *= 1099511628211ULL;
	}
	return h != 0 ? h : 1;
}

/* The slot of H in the first-label set: its own, or the empty one where it would go. */
static size_t
ulabel_slot(const struct planner *p, uint64_t h)
{
	size_t mask = p->ulabels_cap - 1, i = (h ^ h >> 29) & mask;

	while (p->ulabels[i] != 0 && p->ulabels[i] != h)
		i = (i + 1) & mask;
	return i;
}

/* Adds the first label of NAME, a name with an underscore label, to the set. */
static void
ulabel_add(struct planner *p, const char *name)
{
	uint64_t h = first_label_hash(name);
	size_t i;

	if ((p->ulabels_len + 1) * 4 > p->ulabels_cap * 3) {
		uint64_t *old = p->ulabels;
		size_t cap = p->ulabels_cap;

		p->ulabels_cap = cap ? cap * 2 : 64;
		if ((p->ulabels = calloc(p->ulabels_cap, sizeof(*p->ulabels))) == NULL)
			ucp_oom();
		for (i = 0; i < cap; i++)
			if (old[i] != 0)
				p->ulabels[ulabel_slot(p, old[i])] = old[i];
		free(old);
	}
	if (p->ulabels[i = ulabel_slot(p, h)] == 0) {
		p->ulabels[i] = h;
		p->ulabels_len++;
	}
}

/*
 * False when NAME can have no node: it has an underscore label, and no node
 * with one starts with NAME's first label. Walks up a service owner ask
 * about _tls.<d> and _tcp.<d>, which have none, and each asked the table.
 */
static bool
may_have_node(const struct planner *p, const char *name)
{
	return !has_underscore_label(name) ||
	    (p->ulabels_cap != 0 && p->ulabels[ulabel_slot(p, first_label_hash(name))] != 0);
}

/*
 * The number of NAME's node (hash H), added when new with NAME as its name
 * if OWNED (already the plan's), else a copy.
 */
static uint32_t
intern_id(struct planner *p, const char *name, uint32_t h, bool owned)
{
	struct pname *n;
	size_t i;

	if (names_full(p))
		names_grow(p);
	i = name_slot(p, name, h);
	if (p->names[i] != 0)
		return (uint32_t)p->names[i];
	if (p->nodes.len >= UINT32_MAX - 1)
		ucp_oom();
	n = node_new(p);
	n->name = owned ? name : ucp_arena_strdup(p->a, name);
	if (has_underscore_label(n->name))
		ulabel_add(p, n->name);
	p->names[i] = (uint64_t)h << 32 | (uint64_t)p->nodes.len;
	return (uint32_t)p->nodes.len;
}

/* NAME's node (hash H), as intern_id(). */
static struct pname *
intern_hashed(struct planner *p, const char *name, uint32_t h, bool owned)
{
	return plan_node(p, intern_id(p, name, h, owned));
}

static struct pname *
intern(struct planner *p, const char *name, bool owned)
{
	return intern_hashed(p, name, (uint32_t)ucp_strmap_hash(name), owned);
}

struct pname *
plan_name(struct planner *p, const char *name)
{
	return intern(p, name, false);
}

struct pname *
plan_name_owned(struct planner *p, const char *name)
{
	return intern(p, name, true);
}

uint32_t
plan_name_owned_id(struct planner *p, const char *name)
{
	return intern_id(p, name, (uint32_t)ucp_strmap_hash(name), true);
}

uint32_t
plan_set_new(struct planner *p)
{
	/* 24 bits of marks: a plan makes a few dozen sets, never sixteen million. */
	if (++p->sets >= 1u << 24)
		abort();
	return p->sets;
}

uint32_t
plan_name_find_id(const struct planner *p, const char *name)
{
	if (p->names_cap == 0 || !may_have_node(p, name))
		return 0;
	return (uint32_t)p->names[name_slot(p, name, (uint32_t)ucp_strmap_hash(name))];
}

struct pname *
plan_name_find(const struct planner *p, const char *name)
{
	return plan_node(p, plan_name_find_id(p, name));
}

const char *
plan_name_tail(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot != NULL && dot[1] != '\0' ? dot + 1 : NULL;
}

struct pname *
plan_name_up(struct planner *p, struct pname *n)
{
	if (!(n->flags & PN_PARENT)) {
		const char *s = n->name;
		uint32_t up = 0;

		while (up == 0 && (s = plan_name_tail(s)) != NULL)
			up = plan_name_find_id(p, s);
		n->parent = up;
		n->flags |= PN_PARENT;
	}
	return plan_node(p, n->parent);
}

/* ITEMS, LEN elements of SIZE bytes, with room for one more (*CAP doubles when full). */
static void *
room_for_one(void *items, size_t len, size_t *cap, size_t size)
{
	if (len == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		if ((items = realloc(items, *cap * size)) == NULL)
			ucp_oom();
	}
	return items;
}

void
plan_vec_add(struct plan_vec *v, const void *p)
{
	v->items = room_for_one(v->items, v->len, &v->cap, sizeof(*v->items));
	v->items[v->len++] = p;
}

void
plan_vec_free(struct plan_vec *v)
{
	free(v->items);
	memset(v, 0, sizeof(*v));
}

void
plan_ids_add(struct plan_ids *v, uint32_t id)
{
	v->items = room_for_one(v->items, v->len, &v->cap, sizeof(*v->items));
	v->items[v->len++] = id;
}

void
plan_ids_free(struct plan_ids *v)
{
	free(v->items);
	memset(v, 0, sizeof(*v));
}

struct prec *
plan_owner(const struct planner *p, enum ucp_view view, const char *owner)
{
	const struct pname *n = plan_name_find(p, owner);

	return n != NULL ? plan_rec(p, n->first[view]) : NULL;
}

uint32_t
plan_prec_new(struct planner *p, enum ucp_view view, struct pname *node, enum ucp_rrtype type, const char *data,
    const char *why, const struct ucp_loc *loc)
{
	struct prec *r;

	if (p->precs.len >= UINT32_MAX - 1)
		ucp_oom();
	r = plan_chunks_new(&p->precs, PR_CHUNK, sizeof(struct prec));
	r->node = node;
	r->type = (uint8_t)type;
	r->ttl = (uint32_t)p->m->dns.ttl.v;
	r->data = data;
	r->why = why;
	r->view = (uint8_t)view;
	r->loc = loc;
	return (uint32_t)p->precs.len;
}

void
plan_recs_clear(struct planner *p)
{
	plan_chunks_free(&p->precs, PR_CHUNK);
}

/*
 * FMT formatted into BUF (PLAN_DATA_MAX bytes), or into *HEAP (malloc'd, for
 * the caller to free) when it does not fit: record data is short but for a
 * TXT record's, and one record per tenant took a malloc and a free.
 */
#define PLAN_DATA_MAX 256
static const char *
vformat(char buf[PLAN_DATA_MAX], char **heap, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	*heap = NULL;
	va_copy(aq, ap);
	n = vsnprintf(buf, PLAN_DATA_MAX, fmt, aq);
	va_end(aq);
	if (n < 0)
		ucp_oom();
	if (n < PLAN_DATA_MAX)
		return buf;
	if (vasprintf(heap, fmt, ap) < 0)
		ucp_oom();
	return *heap;
}

/* DATA (of a TYPE record) in the plan's arena: the copy made for an earlier record when it is still at hand. */
static const char *
plan_data(struct planner *p, enum ucp_rrtype type, const char *data)
{
	size_t n = sizeof(p->recent_data) / sizeof(p->recent_data[0]);
	const char **slot = &p->recent_data[(strlen(data) * 8 + (size_t)type) % n];

	if (*slot == NULL || strcmp(*slot, data) != 0)
		*slot = ucp_arena_strdup(p->a, data);
	return *slot;
}

/* Adds the record of NODE with DATA (copied) to VIEW, unless an identical one is there. */
static struct prec *
record_data(struct planner *p, enum ucp_view view, struct pname *node, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *data)
{
	struct prec *r, *last = NULL;
	uint32_t id;

	/* An address record follows its data: IPv6 is AAAA, never A. */
	if (type == UCP_RR_A && strchr(data, ':') != NULL)
		type = UCP_RR_AAAA;
	for (r = plan_rec(p, node->first[view]); r != NULL; last = r, r = plan_rec(p, r->next_same_owner)) {
		if (r->type == type && strcmp(r->data, data) == 0)
			return r;
	}
	id = plan_prec_new(p, view, node, type, plan_data(p, type, data), why, loc);
	if (last != NULL)
		last->next_same_owner = id;
	else
		node->first[view] = id;
	plan_ids_add(&p->recs[view], id);
	return plan_rec(p, id);
}

struct prec *
plan_record(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
{
	uint32_t h = (uint32_t)ucp_strmap_hash(owner);
	char buf[PLAN_DATA_MAX], *heap;
	const char *data;
	struct prec *r;
	va_list ap;

	/*
	 * The owner's table slot loads while the data is formatted: at hosting
	 * scale a new name's slot is a miss to memory, the formatting as long.
	 */
	if (!names_full(p))
		__builtin_prefetch(&p->names[h & (p->names_cap - 1)]);
	va_start(ap, fmt);
	data = vformat(buf, &heap, fmt, ap);
	va_end(ap);
	r = record_data(p, view, intern_hashed(p, owner, h, false), type, loc, why, data);
	free(heap);
	return r;
}

struct prec *
plan_record_at(struct planner *p, enum ucp_view view, struct pname *node, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
{
	char buf[PLAN_DATA_MAX], *heap;
	const char *data;
	struct prec *r;
	va_list ap;

	va_start(ap, fmt);
	data = vformat(buf, &heap, fmt, ap);
	va_end(ap);
	r = record_data(p, view, node, type, loc, why, data);
	free(heap);
	return r;
}

void
plan_addrs_at(struct planner *p, enum ucp_view view, struct pname *node, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why)
{
	size_t i;

	for (i = 0; i < addrs->nall; i++)
		record_data(p, view, node, UCP_RR_A, loc, why, addrs->all[i]);
}

void
plan_addrs(struct planner *p, enum ucp_view view, const char *owner, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why)
{
	if (addrs->nall > 0)
		plan_addrs_at(p, view, plan_name(p, owner), addrs, loc, why);
}

/* The node of PREFIX.<D> for entry I of DOMAINS, kept in *CACHE (one slot per entry, made on first use). */
static struct pname *
domain_name(struct planner *p, struct pname ***cache, const struct ucp_strs *domains, size_t i, const char *prefix)
{
	char buf[PLAN_NAME_MAX];

	if (*cache == NULL)
		*cache = ucp_arena_alloc(p->tmp, sizeof(**cache) * (domains->len + 1));
	if ((*cache)[i] == NULL)
		(*cache)[i] = plan_name(p, plan_join(buf, prefix, domains->items[i].v));
	return (*cache)[i];
}

struct pname *
plan_sip_name(struct planner *p, size_t i)
{
	return domain_name(p, &p->sip_names, &p->m->sip.domains, i, "sip");
}

struct pname *
plan_autodiscover_name(struct planner *p, size_t i)
{
	return domain_name(p, &p->autodiscover_names, &p->smtp, i, "autodiscover");
}

/* The node of entry I of DOMAINS, named by the tail of PREFIX.<d> when CACHE has that: no second copy. */
static struct pname *
domain_node(struct planner *p, struct pname **cache, const struct ucp_strs *domains, size_t i, const char *prefix)
{
	if (cache != NULL && cache[i] != NULL)
		return plan_name_owned(p, cache[i]->name + strlen(prefix) + 1);
	return plan_name(p, domains->items[i].v);
}

struct pname *
plan_sip_domain(struct planner *p, size_t i)
{
	return domain_node(p, p->sip_names, &p->m->sip.domains, i, "sip");
}

struct pname *
plan_smtp_domain(struct planner *p, size_t i)
{
	return domain_node(p, p->autodiscover_names, &p->smtp, i, "autodiscover");
}

const char *const *
plan_names(struct planner *p, const struct ucp_ptrs *v)
{
	const char **names = ucp_arena_alloc(p->a, sizeof(*names) * (v->len + 1));
	size_t i;

	/* The plan owns its strings: it outlives the model many of them come from. */
	for (i = 0; i < v->len; i++)
		names[i] = ucp_arena_strdup(p->a, v->items[i]);
	return names;
}

/*
 * A CNAME chain of dns.records that comes back to where it started (a → a,
 * a → b → a) never resolves. Chains are followed within one view; each
 * record of a loop is reported at its data.
 */
static void
check_cname_loops(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i, steps;
	int v;

	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		struct ucp_strmap cnames;

		ucp_strmap_init(&cnames);
		for (i = 0; i < m->dns.nrecords; i++) {
			const struct ucp_extra_record *x = &m->dns.records[i];

			if (x->type == UCP_RR_CNAME && (x->views & (1u << v)))
				ucp_strmap_put(&cnames, x->name.v, (void *)x);
		}
		for (i = 0; i < m->dns.nrecords; i++) {
			const struct ucp_extra_record *x = &m->dns.records[i], *y = x;
			struct ucp_buf chain;

			if (x->type != UCP_RR_CNAME || !(x->views & (1u << v)))
				continue;
			ucp_buf_init(&chain);
			ucp_buf_puts(&chain, x->name.v);
			for (steps = 0; steps <= m->dns.nrecords; steps++) {
				char target[256];
				size_t len = strlen(y->data.v);

				snprintf(target, sizeof(target), "%.*s", (int)(len > 0 ? len - 1 : 0), y->data.v);
				ucp_buf_printf(&chain, " -> %s", target);
				if (strcmp(target, x->name.v) == 0) {
					plan_report(p, UCP_R_DNS_CNAME_LOOP, &x->data.loc, "CNAME loop in the %s view: %s",
					    ucp_view_name((enum ucp_view)v), ucp_buf_str(&chain));
					break;
				}
				if ((y = ucp_strmap_get(&cnames, target)) == NULL)
					break;
			}
			ucp_buf_clear(&chain);
		}
		ucp_strmap_clear(&cnames);
	}
}

/* dns.records: added after the products so a CNAME on a planned name can be refused. */
void
plan_extra_records(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i;
	int v;

	for (i = 0; i < m->dns.nrecords; i++) {
		const struct ucp_extra_record *x = &m->dns.records[i];

		for (v = 0; v < UCP_VIEW_COUNT; v++) {
			struct prec *r, *o;

			if (!(x->views & (1u << v)))
				continue;
			o = plan_owner(p, (enum ucp_view)v, x->name.v);
			if (x->type == UCP_RR_CNAME && o != NULL && !o->extra) {
				plan_report(p, UCP_R_DNS_PLANNED_CNAME, &x->name.loc,
				    "%s is planned by ucplan in the %s view (%s); a CNAME there would hide it",
				    x->name.v, ucp_view_name((enum ucp_view)v), o->why);
				continue;
			}
			for (; o != NULL && (o->extra || o->type != x->type); o = plan_rec(p, o->next_same_owner))
				;
			if (o != NULL) {
				plan_report(p, UCP_R_DNS_PLANNED_EXTRA, &x->loc,
				    "ucplan already plans %s %s %s in the %s view (%s); this record would join it "
				    "silently (a round robin for addresses): remove it, or change the setting that "
				    "plans the name", x->name.v, ucp_rrtype_name(x->type), o->data,
				    ucp_view_name((enum ucp_view)v), o->why);
				continue;
			}
			r = plan_record(p, (enum ucp_view)v, x->name.v, x->type, &x->loc,
			    "from dns.records", "%s", x->data.v);
			r->extra = true;
			if (x->ttl.set)
				r->ttl = (uint32_t)x->ttl.v;
		}
	}
	check_cname_loops(p);
}

