/*
 * The published paths and virtual directories Exchange 2010, 2013, 2016, 2019
 * and SE share (spec 4.7, 9.6; reference 7.1, 7.2); each row belongs to a
 * service, and a version publishes only the services it has (2010 has no
 * MAPI over HTTP). From 2013 on: the unbound namespace model, no RPC Client
 * Access array.
 */
#ifndef UCPLAN_PLANNER_PRODUCT_EXCHANGE_TABLES_H
#define UCPLAN_PLANNER_PRODUCT_EXCHANGE_TABLES_H

#include "planner/product/product.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct ucp_path_row exchange2013_owa_paths[] = {
	{ UCP_SVC_OWA, "/owa/*" }, { UCP_SVC_ECP, "/ecp/*" },
};

static const struct ucp_path_row exchange2013_oa_paths[] = {
	{ UCP_SVC_OUTLOOK_ANYWHERE, "/rpc/*" }, { UCP_SVC_MAPI, "/mapi/*" }, { UCP_SVC_OAB, "/OAB/*" },
	{ UCP_SVC_EWS, "/EWS/*" }, { UCP_SVC_AUTODISCOVER, "/Autodiscover/*" },
};

static const struct ucp_vdir_row exchange2013_vdirs[] = {
	{ UCP_SVC_OWA, "Set-OwaVirtualDirectory", "owa (Default Web Site)", "/owa", NULL },
	{ UCP_SVC_ECP, "Set-EcpVirtualDirectory", "ecp (Default Web Site)", "/ecp", NULL },
	{ UCP_SVC_EWS, "Set-WebServicesVirtualDirectory", "EWS (Default Web Site)", "/EWS/Exchange.asmx", NULL },
	{ UCP_SVC_OAB, "Set-OabVirtualDirectory", "OAB (Default Web Site)", "/OAB", NULL },
	{ UCP_SVC_ACTIVESYNC, "Set-ActiveSyncVirtualDirectory", "Microsoft-Server-ActiveSync (Default Web Site)",
	  "/Microsoft-Server-ActiveSync", NULL },
	{ UCP_SVC_MAPI, "Set-MapiVirtualDirectory", "mapi (Default Web Site)", "/mapi",
	  "-IISAuthenticationMethods Ntlm,Negotiate" },
};

#define EXCHANGE2013_SERVICES (UCP_SVC_OWA | UCP_SVC_ECP | UCP_SVC_ACTIVESYNC | UCP_SVC_OUTLOOK_ANYWHERE | \
    UCP_SVC_EWS | UCP_SVC_OAB | UCP_SVC_AUTODISCOVER | UCP_SVC_MAPI)

#define EXCHANGE2013_TABLES \
	.services = EXCHANGE2013_SERVICES, \
	.owa_paths = exchange2013_owa_paths, .nowa_paths = N(exchange2013_owa_paths), \
	.oa_paths = exchange2013_oa_paths, .noa_paths = N(exchange2013_oa_paths), \
	.vdirs = exchange2013_vdirs, .nvdirs = N(exchange2013_vdirs), \
	.cas_array = false, \
	.oa_internal = true, \
	.ipv6_alone = true

#endif
