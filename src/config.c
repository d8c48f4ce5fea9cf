/*
 * Loading a libconfig file into the typed model. The schema below is checked
 * first (unknown settings, types, required settings), then each value is
 * converted and checked (names, addresses, ranges, duplicates). All problems are
 * reported; a bad value is left unset in the model. This is the only file that
 * includes libconfig.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ucplan/buf.h"
#include "model.h"
#include "name.h"
#include "strmap.h"
#include "ucplan/rules.h"

enum stype {
	S_GROUP,
	S_STRING,
	S_INT,
	S_BOOL,
	S_STRINGS,	/* array of strings */
	S_GROUPS,	/* list of groups */
	S_SERIAL,	/* "auto" or an int */
	S_MAP,		/* a group of string settings with free names (lint) */
	S_ADDRS,	/* an address, or an array of addresses */
};

/* One word per value of a string enumeration. */
struct choice {
	const char	*word;
	int		 value;
};

static const struct choice styles[] = {
	{ "split-brain", UCP_STYLE_SPLIT_BRAIN }, { "pinpoint", UCP_STYLE_PINPOINT }, { NULL, 0 },
};


static const struct choice editions[] = {
	{ "standard", UCP_EDITION_STANDARD }, { "enterprise", UCP_EDITION_ENTERPRISE }, { NULL, 0 },
};

static const struct choice lbs[] = {
	{ "hardware", UCP_LB_HARDWARE }, { "dns", UCP_LB_DNS }, { "nlb", UCP_LB_NLB }, { "none", UCP_LB_NONE },
	{ NULL, 0 },
};


static const struct choice autodiscover[] = {
	{ "a", UCP_AUTODISCOVER_A }, { "cname", UCP_AUTODISCOVER_CNAME }, { "srv", UCP_AUTODISCOVER_SRV },
	{ NULL, 0 },
};

static const struct choice rp_products[] = {
	{ "isa2004", UCP_RP_ISA2004 }, { "isa2006", UCP_RP_ISA2006 }, { "isa2006sp1", UCP_RP_ISA2006SP1 },
	{ "tmg2010", UCP_RP_TMG2010 }, { "iis-arr", UCP_RP_IIS_ARR }, { "generic", UCP_RP_GENERIC }, { NULL, 0 },
};

static const struct choice auths[] = {
	{ "pass-through", UCP_AUTH_PASS_THROUGH }, { "fba", UCP_AUTH_FBA }, { NULL, 0 },
};

static const struct choice designs[] = {
	{ "single", UCP_DESIGN_SINGLE }, { "per-role", UCP_DESIGN_PER_ROLE }, { NULL, 0 },
};

static const struct choice webconfs[] = {
	{ "port-444", UCP_WEBCONF_PORT444 }, { "separate", UCP_WEBCONF_SEPARATE }, { NULL, 0 },
};

static const struct choice services[] = {
	{ "owa", UCP_SVC_OWA }, { "ecp", UCP_SVC_ECP }, { "activesync", UCP_SVC_ACTIVESYNC },
	{ "outlook-anywhere", UCP_SVC_OUTLOOK_ANYWHERE }, { "ews", UCP_SVC_EWS }, { "oab", UCP_SVC_OAB },
	{ "autodiscover", UCP_SVC_AUTODISCOVER }, { "mapi", UCP_SVC_MAPI }, { NULL, 0 },
};

static const struct choice bind_modes[] = {
	{ "views", UCP_BIND_VIEWS }, { "zones", UCP_BIND_ZONES }, { NULL, 0 },
};

static const struct choice view_choices[] = {
	{ "internal", 1 << UCP_VIEW_INTERNAL },
	{ "external", 1 << UCP_VIEW_EXTERNAL },
	{ "both", (1 << UCP_VIEW_INTERNAL) | (1 << UCP_VIEW_EXTERNAL) },
	{ NULL, 0 },
};

static bool
key_bits_ok(long long v)
{
	return v == 1024 || v == 2048 || v == 4096;
}

/*
 * One row per setting: its name and type, whether it is required, and for
 * what the loaders read from it the default, the range or the words it takes
 * and a further check. The loaders name a setting; everything else is here.
 */
struct schema {
	const char		*name;
	enum stype		 type;
	bool			 required;
	const struct schema	*sub;	/* S_GROUP children; S_GROUPS element children */
	long long		 def;	/* S_INT, S_BOOL; S_STRING with choices: the default value */
	long long		 min, max;	/* S_INT, S_SERIAL */
	const struct choice	*choices;	/* S_STRING: the words it takes */
	bool			 (*check)(long long);	/* S_INT: a further check */
	const char		*check_text;	/* what the check wants, for its message */
	const char		*def_text;	/* S_STRING: the default text */
	const char		*charset;	/* S_STRING: the only characters it may hold */
	size_t			 max_len;	/* S_STRING: at most this many bytes (0: no limit) */
};

#define END { .name = NULL }

