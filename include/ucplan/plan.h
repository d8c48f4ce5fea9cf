/*
 * The plan: everything ucplan computed from one configuration. DNS records per
 * view and zone, certificates, endpoints and publishing rules. Generators and
 * tests read it; only the planner builds it. All memory belongs to the plan's
 * arena and is freed by ucp_plan_free().
 *
 * Names are stored lower case and absolute without the trailing dot
 * ("sip.contoso.com"); record data is presentation text with absolute names
 * ending in a dot ("0 0 443 sip.contoso.com.").
 */
#ifndef UCPLAN_PLAN_H
#define UCPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ucplan/diag.h"

enum ucp_view {
	UCP_VIEW_INTERNAL = 0,
	UCP_VIEW_EXTERNAL = 1,
};
#define UCP_VIEW_COUNT 2

/* Record types, in the order they are written within one owner name. */
enum ucp_rrtype {
	UCP_RR_SOA = 0,
	UCP_RR_NS,
	UCP_RR_A,
	UCP_RR_AAAA,
	UCP_RR_CNAME,
	UCP_RR_MX,
	UCP_RR_SRV,
	UCP_RR_TXT,
	UCP_RR_CAA,
	UCP_RR_PTR,		/* catalog zone members (RFC 9432) */
};
#define UCP_RR_COUNT 10

struct ucp_record {
	const char		*owner;
	enum ucp_rrtype		 type;
	uint32_t		 ttl;
	const char		*data;		/* the RDATA fields joined by single spaces (ucp_record_fields) */
	const char		*why;		/* one line: why the record exists */
};

struct ucp_zone {
	const char		*name;
	enum ucp_view		 view;
	bool			 pinpoint;	/* a pin-point zone (spec 4.2) */
	uint32_t		 ttl;		/* $TTL */
	uint32_t		 serial;
	const char		*mname;		/* absolute, with trailing dot */
	const char		*rname;		/* absolute, with trailing dot */
	uint32_t		 refresh, retry, expire, minimum;
	const char *const	*ns;		/* apex NS targets, no trailing dot */
	size_t			 nns;
	struct ucp_record	*records;	/* canonical order; no SOA, no apex NS */
	size_t			 nrecords;
	bool			 on_disk;	/* the output directory's file already holds exactly this zone's text */
	bool			 catalog;	/* the view's catalog zone (spec 10.2) */
};

struct ucp_view_plan {
	const char		*name;		/* "internal" or "external" */
	struct ucp_zone		*zones;		/* sorted by name (canonical order) */
	size_t			 nzones;
	const char *const	*clients;	/* match-clients; internal view only */
	size_t			 nclients;
};

/* How named.conf takes the zones (dns.bind.mode, spec 10.1). */
enum ucp_bind_mode {
	UCP_BIND_VIEWS,		/* named.conf.views: the acl and both views */
	UCP_BIND_ZONES,		/* named.conf.VIEW-zones: zone stanzas for views the site already has */
};

/* What BIND needs of one view beyond its zones; entries are in BIND's own words. */
struct ucp_bind_view {
	const char		*name;		/* the view's name in named.conf */
	const char *const	*primaries;	/* "ADDR[ port N][ key NAME]" */
	size_t			 nprimaries;
	const char *const	*also_notify;	/* the same form: NOTIFY goes there only */
	size_t			 nalso_notify;
	const char *const	*allow_transfer;	/* "ADDR", "PREFIX" or "key NAME"; none: no transfers */
	size_t			 nallow_transfer;
	const char		*catalog;	/* the view's catalog zone, or NULL */
};

struct ucp_bind_conf {
	enum ucp_bind_mode	 mode;
	const char		*acl;		/* the internal clients' acl (mode views) */
	const char *const	*view_includes;	/* files included inside every view (mode views) */
	size_t			 nview_includes;
	const char		*zone_directory;	/* prefix of the zone files' paths, or NULL: relative */
	struct ucp_bind_view	 views[UCP_VIEW_COUNT];
};

enum ucp_ca {
	UCP_CA_PUBLIC = 0,
	UCP_CA_ENTERPRISE,
};

/* The roles that listen on endpoints and use certificates; ucp_role_name() gives their words. */
enum ucp_role {
	UCP_ROLE_NONE,
	UCP_ROLE_ACCESS_EDGE,
	UCP_ROLE_WEBCONF_EDGE,
	UCP_ROLE_AV_EDGE,
	UCP_ROLE_EDGE_INTERNAL,
	UCP_ROLE_REVERSE_PROXY,
	UCP_ROLE_POOL,
	UCP_ROLE_DIRECTOR,
	UCP_ROLE_CAS,
	UCP_ROLE_SMTP,
	UCP_ROLE_OFFICE_WEB_APPS,
	UCP_ROLE_COUNT
};

