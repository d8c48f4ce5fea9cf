/*
 * The typed model of one configuration (spec section 3). Only config.c builds
 * it from libconfig; the planner reads it. Every value remembers where it was
 * set so diagnostics can point at the setting. Strings and arrays live in the
 * model's arena; free everything with ucp_model_free().
 */
#ifndef UCPLAN_MODEL_H
#define UCPLAN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ucplan/diag.h"
#include "ucplan/plan.h"

struct ucp_arena;

/*
 * A string setting: NULL when absent. Names are normalised, addresses
 * canonical. An address setting may list several addresses (spec 9.2): all
 * holds them in the given order and v is the first.
 */
struct ucp_str {
	const char		*v;
	struct ucp_loc		 loc;
	const char *const	*all;
	size_t			 nall;
};

struct ucp_num {
	long long	 v;
	bool		 set;
	struct ucp_loc	 loc;
};

struct ucp_strs {
	struct ucp_str	*items;
	size_t		 len;
	struct ucp_loc	 loc;	/* the array itself */
};

struct ucp_host {
	bool		 present;
	struct ucp_loc	 loc;	/* the group */
	struct ucp_str	 fqdn;
	struct ucp_str	 ip;
	struct ucp_str	 public_ip;	/* edge.<service>.public_ip: the address behind NAT */
	struct ucp_num	 port;	/* edge.webconf.port, edge.av.auth_port */
};

enum ucp_style { UCP_STYLE_SPLIT_BRAIN, UCP_STYLE_PINPOINT };

enum ucp_edition { UCP_EDITION_STANDARD, UCP_EDITION_ENTERPRISE };
enum ucp_lb { UCP_LB_HARDWARE, UCP_LB_NLB, UCP_LB_NONE, UCP_LB_DNS };
enum ucp_autodiscover { UCP_AUTODISCOVER_A, UCP_AUTODISCOVER_CNAME, UCP_AUTODISCOVER_SRV };
enum ucp_design { UCP_DESIGN_SINGLE, UCP_DESIGN_PER_ROLE };
enum ucp_webconf { UCP_WEBCONF_PORT444, UCP_WEBCONF_SEPARATE };

/* Exchange services (bit flags). */
enum {
	UCP_SVC_OWA = 1 << 0,
	UCP_SVC_ECP = 1 << 1,
	UCP_SVC_ACTIVESYNC = 1 << 2,
	UCP_SVC_OUTLOOK_ANYWHERE = 1 << 3,
	UCP_SVC_EWS = 1 << 4,
	UCP_SVC_OAB = 1 << 5,
	UCP_SVC_AUTODISCOVER = 1 << 6,
	UCP_SVC_MAPI = 1 << 7,
};

/* Views a dns.records entry goes to (bit flags of 1 << enum ucp_view). */
struct ucp_extra_record {
	unsigned	 views;
	struct ucp_str	 name;
	enum ucp_rrtype	 type;
	struct ucp_str	 data;		/* already in presentation form, absolute names */
	struct ucp_num	 ttl;
	struct ucp_loc	 loc;
};

struct ucp_model {
	struct ucp_arena	*arena;
	const char		*file;		/* the configuration as named on the command line */
	const char		*basename;
	struct ucp_loc		 top;		/* file, line 1: for whole-file diagnostics */
	struct ucp_str		*lint;		/* lint overrides: v = rule id, loc = its setting */
	size_t			 nlint;

	struct {
		struct ucp_str	 name, unit, locality, state, country;
	} org;

	struct {
		struct ucp_loc	 loc;
		struct ucp_num	 ttl;
		struct ucp_num	 serial;	/* set = forced; else "auto" */
		struct ucp_str	 contact;	/* as an RNAME, with trailing dot */
		struct ucp_num	 refresh, retry, expire, minimum;
		struct ucp_strs	 zones;
		struct ucp_strs	 int_ns, clients, ext_ns;
		enum ucp_style	 style;
		struct ucp_loc	 style_loc;
		struct ucp_extra_record *records;
		size_t		 nrecords;
		struct {
			struct ucp_str	 views[UCP_VIEW_COUNT];	/* names in named.conf */
			struct ucp_str	 acl;
			enum ucp_bind_mode mode;
			struct ucp_loc	 mode_loc;
			struct ucp_strs	 view_includes;
			struct ucp_str	 zone_directory;
			struct ucp_strs	 primaries[UCP_VIEW_COUNT];	/* canonical BIND words */
			struct ucp_strs	 also_notify[UCP_VIEW_COUNT];
			struct ucp_strs	 allow_transfer[UCP_VIEW_COUNT];
			bool		 catalog;
			struct ucp_loc	 catalog_loc;
			struct ucp_str	 catalog_zone;	/* NULL: catalog.VIEW.ucplan.invalid */
		} bind;
	} dns;

