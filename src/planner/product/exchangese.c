/* Exchange Server Subscription Edition (spec 9.6; reference 7.1: plans exactly like 2019). */
#include "planner/product/exchange-tables.h"

const struct ucp_exchange_product ucp_exchange_se = {
	.name = "se",
	.title = "Exchange Server Subscription Edition",
	EXCHANGE2013_TABLES,
	.autodiscover_cmdlet = "Set-ClientAccessService",
	.extended_protection = true,
	.request_form = UCP_REQUEST_2016,
};
