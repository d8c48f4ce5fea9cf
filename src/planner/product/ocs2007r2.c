/* Office Communications Server 2007 R2 (reference 3; spec 4.3, 4.6, 4.7). */
#include "planner/product/product.h"

static const struct ucp_srv_row srv[] = {
	{ "_sipinternaltls._tcp", 5061, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_WHEN_ALWAYS,
	  "internal automatic sign-in over TLS" },
	{ "_sipinternal._tcp", 5060, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_WHEN_TCP,
	  "internal automatic sign-in over TCP" },
	{ "_sip._tls", 443, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_WHEN_EDGE,
	  "Access Edge: external automatic sign-in" },
	{ "_sipfederationtls._tcp", 5061, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_WHEN_FEDERATION,
	  "Access Edge: federation discovery" },
};

/* Reference 3.4: every OCS 2007 R2 Edge runs Access, Web Conferencing and A/V. */
static const struct ucp_edge_port edge_ports[] = {
	{ UCP_EDGE_ACCESS, 443, 0, "tcp", "inbound", "remote users: SIP over TLS", UCP_WHEN_ALWAYS,
	  UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_ACCESS, 5061, 0, "tcp", "both", "federation and public IM: SIP over MTLS", UCP_WHEN_FEDERATION,
	  UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_WEBCONF, 443, 0, "tcp", "inbound", "web conferencing: PSOM over TLS", UCP_WHEN_ALWAYS,
	  UCP_ROLE_WEBCONF_EDGE },
	{ UCP_EDGE_AV, 443, 0, "tcp", "both", "A/V media relay: STUN/TURN over TCP", UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 3478, 0, "udp", "both", "A/V media relay: STUN over UDP", UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 50000, 59999, "tcp", "outbound", "A/V media to federated partners: RTP over TCP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 5061, 0, "tcp", "both", "SIP over MTLS to and from the pool or Director",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 8057, 0, "tcp", "inbound", "PSOM over MTLS from the Web Conferencing Servers",
	  UCP_WHEN_ALWAYS, UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 0, 0, "tcp", "inbound", "A/V authentication: SIP over MTLS from the pool",
	  UCP_WHEN_ALWAYS, UCP_ROLE_AV_EDGE },
	{ UCP_EDGE_INTERNAL, 443, 0, "tcp", "inbound", "media from internal clients: STUN/TURN over TCP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 3478, 0, "udp", "inbound", "media from internal clients: STUN over UDP",
	  UCP_WHEN_ALWAYS, UCP_ROLE_NONE },
};

/* Reference 3.1, 3.4: the hardware load balancer's VIP carries 135 and 444 too. */
static const struct ucp_server_port pool_ports[] = {
	{ 5061, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "client sign-in and server SIP over TLS/MTLS" },
	{ 5060, UCP_SERVER_SIP, UCP_WHEN_TCP, false, "client SIP over TCP" },
	{ 443, UCP_SERVER_WEB_INT, UCP_WHEN_ALWAYS, true,
	  "web components (address book, meeting content), also from the reverse proxy" },
	{ 135, UCP_SERVER_SIP, UCP_WHEN_ENTERPRISE, false,
	  "DCOM/RPC: moving users and replication, through the load balancer" },
	{ 444, UCP_SERVER_SIP, UCP_WHEN_ENTERPRISE, true, "HTTPS between the Focus and the conferencing servers" },
};

static const struct ucp_server_port director_ports[] = {
	{ 5061, UCP_SERVER_SIP, UCP_WHEN_ALWAYS, true, "client sign-in over TLS" },
};

/* The external web farm behind the reverse proxy (reverse-proxy.md 2). */
static const char *const web_paths[] = {
	"/ABS/Ext/*", "/GroupExpansion/Ext/*", "/etc/place/null/*", "/Conf/Ext/*", "/AutoUpdate/Ext/*",
	"/DeviceUpdateFiles_Ext/*", "/RequestHandlerExt/*", "/PhoneConferencing/Ext/*",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct ucp_sip_product ucp_sip_ocs2007r2 = {
	.name = "ocs2007r2",
	.title = "OCS 2007 R2",
	.srv = srv, .nsrv = N(srv),
	.edge_ports = edge_ports, .nedge_ports = N(edge_ports),
	.pool_ports = pool_ports, .npool_ports = N(pool_ports),
	.director_ports = director_ports, .ndirector_ports = N(director_ports),
	.web_paths = web_paths, .nweb_paths = N(web_paths),
	.web_port = 443,
	.web_http_port = 0,
	.ipv6 = false,
	.dns_lb = false,
	.nat = false,
	.webconf_port444 = true,
	.av_public = true,
	.web_services = false,
	.mobility = UCP_MOBILITY_NONE,
	.xmpp = false,
	.office_web_apps = false,
	.oauth = false,
	.cls = false,
	.min_key_bits = 1024,
};
