/* State shared by the planner's files while one plan is built. */
#ifndef UCPLAN_PLANNER_INTERNAL_H
#define UCPLAN_PLANNER_INTERNAL_H

#include <stdarg.h>

#include "arena.h"
#include "model.h"
#include "planner.h"
#include "planner/product/product.h"
#include "ucplan/rules.h"
#include "strmap.h"

struct zb;

/*
 * A growable array of pointers on the heap, for the planner's lists that grow
 * with the tenants: an arena array that doubles leaves every smaller copy
 * behind (as much again as the list), realloc() leaves none.
 */
struct plan_vec {
	const void	**items;
	size_t		 len;
	size_t		 cap;
};
/* Appends P to V. */
void plan_vec_add(struct plan_vec *v, const void *p);
/* Frees V's array and empties it. */
void plan_vec_free(struct plan_vec *v);

/* A growable array of record numbers (struct prec), as struct plan_vec. */
struct plan_ids {
	uint32_t	*items;
	size_t		 len;
	size_t		 cap;
};
/* Appends ID to V. */
void plan_ids_add(struct plan_ids *v, uint32_t id);
/* Frees V's array and empties it. */
void plan_ids_free(struct plan_ids *v);

/*
 * An array that grows in chunks of a fixed number of elements, so that an
 * element never moves: the records and the name nodes, numbered.
 */
struct plan_chunks {
	void		**chunks;	/* a table that doubles as it fills */
	size_t		  len;		/* elements */
};
/* A new element of SIZE bytes, zeroed, at index C->len (which grows by one); PER elements a chunk. */
void *plan_chunks_new(struct plan_chunks *c, size_t per, size_t size);
/* Frees C's chunks (PER elements each) and empties it. */
void plan_chunks_free(struct plan_chunks *c, size_t per);
/* Element ID of C (numbered from 1, as plan_chunks_new() made them; SIZE bytes, PER a chunk), or NULL for 0. */
static inline void *
plan_chunks_at(const struct plan_chunks *c, size_t per, size_t size, uint32_t id)
{
	return id != 0 ? (char *)c->chunks[(id - 1) / per] + (id - 1) % per * size : NULL;
}

/* Records per chunk. */
#define PR_CHUNK 4096

/*
 * A name the planner has seen, kept once however many records, zones and
 * checks ask about it: what each stage asks of a name is a field here, so
 * placing a record follows pointers up its name instead of probing a table
 * per label (at hosting scale every probe missed the cache).
 */
struct pname {
	const char	*name;				/* in the plan's arena */
	uint32_t	 parent;			/* its node (plan_node), when PN_PARENT is set; 0: none */
	uint32_t	 zones;				/* the zones it is the apex of (plan_zones' numbers), or 0 */
	uint32_t	 first[UCP_VIEW_COUNT];	/* its first record per view (plan_record), or 0 */
	uint16_t	 types[UCP_VIEW_COUNT];	/* bit per record type placed at it (plan_zones' checks) */
	uint32_t	 mark : 24;			/* the last set (plan_set_new) it was put in */
	uint32_t	 flags : 8;
#define PN_PARENT	0x01
#define PN_ZONE_SET	0x02		/* one of the zones plan_zones derives (or dns.zones) */
#define PN_INTERNAL	0x04		/* an internal-only name (plan_zones) */
};

/*
 * A record before zone placement: its owner is its node's name, and the
 * plan's struct ucp_record is made from it only when a zone is laid out for
 * output. Records are numbered from 1 (plan_rec() finds one by its number,
 * 0 is none) and link to one another by number: 56 bytes, six per tenant
 * domain at hosting scale, all alive until the zones are checked.
 */
struct prec {
	struct pname		*node;		/* its owner's */
	struct pname		*target;	/* an SRV's target, when the stage that made it knew its node */
	const struct ucp_loc	*loc;		/* the setting that caused it (the model's), or NULL */
	const char		*data;		/* as struct ucp_record's */
	const char		*why;
	uint32_t		 next_same_owner;
	uint32_t		 next_in_zone;	/* the zone's records, in the order they were placed */
	uint32_t		 ttl;
	uint8_t			 type;		/* enum ucp_rrtype */
	uint8_t			 view;		/* enum ucp_view */
	bool			 extra : 1;	/* from dns.records */
	bool			 copy : 1;	/* split-brain copy of an external record */
	bool			 external_only : 1; /* never copied into the internal view (lyncdiscover) */
};

