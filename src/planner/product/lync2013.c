/*
 * Lync Server 2013 (reference 5: the fixture set; IPv6, XMPP gateway, Office
 * Web Apps, OAuth, Centralized Logging).
 */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_lync2013 = {
	.name = "lync2013",
	.title = "Lync Server 2013",
	LYNC_TABLES,
	.ipv6 = true,
	.cls = true,
	.mobility = UCP_MOBILITY_ALWAYS,
	.xmpp = true,
	.office_web_apps = true,
	.oauth = true,
	.min_key_bits = 1024,
};
