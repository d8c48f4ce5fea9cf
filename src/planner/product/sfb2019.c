/* Skype for Business Server 2019 (reference 6.1: as 2015 without the XMPP gateway). */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_sfb2019 = {
	.name = "sfb2019",
	.title = "Skype for Business Server 2019",
	LYNC_TABLES,
	.ipv6 = true,
	.cls = true,
	.mobility = UCP_MOBILITY_ALWAYS,
	.xmpp = false,
	.office_web_apps = true,
	.oauth = true,
	.min_key_bits = 2048,
};
