/*
 * Zones and views (spec 4.1, 4.2): derives the zone set, places every planned
 * record in the longest matching zone of its view, copies external records
 * into split-brain internal zones or cuts pin-point zones, delegates nested
 * zones with glue, sorts everything canonically and checks the DNS rules that
 * need the whole picture (reference 12.1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"
#include "planner/internal.h"

/* A zone while it is built: three per tenant domain at hosting scale. */
struct zb {
	struct pname	*node;		/* its apex */
	uint32_t	 next_at_node;	/* the apex's zone in another view (zone_num()), or 0 */
	uint32_t	 first, last;	/* its records (plan_rec), linked through next_in_zone */
	uint32_t	 nrecs;
	uint8_t		 view;		/* enum ucp_view */
	bool		 pinpoint;
	bool		 catalog;
};

_Static_assert(sizeof(struct zb) <= 32, "a zone being built is four words");

/* Zones per chunk of p->zbs. */
#define ZB_CHUNK 4096

/* Zone ID (zone_get), or NULL for 0. */
static struct zb *
zone_num(const struct planner *p, uint32_t id)
{
	return plan_chunks_at(&p->zbs, ZB_CHUNK, sizeof(struct zb), id);
}

/* Appends record ID to Z's records. */
static void
zone_add(const struct planner *p, struct zb *z, uint32_t id)
{
	plan_rec(p, id)->next_in_zone = 0;
	if (z->last != 0)
		plan_rec(p, z->last)->next_in_zone = id;
	else
		z->first = id;
	z->last = id;
	if (++z->nrecs == UINT32_MAX)
		ucp_oom();
}

/* A view's zones, in the order they were made (each is also one of its apex node's zones). */
struct view_zones {
	enum ucp_view		 view;
	struct plan_vec		 list;	/* struct zb * */
};

/* N's zone in VIEW, or NULL. */
static struct zb *
zone_at(const struct planner *p, const struct pname *n, enum ucp_view view)
{
	struct zb *z;

	for (z = zone_num(p, n->zones); z != NULL && z->view != view; z = zone_num(p, z->next_at_node))
		;
	return z;
}

/* The longest suffix of N's name (or the name itself) in the derived zone set, or NULL. */
static struct pname *
zone_of(struct planner *p, struct pname *n)
{
	for (; n != NULL; n = plan_name_up(p, n))
		if (n->flags & PN_ZONE_SET)
			return n;
	return NULL;
}

/* The view's zone at the longest suffix of N's name, or NULL. */
static struct zb *
longest(struct planner *p, const struct view_zones *vz, struct pname *n)
{
	struct zb *z;

	for (; n != NULL; n = plan_name_up(p, n))
		if (n->zones != 0 && (z = zone_at(p, n, vz->view)) != NULL)
			return z;
	return NULL;
}

/*
 * As longest(), for a name that may have no node (NAME is not added): the walk
 * starts at its nearest suffix that has one. *NODE is NAME's node or NULL.
 */
static struct zb *
longest_name(struct planner *p, const struct view_zones *vz, const char *name, struct pname **node)
{
	const char *s;
	struct pname *n;

	*node = NULL;
	for (s = name; s != NULL; s = ucp_name_parent(s)) {
		if ((n = plan_name_find(p, s)) != NULL) {
			if (s == name)
				*node = n;
			return longest(p, vz, n);
		}
	}
	return NULL;
}

/* The types planned at NODE in VIEW (none without a node). */
static unsigned
types_at(const struct pname *node, enum ucp_view view)
{
	return node != NULL ? node->types[view] : 0;
}

static struct zb *
zone_get(struct planner *p, struct view_zones *vz, struct pname *n, bool pinpoint)
{
	struct zb *z = zone_at(p, n, vz->view);

	if (z == NULL) {
		if (p->zbs.len >= UINT32_MAX - 1)
			ucp_oom();
		z = plan_chunks_new(&p->zbs, ZB_CHUNK, sizeof(struct zb));
		z->node = n;
		z->view = (uint8_t)vz->view;
		z->pinpoint = pinpoint;
		z->next_at_node = n->zones;
		n->zones = (uint32_t)p->zbs.len;
		plan_vec_add(&vz->list, z);
	}
	return z;
}