/* The side of the perimeter an endpoint faces. */
enum ucp_iface { UCP_IFACE_INTERNAL, UCP_IFACE_EXTERNAL };

/* The reverse-proxy product (reverse_proxy.product). */
enum ucp_rp_product {
	UCP_RP_ISA2004, UCP_RP_ISA2006, UCP_RP_ISA2006SP1, UCP_RP_TMG2010,
	UCP_RP_IIS_ARR,			/* IIS Application Request Routing: one server farm per name */
	UCP_RP_GENERIC,			/* any reverse proxy that reads every SAN (nginx, HAProxy, ...) */
	UCP_RP_COUNT
};

/* How the reverse proxy authenticates (reverse_proxy.authentication). */
enum ucp_auth { UCP_AUTH_PASS_THROUGH, UCP_AUTH_FBA };

/* The certificates ucplan plans; ucp_cert_kind_name() gives their names (and file names). */
enum ucp_cert_kind {
	UCP_CERT_EXTERNAL,		/* single design: every external name */
	UCP_CERT_WEBCONF,		/* single design, webconf = "separate" */
	UCP_CERT_ACCESS_EDGE,		/* per-role design */
	UCP_CERT_WEBCONF_EDGE,
	UCP_CERT_REVERSE_PROXY,
	UCP_CERT_EXCHANGE,
	UCP_CERT_EDGE_INTERNAL,		/* enterprise CA */
	UCP_CERT_AV_AUTH,
	UCP_CERT_POOL,
	UCP_CERT_DIRECTOR,
	UCP_CERT_EDGE_EXTERNAL,		/* Lync and later: Access, Web Conferencing, A/V authentication */
	UCP_CERT_FRONTEND,		/* Lync and later: the pool's default and web certificate */
	UCP_CERT_OFFICE_WEB_APPS,
	UCP_CERT_OAUTH,			/* Lync 2013 and later: OAuthTokenIssuer */
	UCP_CERT_COUNT
};

struct ucp_cert {
	enum ucp_cert_kind	 kind;
	const char		*name;		/* ucp_cert_kind_name(kind) */
	enum ucp_ca		 ca;
	const char		*subject;
	const char *const	*san;		/* subject first */
	size_t			 nsan;
	unsigned		 key_bits;
	bool			 exportable;
	const enum ucp_role	*used_by;	/* the roles it is bound to */
	size_t			 nused_by;
	const char		*usage;		/* one line for tables */
};

struct ucp_endpoint {
	enum ucp_role	 role;
	enum ucp_iface	 interface;
	const char	*fqdn;
	const char	*ip;
	unsigned	 port;
	unsigned	 port_end;	/* 0 unless a range */
	const char	*protocol;	/* "tcp" or "udp" */
	const char	*direction;	/* "inbound", "outbound" or "both" */
	const char	*purpose;
	const char	*certificate;	/* certificate name, or NULL */
	const char	*public_ip;	/* the public address translated to ip (NAT), or NULL */
};

struct ucp_listener {
	const char	*name;
	const char	*ip;
	unsigned	 port;
	unsigned	 http_port;	/* 80 when a rule publishes HTTP too, else 0 */
	const char	*certificate;
};

struct ucp_rule {
	const char		*name;		/* "Exchange OWA", … */
	const char		*id;		/* short machine name: "exchange-owa" */
	const char *const	*public_names;
	size_t			 npublic_names;
	const char *const	*paths;
	size_t			 npaths;
	const char		*internal_site;
	const char		*internal_ip;	/* backend address */
	enum ucp_role		 backend;	/* the role of the published servers (their certificate) */
	unsigned		 internal_port;	/* bridged from the listener's 443 */
	unsigned		 http_port;	/* bridged from the listener's 80, or 0 when 80 is not published */
	bool			 forward_host_header;
	enum ucp_auth		 authentication;
	bool			 long_timeouts;	/* ActiveSync, Outlook Anywhere */
};

struct ucp_publishing {
	bool			 present;	/* a reverse proxy publishes */
	enum ucp_rp_product	 product;
	struct ucp_listener	*listeners;
	size_t			 nlisteners;
	struct ucp_rule		*rules;
	size_t			 nrules;
};