	struct {
		bool		 present;
		struct ucp_loc	 loc;
		struct ucp_str	 product;	/* the planner finds its descriptor (src/planner/product/) */
		struct ucp_strs	 domains;
		enum ucp_edition edition;
		struct ucp_loc	 edition_loc;
		struct ucp_loc	 pool_loc;
		struct ucp_str	 pool_fqdn, pool_ip, pool_web_fqdn, pool_web_ip;
		enum ucp_lb	 lb;
		struct ucp_loc	 lb_loc;
		struct ucp_host	*servers;
		size_t		 nservers;
		struct ucp_host	 director;
		struct ucp_host	*director_servers;
		size_t		 ndirector_servers;
		struct ucp_loc	 director_servers_loc;
		struct ucp_str	 director_web_fqdn, director_web_ip, director_web_ext;
		bool		 tcp, device_updates;
		struct ucp_str	 web_internal_fqdn, web_external_fqdn;
		struct ucp_loc	 web_loc;
		bool		 simple_urls;		/* sip.simple_urls given */
		struct ucp_loc	 simple_urls_loc;
		struct ucp_str	 meet, dialin, admin;	/* defaults applied by the planner */
		struct ucp_num	 mobility, xmpp;	/* booleans: v 0 or 1, set when given */
		struct ucp_host	 office_web_apps;
		struct ucp_host	 edge_internal, edge_access, edge_webconf, edge_av;
		struct ucp_host	*edge_servers;
		size_t		 nedge_servers;
		struct ucp_loc	 edge_servers_loc;
		bool		 federation;
		struct ucp_loc	 edge_loc;
	} sip;

	struct {
		bool		 present;
		struct ucp_loc	 loc;
		struct ucp_str	 version;	/* the planner finds its descriptor (src/planner/product/) */
		struct ucp_str	 external_fqdn;
		struct ucp_strs	 smtp_domains;	/* defaults to sip.domains */
		enum ucp_autodiscover autodiscover;
		struct ucp_loc	 autodiscover_loc;
		struct ucp_host	 mx;		/* fqdn = host, port = preference */
		struct ucp_host	*cas;
		size_t		 ncas;
		struct ucp_loc	 cas_loc;
		struct ucp_str	 cas_vip;
		struct ucp_host	 cas_array;
		unsigned	 services;	/* UCP_SVC_* given; the version's own when !services_set */
		bool		 services_set;
		struct ucp_loc	 services_loc;
	} exchange;

	struct {
		bool		 present;
		struct ucp_loc	 loc;
		enum ucp_rp_product product;
		struct ucp_loc	 product_loc;
		struct ucp_str	 external_ip;
		struct ucp_str	 listener;
		enum ucp_auth	 authentication;
		struct ucp_loc	 authentication_loc;
	} rp;

	struct {
		struct ucp_loc	 loc;
		enum ucp_design	 design;
		struct ucp_loc	 design_loc;
		enum ucp_webconf webconf;
		struct ucp_loc	 webconf_loc;
		bool		 webconf_set;
		struct ucp_num	 key_bits;
		bool		 public_ca;
	} certs;
};

/*
 * Reads the configuration at PATH. Every problem becomes a diagnostic in DIAGS;
 * the model is returned even when some settings were bad (they are left unset),
 * or NULL when the file could not be parsed at all. Lint overrides are applied
 * to DIAGS.
 */
struct ucp_model *ucp_model_from_config(const char *path, struct ucp_diags *diags);
/* Frees MODEL (may be NULL). */
void ucp_model_free(struct ucp_model *model);

#endif