static const struct schema host_schema[] = {
	{ .name = "fqdn", .type = S_STRING, .required = true },
	{ .name = "ip", .type = S_ADDRS, .required = true },
	END
};
static const struct schema access_schema[] = {
	{ .name = "fqdn", .type = S_STRING },
	{ .name = "ip", .type = S_ADDRS, .required = true },
	{ .name = "public_ip", .type = S_ADDRS },
	END
};
static const struct schema webconf_schema[] = {
	{ .name = "fqdn", .type = S_STRING, .required = true },
	{ .name = "ip", .type = S_ADDRS, .required = true },
	{ .name = "public_ip", .type = S_ADDRS },
	{ .name = "port", .type = S_INT, .def = 443, .min = 1, .max = 65535 },
	END
};
static const struct schema av_schema[] = {
	{ .name = "fqdn", .type = S_STRING, .required = true },
	{ .name = "ip", .type = S_ADDRS, .required = true },
	{ .name = "public_ip", .type = S_ADDRS },
	{ .name = "auth_port", .type = S_INT, .def = 5062, .min = 1, .max = 65535 },
	END
};
static const struct schema org_schema[] = {
	{ .name = "name", .type = S_STRING },
	{ .name = "unit", .type = S_STRING },
	{ .name = "locality", .type = S_STRING },
	{ .name = "state", .type = S_STRING },
	{ .name = "country", .type = S_STRING },
	END
};
static const struct schema soa_schema[] = {
	{ .name = "refresh", .type = S_INT, .def = 3600, .min = 1, .max = 2147483647 },
	{ .name = "retry", .type = S_INT, .def = 600, .min = 1, .max = 2147483647 },
	{ .name = "expire", .type = S_INT, .def = 1209600, .min = 1, .max = 2147483647 },
	{ .name = "minimum", .type = S_INT, .def = 300, .min = 0, .max = 2147483647 },
	END
};
static const struct schema dns_internal_schema[] = {
	{ .name = "nameservers", .type = S_STRINGS, .required = true },
	{ .name = "clients", .type = S_STRINGS, .required = true },
	{ .name = "style", .type = S_STRING, .choices = styles, .def = UCP_STYLE_SPLIT_BRAIN },
	END
};
static const struct schema dns_external_schema[] = {
	{ .name = "nameservers", .type = S_STRINGS, .required = true },
	END
};
static const struct schema record_schema[] = {
	{ .name = "view", .type = S_STRING, .required = true, .choices = view_choices },
	{ .name = "name", .type = S_STRING, .required = true },
	{ .name = "type", .type = S_STRING, .required = true },
	{ .name = "data", .type = S_STRING, .required = true },
	{ .name = "ttl", .type = S_INT, .def = 0, .min = 0, .max = 2147483647 },
	END
};
/* Names BIND takes unquoted in its own messages too: views and acls. */
#define BIND_NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
static const struct schema bind_views_schema[] = {
	{ .name = "internal", .type = S_STRING, .def_text = "internal", .charset = BIND_NAME_CHARS, .max_len = 64 },
	{ .name = "external", .type = S_STRING, .def_text = "external", .charset = BIND_NAME_CHARS, .max_len = 64 },
	END
};
static const struct schema bind_per_view_schema[] = {
	{ .name = "internal", .type = S_STRINGS },
	{ .name = "external", .type = S_STRINGS },
	END
};
static const struct schema bind_schema[] = {
	{ .name = "views", .type = S_GROUP, .sub = bind_views_schema },
	{ .name = "acl", .type = S_STRING, .def_text = "ucplan-internal", .charset = BIND_NAME_CHARS, .max_len = 64 },
	{ .name = "mode", .type = S_STRING, .choices = bind_modes, .def = UCP_BIND_VIEWS },
	{ .name = "view_includes", .type = S_STRINGS },
	{ .name = "zone_directory", .type = S_STRING },
	{ .name = "primaries", .type = S_GROUP, .sub = bind_per_view_schema },
	{ .name = "also_notify", .type = S_GROUP, .sub = bind_per_view_schema },
	{ .name = "allow_transfer", .type = S_GROUP, .sub = bind_per_view_schema },
	{ .name = "catalog", .type = S_BOOL, .def = false },
	{ .name = "catalog_zone", .type = S_STRING },
	END
};
static const struct schema dns_schema[] = {
	{ .name = "ttl", .type = S_INT, .def = 3600, .min = 0, .max = 2147483647 },
	{ .name = "serial", .type = S_SERIAL, .def = 0, .min = 0, .max = 4294967295LL },
	{ .name = "contact", .type = S_STRING },
	{ .name = "soa", .type = S_GROUP, .sub = soa_schema },
	{ .name = "zones", .type = S_STRINGS },
	{ .name = "internal", .type = S_GROUP, .required = true, .sub = dns_internal_schema },
	{ .name = "external", .type = S_GROUP, .required = true, .sub = dns_external_schema },
	{ .name = "records", .type = S_GROUPS, .sub = record_schema },
	{ .name = "bind", .type = S_GROUP, .sub = bind_schema },
	END
};
/* pool.ip is required unless load_balancer = "dns" (checked by the planner). */
static const struct schema pool_schema[] = {
	{ .name = "fqdn", .type = S_STRING, .required = true },
	{ .name = "ip", .type = S_ADDRS },
	{ .name = "load_balancer", .type = S_STRING, .choices = lbs, .def = UCP_LB_HARDWARE },
	{ .name = "servers", .type = S_GROUPS, .sub = host_schema },
	{ .name = "web_fqdn", .type = S_STRING },
	{ .name = "web_ip", .type = S_ADDRS },
	END
};
static const struct schema director_schema[] = {
	{ .name = "fqdn", .type = S_STRING, .required = true },
	{ .name = "ip", .type = S_ADDRS, .required = true },
	{ .name = "servers", .type = S_GROUPS, .sub = host_schema },
	{ .name = "web_fqdn", .type = S_STRING },
	{ .name = "web_ip", .type = S_ADDRS },
	{ .name = "web_external_fqdn", .type = S_STRING },
	END
};
static const struct schema web_schema[] = {
	{ .name = "internal_fqdn", .type = S_STRING },
	{ .name = "external_fqdn", .type = S_STRING },
	END
};
static const struct schema simple_urls_schema[] = {
	{ .name = "meet", .type = S_STRING, .def_text = "meet" },
	{ .name = "dialin", .type = S_STRING },
	{ .name = "admin", .type = S_STRING },
	END
};
static const struct schema edge_schema[] = {
	{ .name = "internal", .type = S_GROUP, .sub = host_schema },
	{ .name = "access", .type = S_GROUP, .sub = access_schema },
	{ .name = "webconf", .type = S_GROUP, .sub = webconf_schema },
	{ .name = "av", .type = S_GROUP, .sub = av_schema },
	{ .name = "servers", .type = S_GROUPS, .sub = host_schema },
	{ .name = "federation", .type = S_BOOL, .def = true },
	END
};
static const struct schema sip_schema[] = {
	{ .name = "product", .type = S_STRING, .required = true },
	{ .name = "domains", .type = S_STRINGS, .required = true },
	{ .name = "edition", .type = S_STRING, .required = true, .choices = editions, .def = UCP_EDITION_STANDARD },
	{ .name = "pool", .type = S_GROUP, .required = true, .sub = pool_schema },
	{ .name = "director", .type = S_GROUP, .sub = director_schema },
	{ .name = "tcp", .type = S_BOOL, .def = false },
	{ .name = "device_updates", .type = S_BOOL, .def = false },
	{ .name = "web", .type = S_GROUP, .sub = web_schema },
	{ .name = "simple_urls", .type = S_GROUP, .sub = simple_urls_schema },
	{ .name = "mobility", .type = S_BOOL, .def = false },
	{ .name = "xmpp", .type = S_BOOL, .def = false },
	{ .name = "office_web_apps", .type = S_GROUP, .sub = host_schema },
	{ .name = "edge", .type = S_GROUP, .sub = edge_schema },
	END
};
static const struct schema mx_schema[] = {
	{ .name = "host", .type = S_STRING, .required = true },
	{ .name = "preference", .type = S_INT, .def = 10, .min = 0, .max = 65535 },
	{ .name = "ip", .type = S_ADDRS },
	END
};
static const struct schema exchange_schema[] = {
	{ .name = "version", .type = S_STRING, .required = true },
	{ .name = "external_fqdn", .type = S_STRING, .required = true },
	{ .name = "smtp_domains", .type = S_STRINGS },
	{ .name = "autodiscover", .type = S_STRING, .choices = autodiscover, .def = UCP_AUTODISCOVER_A },
	{ .name = "mx", .type = S_GROUP, .sub = mx_schema },
	{ .name = "cas", .type = S_GROUPS, .required = true, .sub = host_schema },
	{ .name = "cas_vip", .type = S_ADDRS },
	{ .name = "cas_array", .type = S_GROUP, .sub = host_schema },
	{ .name = "services", .type = S_STRINGS, .choices = services },
	END
};
static const struct schema rp_schema[] = {
	{ .name = "product", .type = S_STRING, .required = true, .choices = rp_products, .def = UCP_RP_TMG2010 },
	{ .name = "external_ip", .type = S_ADDRS, .required = true },
	{ .name = "listener", .type = S_STRING, .def_text = "ucplan-listener", .max_len = 64,
	  .charset = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_" },
	{ .name = "authentication", .type = S_STRING, .choices = auths, .def = UCP_AUTH_PASS_THROUGH },
	END
};
static const struct schema certs_schema[] = {
	{ .name = "design", .type = S_STRING, .choices = designs, .def = UCP_DESIGN_SINGLE },
	{ .name = "webconf", .type = S_STRING, .choices = webconfs, .def = UCP_WEBCONF_PORT444 },
	{ .name = "key_bits", .type = S_INT, .def = 2048, .min = 0, .max = 65536, .check = key_bits_ok,
	  .check_text = "1024, 2048 or 4096" },
	{ .name = "public_ca", .type = S_BOOL, .def = true },
	END
};
static const struct schema top_schema[] = {
	{ .name = "ucplan", .type = S_INT, .required = true },
	{ .name = "organization", .type = S_GROUP, .sub = org_schema },
	{ .name = "dns", .type = S_GROUP, .required = true, .sub = dns_schema },
	{ .name = "sip", .type = S_GROUP, .sub = sip_schema },
	{ .name = "exchange", .type = S_GROUP, .sub = exchange_schema },
	{ .name = "reverse_proxy", .type = S_GROUP, .sub = rp_schema },
	{ .name = "certificates", .type = S_GROUP, .sub = certs_schema },
	{ .name = "lint", .type = S_MAP },
	END
};

static const char *const type_words[] = {
	[S_GROUP] = "a group { ... }",
	[S_STRING] = "a string",
	[S_INT] = "an integer",
	[S_BOOL] = "a boolean (true or false)",
	[S_STRINGS] = "an array of strings [ ... ]",
	[S_GROUPS] = "a list of groups ( { ... }, ... )",
	[S_SERIAL] = "\"auto\" or an integer",
	[S_MAP] = "a group of strings",
	[S_ADDRS] = "an address string or an array of them [ ... ]",
};

/* A configuration source file (the main one or an include) and its text. */
struct source {
	const char	*file;		/* as diagnostics name it */
	char		*text;		/* NUL-terminated; NULL when unreadable */
	dev_t		 dev;
	ino_t		 ino;
};

struct loader {
	struct ucp_model	*m;
	struct ucp_diags	*diags;
	const char		*path;		/* main file as given */
	char			*dir;		/* its directory, for includes */
	const char		*last_file;	/* interned copy of the last source file */
	const char		*last_src;
	struct source		*sources;	/* every file read, while the includes are checked */
	size_t			 nsources;
	char			*line;		/* a source line read again (int_literal) */
	size_t			 linecap;
	struct elem_index	*indexes;	/* list elements' positions, for setting paths */
};

/* ---- locations ---------------------------------------------------------- */

/*
 * The position of every element of the lists and arrays whose paths were
 * asked for: libconfig's config_setting_index() walks the whole list, which
 * made naming each of N elements O(N^2). An open-addressing table keyed by
 * the element's address, filled a whole list at a time.
 */
struct elem_index {
	const config_setting_t	**keys;
	int			 *vals;
	size_t			  cap, len;
};

static size_t
elem_slot(const struct elem_index *x, const config_setting_t *key)
{
	size_t i = ((uintptr_t)key >> 4) * 0x9e3779b97f4a7c15ULL & (x->cap - 1);

	while (x->keys[i] != NULL && x->keys[i] != key)
		i = (i + 1) & (x->cap - 1);
	return i;
}

static void
elem_put(struct elem_index *x, const config_setting_t *key, int val)
{
	size_t i;

	if ((x->len + 1) * 2 > x->cap) {
		struct elem_index n = { .cap = x->cap ? x->cap * 2 : 256 };

		if ((n.keys = calloc(n.cap, sizeof(*n.keys))) == NULL || (n.vals = calloc(n.cap, sizeof(*n.vals))) == NULL)
			ucp_oom();
		for (i = 0; i < x->cap; i++) {
			if (x->keys[i] != NULL) {
				size_t j = elem_slot(&n, x->keys[i]);

				n.keys[j] = x->keys[i];
				n.vals[j] = x->vals[i];
				n.len++;
			}
		}
		free(x->keys);
		free(x->vals);
		*x = n;
	}
	i = elem_slot(x, key);
	if (x->keys[i] == NULL)
		x->len++;
	x->keys[i] = key;
	x->vals[i] = val;
}

/* The position of S in its parent list or array. */
static int
elem_position(struct loader *ld, const config_setting_t *s)
{
	const config_setting_t *parent = config_setting_parent(s);
	bool filled = false;
	int i, n;

	if (ld->indexes == NULL && (ld->indexes = calloc(1, sizeof(*ld->indexes))) == NULL)
		ucp_oom();
	for (;;) {
		if (ld->indexes->cap > 0) {
			size_t slot = elem_slot(ld->indexes, s);

			if (ld->indexes->keys[slot] == s)
				return ld->indexes->vals[slot];
		}
		if (filled)
			return -1;
		n = config_setting_length(parent);
		for (i = 0; i < n; i++)
			elem_put(ld->indexes, config_setting_get_elem(parent, (unsigned)i), i);
		filled = true;
	}
}

static void
path_of(struct loader *ld, const config_setting_t *s, struct ucp_buf *b)
{
	const config_setting_t *parent = config_setting_parent(s);

	if (parent == NULL)
		return;
	path_of(ld, parent, b);
	if (config_setting_name(s) != NULL && config_setting_type(parent) == CONFIG_TYPE_GROUP) {
		if (b->len > 0)
			ucp_buf_puts(b, ".");
		ucp_buf_puts(b, config_setting_name(s));
	} else {
		ucp_buf_printf(b, "[%d]", elem_position(ld, s));
	}
}

static const char *
source_file(struct loader *ld, const char *src)
{
	char *f;

	if (src == NULL)
		return ld->path;
	if (ld->last_src != NULL && strcmp(src, ld->last_src) == 0)
		return ld->last_file;
	if (strcmp(src, ld->path) == 0 || src[0] == '/' || strcmp(ld->dir, ".") == 0)
		f = ucp_arena_strdup(ld->m->arena, src);
	else
		f = ucp_arena_printf(ld->m->arena, "%s/%s", ld->dir, src);
	ld->last_src = ucp_arena_strdup(ld->m->arena, src);
	ld->last_file = f;
	return f;
}

static struct ucp_loc
loc_of(struct loader *ld, const config_setting_t *s)
{
	struct ucp_loc loc = { .file = ld->path, .line = 1, .path = NULL };
	const config_setting_t *p;
	struct ucp_buf b;

	if (s == NULL)
		return loc;
	for (p = s; p != NULL && config_setting_source_line(p) == 0; p = config_setting_parent(p))
		;
	if (p != NULL) {
		loc.line = config_setting_source_line(p);
		loc.file = source_file(ld, config_setting_source_file(p));
	}
	ucp_buf_init(&b);
	path_of(ld, s, &b);
	if (b.len > 0)
		loc.path = ucp_arena_strdup(ld->m->arena, ucp_buf_str(&b));
	ucp_buf_clear(&b);
	return loc;
}

/*
 * The location of element I of the list or array located at LIST: what
 * loc_of() finds, without walking up the tree to the root or looking up
 * the element's position (a hosting list has a hundred thousand), and
 * with no string of its own (struct ucp_loc's elem).
 */
static struct ucp_loc
elem_loc(struct loader *ld, const struct ucp_loc *list, const config_setting_t *e, int i)
{
	struct ucp_loc loc = *list;

	if (config_setting_source_line(e) != 0) {
		loc.line = config_setting_source_line(e);
		loc.file = source_file(ld, config_setting_source_file(e));
	}
	if (list->elem != 0) {
		/* An element of an element: the list's own path in full. */
		loc.path = ucp_arena_printf(ld->m->arena, "%s[%u][%d]", list->path != NULL ? list->path : "",
		    list->elem - 1, i);
		loc.elem = 0;
	} else {
		loc.elem = (unsigned)i + 1;
	}
	return loc;
}

/* The location of setting NAME inside GROUP (which may not have it). */
static struct ucp_loc
child_loc(struct loader *ld, const config_setting_t *group, const char *name)
{
	struct ucp_loc loc = loc_of(ld, group);

	loc.path = loc.path != NULL ? ucp_arena_printf(ld->m->arena, "%s.%s", loc.path, name)
	    : ucp_arena_strdup(ld->m->arena, name);
	return loc;
}

#define REPORT(ld, locp, rule, ...) ucp_report((ld)->diags, (locp), (rule), __VA_ARGS__)

/* ---- schema check ------------------------------------------------------- */

static bool
type_ok(const config_setting_t *s, const struct schema *sc)
{
	int t = config_setting_type(s), i, n;

	switch (sc->type) {
	case S_GROUP:
	case S_MAP:
		return t == CONFIG_TYPE_GROUP;
	case S_STRING:
		return t == CONFIG_TYPE_STRING;
	case S_INT:
		return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
	case S_BOOL:
		return t == CONFIG_TYPE_BOOL;
	case S_SERIAL:
		return t == CONFIG_TYPE_STRING || t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
	case S_ADDRS:
		if (t == CONFIG_TYPE_STRING)
			return true;
		/* FALLTHROUGH */
	case S_STRINGS:
		if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
			return false;
		n = config_setting_length(s);
		for (i = 0; i < n; i++)
			if (config_setting_type(config_setting_get_elem(s, (unsigned)i)) != CONFIG_TYPE_STRING)
				return false;
		return true;
	case S_GROUPS:
		if (t == CONFIG_TYPE_ARRAY)
			return config_setting_length(s) == 0;
		return t == CONFIG_TYPE_LIST;
	}
	return false;
}

static void check_group(struct loader *ld, const config_setting_t *group, const struct schema *sc);

/* Levenshtein distance of A and B, both shorter than 64 characters (else a large number). */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[64];

	if (la >= 64 || lb >= 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (tolower((unsigned char)a[i - 1]) != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The schema name closest to NAME, when it is close enough to be the one meant. */
static const char *
nearest(const struct schema *sc, const char *name)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX, limit = strlen(name) <= 4 ? 1 : strlen(name) <= 8 ? 2 : 3;

	for (; sc->name != NULL; sc++) {
		size_t d = distance(name, sc->name);

		if (d < bestd) {
			bestd = d;
			best = sc->name;
		}
	}
	return bestd <= limit ? best : NULL;
}

static void
check_setting(struct loader *ld, const config_setting_t *s, const struct schema *sc)
{
	struct ucp_loc loc = loc_of(ld, s);
	int i, n;

	if (!type_ok(s, sc)) {
		REPORT(ld, &loc, UCP_R_CONFIG_TYPE, "must be %s", type_words[sc->type]);
		return;
	}
	if (sc->type == S_GROUP) {
		check_group(ld, s, sc->sub);
	} else if (sc->type == S_GROUPS) {
		n = config_setting_length(s);
		for (i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);

			if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
				struct ucp_loc eloc = elem_loc(ld, &loc, e, i);

				REPORT(ld, &eloc, UCP_R_CONFIG_TYPE, "must be a group { ... }");
			} else {
				check_group(ld, e, sc->sub);
			}
		}
	} else if (sc->type == S_MAP) {
		n = config_setting_length(s);
		for (i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);

			if (config_setting_type(e) != CONFIG_TYPE_STRING) {
				struct ucp_loc eloc = loc_of(ld, e);	/* a named member, not an element */

				REPORT(ld, &eloc, UCP_R_CONFIG_TYPE, "must be a string");
			}
		}
	}
}