/* How many labels NAME's last label that starts with an underscore and those before it make (0: none). */
static size_t
last_underscore_label(const char *name)
{
	size_t label = 1, last = 0;
	const char *s;

	for (s = name; *s != '\0'; s++) {
		if (s == name || s[-1] == '.') {
			if (*s == '_')
				last = label;
			label++;
		}
	}
	return last;
}

/*
 * The node of ZONE, the tail of N's name below its last underscore label,
 * added when new. N's parent is found on the way and kept on N (PN_PARENT):
 * the nearest suffix that has a node, ZONE's unless a name between has one,
 * so the walks from N that follow need no lookup. It stays the nearest: a
 * name between N and ZONE has an underscore label and ends in ZONE, which
 * has none, and no zone derivation adds is such a name (each has no
 * underscore label, or ends in one).
 */
static struct pname *
zone_below(struct planner *p, struct pname *n, const char *zone)
{
	uint32_t up = 0, z;
	const char *s = n->name;

	if (n->flags & PN_PARENT)
		return plan_name_owned(p, zone);
	while ((s = plan_name_tail(s)) != zone && (up = plan_name_find_id(p, s)) == 0)
		;
	z = plan_name_owned_id(p, zone);
	n->parent = up != 0 ? up : z;
	n->flags |= PN_PARENT;
	return plan_node(p, z);
}

static void
derive_zone_set(struct planner *p)
{
	const struct ucp_model *m = p->m;
	size_t i, v;

	if (m->dns.zones.len > 0) {
		for (i = 0; i < m->dns.zones.len; i++)
			plan_name(p, m->dns.zones.items[i].v)->flags |= PN_ZONE_SET;
		return;
	}
	for (i = 0; i < m->sip.domains.len; i++)
		plan_sip_domain(p, i)->flags |= PN_ZONE_SET;
	/* The SMTP domains are the SIP domains unless exchange.smtp_domains lists its own. */
	for (i = 0; p->smtp.items != m->sip.domains.items && i < p->smtp.len; i++)
		plan_smtp_domain(p, i)->flags |= PN_ZONE_SET;
	/*
	 * Every other host name's parent. A service owner such as
	 * _sip._tls.example.org or sel._domainkey.example.org derives the
	 * domain below its last underscore label.
	 */
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		for (i = 0; i < p->recs[v].len; i++) {
			const struct prec *r = plan_rec(p, p->recs[v].items[i]);
			const char *zone = NULL;
			size_t below;

			if (r->node->flags & PN_ZONE_SET)
				continue;
			/*
			 * Read off the string: the walk up stops at the zone, not at
			 * the root, and no name on the way needs a node.
			 */
			if ((below = last_underscore_label(r->node->name)) > 0)
				for (zone = r->node->name; zone != NULL && below-- > 0;)
					zone = plan_name_tail(zone);
			if (zone != NULL) {
				if (ucp_name_labels(zone) >= 2)
					zone_below(p, r->node, zone)->flags |= PN_ZONE_SET;
				continue;
			}
			/*
			 * Else its parent (itself under a top-level label), whose node
			 * the name keeps: the nearest suffix that has one, found here
			 * once for all its records.
			 */
			if (!(r->node->flags & PN_PARENT)) {
				zone = plan_name_tail(r->node->name);
				if (zone == NULL || ucp_name_labels(zone) < 2) {
					if (ucp_name_labels(r->node->name) >= 2)
						r->node->flags |= PN_ZONE_SET;
					continue;
				}
				r->node->parent = plan_name_owned_id(p, zone);
				r->node->flags |= PN_PARENT;
			}
			plan_node(p, r->node->parent)->flags |= PN_ZONE_SET;
		}
	}
}

/* Puts record ID into Z, the longest of the view's zones above it (NULL: none, reported). */
static void
place_in(struct planner *p, struct zb *z, uint32_t id)
{
	const struct prec *r = plan_rec(p, id);

	if (z == NULL) {
		plan_report(p, UCP_R_DNS_NO_ZONE, r->loc, "%s (%s, %s view) lies in none of the zones %s",
		    r->node->name, ucp_rrtype_name(r->type), ucp_view_name(r->view),
		    p->m->dns.zones.len > 0 ? "in dns.zones" : "ucplan derives: list its zone in dns.zones");
		return;
	}
	zone_add(p, z, id);
}

