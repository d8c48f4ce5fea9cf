/* The generator registry: one line per generator, in the order they run. */
#include <string.h>

#include "ucplan/generator.h"

extern const struct ucp_generator ucp_gen_bind;
extern const struct ucp_generator ucp_gen_nsupdate;
extern const struct ucp_generator ucp_gen_windns;
extern const struct ucp_generator ucp_gen_certs;
extern const struct ucp_generator ucp_gen_tmg;
extern const struct ucp_generator ucp_gen_nginx;
extern const struct ucp_generator ucp_gen_haproxy;
extern const struct ucp_generator ucp_gen_report;

const struct ucp_generator *const ucp_generators[] = {
	&ucp_gen_bind,
	&ucp_gen_nsupdate,
	&ucp_gen_windns,
	&ucp_gen_certs,
	&ucp_gen_tmg,
	&ucp_gen_nginx,
	&ucp_gen_haproxy,
	&ucp_gen_report,
	NULL,
};

bool
ucp_generator_selected(const struct ucp_generator *g, const char *list)
{
	size_t n = strlen(g->name);
	const char *p;

	if (list == NULL)
		return !g->opt_in;
	for (p = list; *p;) {
		size_t len = strcspn(p, ",");

		if (len == n && strncmp(p, g->name, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

const struct ucp_generator *
ucp_generator_find(const char *name)
{
	size_t i;

	for (i = 0; ucp_generators[i] != NULL; i++)
		if (strcmp(ucp_generators[i]->name, name) == 0)
			return ucp_generators[i];
	return NULL;
}
