/* Skype for Business Server Subscription Edition (reference 6.1: Subscription Edition plans exactly like 2019). */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_sfbse = {
	.name = "sfbse",
	.title = "Skype for Business Server Subscription Edition",
	.srv = lync_srv, .nsrv = N(lync_srv),
	.edge_ports = lync2013_edge_ports, .nedge_ports = N(lync2013_edge_ports),
	.pool_ports = lync_pool_ports, .npool_ports = N(lync_pool_ports),
	.director_ports = lync_director_ports, .ndirector_ports = N(lync_director_ports),
	.web_paths = lync_web_paths, .nweb_paths = N(lync_web_paths),
	.web_port = 4443,
	.web_http_port = 8080,
	.ipv6 = true,
	.dns_lb = true,
	.nat = true,
	.webconf_port444 = false,
	.av_public = false,
	.web_services = true,
	.mobility = UCP_MOBILITY_ALWAYS,
	.xmpp = false,
	.office_web_apps = true,
	.oauth = true,
	.min_key_bits = 2048,
};