static void
check_group(struct loader *ld, const config_setting_t *group, const struct schema *sc)
{
	const struct schema *c;
	int i, n = config_setting_length(group);

	for (i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);

		for (c = sc; c->name != NULL; c++)
			if (strcmp(c->name, name) == 0)
				break;
		if (c->name == NULL) {
			struct ucp_loc loc = loc_of(ld, s);
			const char *near = nearest(sc, name);

			if (near != NULL)
				REPORT(ld, &loc, UCP_R_CONFIG_UNKNOWN, "unknown setting (did you mean `%s`?)", near);
			else
				REPORT(ld, &loc, UCP_R_CONFIG_UNKNOWN, "unknown setting");
			continue;
		}
		check_setting(ld, s, c);
	}
	for (c = sc; c->name != NULL; c++) {
		if (c->required && config_setting_get_member(group, c->name) == NULL) {
			struct ucp_loc loc = child_loc(ld, group, c->name);

			REPORT(ld, &loc, UCP_R_CONFIG_REQUIRED, "missing required setting");
		}
	}
}

/* ---- typed getters (types were checked; wrong types are skipped) -------- */

static const config_setting_t *
member(const config_setting_t *group, const char *name)
{
	return group != NULL && config_setting_type(group) == CONFIG_TYPE_GROUP
	    ? config_setting_get_member(group, name) : NULL;
}

/* The length of the UTF-8 sequence at P (1 to 4), or 0 when it is not valid UTF-8. */
static size_t
utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned long c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, c = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	/* No overlong forms, no surrogates, nothing above U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return n;
}

static bool
has_text_problem(struct loader *ld, const config_setting_t *s, const char *v)
{
	struct ucp_loc loc;
	const unsigned char *p;
	size_t n;

	for (p = (const unsigned char *)v; *p; p += n) {
		if (*p < 0x20 || *p == 0x7f) {
			loc = loc_of(ld, s);
			REPORT(ld, &loc, UCP_R_CONFIG_VALUE, "control characters (such as newlines) are not allowed");
			return true;
		}
		if ((n = utf8_len(p)) == 0) {
			loc = loc_of(ld, s);
			REPORT(ld, &loc, UCP_R_CONFIG_VALUE, "not valid UTF-8 at byte %zu (save the file as UTF-8)",
			    (size_t)(p - (const unsigned char *)v) + 1);
			return true;
		}
	}
	return false;
}

/* The number of characters (code points) of valid UTF-8 text V. */
static size_t
utf8_chars(const char *v)
{
	size_t n = 0;

	for (; *v; v++)
		n += ((unsigned char)*v & 0xc0) != 0x80;
	return n;
}

static struct ucp_str
get_str(struct loader *ld, const config_setting_t *group, const char *name)
{
	const config_setting_t *s = member(group, name);
	struct ucp_str r = { 0 };

	r.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_STRING)
		return r;
	if (has_text_problem(ld, s, config_setting_get_string(s)))
		return r;
	r.v = ucp_arena_strdup(ld->m->arena, config_setting_get_string(s));
	return r;
}

/* A free-text value for certificate subjects: no characters that break a DN or an INF line. */
static struct ucp_str
get_text(struct loader *ld, const config_setting_t *group, const char *name)
{
	struct ucp_str r = get_str(ld, group, name);

	if (r.v != NULL && strpbrk(r.v, "\"\\,=+<>#;/$`&") != NULL) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "must not contain any of \" \\ , = + < > # ; / $ ` &");
		r.v = NULL;
	} else if (r.v != NULL && strspn(r.v, " ") == strlen(r.v)) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "is empty: leave the setting out instead");
		r.v = NULL;
	} else if (r.v != NULL && (r.v[0] == ' ' || r.v[strlen(r.v) - 1] == ' ')) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "starts or ends with a space, which certificate requests drop");
		r.v = NULL;
	} else if (r.v != NULL && utf8_chars(r.v) > 64) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "has %zu characters: a certificate subject field holds at most 64",
		    utf8_chars(r.v));
		r.v = NULL;
	}
	return r;
}

static const char *
normalize_name(struct loader *ld, const char *v, enum ucp_name_kind kind, const struct ucp_loc *loc)
{
	char out[256];
	const char *why = ucp_name_normalize(v, kind, out);

	if (why != NULL) {
		REPORT(ld, loc, UCP_R_CONFIG_NAME, "invalid name \"%s\": %s", v, why);
		return NULL;
	}
	if (strchr(out, '.') == NULL) {
		REPORT(ld, loc, UCP_R_CONFIG_NAME, "\"%s\" is not fully qualified", v);
		return NULL;
	}
	return ucp_arena_strdup(ld->m->arena, out);
}

static struct ucp_str
get_name(struct loader *ld, const config_setting_t *group, const char *name)
{
	struct ucp_str r = get_str(ld, group, name);

	if (r.v != NULL)
		r.v = normalize_name(ld, r.v, UCP_NAME_HOST, &r.loc);
	return r;
}

static const char *
normalize_addr(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	char out[46];

	if (ucp_addr_parse(v, out) == 0) {
		REPORT(ld, loc, UCP_R_CONFIG_ADDRESS, "\"%s\" is not an IPv4 or IPv6 address", v);
		return NULL;
	}
	return ucp_arena_strdup(ld->m->arena, out);
}

/*
 * An address setting: one address or an array of them (spec 9.2). v is the
 * first; all holds every one in the given order, canonical, without
 * duplicates. NULL v when absent or bad.
 */