static void
build_external(struct planner *p, struct view_zones *vz)
{
	size_t i;

	for (i = 0; i < p->recs[UCP_VIEW_EXTERNAL].len; i++) {
		uint32_t id = p->recs[UCP_VIEW_EXTERNAL].items[i];
		struct pname *zn = zone_of(p, plan_rec(p, id)->node);

		/*
		 * The external view's zones all come from the set, so the longest of
		 * them above the record is the one just found: no second walk up its
		 * name.
		 */
		place_in(p, zn != NULL ? zone_get(p, vz, zn, false) : NULL, id);
	}
}

static void
build_internal(struct planner *p, const struct view_zones *ext, struct view_zones *vz)
{
	const struct plan_ids *in = &p->recs[UCP_VIEW_INTERNAL];
	bool pinpoint = p->m->dns.style == UCP_STYLE_PINPOINT;
	size_t i;

	if (!pinpoint)
		for (i = 0; i < ext->list.len; i++)
			zone_get(p, vz, ((const struct zb *)ext->list.items[i])->node, false);
	for (i = 0; i < in->len; i++) {
		const struct prec *r = plan_rec(p, in->items[i]);
		struct pname *zn = zone_of(p, r->node);

		if (zn == NULL)
			continue;	/* reported by place_in() */
		if (pinpoint && zone_at(p, zn, UCP_VIEW_EXTERNAL) != NULL)
			zone_get(p, vz, r->node, true);
		else
			zone_get(p, vz, zn, false);
	}
	for (i = 0; i < in->len; i++)
		place_in(p, longest(p, vz, plan_rec(p, in->items[i])->node), in->items[i]);
	if (pinpoint)
		return;
	/* Split-brain: every external node without internal records is copied. */
	for (i = 0; i < p->recs[UCP_VIEW_EXTERNAL].len; i++) {
		const struct prec *r = plan_rec(p, p->recs[UCP_VIEW_EXTERNAL].items[i]);
		struct prec *copy;
		struct zb *z;
		uint32_t id;

		if (r->external_only || r->node->first[UCP_VIEW_INTERNAL] != 0)
			continue;
		if ((z = longest(p, vz, r->node)) == NULL)
			continue;
		/* A record never moves: R stays valid while records are added. */
		id = plan_prec_new(p, UCP_VIEW_INTERNAL, r->node, r->type, r->data,
		    r->extra ? "copy of the external record" : r->why, r->loc);
		copy = plan_rec(p, id);
		copy->ttl = r->ttl;
		copy->target = r->target;
		copy->extra = r->extra;
		copy->copy = true;
		zone_add(p, z, id);
	}
}

static const struct ucp_strs *
view_ns(const struct planner *p, enum ucp_view view)
{
	return view == UCP_VIEW_INTERNAL ? &p->m->dns.int_ns : &p->m->dns.ext_ns;
}

static void
delegate(struct planner *p, enum ucp_view view, struct view_zones *vz)
{
	const struct ucp_strs *ns = view_ns(p, view);
	size_t i, j, n = vz->list.len;
	const struct prec *r;

	for (i = 0; i < n; i++) {
		struct zb *child = (struct zb *)vz->list.items[i];
		struct pname *up = plan_name_up(p, child->node);
		struct zb *parent = up != NULL ? longest(p, vz, up) : NULL;

		if (parent == NULL)
			continue;
		for (j = 0; j < ns->len; j++) {
			const char *target = ns->items[j].v;
			bool glued = false;

			zone_add(p, parent, plan_prec_new(p, view, child->node, UCP_RR_NS,
			    ucp_arena_printf(p->a, "%s.", target), "delegation of the nested zone", &ns->items[j].loc));
			if (!ucp_name_in(target, child->node->name))
				continue;
			for (r = plan_rec(p, child->first); r != NULL; r = plan_rec(p, r->next_in_zone)) {
				if (strcmp(r->node->name, target) != 0 ||
				    (r->type != UCP_RR_A && r->type != UCP_RR_AAAA))
					continue;
				zone_add(p, parent, plan_prec_new(p, view, r->node, r->type, r->data, "glue", r->loc));
				glued = true;
			}
			if (!glued)
				plan_report(p, UCP_R_DNS_GLUE, &ns->items[j].loc,
				    "nameserver %s lies inside the delegated zone %s (%s view) and has no address for glue: "
				    "add an A or AAAA record for it in dns.records", target, child->node->name,
				    ucp_view_name(view));
		}
	}
}

