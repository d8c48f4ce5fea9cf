/* Exchange 2013 (spec 9.6; reference 7.1: the Client Access role; Set-ClientAccessServer). */
#include "planner/product/exchange-tables.h"

const struct ucp_exchange_product ucp_exchange_2013 = {
	.name = "2013",
	.title = "Exchange 2013",
	EXCHANGE2013_TABLES,
	.autodiscover_cmdlet = "Set-ClientAccessServer",
	.extended_protection = false,
	.request_form = UCP_REQUEST_2013,
};
