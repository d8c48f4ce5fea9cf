/* Exchange 2019 (spec 9.6; reference 7.1: as 2016; no Unified Messaging). */
#include "planner/product/exchange-tables.h"

const struct ucp_exchange_product ucp_exchange_2019 = {
	.name = "2019",
	.title = "Exchange 2019",
	EXCHANGE2013_TABLES,
	.autodiscover_cmdlet = "Set-ClientAccessService",
	.extended_protection = true,
	.request_form = UCP_REQUEST_2016,
};
