/*
 * Product generations as data: one const descriptor per SIP generation and
 * per Exchange version holds the facts the planner stages read - SRV set,
 * Edge port table, published web paths, virtual directories, request form and
 * which settings the generation accepts. Adding a generation is one file here
 * and one line in registry.c.
 */
#ifndef UCPLAN_PLANNER_PRODUCT_H
#define UCPLAN_PLANNER_PRODUCT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "ucplan/buf.h"
#include "ucplan/plan.h"

/* ---- SIP (OCS, Lync, Skype for Business) --------------------------------- */

enum ucp_srv_target {
	UCP_SRV_TARGET_SIGNIN,		/* the sign-in server, strict naming applied */
	UCP_SRV_TARGET_ACCESS,		/* sip.<d>, the Access Edge */
	UCP_SRV_TARGET_XMPP,		/* xmpp.<d>, the XMPP proxy on the Access Edge */
};

/* When a planned row (SRV record, port) applies. */
enum ucp_when {
	UCP_WHEN_ALWAYS,
	UCP_WHEN_TCP,			/* sip.tcp */
	UCP_WHEN_EDGE,			/* an Edge is planned */
	UCP_WHEN_FEDERATION,		/* an Edge with edge.federation */
	UCP_WHEN_XMPP,			/* an Edge with sip.xmpp */
	UCP_WHEN_ENTERPRISE,		/* an Enterprise pool */
	UCP_WHEN_CLS,			/* the generation has the Centralized Logging Service */
};

struct ucp_srv_row {
	const char		*prefix;	/* "_sipinternaltls._tcp" */
	unsigned		 port;
	enum ucp_view		 view;
	enum ucp_srv_target	 target;
	enum ucp_when		 when;
	const char		*why;
};

/* The Edge interface an Edge port listens on. */
enum ucp_edge_iface { UCP_EDGE_ACCESS, UCP_EDGE_WEBCONF, UCP_EDGE_AV, UCP_EDGE_INTERNAL };

/* One Edge port. port 0 means edge.av.auth_port. */
struct ucp_edge_port {
	enum ucp_edge_iface	 iface;
	unsigned		 port, port_end;
	const char		*protocol;
	const char		*direction;
	const char		*purpose;
	enum ucp_when		 when;
	enum ucp_role		 cert_role;	/* the role whose certificate is bound there, or UCP_ROLE_NONE */
};

/* The name a pool or Director port answers under, and so the address it is on. */
enum ucp_server_name {
	UCP_SERVER_SIP,			/* the pool (Director) FQDN: its SIP addresses */
	UCP_SERVER_WEB_INT,		/* the internal web services FQDN: the web VIP */
	UCP_SERVER_WEB_EXT,		/* the external web services FQDN, reached by the reverse proxy at the web VIP */
};

/* One port of the front-end pool or the Director (reference 3.4, 5.11, 6.4). */
struct ucp_server_port {
	unsigned		 port;
	enum ucp_server_name	 name;
	enum ucp_when		 when;
	bool			 cert;		/* the server's certificate is bound there */
	const char		*purpose;
};

/* Mobility (lyncdiscover, lyncdiscoverinternal). */
enum ucp_mobility {
	UCP_MOBILITY_NONE,		/* the generation has none: sip.mobility is refused */
	UCP_MOBILITY_OPTIONAL,		/* sip.mobility, default false (Lync 2010, November 2011 update) */
	UCP_MOBILITY_ALWAYS,		/* always planned; mobility = false is refused */
};