static struct ucp_str
get_addr(struct loader *ld, const config_setting_t *group, const char *name)
{
	const config_setting_t *s = member(group, name);
	struct ucp_str r = { 0 };
	const char **all;
	int i, n;

	if (s == NULL || config_setting_type(s) == CONFIG_TYPE_STRING) {
		r = get_str(ld, group, name);
		if (r.v != NULL && (r.v = normalize_addr(ld, r.v, &r.loc)) != NULL) {
			all = ucp_arena_alloc(ld->m->arena, sizeof(*all));
			all[0] = r.v;
			r.all = all;
			r.nall = 1;
		}
		return r;
	}
	r.loc = loc_of(ld, s);
	if (!type_ok(s, &(struct schema){ .type = S_ADDRS }))
		return r;
	if ((n = config_setting_length(s)) == 0) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_REQUIRED, "at least one address is needed");
		return r;
	}
	all = ucp_arena_alloc(ld->m->arena, sizeof(*all) * (size_t)n);
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		struct ucp_loc eloc = elem_loc(ld, &r.loc, e, i);
		const char *v = config_setting_get_string(e), *a;
		size_t j;

		if (has_text_problem(ld, e, v) || (a = normalize_addr(ld, v, &eloc)) == NULL)
			return (struct ucp_str){ .loc = r.loc };
		for (j = 0; j < r.nall; j++) {
			if (strcmp(all[j], a) == 0) {
				REPORT(ld, &eloc, UCP_R_CONFIG_DUPLICATE, "\"%s\" is listed twice", a);
				return (struct ucp_str){ .loc = r.loc };
			}
		}
		all[r.nall++] = a;
	}
	r.v = all[0];
	r.all = all;
	return r;
}

static void
free_sources(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nsources; i++)
		free(ld->sources[i].text);
	free(ld->sources);
	ld->sources = NULL;
	ld->nsources = 0;
	free(ld->line);
	ld->line = NULL;
	ld->linecap = 0;
	if (ld->indexes != NULL) {
		free(ld->indexes->keys);
		free(ld->indexes->vals);
		free(ld->indexes);
		ld->indexes = NULL;
	}
}

/* The text of source FILE, read once. */
static const char *
source_text(struct loader *ld, const char *file)
{
	struct source *src;
	size_t i;

	for (i = 0; i < ld->nsources; i++)
		if (strcmp(ld->sources[i].file, file) == 0)
			return ld->sources[i].text;
	src = realloc(ld->sources, (ld->nsources + 1) * sizeof(*src));
	if (src == NULL)
		ucp_oom();
	ld->sources = src;
	src = &ld->sources[ld->nsources++];
	*src = (struct source){ .file = file, .text = ucp_read_file(file, NULL) };
	return src->text;
}

/*
 * Line LINE of FILE (from 1), or NULL. The sources' text is not kept while
 * libconfig's tree and the model are built (at hosting scale it was as large
 * as the tree's strings): the line of an integer setting is read again, the
 * lines before it skipped a buffer at a time.
 */
static const char *
source_line(struct loader *ld, const char *file, unsigned line)
{
	char skip[8192];
	unsigned n = 1;
	ssize_t len = -1;
	size_t k;
	FILE *fp;

	if ((fp = fopen(file, "re")) == NULL)
		return NULL;
	while (n < line && fgets(skip, sizeof(skip), fp) != NULL) {
		if ((k = strlen(skip)) > 0 && skip[k - 1] == '\n')
			n++;
	}
	if (n == line)
		len = getline(&ld->line, &ld->linecap, fp);
	fclose(fp);
	return len >= 0 ? ld->line : NULL;
}

/*
 * libconfig 1.5 keeps an integer without an L suffix in 32 bits, silently
 * wrapping larger values (4294970896 reads as 3600). The literal is read again
 * from the source line of setting S: *V is its full value, and false is
 * returned when it does not fit in 64 bits (*TEXT points at it either way).
 */
static bool
int_literal(struct loader *ld, const config_setting_t *s, long long *v, const char **text, int *textlen)
{
	const char *line, *p, *name = config_setting_name(s);
	struct ucp_loc loc = loc_of(ld, s);
	size_t nlen;

	*v = config_setting_get_int64(s);
	*text = NULL;
	if (name == NULL || loc.line == 0 || (line = source_line(ld, loc.file, loc.line)) == NULL)
		return true;
	nlen = strlen(name);
	for (p = line; *p && *p != '\n'; p++) {
		const char *q = p + nlen;
		unsigned long long u;
		char *end;
		bool neg;

		if (strncmp(p, name, nlen) != 0 || (p > line && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '=' && *q != ':')
			continue;
		q++;
		while (*q == ' ' || *q == '\t')
			q++;
		neg = *q == '-';
		if (*q == '-' || *q == '+')
			q++;
		if (!isdigit((unsigned char)*q))
			return true;
		errno = 0;
		u = strtoull(q, &end, q[0] == '0' && (q[1] == 'x' || q[1] == 'X') ? 16 : 10);
		*text = neg || q[-1] == '+' ? q - 1 : q;
		*textlen = (int)(end - *text);
		if (errno == ERANGE || u > (unsigned long long)LLONG_MAX + neg)
			return false;
		*v = neg ? (long long)(0 - u) : (long long)u;
		return true;
	}
	return true;
}

/* The row of setting NAME in schema SC: the loaders name settings, the rows hold the rest. */
static const struct schema *
row(const struct schema *sc, const char *name)
{
	for (; sc->name != NULL; sc++)
		if (strcmp(sc->name, name) == 0)
			return sc;
	fprintf(stderr, "ucplan: no schema row for %s\n", name);
	abort();
}

/* The integer NAME of GROUP (schema SC): its row's default, range and check apply. */
static struct ucp_num
get_int(struct loader *ld, const config_setting_t *group, const struct schema *sc, const char *name)
{
	const struct schema *rw = row(sc, name);
	const config_setting_t *s = member(group, name);
	struct ucp_num r = { .v = rw->def };
	const char *text;
	int textlen = 0;

	r.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s == NULL)
		return r;
	if (config_setting_type(s) != CONFIG_TYPE_INT && config_setting_type(s) != CONFIG_TYPE_INT64)
		return r;
	if (!int_literal(ld, s, &r.v, &text, &textlen)) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_RANGE, "%.*s is out of range (%lld to %lld)", textlen, text, rw->min,
		    rw->max);
		r.v = rw->def;
		return r;
	}
	if (r.v < rw->min || r.v > rw->max) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_RANGE, "%lld is out of range (%lld to %lld)", r.v, rw->min, rw->max);
		r.v = rw->def;
		return r;
	}
	if (rw->check != NULL && !rw->check(r.v)) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_RANGE, "must be %s", rw->check_text);
		r.v = rw->def;
		return r;
	}
	r.set = true;
	return r;
}

/* A boolean NAME of GROUP (schema SC) that remembers whether it was given. */
static struct ucp_num
get_flag(struct loader *ld, const config_setting_t *group, const struct schema *sc, const char *name)
{
	const config_setting_t *s = member(group, name);
	struct ucp_num r = { .v = row(sc, name)->def };

	r.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s != NULL && config_setting_type(s) == CONFIG_TYPE_BOOL) {
		r.v = config_setting_get_bool(s) != 0;
		r.set = true;
	}
	return r;
}

static bool
get_bool(struct loader *ld, const config_setting_t *group, const struct schema *sc, const char *name)
{
	const config_setting_t *s = member(group, name);
	const struct schema *rw = row(sc, name);

	(void)ld;
	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_BOOL)
		return rw->def != 0;
	return config_setting_get_bool(s) != 0;
}

/* The word NAME of GROUP (schema SC) as its value; the row's default when absent or refused. */
static int
get_choice(struct loader *ld, const config_setting_t *group, const struct schema *sc, const char *name,
    struct ucp_loc *locp)
{
	const struct schema *rw = row(sc, name);
	struct ucp_str r = get_str(ld, group, name);
	const struct choice *c;
	struct ucp_buf b;

	if (locp != NULL)
		*locp = r.loc;
	if (r.v == NULL)
		return (int)rw->def;
	for (c = rw->choices; c->word != NULL; c++)
		if (strcmp(c->word, r.v) == 0)
			return c->value;
	ucp_buf_init(&b);
	for (c = rw->choices; c->word != NULL; c++)
		ucp_buf_printf(&b, "%s\"%s\"", c == rw->choices ? "" : ", ", c->word);
	REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "\"%s\" is not one of %s", r.v, ucp_buf_str(&b));
	ucp_buf_clear(&b);
	return (int)rw->def;
}

/*
 * The string NAME of GROUP (schema SC) restricted to its row's characters and
 * length; the row's default text when absent or refused (saying WHY).
 */
static struct ucp_str
get_word(struct loader *ld, const config_setting_t *group, const struct schema *sc, const char *name,
    const char *why)
{
	const struct schema *rw = row(sc, name);
	struct ucp_str r = get_str(ld, group, name);

	if (r.v != NULL && (r.v[0] == '\0' || strspn(r.v, rw->charset) != strlen(r.v) ||
	    (rw->max_len > 0 && strlen(r.v) > rw->max_len))) {
		REPORT(ld, &r.loc, UCP_R_CONFIG_VALUE, "%s", why);
		r.v = NULL;
	}
	if (r.v == NULL)
		r.v = rw->def_text;
	return r;
}

/* Normalises one array element, reporting at LOC; NULL when it is bad. */
typedef const char *(*normalizer)(struct loader *ld, const char *v, const struct ucp_loc *loc);

static const char *
normalize_host(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	return normalize_name(ld, v, UCP_NAME_HOST, loc);
}

static const char *
normalize_prefix(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	char out[64];
	bool hostbits;

	if (!ucp_prefix_parse(v, out, sizeof(out), &hostbits)) {
		REPORT(ld, loc, UCP_R_CONFIG_ADDRESS, "\"%s\" is not an address or prefix", v);
		return NULL;
	}
	if (hostbits) {
		REPORT(ld, loc, UCP_R_CONFIG_ADDRESS, "\"%s\" has host bits set beyond its prefix length (BIND refuses "
		    "it): write \"%s\"", v, out);
		return NULL;
	}
	return ucp_arena_strdup(ld->m->arena, out);
}

/* A file named.conf includes: an absolute path without '"' or '\\'. */
static const char *
normalize_path(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	if (v[0] != '/' || strpbrk(v, "\"\\") != NULL) {
		REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\": an included file must be an absolute path without '\"' "
		    "or '\\'", v);
		return NULL;
	}
	return ucp_arena_strdup(ld->m->arena, v);
}

