/*
 * The tables Lync Server 2010, Lync Server 2013 and Skype for Business Server
 * 2015/2019/SE share (reference 4, 5.11, 6.1, 6.4; spec 9.3, 9.5). Each
 * generation's descriptor includes this file and picks its rows; what differs
 * between them (XMPP, logging ports, mobility, Office Web Apps, OAuth, key
 * size) is in the descriptors.
 */
#ifndef UCPLAN_PLANNER_PRODUCT_LYNC_TABLES_H
#define UCPLAN_PLANNER_PRODUCT_LYNC_TABLES_H

#include "planner/product/product.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct ucp_srv_row lync_srv[] = {
	{ "_sipinternaltls._tcp", 5061, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_WHEN_ALWAYS,
	  "internal automatic sign-in over TLS" },
	{ "_sipinternal._tcp", 5060, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_WHEN_TCP,
	  "internal automatic sign-in over TCP" },
	{ "_sip._tls", 443, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_WHEN_EDGE,
	  "Access Edge: external automatic sign-in" },
	{ "_sipfederationtls._tcp", 5061, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_WHEN_FEDERATION,
	  "Access Edge: federation discovery and mobile push notifications" },
	{ "_xmpp-server._tcp", 5269, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_XMPP, UCP_WHEN_XMPP,
	  "XMPP proxy on the Access Edge: XMPP federation" },
};

/*
 * Edge ports (reference 5.11; spec 9.5). Lync Server 2010 has no Centralized
 * Logging Service (UCP_WHEN_CLS) and no XMPP gateway (UCP_WHEN_XMPP).
 */
static const struct ucp_edge_port lync_edge_ports[] = {
	{ UCP_EDGE_ACCESS, 443, 0, "tcp", "inbound", "remote users: SIP over TLS", UCP_WHEN_ALWAYS,
	  UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_ACCESS, 5061, 0, "tcp", "both", "federation and public IM: SIP over MTLS", UCP_WHEN_FEDERATION,
	  UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_ACCESS, 5269, 0, "tcp", "both", "XMPP federation (XMPP proxy)", UCP_WHEN_XMPP,
	  UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_WEBCONF, 443, 0, "tcp", "inbound", "web conferencing: PSOM over TLS", UCP_WHEN_ALWAYS,
	  UCP_ROLE_WEBCONF_EDGE },
	{ UCP_EDGE_AV, 443, 0, "tcp", "both", "A/V media relay: STUN/TURN over TCP", UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 3478, 0, "udp", "both", "A/V media relay: STUN over UDP", UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 50000, 59999, "tcp", "outbound", "A/V media to federated partners: RTP over TCP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 50000, 59999, "udp", "outbound", "A/V media to federated partners: RTP over UDP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 5061, 0, "tcp", "both", "SIP over MTLS to and from the pool or Director",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 8057, 0, "tcp", "inbound", "PSOM over MTLS from each front-end server",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 0, 0, "tcp", "inbound", "A/V authentication: SIP over MTLS from the pool",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 443, 0, "tcp", "inbound", "media from internal clients: STUN/TURN over TCP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 3478, 0, "udp", "inbound", "media from internal clients: STUN over UDP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 4443, 0, "tcp", "inbound", "Central Management Store replication: HTTPS from the pool",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 50001, 50003, "tcp", "inbound", "Centralized Logging Service", UCP_WHEN_CLS,
	  UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 23456, 0, "tcp", "inbound", "XMPP gateway: MTLS from the front ends", UCP_WHEN_XMPP,
	  UCP_ROLE_EDGE_INTERNAL },
};

/* Front-end pool VIP or servers (reference 6.4; spec 9.5). */
static const struct ucp_server_port lync_pool_ports[] = {
	{ 5061, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "client sign-in and server SIP over TLS/MTLS" },
	{ 5060, UCP_SERVER_SIP, UCP_WHEN_TCP, false, "client SIP over TCP" },
	{ 444, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "HTTPS between the Focus and the conferencing servers" },
	{ 135, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, false, "DCOM/RPC: moving users and replication" },
	{ 80, UCP_SERVER_WEB_INT, UCP_WHEN_ALWAYS, false, "internal web services over HTTP" },
	{ 443, UCP_SERVER_WEB_INT, UCP_WHEN_ALWAYS, true,
	  "internal web services: address book, meetings, Autodiscover" },
	{ 4443, UCP_SERVER_WEB_EXT, UCP_WHEN_ALWAYS, true,
	  "external web services from the reverse proxy (bridged from 443)" },
	{ 8080, UCP_SERVER_WEB_EXT, UCP_WHEN_ALWAYS, false,
	  "external web services over HTTP from the reverse proxy (bridged from 80)" },
};

static const struct ucp_server_port lync_director_ports[] = {
	{ 5061, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "client sign-in and SIP from the Edge over TLS/MTLS" },
	{ 444, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "HTTPS between the Director and the front ends" },
	{ 80, UCP_SERVER_WEB_INT, UCP_WHEN_ALWAYS, false, "internal web services over HTTP" },
	{ 443, UCP_SERVER_WEB_INT, UCP_WHEN_ALWAYS, true, "internal web services: simple URLs, Autodiscover" },
	{ 4443, UCP_SERVER_WEB_EXT, UCP_WHEN_ALWAYS, true,
	  "external web services from the reverse proxy (bridged from 443)" },
	{ 8080, UCP_SERVER_WEB_EXT, UCP_WHEN_ALWAYS, false,
	  "external web services over HTTP from the reverse proxy (bridged from 80)" },
};

/* Whole sites are published (reference 8). */
static const char *const lync_web_paths[] = { "/*" };

/* What every generation from Lync Server 2010 on shares; a descriptor adds what differs. */
#define LYNC_TABLES \
	.srv = lync_srv, .nsrv = N(lync_srv), \
	.edge_ports = lync_edge_ports, .nedge_ports = N(lync_edge_ports), \
	.pool_ports = lync_pool_ports, .npool_ports = N(lync_pool_ports), \
	.director_ports = lync_director_ports, .ndirector_ports = N(lync_director_ports), \
	.web_paths = lync_web_paths, .nweb_paths = N(lync_web_paths), \
	.web_port = 4443, \
	.web_http_port = 8080, \
	.dns_lb = true, \
	.nat = true, \
	.webconf_port444 = false, \
	.av_public = false, \
	.web_services = true

#endif
