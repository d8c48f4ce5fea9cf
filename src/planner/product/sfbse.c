/*
 * Skype for Business Server Subscription Edition (reference 6.1:
 * Subscription Edition plans exactly like 2019).
 */
#include "planner/product/lync-tables.h"

const struct ucp_sip_product ucp_sip_sfbse = {
	.name = "sfbse",
	.title = "Skype for Business Server Subscription Edition",
	LYNC_TABLES,
	.ipv6 = true,
	.cls = true,
	.mobility = UCP_MOBILITY_ALWAYS,
	.xmpp = false,
	.office_web_apps = true,
	.oauth = true,
	.min_key_bits = 2048,
};