/* An array of strings, each normalised by NORM; duplicates are errors. */
static struct ucp_strs
get_names(struct loader *ld, const config_setting_t *group, const char *name, normalizer norm)
{
	const config_setting_t *s = member(group, name);
	struct ucp_strs r = { 0 };
	struct ucp_strset seen;
	int i, n;

	r.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s == NULL || !type_ok(s, &(struct schema){ .type = S_STRINGS }))
		return r;
	n = config_setting_length(s);
	r.items = ucp_arena_alloc(ld->m->arena, sizeof(*r.items) * (size_t)(n > 0 ? n : 1));
	/* The list's names seen so far, sized once: a string map doubled while libconfig's tree was alive. */
	ucp_strset_init(&seen, (size_t)n, r.items, sizeof(*r.items));
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		struct ucp_str *it = &r.items[r.len];
		const char *v = config_setting_get_string(e);

		it->loc = elem_loc(ld, &r.loc, e, i);
		if (has_text_problem(ld, e, v))
			continue;
		it->v = norm(ld, v, &it->loc);
		if (it->v == NULL)
			continue;
		if (ucp_strset_add(&seen, r.len) >= 0) {
			REPORT(ld, &it->loc, UCP_R_CONFIG_DUPLICATE, "\"%s\" is listed twice", it->v);
			continue;
		}
		r.len++;
	}
	ucp_strset_clear(&seen);
	return r;
}

static struct ucp_host
get_host(struct loader *ld, const config_setting_t *group, const char *name)
{
	const config_setting_t *s = member(group, name);
	struct ucp_host h = { 0 };

	h.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_GROUP)
		return h;
	h.present = true;
	h.fqdn = get_name(ld, s, "fqdn");
	h.ip = get_addr(ld, s, "ip");
	return h;
}

static struct ucp_host *
get_hosts(struct loader *ld, const config_setting_t *group, const char *name, size_t *countp,
    struct ucp_loc *locp)
{
	const config_setting_t *s = member(group, name);
	struct ucp_host *hosts;
	int i, n;

	*countp = 0;
	*locp = s != NULL ? loc_of(ld, s) : child_loc(ld, group, name);
	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_LIST)
		return NULL;
	n = config_setting_length(s);
	hosts = ucp_arena_alloc(ld->m->arena, sizeof(*hosts) * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			continue;
		hosts[*countp].present = true;
		hosts[*countp].loc = elem_loc(ld, locp, e, i);
		hosts[*countp].fqdn = get_name(ld, e, "fqdn");
		hosts[*countp].ip = get_addr(ld, e, "ip");
		(*countp)++;
	}
	return hosts;
}

/* ---- dns.records ---------------------------------------------------------- */

static const char *
record_target(struct loader *ld, const char *word, enum ucp_name_kind kind, const struct ucp_loc *loc)
{
	char addr[46];
	const char *n;

	if (ucp_addr_parse(word, addr) != 0) {
		REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\" is an address: the record names a host here, whose own "
		    "A/AAAA record holds the address", word);
		return NULL;
	}
	n = normalize_name(ld, word, kind, loc);

	return n != NULL ? ucp_arena_printf(ld->m->arena, "%s.", n) : NULL;
}

static bool
parse_u16(const char *word, unsigned max, unsigned *out)
{
	char *end;
	unsigned long v;

	if (!isdigit((unsigned char)word[0]))
		return false;
	v = strtoul(word, &end, 10);
	if (*end != '\0' || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

/* Splits V into at most MAX white-space separated words (modifies V). */
static int
split_words(char *v, char **words, int max)
{
	int n = 0;
	char *p = v;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (n == max)
			return max + 1;
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	return n;
}

static const char *
record_data(struct loader *ld, enum ucp_rrtype type, const char *data, const struct ucp_loc *loc)
{
	char tmp[1024], *w[5], canon[46];
	unsigned a, b, c;
	struct ucp_buf buf;
	const char *p, *res;
	int n;

	switch (type) {
	case UCP_RR_A:
	case UCP_RR_AAAA:
		n = ucp_addr_parse(data, canon);
		if (n != (type == UCP_RR_A ? 4 : 6)) {
			REPORT(ld, loc, UCP_R_CONFIG_ADDRESS, "\"%s\" is not an %s address", data,
			    type == UCP_RR_A ? "IPv4" : "IPv6");
			return NULL;
		}
		return ucp_arena_strdup(ld->m->arena, canon);
	case UCP_RR_CNAME:
		return record_target(ld, data, UCP_NAME_UNDERSCORE, loc);
	case UCP_RR_NS:
		return record_target(ld, data, UCP_NAME_HOST, loc);
	case UCP_RR_TXT:
		/* On the wire: the text in strings of at most 255 bytes, each with a length byte. */
		if (strlen(data) + (strlen(data) + 254) / 255 > 65535) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "TXT data of %zu bytes does not fit in one record (at most 65535 "
			    "bytes on the wire, about 65270 of text)", strlen(data));
			return NULL;
		}
		ucp_buf_init(&buf);
		for (p = data; *p; p++) {
			if ((p - data) % 255 == 0)
				ucp_buf_puts(&buf, p == data ? "\"" : "\" \"");
			if (*p == '"' || *p == '\\')
				ucp_buf_add(&buf, "\\", 1);
			ucp_buf_add(&buf, p, 1);
		}
		ucp_buf_puts(&buf, *data ? "\"" : "\"\"");
		res = ucp_arena_strdup(ld->m->arena, ucp_buf_str(&buf));
		ucp_buf_clear(&buf);
		return res;
	default:
		break;
	}
	if (strlen(data) >= sizeof(tmp)) {
		REPORT(ld, loc, UCP_R_CONFIG_VALUE, "record data is too long");
		return NULL;
	}
	strcpy(tmp, data);
	switch (type) {
	case UCP_RR_MX:
		if (split_words(tmp, w, 2) != 2 || !parse_u16(w[0], 65535, &a)) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "MX data must be \"PREFERENCE HOST\"");
			return NULL;
		}
		if ((p = record_target(ld, w[1], UCP_NAME_HOST, loc)) == NULL)
			return NULL;
		return ucp_arena_printf(ld->m->arena, "%u %s", a, p);
	case UCP_RR_SRV:
		if (split_words(tmp, w, 4) != 4 || !parse_u16(w[0], 65535, &a) ||
		    !parse_u16(w[1], 65535, &b) || !parse_u16(w[2], 65535, &c)) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "SRV data must be \"PRIORITY WEIGHT PORT TARGET\"");
			return NULL;
		}
		if ((p = record_target(ld, w[3], UCP_NAME_HOST, loc)) == NULL)
			return NULL;
		return ucp_arena_printf(ld->m->arena, "%u %u %u %s", a, b, c, p);
	case UCP_RR_CAA:
		n = split_words(tmp, w, 3);
		if (n < 3) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "CAA data must be \"FLAGS TAG VALUE\"");
			return NULL;
		}
		/* The value is the rest of the line, possibly quoted. */
		p = data + (w[2] - tmp);
		if (!parse_u16(w[0], 255, &a) || strspn(w[1], "abcdefghijklmnopqrstuvwxyz0123456789") != strlen(w[1])) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "CAA data must be \"FLAGS TAG VALUE\" with flags 0-255 and a lower-case tag");
			return NULL;
		}
		{
			size_t len = strlen(p);

			if (len >= 2 && p[0] == '"' && p[len - 1] == '"') {
				p++;
				len -= 2;
			}
			if (memchr(p, '"', len) != NULL || memchr(p, '\\', len) != NULL ||
			    memchr(p, ';', len) != NULL) {
				REPORT(ld, loc, UCP_R_CONFIG_VALUE, "CAA value must not contain quotes, backslashes or ';'");
				return NULL;
			}
			return ucp_arena_printf(ld->m->arena, "%u %s \"%.*s\"", a, w[1], (int)len, p);
		}
	default:
		break;
	}
	return NULL;
}


static void
load_records(struct loader *ld, const config_setting_t *dns)
{
	const config_setting_t *s = member(dns, "records");
	struct ucp_model *m = ld->m;
	struct ucp_loc list;
	int i, n;

	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_LIST)
		return;
	n = config_setting_length(s);
	list = loc_of(ld, s);
	m->dns.records = ucp_arena_alloc(m->arena, sizeof(*m->dns.records) * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		struct ucp_extra_record *r = &m->dns.records[m->dns.nrecords];
		struct ucp_str type, name;
		enum ucp_name_kind kind;
		bool ok = true;

		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			continue;
		r->loc = elem_loc(ld, &list, e, i);
		r->views = (unsigned)get_choice(ld, e, record_schema, "view", NULL);
		type = get_str(ld, e, "type");
		if (type.v != NULL && !ucp_rrtype_parse(type.v, &r->type)) {
			REPORT(ld, &type.loc, UCP_R_CONFIG_VALUE,
			    "\"%s\" is not one of A, AAAA, CNAME, MX, TXT, SRV, NS, CAA", type.v);
			ok = false;
		} else if (type.v != NULL && r->type == UCP_RR_PTR) {
			REPORT(ld, &type.loc, UCP_R_CONFIG_VALUE,
			    "\"%s\" is not one of A, AAAA, CNAME, MX, TXT, SRV, NS, CAA", type.v);
			ok = false;
		} else if (type.v != NULL && r->type == UCP_RR_SOA) {
			REPORT(ld, &type.loc, UCP_R_CONFIG_VALUE, "SOA records are written by ucplan itself");
			ok = false;
		}
		kind = (r->type == UCP_RR_TXT || r->type == UCP_RR_SRV || r->type == UCP_RR_CNAME)
		    ? UCP_NAME_UNDERSCORE : UCP_NAME_HOST;
		name = get_str(ld, e, "name");
		r->name = name;
		if (name.v != NULL)
			r->name.v = normalize_name(ld, name.v, kind, &name.loc);
		r->data = get_str(ld, e, "data");
		if (r->data.v != NULL && type.v != NULL && ok)
			r->data.v = record_data(ld, r->type, r->data.v, &r->data.loc);
		r->ttl = get_int(ld, e, record_schema, "ttl");
		if (r->views == 0 || type.v == NULL || !ok || r->name.v == NULL || r->data.v == NULL)
			continue;
		m->dns.nrecords++;
	}
}

/*
 * Turns "hostmaster@contoso.com" (or a DNS name) into an SOA RNAME with
 * trailing dot; dots in the local part are escaped.
 */
