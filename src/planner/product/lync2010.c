/*
 * Lync Server 2010 (reference 4: DNS load balancing, NAT, simple URLs, 443
 * -> 4443 bridging; mobility from the November 2011 update; IPv4 only).
 */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_lync2010 = {
	.name = "lync2010",
	.title = "Lync Server 2010",
	LYNC_TABLES,
	.ipv6 = false,
	.cls = false,
	.mobility = UCP_MOBILITY_OPTIONAL,
	.xmpp = false,
	.office_web_apps = false,
	.oauth = false,
	.min_key_bits = 1024,
};
