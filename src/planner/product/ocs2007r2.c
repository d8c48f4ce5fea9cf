/* Office Communications Server 2007 R2 (reference 3; spec 4.3, 4.6, 4.7). */
#include "planner/product/product.h"

static const struct ucp_srv_row srv[] = {
	{ "_sipinternaltls._tcp", 5061, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_SRV_ALWAYS,
	  "internal automatic sign-in over TLS" },
	{ "_sipinternal._tcp", 5060, UCP_VIEW_INTERNAL, UCP_SRV_TARGET_SIGNIN, UCP_SRV_TCP,
	  "internal automatic sign-in over TCP" },
	{ "_sip._tls", 443, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_SRV_EDGE,
	  "Access Edge: external automatic sign-in" },
	{ "_sipfederationtls._tcp", 5061, UCP_VIEW_EXTERNAL, UCP_SRV_TARGET_ACCESS, UCP_SRV_FEDERATION,
	  "Access Edge: federation discovery" },
};

/* Reference 3.4: every OCS 2007 R2 Edge runs Access, Web Conferencing and A/V. */
static const struct ucp_edge_port edge_ports[] = {
	{ UCP_EDGE_ACCESS, 443, 0, "tcp", "inbound", "remote users: SIP over TLS", false, UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_ACCESS, 5061, 0, "tcp", "both", "federation and public IM: SIP over MTLS", true, UCP_ROLE_ACCESS_EDGE },
	{ UCP_EDGE_WEBCONF, 443, 0, "tcp", "inbound", "web conferencing: PSOM over TLS", false, UCP_ROLE_WEBCONF_EDGE },
	{ UCP_EDGE_AV, 443, 0, "tcp", "both", "A/V media relay: STUN/TURN over TCP", false, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 3478, 0, "udp", "both", "A/V media relay: STUN over UDP", false, UCP_ROLE_NONE },
	{ UCP_EDGE_AV, 50000, 59999, "tcp", "outbound", "A/V media to federated partners: RTP over TCP", false, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 5061, 0, "tcp", "both", "SIP over MTLS to and from the pool or Director", false,
	  UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 8057, 0, "tcp", "inbound", "PSOM over MTLS from the Web Conferencing Servers", false,
	  UCP_ROLE_EDGE_INTERNAL },
	{ UCP_EDGE_INTERNAL, 0, 0, "tcp", "inbound", "A/V authentication: SIP over MTLS from the pool", false,
	  UCP_ROLE_AV_EDGE },
	{ UCP_EDGE_INTERNAL, 443, 0, "tcp", "inbound", "media from internal clients: STUN/TURN over TCP", false, UCP_ROLE_NONE },
	{ UCP_EDGE_INTERNAL, 3478, 0, "udp", "inbound", "media from internal clients: STUN over UDP", false, UCP_ROLE_NONE },
};

/* The external web farm behind the reverse proxy (reverse-proxy.md 2). */
static const char *const web_paths[] = {
	"/ABS/Ext/*", "/GroupExpansion/Ext/*", "/etc/place/null/*", "/Conf/Ext/*", "/AutoUpdate/Ext/*",
	"/DeviceUpdateFiles_Ext/*", "/RequestHandlerExt/*", "/PhoneConferencing/Ext/*",
};

const struct ucp_sip_product ucp_sip_ocs2007r2 = {
	.name = "ocs2007r2",
	.title = "OCS 2007 R2",
	.srv = srv,
	.nsrv = sizeof(srv) / sizeof(srv[0]),
	.edge_ports = edge_ports,
	.nedge_ports = sizeof(edge_ports) / sizeof(edge_ports[0]),
	.web_paths = web_paths,
	.nweb_paths = sizeof(web_paths) / sizeof(web_paths[0]),
	.web_port = 443,
	.ipv6 = false,
	.dns_lb = false,
	.webconf_port444 = true,
	.av_public = true,
};