static const char *
contact_rname(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	const char *at = strchr(v, '@'), *domain, *p;
	struct ucp_buf b;
	char *res;

	if (at == NULL) {
		domain = normalize_name(ld, v, UCP_NAME_HOST, loc);
		return domain != NULL ? ucp_arena_printf(ld->m->arena, "%s.", domain) : NULL;
	}
	if (at == v || strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+") !=
	    (size_t)(at - v)) {
		REPORT(ld, loc, UCP_R_CONFIG_NAME, "\"%s\" is not a mail address: the local part may contain only "
		    "letters, digits and . - _ +", v);
		return NULL;
	}
	if (at - v > 63) {
		REPORT(ld, loc, UCP_R_CONFIG_NAME, "the local part of \"%s\" has %d characters: it becomes the first "
		    "label of the SOA RNAME, at most 63", v, (int)(at - v));
		return NULL;
	}
	if ((domain = normalize_name(ld, at + 1, UCP_NAME_HOST, loc)) == NULL)
		return NULL;
	if ((size_t)(at - v) + strlen(domain) + 2 > 254) {
		REPORT(ld, loc, UCP_R_CONFIG_NAME, "\"%s\" makes an SOA RNAME longer than 253 characters", v);
		return NULL;
	}
	ucp_buf_init(&b);
	for (p = v; p < at; p++) {
		if (*p == '.')
			ucp_buf_add(&b, "\\", 1);
		ucp_buf_add(&b, p, 1);
	}
	ucp_buf_printf(&b, ".%s.", domain);
	res = ucp_arena_strdup(ld->m->arena, ucp_buf_str(&b));
	ucp_buf_clear(&b);
	return res;
}

/* Reports an empty array or list NAME in GROUP (a missing one is reported by the schema check). */
static void
require_items(struct loader *ld, const config_setting_t *group, const char *name, const char *why)
{
	const config_setting_t *s = member(group, name);

	if (s != NULL && config_setting_is_aggregate(s) && config_setting_length(s) == 0) {
		struct ucp_loc loc = loc_of(ld, s);

		REPORT(ld, &loc, UCP_R_CONFIG_REQUIRED, "%s", why);
	}
}

/* ---- dns.bind ----------------------------------------------------------------- */

#define KEY_NAME_CHARS BIND_NAME_CHARS

static bool
key_name_ok(const char *k)
{
	size_t n = strlen(k);

	return n > 0 && n <= 255 && k[0] != '.' && strspn(k, KEY_NAME_CHARS) == n;
}

/* A port word of an address entry: 1 to 65535, digits only. */
static bool
port_ok(const char *w)
{
	size_t n = strlen(w);

	return n > 0 && n <= 5 && strspn(w, "0123456789") == n && atol(w) >= 1 && atol(w) <= 65535;
}

/*
 * A server of dns.bind.primaries or also_notify, in BIND's words:
 * "ADDR [port N] [key NAME]". Returns it canonical (the address as ucplan
 * writes addresses, single spaces), NULL when it is bad.
 */
static const char *
normalize_server(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	char tmp[512], *w[6], addr[46];
	const char *port = NULL, *key = NULL;
	int n, i;

	if (strlen(v) >= sizeof(tmp) || (n = split_words(strcpy(tmp, v), w, 5)) < 1 || n > 5)
		goto bad;
	if (ucp_addr_parse(w[0], addr) == 0) {
		REPORT(ld, loc, UCP_R_CONFIG_ADDRESS, "\"%s\": \"%s\" is not an IPv4 or IPv6 address (prefixes and key "
		    "names alone belong in allow_transfer)", v, w[0]);
		return NULL;
	}
	for (i = 1; i < n; i += 2) {
		if (i + 1 >= n)
			goto bad;
		if (strcmp(w[i], "port") == 0 && port == NULL && key == NULL) {
			if (!port_ok(w[i + 1])) {
				REPORT(ld, loc, UCP_R_CONFIG_RANGE, "\"%s\": port must be a number from 1 to 65535", v);
				return NULL;
			}
			port = w[i + 1];
		} else if (strcmp(w[i], "key") == 0 && key == NULL) {
			if (!key_name_ok(w[i + 1])) {
				REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\": a key name holds only letters, digits, '-', "
				    "'_' and '.'", v);
				return NULL;
			}
			key = w[i + 1];
		} else {
			goto bad;
		}
	}
	return ucp_arena_printf(ld->m->arena, "%s%s%s%s%s", addr, port != NULL ? " port " : "", port != NULL ? port : "",
	    key != NULL ? " key " : "", key != NULL ? key : "");
bad:
	REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\" is not an entry BIND takes here: write \"ADDRESS [port N] "
	    "[key NAME]\"", v);
	return NULL;
}

/* An element of dns.bind.allow_transfer: "ADDR", "PREFIX" or "key NAME". */
static const char *
normalize_xfr(struct loader *ld, const char *v, const struct ucp_loc *loc)
{
	char tmp[512], *w[3];
	int n;

	if (strlen(v) >= sizeof(tmp) || (n = split_words(strcpy(tmp, v), w, 2)) < 1 || n > 2 ||
	    (n == 2 && strcmp(w[0], "key") != 0)) {
		REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\" is not an entry BIND takes here: write an address, a "
		    "prefix or \"key NAME\"", v);
		return NULL;
	}
	if (n == 2) {
		if (!key_name_ok(w[1])) {
			REPORT(ld, loc, UCP_R_CONFIG_VALUE, "\"%s\": a key name holds only letters, digits, '-', '_' "
			    "and '.'", v);
			return NULL;
		}
		return ucp_arena_printf(ld->m->arena, "key %s", w[1]);
	}
	return normalize_prefix(ld, w[0], loc);
}

/* A file BIND reads: quoted in named.conf, so no quote or backslash. */
static bool
bind_path_ok(struct loader *ld, const struct ucp_str *p)
{
	if (p->v != NULL && (p->v[0] == '\0' || strpbrk(p->v, "\"\\") != NULL)) {
		REPORT(ld, &p->loc, UCP_R_CONFIG_VALUE, "a path BIND reads must not be empty or hold '\"' or '\\'");
		return false;
	}
	return true;
}

static void
load_bind(struct loader *ld, const config_setting_t *dns)
{
	const config_setting_t *b = member(dns, "bind"), *s;
	struct ucp_model *m = ld->m;
	static const char *const groups[] = { "primaries", "also_notify", "allow_transfer" };
	const char *why = "must hold only letters, digits, '-', '_' and '.' (at most 64)";
	size_t i, v;

	s = member(b, "views");
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		m->dns.bind.views[v] = get_word(ld, s, bind_views_schema, ucp_view_name((enum ucp_view)v), why);
		if (m->dns.bind.views[v].v[0] == '_') {
			REPORT(ld, &m->dns.bind.views[v].loc, UCP_R_CONFIG_VALUE, "view names starting with '_' are "
			    "BIND's own (_bind, _default)");
			m->dns.bind.views[v].v = ucp_view_name((enum ucp_view)v);
		}
	}
	if (strcmp(m->dns.bind.views[0].v, m->dns.bind.views[1].v) == 0)
		REPORT(ld, &m->dns.bind.views[1].loc, UCP_R_CONFIG_DUPLICATE, "both views are called \"%s\"",
		    m->dns.bind.views[1].v);
	m->dns.bind.acl = get_word(ld, b, bind_schema, "acl", why);
	if (strcmp(m->dns.bind.acl.v, "any") == 0 || strcmp(m->dns.bind.acl.v, "none") == 0 ||
	    strcmp(m->dns.bind.acl.v, "localhost") == 0 || strcmp(m->dns.bind.acl.v, "localnets") == 0) {
		REPORT(ld, &m->dns.bind.acl.loc, UCP_R_CONFIG_VALUE, "\"%s\" is one of BIND's built-in acls",
		    m->dns.bind.acl.v);
		m->dns.bind.acl.v = "ucplan-internal";
	}
	m->dns.bind.mode = (enum ucp_bind_mode)get_choice(ld, b, bind_schema, "mode", &m->dns.bind.mode_loc);
	m->dns.bind.view_includes = get_names(ld, b, "view_includes", normalize_path);
	m->dns.bind.zone_directory = get_str(ld, b, "zone_directory");
	if (!bind_path_ok(ld, &m->dns.bind.zone_directory))
		m->dns.bind.zone_directory.v = NULL;
	if (m->dns.bind.mode == UCP_BIND_ZONES) {
		/* Views the site already has: nothing of ucplan's own views applies. */
		if (member(b, "view_includes") != NULL)
			REPORT(ld, &m->dns.bind.view_includes.loc, UCP_R_CONFIG_VALUE, "applies to mode = \"views\" only: "
			    "with \"zones\" the views are the site's own, include files there");
		if (member(b, "acl") != NULL)
			REPORT(ld, &m->dns.bind.acl.loc, UCP_R_CONFIG_VALUE, "applies to mode = \"views\" only: with "
			    "\"zones\" the site's own views choose their clients");
	}
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		struct ucp_strs *dst = i == 0 ? m->dns.bind.primaries : i == 1 ? m->dns.bind.also_notify :
		    m->dns.bind.allow_transfer;

		s = member(b, groups[i]);
		for (v = 0; v < UCP_VIEW_COUNT; v++)
			dst[v] = get_names(ld, s, ucp_view_name((enum ucp_view)v), i == 2 ? normalize_xfr : normalize_server);
	}
	m->dns.bind.catalog = get_bool(ld, b, bind_schema, "catalog");
	m->dns.bind.catalog_loc = member(b, "catalog") != NULL ? loc_of(ld, member(b, "catalog")) :
	    child_loc(ld, b, "catalog");
	m->dns.bind.catalog_zone = get_name(ld, b, "catalog_zone");
	if (member(b, "catalog_zone") != NULL && !m->dns.bind.catalog)
		REPORT(ld, &m->dns.bind.catalog_zone.loc, UCP_R_CONFIG_VALUE, "names the catalog zone, but catalog is "
		    "not true");
	/* The secondaries learn the zones from the catalog and transfer them from the primaries. */
	for (v = 0; m->dns.bind.catalog && v < UCP_VIEW_COUNT; v++)
		if (m->dns.bind.primaries[v].len == 0 && member(member(b, "primaries"), ucp_view_name((enum ucp_view)v)) == NULL)
			REPORT(ld, &m->dns.bind.catalog_loc, UCP_R_CONFIG_REQUIRED, "the %s view's secondaries transfer "
			    "from dns.bind.primaries.%s: list at least one", ucp_view_name((enum ucp_view)v),
			    ucp_view_name((enum ucp_view)v));
}

/* ---- sections ------------------------------------------------------------- */

