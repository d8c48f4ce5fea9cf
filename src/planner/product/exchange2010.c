/* Exchange Server 2010 (spec 4.4, 4.7, 9.6; reverse-proxy.md 2). */
#include "planner/product/product.h"

static const struct ucp_path_row owa_paths[] = {
	{ UCP_SVC_OWA, "/owa/*" }, { UCP_SVC_ECP, "/ecp/*" },
};

static const struct ucp_path_row oa_paths[] = {
	{ UCP_SVC_OUTLOOK_ANYWHERE, "/rpc/*" }, { UCP_SVC_OAB, "/OAB/*" }, { UCP_SVC_EWS, "/EWS/*" },
	{ UCP_SVC_AUTODISCOVER, "/Autodiscover/*" },
};

static const struct ucp_vdir_row vdirs[] = {
	{ UCP_SVC_OWA, "Set-OwaVirtualDirectory", "owa (Default Web Site)", "/owa", NULL },
	{ UCP_SVC_ECP, "Set-EcpVirtualDirectory", "ecp (Default Web Site)", "/ecp", NULL },
	{ UCP_SVC_EWS, "Set-WebServicesVirtualDirectory", "EWS (Default Web Site)", "/EWS/Exchange.asmx", NULL },
	{ UCP_SVC_OAB, "Set-OabVirtualDirectory", "OAB (Default Web Site)", "/OAB", NULL },
	{ UCP_SVC_ACTIVESYNC, "Set-ActiveSyncVirtualDirectory", "Microsoft-Server-ActiveSync (Default Web Site)",
	  "/Microsoft-Server-ActiveSync", NULL },
};

const struct ucp_exchange_product ucp_exchange_2010 = {
	.name = "2010",
	.title = "Exchange 2010",
	.services = UCP_SVC_OWA | UCP_SVC_ECP | UCP_SVC_ACTIVESYNC | UCP_SVC_OUTLOOK_ANYWHERE | UCP_SVC_EWS |
	    UCP_SVC_OAB | UCP_SVC_AUTODISCOVER,
	.owa_paths = owa_paths,
	.nowa_paths = sizeof(owa_paths) / sizeof(owa_paths[0]),
	.oa_paths = oa_paths,
	.noa_paths = sizeof(oa_paths) / sizeof(oa_paths[0]),
	.vdirs = vdirs,
	.nvdirs = sizeof(vdirs) / sizeof(vdirs[0]),
	.oa_internal = false,
	.autodiscover_cmdlet = "Set-ClientAccessServer",
	.extended_protection = false,
	.cas_array = true,
	.ipv6_alone = false,
	.request_form = UCP_REQUEST_2010,
};
