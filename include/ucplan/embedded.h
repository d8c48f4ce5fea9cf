/* Text files compiled into the binary: templates and example configurations. */
#ifndef UCPLAN_EMBEDDED_H
#define UCPLAN_EMBEDDED_H

#include <stddef.h>

struct ucp_embedded {
	const char *name;	/* base name, e.g. "named.conf.views.tmpl" */
	const char *text;
};

/* NULL-terminated tables generated at build time. */
extern const struct ucp_embedded ucp_embedded_templates[];
extern const struct ucp_embedded ucp_embedded_examples[];

/* Returns the entry called NAME in TABLE, or NULL. */
const struct ucp_embedded *ucp_embedded_find(const struct ucp_embedded *table,
    const char *name);

#endif