static void
load_dns(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *dns = member(root, "dns"), *s;
	struct ucp_model *m = ld->m;

	m->dns.loc = dns != NULL ? loc_of(ld, dns) : child_loc(ld, root, "dns");
	m->dns.ttl = get_int(ld, dns, dns_schema, "ttl");
	s = member(dns, "serial");
	m->dns.serial.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, dns, "serial");
	if (s != NULL && config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *v = config_setting_get_string(s);
		char *end;

		if (strcmp(v, "auto") == 0)
			;
		else if (isdigit((unsigned char)v[0]) && strlen(v) <= 10 && strtoll(v, &end, 10) <= 4294967295LL &&
		    *end == '\0') {
			m->dns.serial.v = strtoll(v, NULL, 10);
			m->dns.serial.set = true;
		} else {
			REPORT(ld, &m->dns.serial.loc, UCP_R_CONFIG_VALUE, "must be \"auto\" or a serial from 0 to 4294967295");
		}
	} else if (s != NULL) {
		m->dns.serial = get_int(ld, dns, dns_schema, "serial");
	}
	m->dns.contact = get_str(ld, dns, "contact");
	if (m->dns.contact.v != NULL)
		m->dns.contact.v = contact_rname(ld, m->dns.contact.v, &m->dns.contact.loc);
	s = member(dns, "soa");
	m->dns.refresh = get_int(ld, s, soa_schema, "refresh");
	m->dns.retry = get_int(ld, s, soa_schema, "retry");
	m->dns.expire = get_int(ld, s, soa_schema, "expire");
	m->dns.minimum = get_int(ld, s, soa_schema, "minimum");
	m->dns.zones = get_names(ld, dns, "zones", normalize_host);
	s = member(dns, "internal");
	m->dns.int_ns = get_names(ld, s, "nameservers", normalize_host);
	require_items(ld, s, "nameservers", "at least one nameserver is needed");
	require_items(ld, s, "clients", "at least one address or prefix is needed, or no client sees the internal view");
	m->dns.style = (enum ucp_style)get_choice(ld, s, dns_internal_schema, "style", &m->dns.style_loc);
	m->dns.clients = get_names(ld, s, "clients", normalize_prefix);
	s = member(dns, "external");
	m->dns.ext_ns = get_names(ld, s, "nameservers", normalize_host);
	require_items(ld, s, "nameservers", "at least one nameserver is needed");
	load_records(ld, dns);
	load_bind(ld, dns);
}

/*
 * sip.simple_urls: meet is one label put before every SIP domain; dialin and
 * admin are names, admin "" for none. Defaults are the planner's (they depend
 * on the generation).
 */
static void
load_simple_urls(struct loader *ld, const config_setting_t *s)
{
	struct ucp_model *m = ld->m;
	struct ucp_str meet = get_str(ld, s, "meet"), admin = get_str(ld, s, "admin");

	if (meet.v != NULL) {
		char out[256];
		const char *why = ucp_name_normalize(meet.v, UCP_NAME_HOST, out);

		if (why != NULL || strchr(out, '.') != NULL) {
			REPORT(ld, &meet.loc, UCP_R_CONFIG_NAME, "\"%s\" is not one label: the meet URL is this label "
			    "before every SIP domain (meet.<domain>)", meet.v);
			meet.v = NULL;
		} else {
			meet.v = ucp_arena_strdup(m->arena, out);
		}
	}
	m->sip.meet = meet;
	m->sip.dialin = get_name(ld, s, "dialin");
	if (admin.v != NULL && admin.v[0] != '\0')
		admin.v = normalize_name(ld, admin.v, UCP_NAME_HOST, &admin.loc);
	m->sip.admin = admin;
}

static void
load_sip(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *sip = member(root, "sip"), *pool, *edge, *web, *s;
	struct ucp_model *m = ld->m;

	if (sip == NULL || config_setting_type(sip) != CONFIG_TYPE_GROUP)
		return;
	m->sip.present = true;
	m->sip.loc = loc_of(ld, sip);
	m->sip.product = get_str(ld, sip, "product");
	m->sip.domains = get_names(ld, sip, "domains", normalize_host);
	require_items(ld, sip, "domains", "at least one SIP domain is needed");
	m->sip.edition = (enum ucp_edition)get_choice(ld, sip, sip_schema, "edition",
	    &m->sip.edition_loc);
	pool = member(sip, "pool");
	m->sip.pool_loc = pool != NULL ? loc_of(ld, pool) : child_loc(ld, sip, "pool");
	m->sip.pool_fqdn = get_name(ld, pool, "fqdn");
	m->sip.pool_ip = get_addr(ld, pool, "ip");
	m->sip.pool_web_fqdn = get_name(ld, pool, "web_fqdn");
	m->sip.lb = (enum ucp_lb)get_choice(ld, pool, pool_schema, "load_balancer", &m->sip.lb_loc);
	/* The pool's address, unless DNS load balancing makes it every front end (spec 9.2). */
	if (pool != NULL && config_setting_type(pool) == CONFIG_TYPE_GROUP && member(pool, "ip") == NULL &&
	    m->sip.lb != UCP_LB_DNS) {
		struct ucp_loc loc = child_loc(ld, pool, "ip");

		REPORT(ld, &loc, UCP_R_CONFIG_REQUIRED, "missing required setting");
	}
	{
		struct ucp_loc unused;

		m->sip.servers = get_hosts(ld, pool, "servers", &m->sip.nservers, &unused);
	}
	m->sip.pool_web_ip = get_addr(ld, pool, "web_ip");
	m->sip.director = get_host(ld, sip, "director");
	s = member(sip, "director");
	m->sip.director_servers = get_hosts(ld, s, "servers", &m->sip.ndirector_servers, &m->sip.director_servers_loc);
	m->sip.director_web_fqdn = get_name(ld, s, "web_fqdn");
	m->sip.director_web_ip = get_addr(ld, s, "web_ip");
	m->sip.director_web_ext = get_name(ld, s, "web_external_fqdn");
	m->sip.tcp = get_bool(ld, sip, sip_schema, "tcp");
	m->sip.device_updates = get_bool(ld, sip, sip_schema, "device_updates");
	web = member(sip, "web");
	m->sip.web_loc = web != NULL ? loc_of(ld, web) : child_loc(ld, sip, "web");
	m->sip.web_internal_fqdn = get_name(ld, web, "internal_fqdn");
	m->sip.web_external_fqdn = get_name(ld, web, "external_fqdn");
	s = member(sip, "simple_urls");
	m->sip.simple_urls_loc = s != NULL ? loc_of(ld, s) : child_loc(ld, sip, "simple_urls");
	m->sip.simple_urls = s != NULL && config_setting_type(s) == CONFIG_TYPE_GROUP;
	load_simple_urls(ld, s);
	m->sip.mobility = get_flag(ld, sip, sip_schema, "mobility");
	m->sip.xmpp = get_flag(ld, sip, sip_schema, "xmpp");
	m->sip.office_web_apps = get_host(ld, sip, "office_web_apps");
	edge = member(sip, "edge");
	m->sip.edge_loc = edge != NULL ? loc_of(ld, edge) : child_loc(ld, sip, "edge");
	m->sip.edge_internal = get_host(ld, edge, "internal");
	s = member(edge, "access");
	m->sip.edge_access.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, edge, "access");
	if (s != NULL && config_setting_type(s) == CONFIG_TYPE_GROUP) {
		m->sip.edge_access.present = true;
		m->sip.edge_access.fqdn = get_name(ld, s, "fqdn");
		m->sip.edge_access.ip = get_addr(ld, s, "ip");
	}
	m->sip.edge_access.public_ip = get_addr(ld, s, "public_ip");
	m->sip.edge_webconf = get_host(ld, edge, "webconf");
	s = member(edge, "webconf");
	m->sip.edge_webconf.port = get_int(ld, s, webconf_schema, "port");
	m->sip.edge_webconf.public_ip = get_addr(ld, s, "public_ip");
	m->sip.edge_av = get_host(ld, edge, "av");
	s = member(edge, "av");
	m->sip.edge_av.port = get_int(ld, s, av_schema, "auth_port");
	m->sip.edge_av.public_ip = get_addr(ld, s, "public_ip");
	m->sip.edge_servers = get_hosts(ld, edge, "servers", &m->sip.nedge_servers, &m->sip.edge_servers_loc);
	m->sip.federation = get_bool(ld, edge, edge_schema, "federation");
}

static void
load_exchange(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *ex = member(root, "exchange"), *s;
	struct ucp_model *m = ld->m;

	if (ex == NULL || config_setting_type(ex) != CONFIG_TYPE_GROUP)
		return;
	m->exchange.present = true;
	m->exchange.loc = loc_of(ld, ex);
	m->exchange.version = get_str(ld, ex, "version");
	m->exchange.external_fqdn = get_name(ld, ex, "external_fqdn");
	m->exchange.smtp_domains = get_names(ld, ex, "smtp_domains", normalize_host);
	m->exchange.autodiscover = (enum ucp_autodiscover)get_choice(ld, ex, exchange_schema, "autodiscover",
	    &m->exchange.autodiscover_loc);
	s = member(ex, "mx");
	m->exchange.mx.loc = s != NULL ? loc_of(ld, s) : child_loc(ld, ex, "mx");
	if (s != NULL && config_setting_type(s) == CONFIG_TYPE_GROUP) {
		m->exchange.mx.present = true;
		m->exchange.mx.fqdn = get_name(ld, s, "host");
		m->exchange.mx.port = get_int(ld, s, mx_schema, "preference");
		m->exchange.mx.ip = get_addr(ld, s, "ip");
	}
	m->exchange.cas = get_hosts(ld, ex, "cas", &m->exchange.ncas, &m->exchange.cas_loc);
	m->exchange.cas_vip = get_addr(ld, ex, "cas_vip");
	m->exchange.cas_array = get_host(ld, ex, "cas_array");
	s = member(ex, "services");
	m->exchange.services_loc = s != NULL ? loc_of(ld, s) : child_loc(ld, ex, "services");
	if (s != NULL && type_ok(s, &(struct schema){ .type = S_STRINGS })) {
		m->exchange.services_set = true;
		int i, n = config_setting_length(s);

		for (i = 0; i < n; i++) {
			const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
			struct ucp_loc eloc = elem_loc(ld, &m->exchange.services_loc, e, i);
			const struct choice *c;

			for (c = row(exchange_schema, "services")->choices; c->word != NULL; c++)
				if (strcmp(c->word, config_setting_get_string(e)) == 0)
					break;
			if (c->word == NULL) {
				REPORT(ld, &eloc, UCP_R_CONFIG_VALUE, "\"%s\" is not an Exchange service "
				    "(owa, ecp, activesync, outlook-anywhere, ews, oab, autodiscover, mapi)",
				    config_setting_get_string(e));
			} else if ((unsigned)c->value & m->exchange.services) {
				REPORT(ld, &eloc, UCP_R_CONFIG_DUPLICATE, "\"%s\" is listed twice", c->word);
			} else {
				m->exchange.services |= (unsigned)c->value;
			}
		}
	}
}

