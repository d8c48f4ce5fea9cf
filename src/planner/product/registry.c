/* The product generations ucplan plans: one line per descriptor. */
#include "planner/product/product.h"

static const struct ucp_sip_product *const sip_products[UCP_SIP_COUNT] = {
	[UCP_SIP_OCS2007R2] = &ucp_sip_ocs2007r2,
};

static const struct ucp_exchange_product *const exchange_products[UCP_EXCHANGE_COUNT] = {
	[UCP_EXCHANGE_2007] = &ucp_exchange_2007,
	[UCP_EXCHANGE_2010] = &ucp_exchange_2010,
};

const struct ucp_sip_product *
ucp_sip_product(enum ucp_sip_generation id)
{
	return (unsigned)id < UCP_SIP_COUNT ? sip_products[id] : NULL;
}

const struct ucp_exchange_product *
ucp_exchange_product(enum ucp_exchange_version id)
{
	return (unsigned)id < UCP_EXCHANGE_COUNT ? exchange_products[id] : NULL;
}