/*
 * How one plan is made: ucp_plan_new() plans everything; check plans for its
 * diagnostics alone, at hosting scale a slice of the tenant domains at a time
 * (slices.c).
 */
struct plan_run {
	bool			 diagnostics_only;	/* no zone laid out for output */
	/*
	 * Per planned certificate, in the order they are made: the SAN names
	 * the tenant domains outside this slice add, counted with this slice's
	 * when the size of the SAN is checked.
	 */
	const size_t		*san_more;
	size_t			 nsan_more;
	struct ucp_strmap	*names;			/* when set, given every name the plan made (the plan's strings) */
	/*
	 * When set, each zone laid out for output is given to ZONE (the
	 * external view's first, as the JSON plan lists them) and not kept:
	 * plan --format json writes a hoster's 300,000 zones as they come.
	 */
	bool			(*zone)(void *ctx, enum ucp_view view, const struct ucp_zone *z);
	void			*ctx;
};
/* Plans M as RUN says; the plan, or NULL when out of memory. */
struct ucp_plan *plan_model(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial,
    const struct plan_run *run);
/*
 * Check in slices (slices.c): 1 when M was checked a slice of its tenant
 * domains at a time (PER a slice; 0: the default) with every diagnostic a
 * whole plan reports, 0 when it cannot be (nothing was reported).
 */
int plan_check_slices(const struct ucp_model *m, struct ucp_diags *diags, uint32_t serial, size_t per);

struct planner {
	const struct ucp_model	*m;
	struct ucp_diags	*diags;
	struct ucp_plan		*plan;
	struct ucp_arena	*a;			/* the plan's: what the plan keeps */
	struct ucp_arena	*tmp;			/* the planner's indexes, freed when the plan is done */
	uint32_t		 serial;
	const struct plan_run	*run;			/* how this plan is made */

	struct plan_ids		 recs[UCP_VIEW_COUNT];	/* record numbers, in the order they were made */
	struct plan_chunks	 precs;			/* every record: number N is element N - 1 (plan_rec()) */
	/*
	 * Every struct pname by name: open addressing, a slot being 32 bits of
	 * hash and the node's number + 1 (0: empty); the nodes in chunks.
	 */
	uint64_t		 *names;
	size_t			  names_cap;
	struct plan_chunks	  nodes;		/* node N is element N - 1 (plan_node()) */
	struct plan_chunks	  zbs;			/* the zones plan_zones builds, numbered as the nodes */
	uint32_t		  sets;			/* the last set plan_set_new() made */
	struct plan_vec		  zones[UCP_VIEW_COUNT]; /* each view's (struct zb *), laid out last (plan_emit) */
	/*
	 * The first labels of the names with an underscore label, as hashes
	 * (open addressing, 0 empty): a handful of service labels (_sip,
	 * _sipfederationtls...), so asking whether _tls.<d> has a node is
	 * answered here, in the cache, for every tenant domain.
	 */
	uint64_t		 *ulabels;
	size_t			  ulabels_cap, ulabels_len;
	/*
	 * Names every tenant domain has, kept per domain once made, so the
	 * stages after the first reach them without a lookup: sip.<d> per
	 * sip.domains entry, autodiscover.<d> per effective SMTP domain.
	 */
	struct pname		**sip_names, **autodiscover_names;
	/*
	 * Record data recently copied into the plan, by length and type: every
	 * tenant domain's address and alias records carry the same data (the
	 * Edge's address, the Exchange name), kept once.
	 */
	const char		 *recent_data[32];
	struct plan_vec		  cert_nodes;		/* per p->certs entry: its SAN's nodes (heap) */
	struct plan_vec		  rule_names;		/* per p->rules entry: its public names' nodes (heap) */

	const struct ucp_sip_product *sip;		/* the chosen generations' descriptors (NULL: absent) */
	const struct ucp_exchange_product *exchange;
	unsigned		 services;		/* Exchange services published */

	const char		*default_domain;	/* first SIP domain, or NULL */
	struct ucp_strs		 smtp;			/* effective SMTP domains */