static void
load_rp(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *rp = member(root, "reverse_proxy");
	struct ucp_model *m = ld->m;
	int auth;

	if (rp == NULL || config_setting_type(rp) != CONFIG_TYPE_GROUP)
		return;
	m->rp.present = true;
	m->rp.loc = loc_of(ld, rp);
	m->rp.product = (enum ucp_rp_product)get_choice(ld, rp, rp_schema, "product",
	    &m->rp.product_loc);
	m->rp.external_ip = get_addr(ld, rp, "external_ip");
	m->rp.listener = get_word(ld, rp, rp_schema, "listener", "listener names are 1 to 64 letters, digits, "
	    "'-' and '_'");
	auth = get_choice(ld, rp, rp_schema, "authentication", &m->rp.authentication_loc);
	m->rp.authentication = (enum ucp_auth)auth;
}

static void
load_certs(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *c = member(root, "certificates");
	struct ucp_model *m = ld->m;

	m->certs.loc = c != NULL ? loc_of(ld, c) : child_loc(ld, root, "certificates");
	m->certs.design = (enum ucp_design)get_choice(ld, c, certs_schema, "design", &m->certs.design_loc);
	m->certs.webconf = (enum ucp_webconf)get_choice(ld, c, certs_schema, "webconf",
	    &m->certs.webconf_loc);
	m->certs.webconf_set = member(c, "webconf") != NULL;
	m->certs.key_bits = get_int(ld, c, certs_schema, "key_bits");
	m->certs.public_ca = get_bool(ld, c, certs_schema, "public_ca");
}

static void
load_org(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *o = member(root, "organization");
	struct ucp_model *m = ld->m;

	m->org.name = get_text(ld, o, "name");
	m->org.unit = get_text(ld, o, "unit");
	m->org.locality = get_text(ld, o, "locality");
	m->org.state = get_text(ld, o, "state");
	m->org.country = get_text(ld, o, "country");
	if (m->org.country.v != NULL && (strlen(m->org.country.v) != 2 ||
	    !isupper((unsigned char)m->org.country.v[0]) || !isupper((unsigned char)m->org.country.v[1]))) {
		REPORT(ld, &m->org.country.loc, UCP_R_CONFIG_VALUE, "must be a two-letter country code such as \"US\"");
		m->org.country.v = NULL;
	}
}

static void
load_lint(struct loader *ld, const config_setting_t *root)
{
	const config_setting_t *l = member(root, "lint");
	int i, n;

	if (l == NULL || config_setting_type(l) != CONFIG_TYPE_GROUP)
		return;
	n = config_setting_length(l);
	ld->m->lint = ucp_arena_alloc(ld->m->arena, sizeof(*ld->m->lint) * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(l, (unsigned)i);
		struct ucp_loc loc = loc_of(ld, e);
		enum ucp_severity sev;
		const char *v;

		if (config_setting_type(e) != CONFIG_TYPE_STRING)
			continue;
		v = config_setting_get_string(e);
		if (!ucp_severity_parse(v, &sev) || sev == UCP_SEV_NOTE) {
			REPORT(ld, &loc, UCP_R_CONFIG_VALUE, "\"%s\" is not one of \"error\", \"warning\", \"ignore\"", v);
			continue;
		}
		ld->m->lint[ld->m->nlint].v = ucp_arena_strdup(ld->m->arena, config_setting_name(e));
		ld->m->lint[ld->m->nlint].loc = loc;
		ucp_diags_override(ld->diags, ld->m->lint[ld->m->nlint++].v, sev);
	}
}

/*
 * Checks every @include of FILE (whose text is TEXT) before libconfig reads
 * it, recursively: libconfig 1.5 aborts on an empty name, "." or a directory
 * ("input in flex scanner failed") and recurses until it gives up on a loop.
 * CHAIN holds the files being included, outermost first. Returns false after
 * reporting a problem.
 */
static bool
check_includes(struct loader *ld, const char *file, const char *text, const struct source *chain, size_t depth)
{
	const char *line;
	unsigned lineno = 1;
	bool ok = true;

	for (line = text; line != NULL && *line; lineno++) {
		const char *p = line + strspn(line, " \t"), *nl = strchr(line, '\n'), *end;
		struct ucp_loc loc = { .file = file, .line = lineno, .path = "@include" };
		char *name, *target;
		struct source *inner;
		struct stat sb;
		size_t i;

		line = nl != NULL ? nl + 1 : NULL;
		if (strncmp(p, "@include", 8) != 0)
			continue;
		p += 8 + strspn(p + 8, " \t");
		if (*p != '"' || (end = strchr(p + 1, '"')) == NULL || (nl != NULL && end > nl)) {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "must be followed by a file name in double quotes");
			ok = false;
			continue;
		}
		name = ucp_arena_printf(ld->m->arena, "%.*s", (int)(end - p - 1), p + 1);
		if (*name == '\0') {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "the file name is empty");
			ok = false;
			continue;
		}
		/* libconfig 1.5 resolves every include against the main file's directory. */
		target = name[0] == '/' || strcmp(ld->dir, ".") == 0 ? name
		    : ucp_arena_printf(ld->m->arena, "%s/%s", ld->dir, name);
		if (stat(target, &sb) < 0) {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "cannot include \"%s\": %s", name, strerror(errno));
			ok = false;
			continue;
		}
		if (!S_ISREG(sb.st_mode)) {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "cannot include \"%s\": %s", name,
			    S_ISDIR(sb.st_mode) ? "it is a directory, not a file" : "it is not a regular file");
			ok = false;
			continue;
		}
		for (i = 0; i < depth; i++) {
			if (chain[i].dev == sb.st_dev && chain[i].ino == sb.st_ino) {
				REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "include loop: \"%s\" is already being read (from %s)",
				    name, chain[i].file);
				ok = false;
				break;
			}
		}
		if (i < depth)
			continue;
		if (depth >= 16) {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "includes are nested more than 16 deep");
			ok = false;
			continue;
		}
		inner = calloc(depth + 1, sizeof(*inner));
		if (inner == NULL)
			ucp_oom();
		memcpy(inner, chain, depth * sizeof(*inner));
		inner[depth] = (struct source){ .file = target, .dev = sb.st_dev, .ino = sb.st_ino };
		if ((text = source_text(ld, target)) == NULL) {
			REPORT(ld, &loc, UCP_R_CONFIG_INCLUDE, "cannot include \"%s\": %s", name, strerror(errno));
			ok = false;
		} else if (!check_includes(ld, target, text, inner, depth + 1)) {
			ok = false;
		}
		free(inner);
	}
	return ok;
}

/* The configuration must be a readable regular file; its includes must be too. */
static bool
check_sources(struct loader *ld)
{
	const struct ucp_loc loc = { .file = ld->path };
	struct source top;
	const char *text;
	struct stat sb;

	errno = 0;
	if (stat(ld->path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		ucp_report(ld->diags, &loc, UCP_R_CONFIG_IO, "cannot read the configuration: %s",
		    errno != 0 ? strerror(errno) : S_ISDIR(sb.st_mode) ? "it is a directory" : "not a regular file");
		return false;
	}
	if ((text = source_text(ld, ld->path)) == NULL) {
		ucp_report(ld->diags, &loc, UCP_R_CONFIG_IO, "cannot read the configuration: %s",
		    strerror(errno));
		return false;
	}
	top = (struct source){ .file = ld->path, .dev = sb.st_dev, .ino = sb.st_ino };
	return check_includes(ld, ld->path, text, &top, 1);
}

struct ucp_model *
ucp_model_from_config(const char *path, struct ucp_diags *diags)
{
	struct loader ld = { .diags = diags, .path = path };
	const config_setting_t *root, *s;
	struct ucp_model *m;
	config_t cfg;
	char *copy;

	if ((m = calloc(1, sizeof(*m))) == NULL || (m->arena = ucp_arena_new()) == NULL) {
		free(m);
		return NULL;
	}
	ld.m = m;
	m->file = ucp_arena_strdup(m->arena, path);
	copy = ucp_arena_strdup(m->arena, path);
	m->basename = ucp_arena_strdup(m->arena, basename(copy));
	copy = ucp_arena_strdup(m->arena, path);
	ld.dir = ucp_arena_strdup(m->arena, dirname(copy));
	m->top = (struct ucp_loc){ .file = m->file, .line = 1 };

	if (!check_sources(&ld)) {
		free_sources(&ld);
		ucp_model_free(m);
		return NULL;
	}
	free_sources(&ld);
	config_init(&cfg);
	config_set_include_dir(&cfg, ld.dir);
	if (config_read_file(&cfg, path) != CONFIG_TRUE) {
		struct ucp_loc loc = { .file = path, .line = (unsigned)config_error_line(&cfg) };

		if (config_error_type(&cfg) == CONFIG_ERR_FILE_IO) {
			ucp_report(diags, &(struct ucp_loc){ .file = path }, UCP_R_CONFIG_IO,
			    "cannot read the configuration");
		} else {
			if (config_error_file(&cfg) != NULL)
				loc.file = source_file(&ld, config_error_file(&cfg));
			ucp_report(diags, &loc, UCP_R_CONFIG_SYNTAX, "%s",
			    config_error_text(&cfg));
		}
		config_destroy(&cfg);
		free_sources(&ld);
		ucp_model_free(m);
		return NULL;
	}
	root = config_root_setting(&cfg);
	check_group(&ld, root, top_schema);
	s = member(root, "ucplan");
	if (s != NULL && type_ok(s, &top_schema[0]) && config_setting_get_int64(s) != 1) {
		struct ucp_loc loc = loc_of(&ld, s);

		REPORT(&ld, &loc, UCP_R_CONFIG_VALUE, "schema version %lld is not supported (this ucplan reads 1)",
		    (long long)config_setting_get_int64(s));
	}
	load_org(&ld, root);
	load_dns(&ld, root);
	load_sip(&ld, root);
	load_exchange(&ld, root);
	load_rp(&ld, root);
	load_certs(&ld, root);
	load_lint(&ld, root);
	config_destroy(&cfg);
	free_sources(&ld);
	return m;
}

void
ucp_model_free(struct ucp_model *m)
{
	if (m == NULL)
		return;
	ucp_arena_free(m->arena);
	free(m);
}
