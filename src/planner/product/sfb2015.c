/* Skype for Business Server 2015 (reference 6.1: Lync 2013's rules; at least 2048-bit keys). */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_sfb2015 = {
	.name = "sfb2015",
	.title = "Skype for Business Server 2015",
	LYNC_TABLES,
	.ipv6 = true,
	.cls = true,
	.mobility = UCP_MOBILITY_ALWAYS,
	.xmpp = true,
	.office_web_apps = true,
	.oauth = true,
	.min_key_bits = 2048,
};
