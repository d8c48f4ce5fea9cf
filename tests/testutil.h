/* Helpers shared by the cmocka tests: temporary configuration files and plans. */
#ifndef UCPLAN_TESTUTIL_H
#define UCPLAN_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "planner.h"

/* Like fail_msg(), but visible in cmocka's TAP output as a "# " comment. */
#define tu_fail(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); fail(); } while (0)

/* Writes TEXT to a new temporary file and returns its path (caller unlinks and frees). */
static inline char *
tu_write(const char *text)
{
	char *path = strdup("/tmp/ucplan-unit.XXXXXX");
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	fputs(text, fp);
	fclose(fp);
	return path;
}

/* Loads and plans TEXT; returns the plan or NULL (diagnostics in D). */
static inline struct ucp_plan *
tu_plan(const char *text, struct ucp_diags *d, struct ucp_model **mp)
{
	char *path = tu_write(text);
	struct ucp_model *m = ucp_model_from_config(path, d);
	struct ucp_plan *p = NULL;

	if (m != NULL && d->errors == 0)
		p = ucp_plan_new(m, d, 2026010100u);
	unlink(path);
	free(path);
	if (mp != NULL)
		*mp = m;
	else
		ucp_model_free(m);
	return p;
}

/* The diagnostic with RULE, or NULL. */
static inline const struct ucp_diag *
tu_diag(const struct ucp_diags *d, const char *rule)
{
	size_t i;

	for (i = 0; i < d->len; i++)
		if (strcmp(d->items[i].rule, rule) == 0)
			return &d->items[i];
	return NULL;
}

/* Finds a record in the plan's VIEW with OWNER, TYPE and DATA. */
static inline const struct ucp_record *
tu_record(const struct ucp_plan *p, enum ucp_view view, const char *owner, const char *type, const char *data)
{
	size_t i, j;

	for (i = 0; i < p->views[view].nzones; i++) {
		const struct ucp_zone *z = &p->views[view].zones[i];

		for (j = 0; j < z->nrecords; j++) {
			const struct ucp_record *r = &z->records[j];

			if (strcmp(r->owner, owner) == 0 && strcmp(ucp_rrtype_name(r->type), type) == 0 &&
			    (data == NULL || strcmp(r->data, data) == 0))
				return r;
		}
	}
	return NULL;
}

/* A minimal valid deployment: OCS Standard Edition with an Edge, Exchange 2010, TMG. */
#define TU_BASE \
	"ucplan = 1;\n" \
	"dns = {\n" \
	"  internal = { nameservers = [ \"ns.corp.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n" \
	"  external = { nameservers = [ \"ns1.example.com\", \"ns2.example.org\" ]; };\n" \
	"  records = ( { view = \"external\"; name = \"ns1.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n" \
	"              { view = \"internal\"; name = \"ns.corp.example.com\"; type = \"A\"; data = \"10.0.0.53\"; } );\n" \
	"};\n" \
	"sip = {\n" \
	"  product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"standard\";\n" \
	"  pool = { fqdn = \"ocs.corp.example.com\"; ip = \"10.0.0.5\"; };\n" \
	"  edge = { internal = { fqdn = \"edge.corp.example.com\"; ip = \"10.0.1.5\"; };\n" \
	"           access = { ip = \"192.0.2.20\"; }; av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; };\n" \
	"           webconf = { fqdn = \"webconf.example.com\"; ip = \"192.0.2.21\"; }; };\n" \
	"  web = { external_fqdn = \"ocsweb.example.com\"; };\n" \
	"};\n" \
	"certificates = { webconf = \"separate\"; };\n" \
	"exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n" \
	"  cas = ( { fqdn = \"cas.corp.example.com\"; ip = \"10.0.0.20\"; } ); };\n" \
	"reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n"

#endif