	/* Facts later stages share. */
	bool			 edge;			/* an Edge is planned */
	bool			 webconf;		/* a Web Conferencing Edge is planned */
	bool			 webconf_shared;	/* Web Conferencing on the Access Edge name, 444 */
	const char		*signin_fqdn;
	const struct ucp_str	*signin_addrs;		/* every address of the sign-in server */
	const char		*web_int_fqdn;		/* internal web services (farm) FQDN */
	struct ucp_str		 pool_addrs;		/* the pool FQDN's addresses: the VIP, or every server (DNS) */
	const struct ucp_str	*pool_web;		/* the pool's internal web VIP */
	const char		*dir_web_fqdn;		/* the Director's internal web FQDN */
	const struct ucp_str	*dir_web;		/* the Director's web VIP */
	const struct ucp_str	*front_web;		/* the Director's web VIP if there is one, else the pool's */
	/* Lync and later (the descriptor's web_services). */
	const char		*web_ext_fqdn;		/* sip.web.external_fqdn */
	const char		*dir_web_ext;		/* sip.director.web_external_fqdn when published */
	const char		*meet;			/* the meet label */
	/* Per SIP domain, in sip.domains order (Lync and later): meet.<d>, lyncdiscover.<d>, lyncdiscoverinternal.<d>. */
	const char		**meets, **discovers, **discovers_int;
	const char		*dialin, *admin;	/* simple URL names, NULL for none */
	bool			 mobility;		/* lyncdiscover, lyncdiscoverinternal */
	bool			 xmpp;
	const char		*cas_vip;
	const struct ucp_str	*cas_vips;		/* every address of cas_vip */

	struct ucp_ptrs		 certs;			/* struct ucp_cert * */
	struct ucp_ptrs		 endpoints;		/* struct ucp_endpoint * */
	struct ucp_ptrs		 rules;			/* struct ucp_rule * */
};