static int
cmp_prec(const void *pa, const void *pb)
{
	const struct prec *a = *(const struct prec *const *)pa, *b = *(const struct prec *const *)pb;
	int c = ucp_name_compare(a->node->name, b->node->name);

	if (c != 0)
		return c;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if ((c = strcmp(a->data, b->data)) != 0)
		return c;
	/* Whatever the sort, records equal so far come out in one order: their text differs only here. */
	if (a->ttl != b->ttl)
		return a->ttl < b->ttl ? -1 : 1;
	return strcmp(a->why, b->why);
}

static int
cmp_zone(const void *pa, const void *pb)
{
	const struct zb *a = *(const struct zb *const *)pa, *b = *(const struct zb *const *)pb;

	return ucp_name_compare(a->node->name, b->node->name);
}

/* The target name of an SRV/MX/NS/CNAME record's data, without the trailing dot, into OUT. */
static const char *
data_target(const struct prec *r, char out[256])
{
	const char *sp = strrchr(r->data, ' ');
	const char *t = sp != NULL ? sp + 1 : r->data;
	size_t len = strlen(t);

	if (len > 0 && t[len - 1] == '.')
		len--;
	snprintf(out, 256, "%.*s", (int)len, t);
	return out;
}

#define CAS_ARRAY "RPC Client Access array"

struct srv_port {
	const char	*prefix;
	unsigned	 port;
	bool		 sip;		/* D2: target in the SRV's own domain */
	bool		 strict;	/* D3: strict naming */
};

static const struct srv_port srv_ports[] = {
	{ "_sipinternaltls._tcp.", 5061, true, true },
	{ "_sipinternal._tcp.", 5060, true, false },
	{ "_sip._tls.", 443, true, true },
	{ "_sipfederationtls._tcp.", 5061, true, false },
	{ "_xmpp-server._tcp.", 5269, false, false },
	{ "_ntp._udp.", 123, false, false },
	{ "_autodiscover._tcp.", 443, false, false },
};

/*
 * The priority, weight and port at the start of an SRV record's DATA, as
 * sscanf("%u %u %u") reads them (strtoul() is its definition of %u), without
 * scanf's machinery: three per tenant domain.
 */
static bool
srv_numbers(const char *data, unsigned *prio, unsigned *weight, unsigned *port)
{
	unsigned *out[3] = { prio, weight, port };
	const char *s = data;
	char *end;
	size_t i;

	for (i = 0; i < 3; i++) {
		unsigned long v = strtoul(s, &end, 10);

		if (end == s)
			return false;
		*out[i] = (unsigned)v;
		s = end;
	}
	return true;
}

static void
check_srv(struct planner *p, const struct prec *r, const char *target)
{
	unsigned prio, weight, port;
	size_t i;

	if (!srv_numbers(r->data, &prio, &weight, &port))
		return;
	for (i = 0; i < sizeof(srv_ports) / sizeof(srv_ports[0]); i++) {
		const struct srv_port *s = &srv_ports[i];
		size_t n = strlen(s->prefix);
		const char *d;

		if (strncmp(r->node->name, s->prefix, n) != 0)
			continue;
		d = r->node->name + n;
		if (port != s->port)
			plan_report(p, UCP_R_DNS_SRV_PORT, r->loc, "%s must use port %u, not %u", r->node->name, s->port,
			    port);
		if (s->sip && !ucp_name_in(target, d))
			plan_report(p, UCP_R_DNS_SRV_DOMAIN, r->loc,
			    "%s targets %s, outside %s: clients refuse SRV targets outside the SIP domain",
			    r->node->name, target, d);
		if (s->strict && ucp_name_in(target, d) && strcmp(target, d) != 0) {
			const char *parent = ucp_name_parent(target);

			if (parent != NULL && strcmp(parent, d) != 0)
				plan_report(p, UCP_R_DNS_STRICT, r->loc,
				    "%s targets %s, more than one label below %s: strict DNS naming refuses it unless "
				    "clients set DisableStrictDNSNaming; use sip.%s", r->node->name, target, d, d);
		}
		return;
	}
}