struct ucp_sip_product {
	const char		*name;		/* "ocs2007r2", as in sip.product */
	const char		*title;		/* "OCS 2007 R2", for messages */
	const struct ucp_srv_row *srv;
	size_t			 nsrv;
	const struct ucp_edge_port *edge_ports;
	size_t			 nedge_ports;
	const struct ucp_server_port *pool_ports;
	size_t			 npool_ports;
	const struct ucp_server_port *director_ports;
	size_t			 ndirector_ports;
	const char *const	*web_paths;	/* the external web services' published paths */
	size_t			 nweb_paths;
	unsigned		 web_port;	/* internal port the reverse proxy bridges 443 to */
	unsigned		 web_http_port;	/* internal port it bridges 80 to (0: 80 is not published) */
	/* Accepted settings and addresses (spec 9.1, 9.2). */
	bool			 ipv6;		/* roles may have IPv6 addresses */
	bool			 dns_lb;	/* several addresses per name (DNS load balancing), Edge and Director pools */
	bool			 nat;		/* edge.<service>.public_ip (the Edge behind NAT) */
	bool			 webconf_port444;	/* certificates.webconf: Web Conferencing on the Access Edge, 444 */
	bool			 av_public;	/* the A/V Edge address must be public (P5) */
	/* Names and certificates (spec 9.3, 9.4). */
	bool			 web_services;	/* simple URLs, internal and external web services, frontend/edge-external certificates */
	enum ucp_mobility	 mobility;
	bool			 xmpp;		/* the XMPP gateway exists: sip.xmpp accepted */
	bool			 office_web_apps;	/* sip.office_web_apps accepted */
	bool			 oauth;		/* the OAuthTokenIssuer certificate */
	bool			 cls;		/* the Centralized Logging Service (Edge 50001-50003) */
	unsigned		 min_key_bits;	/* certificates.key_bits at least */
};

/* ---- Exchange ------------------------------------------------------------- */

/* A virtual directory whose internal and external URL ucplan sets. */
struct ucp_vdir_row {
	unsigned	 service;	/* UCP_SVC_* that publishes it */
	const char	*cmdlet, *name, *path;
	const char	*extra;		/* further parameters the cmdlet needs, or NULL */
};

/* A published path and the service it belongs to. */
struct ucp_path_row {
	unsigned	 service;
	const char	*path;
};

struct ucp_exchange_product {
	const char		*name;		/* "2010", as in exchange.version */
	const char		*title;		/* "Exchange 2010", for messages */
	unsigned		 services;	/* the services this version has (default for exchange.services) */
	const struct ucp_path_row *owa_paths;	/* the OWA rule's paths */
	size_t			 nowa_paths;
	const struct ucp_path_row *oa_paths;	/* Outlook Anywhere and its companions, in order */
	size_t			 noa_paths;
	const struct ucp_vdir_row *vdirs;
	size_t			 nvdirs;
	bool			 cas_array;	/* an RPC Client Access array exists */
	bool			 oa_internal;	/* Set-OutlookAnywhere -InternalHostname (2013+) */
	const char		*autodiscover_cmdlet;	/* sets AutoDiscoverServiceInternalUri */
	bool			 extended_protection;	/* the CAS must use the reverse proxy's certificate (2016+) */
	bool			 ipv6_alone;	/* an IPv6 address without IPv4 is supported */
	enum ucp_request_form	 request_form;	/* New-ExchangeCertificate -GenerateRequest form */
};

extern const struct ucp_sip_product ucp_sip_ocs2007r2, ucp_sip_lync2010, ucp_sip_lync2013, ucp_sip_sfb2015,
    ucp_sip_sfb2019, ucp_sip_sfbse;
extern const struct ucp_exchange_product ucp_exchange_2007, ucp_exchange_2010, ucp_exchange_2013,
    ucp_exchange_2016, ucp_exchange_2019, ucp_exchange_se;

/* The descriptor called NAME (sip.product, exchange.version), or NULL. */
const struct ucp_sip_product *ucp_sip_product_find(const char *name);
const struct ucp_exchange_product *ucp_exchange_product_find(const char *name);
/* Appends the names the registry knows, as "\"a\", \"b\"", for messages. */
void ucp_sip_product_names(struct ucp_buf *b);
void ucp_exchange_product_names(struct ucp_buf *b);

#endif