/* The form of New-ExchangeCertificate -GenerateRequest a version takes (certs/exchange.ps1). */
enum ucp_request_form {
	UCP_REQUEST_2007,		/* -Path */
	UCP_REQUEST_2010,		/* the request returned, Set-Content */
	UCP_REQUEST_2013,		/* the request returned, written as UTF-16 bytes */
	UCP_REQUEST_2016,		/* -RequestFile (a UNC path) */
};

/* One virtual directory whose internal and external URL ucplan sets (certs/exchange-urls.ps1). */
struct ucp_vdir {
	const char	*cmdlet;	/* "Set-OwaVirtualDirectory" */
	const char	*name;		/* IIS name: "owa (Default Web Site)" */
	const char	*url;		/* "https://mail.contoso.com/owa" */
	const char	*extra;		/* further parameters, or NULL */
};

/* Exchange client URLs: every published virtual directory under the client namespace. */
struct ucp_exchange_urls {
	const char		*fqdn;			/* exchange.external_fqdn */
	struct ucp_vdir		*vdirs;
	size_t			 nvdirs;
	const char		*outlook_anywhere;	/* its external host name, NULL when not published */
	bool			 oa_internal;		/* Set-OutlookAnywhere takes -InternalHostname (2013+) */
	const char		*autodiscover_uri;	/* internal Autodiscover URI, NULL when not published */
	const char		*autodiscover_cmdlet;	/* Set-ClientAccessServer or Set-ClientAccessService */
	const char		*client_cert;		/* the certificate clients meet for fqdn */
	const char		*client_subject;	/* its subject */
	const char		*principal;		/* "msstd:SUBJECT" when SUBJECT is not fqdn, else NULL */
	enum ucp_request_form	 request_form;
};

/* Certificate subject fields; each may be NULL. */
struct ucp_org {
	const char	*name, *unit, *locality, *state, *country;
};

struct ucp_arena;

struct ucp_plan {
	struct ucp_arena	*arena;
	const char		*config_name;	/* base name of the configuration */
	struct ucp_org		 organization;
	const char		*exchange_version;	/* "2007", "2010", or NULL without Exchange */
	struct ucp_exchange_urls exchange;		/* fqdn NULL without Exchange */
	struct ucp_view_plan	 views[UCP_VIEW_COUNT];
	struct ucp_bind_conf	 bind;
	struct ucp_cert		*certs;
	size_t			 ncerts;
	struct ucp_endpoint	*endpoints;
	size_t			 nendpoints;
	struct ucp_publishing	 publishing;
	const struct ucp_diags	*diags;		/* borrowed */
};

/* Frees the plan and everything it holds. PLAN may be NULL. */
void ucp_plan_free(struct ucp_plan *plan);
/*
 * The RDATA fields of R (names absolute; each TXT or CAA string quoted, one
 * field): its data copied into BUF (LEN bytes) and cut at the spaces between
 * fields, FIELDS[i] pointing into it. Returns how many there are, of which
 * the first MAX are in FIELDS; 0 when the data does not fit in BUF.
 */
size_t ucp_record_fields(const struct ucp_record *r, char *buf, size_t len, const char **fields, size_t max);
/* Returns the type's mnemonic ("A", "SRV", …). */
const char *ucp_rrtype_name(enum ucp_rrtype type);
/* Parses a mnemonic (case-insensitive); returns false when unknown. */
bool ucp_rrtype_parse(const char *name, enum ucp_rrtype *type);
/* The words of the enums above: "access-edge", "internal", "pass-through", ... */
const char *ucp_role_name(enum ucp_role role);
const char *ucp_iface_name(enum ucp_iface iface);
const char *ucp_auth_name(enum ucp_auth auth);
/* "isa2004", ... as in the configuration, and "ISA Server 2004", ... for people. */
const char *ucp_rp_product_name(enum ucp_rp_product product);
const char *ucp_rp_product_title(enum ucp_rp_product product);
const char *ucp_cert_kind_name(enum ucp_cert_kind kind);
/* True when certificate C is bound to ROLE. */
bool ucp_cert_used_by(const struct ucp_cert *c, enum ucp_role role);
/* Returns "internal" or "external". */
const char *ucp_view_name(enum ucp_view view);
/* The views in the order output lists them, the external first: the plans (JSON, Markdown) and the planner's zones as it lays them out. */
extern const enum ucp_view ucp_view_order[UCP_VIEW_COUNT];
/* Writes the zone file's path in the output tree, "bind/VIEW/db.ZONE", to OUT (LEN bytes). */
void ucp_zone_path(const struct ucp_zone *zone, char *out, size_t len);
/* Returns the certificate called NAME, or NULL. */
const struct ucp_cert *ucp_plan_cert(const struct ucp_plan *plan, const char *name);

#endif