/* Checks that need a view's full record set: targets, CNAMEs, SRV rules, internal names. */
static void
check_view(struct planner *p, const struct view_zones *vz, const struct ucp_strmap *internal_only)
{
	enum ucp_view view = vz->view;
	struct pname *last_node = NULL;
	const struct zb *last_zone = NULL;
	char last[256] = "";
	const struct prec *r;
	size_t i, j;

	/* The types at each name, kept on its node. */
	for (i = 0; i < vz->list.len; i++) {
		const struct zb *z = vz->list.items[i];

		z->node->types[view] |= 1u << UCP_RR_SOA | 1u << UCP_RR_NS;
		for (r = plan_rec(p, z->first); r != NULL; r = plan_rec(p, r->next_in_zone))
			r->node->types[view] |= 1u << r->type;
	}
	for (i = 0; i < vz->list.len; i++) {
		const struct zb *z = vz->list.items[i];

		for (r = plan_rec(p, z->first); r != NULL; r = plan_rec(p, r->next_in_zone)) {
			const char *target, *what;
			const struct zb *tzone;
			struct pname *tnode;
			char tbuf[256];
			unsigned t;

			if (r->type == UCP_RR_CNAME && (r->node->types[view] & ~(1u << UCP_RR_CNAME)))
				plan_report(p, UCP_R_DNS_CNAME, r->loc, "%s has a CNAME and other records in the %s view",
				    r->node->name, ucp_view_name(view));
			what = view == UCP_VIEW_EXTERNAL && (r->node->flags & PN_INTERNAL) ?
			    ucp_strmap_get(internal_only, r->node->name) : NULL;
			if (what != NULL)
				plan_report(p, strcmp(what, CAS_ARRAY) == 0 ? UCP_R_DNS_CAS_ARRAY : UCP_R_DNS_INTERNAL_NAME, r->loc,
				    "%s is an internal-only name (%s) and should not resolve in the external view",
				    r->node->name, what);
			if (view == UCP_VIEW_EXTERNAL && (r->type == UCP_RR_A || r->type == UCP_RR_AAAA) &&
			    ucp_addr_is_private(r->data))
				plan_report(p, UCP_R_DNS_INTERNAL_NAME, r->loc, "%s points to the private address %s in the "
				    "external view", r->node->name, r->data);
			if (r->type != UCP_RR_SRV && r->type != UCP_RR_MX)
				continue;
			target = data_target(r, tbuf);
			if (r->type == UCP_RR_SRV && !r->copy)
				check_srv(p, r, target);
			/*
			 * The target's node, kept by the stage that planned the record
			 * (the tenant's data in cache then), else looked up by name; a
			 * zone's SRV records mostly share their target, looked up once.
			 */
			if (r->target != NULL) {
				tzone = longest(p, vz, r->target);
				tnode = r->target;
			} else {
				if (strcmp(target, last) != 0) {
					snprintf(last, sizeof(last), "%s", target);
					last_zone = longest_name(p, vz, target, &last_node);
				}
				tzone = last_zone;
				tnode = last_node;
			}
			if (tzone == NULL)
				continue;
			t = types_at(tnode, view);
			if (t & (1u << UCP_RR_CNAME))
				plan_report(p, UCP_R_DNS_SRV_TARGET, r->loc, "the %s target %s of %s is a CNAME in the %s view",
				    ucp_rrtype_name(r->type), target, r->node->name, ucp_view_name(view));
			else if (!(t & (1u << UCP_RR_A | 1u << UCP_RR_AAAA)))
				plan_report(p, UCP_R_DNS_SRV_TARGET, r->loc, "the %s target %s of %s has no A or AAAA record "
				    "in the %s view", ucp_rrtype_name(r->type), target, r->node->name,
				    ucp_view_name(view));
		}
	}
	/* Apex nameservers inside one of the view's zones need addresses there. */
	{
		const struct ucp_strs *ns = view_ns(p, view);

		for (j = 0; j < ns->len; j++) {
			struct pname *nn;
			const struct zb *z = longest_name(p, vz, ns->items[j].v, &nn);

			if (z != NULL && !(types_at(nn, view) & (1u << UCP_RR_A | 1u << UCP_RR_AAAA)))
				plan_report(p, UCP_R_DNS_GLUE, &ns->items[j].loc, "nameserver %s lies in zone %s of the %s view "
				    "and has no address there: add an A or AAAA record for it in dns.records",
				    ns->items[j].v, z->node->name, ucp_view_name(view));
		}
	}
}

static void
internal_name(struct planner *p, struct ucp_strmap *map, const char *name, const char *what)
{
	struct pname *n = plan_name(p, name);

	n->flags |= PN_INTERNAL;
	ucp_strmap_put(map, n->name, (void *)what);
}

