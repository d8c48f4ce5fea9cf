/* Lync Server 2010 (reference 4: DNS load balancing, NAT, simple URLs, 443 -> 4443 bridging; mobility from the November 2011 update; IPv4 only). */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_lync2010 = {
	.name = "lync2010",
	.title = "Lync Server 2010",
	.srv = lync_srv, .nsrv = N(lync_srv),
	.edge_ports = lync2010_edge_ports, .nedge_ports = N(lync2010_edge_ports),
	.pool_ports = lync_pool_ports, .npool_ports = N(lync_pool_ports),
	.director_ports = lync_director_ports, .ndirector_ports = N(lync_director_ports),
	.web_paths = lync_web_paths, .nweb_paths = N(lync_web_paths),
	.web_port = 4443,
	.web_http_port = 8080,
	.ipv6 = false,
	.dns_lb = true,
	.nat = true,
	.webconf_port444 = false,
	.av_public = false,
	.web_services = true,
	.mobility = UCP_MOBILITY_OPTIONAL,
	.xmpp = false,
	.office_web_apps = false,
	.oauth = false,
	.min_key_bits = 1024,
};
