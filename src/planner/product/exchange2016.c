/* Exchange 2016 (spec 9.6; reference 7.1: Mailbox servers run client access; Extended Protection). */
#include "planner/product/exchange-tables.h"

const struct ucp_exchange_product ucp_exchange_2016 = {
	.name = "2016",
	.title = "Exchange 2016",
	EXCHANGE2013_TABLES,
	.autodiscover_cmdlet = "Set-ClientAccessService",
	.extended_protection = true,
	.request_form = UCP_REQUEST_2016,
};