static void
internal_only_names(struct planner *p, struct ucp_strmap *map)
{
	const struct ucp_model *m = p->m;
	size_t i;

#define ADD(name, what) do { if ((name) != NULL) internal_name(p, map, (name), (what)); } while (0)
	ADD(m->sip.pool_fqdn.v, "pool");
	ADD(p->web_int_fqdn, "internal web farm");
	for (i = 0; i < m->sip.nservers; i++)
		ADD(m->sip.servers[i].fqdn.v, "front-end server");
	ADD(m->sip.director.fqdn.v, "Director");
	ADD(p->dir_web_fqdn, "Director internal web services");
	for (i = 0; i < m->sip.ndirector_servers; i++)
		ADD(m->sip.director_servers[i].fqdn.v, "Director server");
	ADD(m->sip.edge_internal.fqdn.v, "Edge internal interface");
	for (i = 0; i < m->sip.nedge_servers; i++)
		ADD(m->sip.edge_servers[i].fqdn.v, "Edge server");
	ADD(p->admin, "administration simple URL");
	for (i = 0; p->mobility && i < m->sip.domains.len; i++)
		ADD(p->discovers_int[i], "internal Autodiscover (mobility)");
	for (i = 0; i < m->exchange.ncas; i++)
		ADD(m->exchange.cas[i].fqdn.v, "Client Access server");
	ADD(m->exchange.cas_array.fqdn.v, CAS_ARRAY);
#undef ADD
}

/*
 * A member zone's id in the catalog: 64 bits of FNV-1a over its name, in hex.
 * It depends on the name alone, so a zone keeps its id from run to run and
 * secondaries never transfer it again for nothing.
 */
