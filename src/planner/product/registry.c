/* The product generations ucplan plans: one line per descriptor. */
#include <string.h>

#include "planner/product/product.h"

static const struct ucp_sip_product *const sip_products[] = {
	&ucp_sip_ocs2007r2,
	&ucp_sip_lync2010,
	&ucp_sip_lync2013,
	&ucp_sip_sfb2015,
	&ucp_sip_sfb2019,
	&ucp_sip_sfbse,
	NULL,
};

static const struct ucp_exchange_product *const exchange_products[] = {
	&ucp_exchange_2007,
	&ucp_exchange_2010,
	&ucp_exchange_2013,
	&ucp_exchange_2016,
	&ucp_exchange_2019,
	&ucp_exchange_se,
	NULL,
};

const struct ucp_sip_product *
ucp_sip_product_find(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && sip_products[i] != NULL; i++)
		if (strcmp(sip_products[i]->name, name) == 0)
			return sip_products[i];
	return NULL;
}

const struct ucp_exchange_product *
ucp_exchange_product_find(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && exchange_products[i] != NULL; i++)
		if (strcmp(exchange_products[i]->name, name) == 0)
			return exchange_products[i];
	return NULL;
}

void
ucp_sip_product_names(struct ucp_buf *b)
{
	size_t i;

	for (i = 0; sip_products[i] != NULL; i++)
		ucp_buf_printf(b, "%s\"%s\"", i ? ", " : "", sip_products[i]->name);
}

void
ucp_exchange_product_names(struct ucp_buf *b)
{
	size_t i;

	for (i = 0; exchange_products[i] != NULL; i++)
		ucp_buf_printf(b, "%s\"%s\"", i ? ", " : "", exchange_products[i]->name);
}
