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
};

enum ucp_srv_when {
	UCP_SRV_ALWAYS,
	UCP_SRV_TCP,			/* sip.tcp */
	UCP_SRV_EDGE,			/* an Edge is planned */
	UCP_SRV_FEDERATION,		/* an Edge with edge.federation */
};

struct ucp_srv_row {
	const char		*prefix;	/* "_sipinternaltls._tcp" */
	unsigned		 port;
	enum ucp_view		 view;
	enum ucp_srv_target	 target;
	enum ucp_srv_when	 when;
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
	bool			 federation_only;
	enum ucp_role		 cert_role;	/* the role whose certificate is bound there, or UCP_ROLE_NONE */
};

struct ucp_sip_product {
	const char		*name;		/* "ocs2007r2", as in sip.product */
	const char		*title;		/* "OCS 2007 R2", for messages */
	const struct ucp_srv_row *srv;
	size_t			 nsrv;
	const struct ucp_edge_port *edge_ports;
	size_t			 nedge_ports;
	const char *const	*web_paths;	/* the external web farm's published paths */
	size_t			 nweb_paths;
	unsigned		 web_port;	/* internal port of the web farm behind the reverse proxy */
	/* Accepted settings and addresses (spec 9.1, 9.2). */
	bool			 ipv6;		/* roles may have IPv6 addresses */
	bool			 dns_lb;	/* several addresses per name (DNS load balancing) */
	bool			 webconf_port444;	/* certificates.webconf: Web Conferencing on the Access Edge, 444 */
	bool			 av_public;	/* the A/V Edge address must be public (P5) */
};

/* ---- Exchange ------------------------------------------------------------- */

/* A virtual directory whose internal and external URL ucplan sets. */
struct ucp_vdir_row {
	unsigned	 service;	/* UCP_SVC_* that publishes it */
	const char	*cmdlet, *name, *path;
};

/* A published path and the service it belongs to. */
struct ucp_path_row {
	unsigned	 service;
	const char	*path;
};

struct ucp_exchange_product {
	const char		*name;		/* "2010", as in exchange.version */
	unsigned		 services;	/* the services this version has (default for exchange.services) */
	const struct ucp_path_row *owa_paths;	/* the OWA rule's paths */
	size_t			 nowa_paths;
	const struct ucp_path_row *oa_paths;	/* Outlook Anywhere and its companions, in order */
	size_t			 noa_paths;
	const struct ucp_vdir_row *vdirs;
	size_t			 nvdirs;
	bool			 cas_array;	/* an RPC Client Access array exists */
	bool			 ipv6_alone;	/* an IPv6 address without IPv4 is supported */
	enum ucp_request_form	 request_form;	/* New-ExchangeCertificate -GenerateRequest form */
};

extern const struct ucp_sip_product ucp_sip_ocs2007r2;
extern const struct ucp_exchange_product ucp_exchange_2007, ucp_exchange_2010;

/* The descriptor called NAME (sip.product, exchange.version), or NULL. */
const struct ucp_sip_product *ucp_sip_product_find(const char *name);
const struct ucp_exchange_product *ucp_exchange_product_find(const char *name);
/* Appends the names the registry knows, as "\"a\", \"b\"", for messages. */
void ucp_sip_product_names(struct ucp_buf *b);
void ucp_exchange_product_names(struct ucp_buf *b);

#endif