static void
member_id(const char *zone, char out[17])
{
	uint64_t h = 1469598103934665603ULL;

	for (; *zone; zone++) {
		h ^= (unsigned char)*zone;
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* A node for NAME (in the plan's arena) that no lookup finds: a catalog's owners are asked nothing. */
static struct pname *
loose_name(struct planner *p, const char *name)
{
	struct pname *n = UCP_ARENA_NEW(p->tmp, struct pname);

	n->name = name;
	return n;
}

/* The view's catalog zone (RFC 9432, spec 10.2): version "2" and one PTR per zone of the view. */
static void
add_catalog(struct planner *p, enum ucp_view view, struct view_zones *vz)
{
	const struct ucp_model *m = p->m;
	const char *name = m->dns.bind.catalog_zone.v != NULL ? m->dns.bind.catalog_zone.v :
	    ucp_arena_printf(p->a, "catalog.%s.ucplan.invalid", ucp_view_name(view));
	struct pname *node = plan_name(p, name);
	struct zb *cat;
	size_t i, n = vz->list.len;

	if (zone_at(p, node, view) != NULL) {
		plan_report(p, UCP_R_CONFIG_VALUE, &m->dns.bind.catalog_zone.loc, "the catalog zone %s is a zone of the %s "
		    "view: name another", name, ucp_view_name(view));
		return;
	}
	cat = zone_get(p, vz, node, false);
	cat->catalog = true;
	zone_add(p, cat, plan_prec_new(p, view, loose_name(p, ucp_arena_printf(p->a, "version.%s", name)), UCP_RR_TXT,
	    "\"2\"", "catalog zone schema version (RFC 9432)", &m->dns.bind.catalog_loc));
	for (i = 0; i < n; i++) {
		const struct zb *z = vz->list.items[i];
		char id[17];

		member_id(z->node->name, id);
		zone_add(p, cat, plan_prec_new(p, view, loose_name(p, ucp_arena_printf(p->a, "%s.zones.%s", id, name)),
		    UCP_RR_PTR, ucp_arena_printf(p->a, "%s.", z->node->name), "member zone: secondaries serve it",
		    &m->dns.bind.catalog_loc));
	}
}

/*
 * Lays out the zones of VIEW (LIST, struct zb *) for output in the plan, or,
 * when the run has a sink, gives each to it in turn and keeps none.
 */
static void
emit_view(struct planner *p, enum ucp_view view, struct plan_vec *list)
{
	struct ucp_view_plan *vp = &p->plan->views[view];
	const struct ucp_strs *ns = view_ns(p, view);
	const struct ucp_model *m = p->m;
	const char **nsnames, *rname, *mname;
	const struct prec **sorted = NULL;
	struct ucp_record *records = NULL;	/* a streamed zone's */
	struct ucp_zone one;
	bool sink = p->run->zone != NULL;
	size_t i, j, cap = 0;

	vp->name = ucp_view_name(view);
	if (view == UCP_VIEW_INTERNAL) {
		const char **clients = ucp_arena_alloc(p->a, sizeof(*clients) * (m->dns.clients.len + 1));

		for (i = 0; i < m->dns.clients.len; i++)
			clients[i] = ucp_arena_strdup(p->a, m->dns.clients.items[i].v);
		vp->clients = clients;
		vp->nclients = m->dns.clients.len;
	}
	nsnames = ucp_arena_alloc(p->a, sizeof(*nsnames) * (ns->len + 1));
	for (i = 0; i < ns->len; i++)
		nsnames[i] = ucp_arena_strdup(p->a, ns->items[i].v);
	mname = ns->len > 0 ? ucp_arena_printf(p->a, "%s.", ns->items[0].v) : NULL;
	if (m->dns.contact.v != NULL)
		rname = ucp_arena_strdup(p->a, m->dns.contact.v);
	else if (p->default_domain != NULL)
		rname = ucp_arena_printf(p->a, "hostmaster.%s.", p->default_domain);
	else if (p->smtp.len > 0)
		rname = ucp_arena_printf(p->a, "hostmaster.%s.", p->smtp.items[0].v);
	else
		rname = NULL;

	if (list->len > 1)
		qsort(list->items, list->len, sizeof(list->items[0]), cmp_zone);
	vp->nzones = sink ? 0 : list->len;
	vp->zones = sink ? NULL : ucp_arena_alloc(p->a, sizeof(*vp->zones) * (list->len + 1));
	for (i = 0; i < list->len; i++) {
		struct zb *z = (struct zb *)list->items[i];
		struct ucp_zone *out = sink ? &one : &vp->zones[i];
		const struct prec *r;

		if (z->nrecs > cap) {
			cap = z->nrecs;
			sorted = ucp_xrealloc(sorted, cap * sizeof(*sorted));
			if (sink)
				records = ucp_xrealloc(records, (cap + 1) * sizeof(*records));
		}
		if (sink)
			memset(out, 0, sizeof(*out));
		for (j = 0, r = plan_rec(p, z->first); r != NULL; r = plan_rec(p, r->next_in_zone))
			sorted[j++] = r;
		if (z->nrecs > 1)
			qsort(sorted, z->nrecs, sizeof(*sorted), cmp_prec);
		out->name = z->node->name;
		out->view = view;
		out->pinpoint = z->pinpoint;
		out->ttl = (uint32_t)m->dns.ttl.v;
		out->serial = p->serial;
		out->mname = mname != NULL ? mname : ucp_arena_printf(p->a, "%s.", z->node->name);
		out->rname = rname != NULL ? rname : ucp_arena_printf(p->a, "hostmaster.%s.", z->node->name);
		out->refresh = (uint32_t)m->dns.refresh.v;
		out->retry = (uint32_t)m->dns.retry.v;
		out->expire = (uint32_t)m->dns.expire.v;
		out->minimum = (uint32_t)m->dns.minimum.v;
		out->ns = nsnames;
		out->nns = ns->len;
		if (z->catalog) {
			static const char *const invalid[] = { "invalid" };

			/* RFC 9432 4.1: the catalog's NS is "invalid.": nobody resolves through it. */
			out->catalog = true;
			out->ns = invalid;
			out->nns = 1;
			p->plan->bind.views[view].catalog = z->node->name;
		}
		out->nrecords = z->nrecs;
		out->records = sink ? records : ucp_arena_alloc(p->a, sizeof(*out->records) * ((size_t)z->nrecs + 1));
		for (j = 0; j < z->nrecs; j++)
			out->records[j] = (struct ucp_record){ .owner = sorted[j]->node->name,
			    .type = (enum ucp_rrtype)sorted[j]->type, .ttl = sorted[j]->ttl, .data = sorted[j]->data,
			    .why = sorted[j]->why };
		if (sink)
			p->run->zone(p->run->ctx, view, out);
	}
	free(sorted);
	free(records);
}

void
plan_emit(struct planner *p)
{
	size_t v;

	/* Nothing looks a name up from here: at hosting scale the table is 8 MiB of the plan's peak. */
	plan_names_forget(p);
	/* In the order output lists them: a sink writes each zone as it comes. */
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		emit_view(p, ucp_view_order[v], &p->zones[ucp_view_order[v]]);
		plan_vec_free(&p->zones[ucp_view_order[v]]);
	}
	plan_chunks_free(&p->zbs, ZB_CHUNK);
}

/* The plan's own copy of a list of configuration strings. */
static const char *const *
dup_strs(struct planner *p, const struct ucp_strs *l)
{
	const char **v = ucp_arena_alloc(p->a, sizeof(*v) * (l->len + 1));
	size_t i;

	for (i = 0; i < l->len; i++)
		v[i] = ucp_arena_strdup(p->a, l->items[i].v);
	return v;
}

/* How named.conf takes the zones (spec 10.1): dns.bind as the generators need it. */
static void
plan_bind(struct planner *p)
{
	const struct ucp_model *m = p->m;
	struct ucp_bind_conf *b = &p->plan->bind;
	size_t v;

	b->mode = m->dns.bind.mode;
	b->acl = ucp_arena_strdup(p->a, m->dns.bind.acl.v != NULL ? m->dns.bind.acl.v : "ucplan-internal");
	b->view_includes = dup_strs(p, &m->dns.bind.view_includes);
	b->nview_includes = m->dns.bind.view_includes.len;
	b->zone_directory = m->dns.bind.zone_directory.v != NULL ? ucp_arena_strdup(p->a, m->dns.bind.zone_directory.v) :
	    NULL;
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		struct ucp_bind_view *bv = &b->views[v];

		bv->name = ucp_arena_strdup(p->a, m->dns.bind.views[v].v != NULL ? m->dns.bind.views[v].v :
		    ucp_view_name((enum ucp_view)v));
		bv->primaries = dup_strs(p, &m->dns.bind.primaries[v]);
		bv->nprimaries = m->dns.bind.primaries[v].len;
		bv->also_notify = dup_strs(p, &m->dns.bind.also_notify[v]);
		bv->nalso_notify = m->dns.bind.also_notify[v].len;
		bv->allow_transfer = dup_strs(p, &m->dns.bind.allow_transfer[v]);
		bv->nallow_transfer = m->dns.bind.allow_transfer[v].len;
	}
}

void
plan_zones(struct planner *p)
{
	struct view_zones vz[UCP_VIEW_COUNT];
	struct ucp_strmap internal_only;
	size_t i;
	int v;

	ucp_strmap_init(&internal_only);
	memset(vz, 0, sizeof(vz));
	for (v = 0; v < UCP_VIEW_COUNT; v++)
		vz[v].view = (enum ucp_view)v;

	if (p->m->dns.ext_ns.len == 1)
		plan_report(p, UCP_R_DNS_NS_COUNT, &p->m->dns.ext_ns.loc, "the external view has one name server: RFC 2182 "
		    "asks for at least two, on different networks, so the zones stay reachable when one fails");
	derive_zone_set(p);
	build_external(p, &vz[UCP_VIEW_EXTERNAL]);
	build_internal(p, &vz[UCP_VIEW_EXTERNAL], &vz[UCP_VIEW_INTERNAL]);
	for (i = 0; i < p->m->dns.zones.len; i++) {
		const struct ucp_str *z = &p->m->dns.zones.items[i];
		const struct pname *n = plan_name_find(p, z->v);

		if (n == NULL || n->zones == 0)
			plan_report(p, UCP_R_DNS_EMPTY_ZONE, &z->loc, "zone %s holds no records in either view and is not "
			    "generated", z->v);
	}
	internal_only_names(p, &internal_only);
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		delegate(p, (enum ucp_view)v, &vz[v]);
		check_view(p, &vz[v], &internal_only);
		if (p->m->dns.bind.catalog && vz[v].list.len > 0)
			add_catalog(p, (enum ucp_view)v, &vz[v]);
	}
	/*
	 * Every record is placed and checked. The zones' sorted copies are for
	 * output, laid out once the last stage is done (plan_emit), when the
	 * planner's indexes are gone; check needs only what was found above,
	 * and its zones go now.
	 */
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		plan_ids_free(&p->recs[v]);
		if (!p->run->diagnostics_only) {
			p->zones[v] = vz[v].list;
			continue;
		}
		for (i = 0; i < vz[v].list.len; i++)
			((const struct zb *)vz[v].list.items[i])->node->zones = 0;
		plan_vec_free(&vz[v].list);
	}
	if (p->run->diagnostics_only)
		plan_chunks_free(&p->zbs, ZB_CHUNK);
	ucp_strmap_clear(&internal_only);
	plan_bind(p);
}