/* Reports RULE at LOC (the rule's default severity, overridable). */
void plan_report(struct planner *p, enum ucp_rule_id rule, const struct ucp_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports a planning decision as a note (shown by check -v). */
void plan_note(struct planner *p, const struct ucp_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Adds a record to VIEW. OWNER is a normalised name, copied once into the
 * plan however many records it owns in either view; DATA is presentation text
 * (built from FMT). Identical records are merged. Returns the record.
 */
struct prec *plan_record(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* As plan_record(), for an owner whose node the caller holds. */
struct prec *plan_record_at(struct planner *p, enum ucp_view view, struct pname *node, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/*
 * Allocates a record of NODE's name that is not yet in any index and returns
 * its number: DATA must live in the plan's arena, LOC as long as the model;
 * the TTL is dns.ttl.
 */
uint32_t plan_prec_new(struct planner *p, enum ucp_view view, struct pname *node, enum ucp_rrtype type,
    const char *data, const char *why, const struct ucp_loc *loc);
/* Record ID (plan_prec_new), or NULL for 0. */
static inline struct prec *
plan_rec(const struct planner *p, uint32_t id)
{
	return plan_chunks_at(&p->precs, PR_CHUNK, sizeof(struct prec), id);
}
/* Frees every record. */
void plan_recs_clear(struct planner *p);
/* Nodes per chunk. */
#define PN_CHUNK 4096
/* Node ID (the name table's number), or NULL for 0. */
static inline struct pname *
plan_node(const struct planner *p, uint32_t id)
{
	return plan_chunks_at(&p->nodes, PN_CHUNK, sizeof(struct pname), id);
}
/* Frees the name table and its nodes (their names are the plan's, and stay). */
void plan_names_clear(struct planner *p);
/* Frees the name table but not its nodes: no name is looked up after this. */
void plan_names_forget(struct planner *p);
/* The node of NAME (a normalised name), added when new with a copy of NAME in the plan's arena. */
struct pname *plan_name(struct planner *p, const char *name);
/* As plan_name(), for a NAME in the plan's arena already (a tail of a node's name): no copy. */
struct pname *plan_name_owned(struct planner *p, const char *name);
/*
 * A new, empty set of names: a node is in it while its mark is the value
 * returned (one set per node at a time; a new set empties none of the others).
 */
uint32_t plan_set_new(struct planner *p);
/* The node of NAME, or NULL: nothing is added. */
struct pname *plan_name_find(const struct planner *p, const char *name);
/* As plan_name_find() and plan_name_owned(), the node's number (plan_node()); 0 for none. */
uint32_t plan_name_find_id(const struct planner *p, const char *name);
uint32_t plan_name_owned_id(struct planner *p, const char *name);
/*
 * The node of the nearest suffix of N's name that has one (nothing is
 * added), or NULL; kept on N. The walks up a name look for zones, and every
 * zone's apex has its node before the first walk (plan_zones derives the
 * zone set first), so the names between need none: at hosting scale
 * _tls.<d> and _tcp.<d> were a quarter of the nodes.
 */
struct pname *plan_name_up(struct planner *p, struct pname *n);
/* The name one label up from NAME (a tail of it), or NULL for a single label. */
const char *plan_name_tail(const char *name);
/* Room for a formatted owner name: a prefix and a name of at most 253 characters. */
#define PLAN_NAME_MAX 512
/*
 * An owner name formatted into OUT, for plan_record() and plan_addrs(), which
 * keep their own copy of each name once: per tenant domain, formatting it in
 * the plan's arena left a second copy behind.
 */
const char *plan_fmt(char out[PLAN_NAME_MAX], const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* LABEL.NAME in OUT, as plan_fmt(OUT, "%s.%s", LABEL, NAME) without the formatting: once per tenant domain and name. */
const char *plan_join(char out[PLAN_NAME_MAX], const char *label, const char *name);
/* One A per IPv4 and one AAAA per IPv6 address of ADDRS (spec 9.2), in their order. */
void plan_addrs(struct planner *p, enum ucp_view view, const char *owner, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why);
/* As plan_addrs(), for an owner whose node the caller holds. */
void plan_addrs_at(struct planner *p, enum ucp_view view, struct pname *node, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why);
/* The node of sip.<d> for sip.domains entry I. */
struct pname *plan_sip_name(struct planner *p, size_t i);
/* The node of autodiscover.<d> for effective SMTP domain I (p->smtp, set by plan_exchange). */
struct pname *plan_autodiscover_name(struct planner *p, size_t i);
/* The node of sip.domains entry I (its name a tail of sip.<d>'s when that is made). */
struct pname *plan_sip_domain(struct planner *p, size_t i);
/* The node of effective SMTP domain I (its name a tail of autodiscover.<d>'s when that is made). */
struct pname *plan_smtp_domain(struct planner *p, size_t i);
/* A new set (plan_set_new) holding the names on certificate C's SAN. */
uint32_t plan_cert_set(struct planner *p, const struct ucp_cert *c);
/* The first record of OWNER in VIEW (follow next_same_owner), or NULL. */
struct prec *plan_owner(const struct planner *p, enum ucp_view view, const char *owner);

/* True when a descriptor row that applies WHEN is planned. */
bool plan_sip_wanted(const struct planner *p, enum ucp_when when);
/* The addresses an Edge service's name has from the Internet: public_ip behind NAT, else ip. */
const struct ucp_str *plan_edge_public(const struct ucp_host *h);

/* Planning stages, in the order they run. */
void plan_check_settings(struct planner *p);
void plan_check_addresses(struct planner *p);
void plan_sip(struct planner *p);
void plan_exchange(struct planner *p);
void plan_extra_records(struct planner *p);
void plan_mx_check(struct planner *p);
void plan_zones(struct planner *p);
void plan_certificates(struct planner *p);
void plan_endpoints(struct planner *p);
void plan_publishing(struct planner *p);
void plan_exchange_urls(struct planner *p);
/* Lays the zones out for output, or gives them to the run's sink, the name table gone: the last stage of a plan. */
void plan_emit(struct planner *p);

/* The first planned certificate bound to ROLE, or NULL. */
const struct ucp_cert *plan_cert_for(const struct planner *p, enum ucp_role role);
/* The planned certificate called NAME, or NULL. */
const struct ucp_cert *plan_cert(const struct planner *p, const char *name);
/* True when certificate C lists NAME in its SAN. */
bool plan_cert_has(const struct ucp_cert *c, const char *name);

/* Copies a vector of names into a plan array, each string into the plan's arena. */
const char *const *plan_names(struct planner *p, const struct ucp_ptrs *v);

#endif
