/*
 * Exchange Server 2010 (spec 4.4, 4.7, 9.6; reverse-proxy.md 2): the paths and
 * virtual directories of 2013 without MAPI over HTTP (the version's services
 * leave it out), an RPC Client Access array, IPv4 beside any IPv6 address.
 */
#include "planner/product/exchange-tables.h"

const struct ucp_exchange_product ucp_exchange_2010 = {
	.name = "2010",
	.title = "Exchange 2010",
	.services = EXCHANGE2013_SERVICES & ~UCP_SVC_MAPI,
	.owa_paths = exchange2013_owa_paths, .nowa_paths = N(exchange2013_owa_paths),
	.oa_paths = exchange2013_oa_paths, .noa_paths = N(exchange2013_oa_paths),
	.vdirs = exchange2013_vdirs, .nvdirs = N(exchange2013_vdirs),
	.oa_internal = false,
	.autodiscover_cmdlet = "Set-ClientAccessServer",
	.extended_protection = false,
	.cas_array = true,
	.ipv6_alone = false,
	.request_form = UCP_REQUEST_2010,
};
