/*
 * json-zones PLAN.json DIR: checks that the JSON plan parses with jansson and
 * that the records of every zone in it equal, as ldns reads them, the records
 * of DIR/bind/VIEW/db.ZONE. Prints TAP, one test per zone plus one for the
 * file count.
 */
#include <dirent.h>
#include <jansson.h>
#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "validate.h"

static int n, failed;

static void result(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
result(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", ok ? "ok" : "not ok", ++n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok)
		failed++;
}

static void
add_rr(void *arg, ldns_rr *rr, int line)
{
	(void)line;
	ldns_rr_list_push_rr(arg, rr);
}

static bool
equal_lists(ldns_rr_list *a, ldns_rr_list *b)
{
	size_t i;

	if (ldns_rr_list_rr_count(a) != ldns_rr_list_rr_count(b)) {
		printf("# %zu records in JSON, %zu in the zone file\n", ldns_rr_list_rr_count(a), ldns_rr_list_rr_count(b));
		return false;
	}
	ldns_rr_list_sort(a);
	ldns_rr_list_sort(b);
	for (i = 0; i < ldns_rr_list_rr_count(a); i++) {
		ldns_rr *x = ldns_rr_list_rr(a, i), *y = ldns_rr_list_rr(b, i);

		if (ldns_rr_compare(x, y) != 0 || ldns_rr_ttl(x) != ldns_rr_ttl(y)) {
			char *sx = ldns_rr2str(x), *sy = ldns_rr2str(y);

			printf("# JSON: %s# zone: %s", sx, sy);
			free(sx);
			free(sy);
			return false;
		}
	}
	return true;
}

static size_t
count_files(const char *dir)
{
	struct dirent *e;
	size_t count = 0;
	DIR *d = opendir(dir);

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, "db.", 3) == 0)
			count++;
	closedir(d);
	return count;
}

int
main(int argc, char **argv)
{
	const char *views[] = { "internal", "external" };
	json_error_t err;
	json_t *root;
	size_t v, zones = 0, files = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: json-zones PLAN.json DIR\n");
		return 2;
	}
	root = json_load_file(argv[1], 0, &err);
	result(root != NULL, "%s parses as JSON", argv[1]);
	if (root == NULL) {
		printf("# %s:%d: %s\n1..%d\n", argv[1], err.line, err.text, n);
		return 1;
	}
	for (v = 0; v < 2; v++) {
		json_t *jzones = json_object_get(json_object_get(json_object_get(root, "views"), views[v]), "zones");
		char dir[4096];
		size_t i;

		snprintf(dir, sizeof(dir), "%s/bind/%s", argv[2], views[v]);
		files += count_files(dir);
		for (i = 0; i < json_array_size(jzones); i++) {
			json_t *z = json_array_get(jzones, i), *recs = json_object_get(z, "records");
			const char *name = json_string_value(json_object_get(z, "name"));
			ldns_rr_list *from_json = ldns_rr_list_new(), *from_file = ldns_rr_list_new();
			struct ucp_diags d;
			char path[4400], zone[300], *text = NULL;
			size_t j, len;
			bool ok = true;

			snprintf(zone, sizeof(zone), "%.*s", (int)strlen(name) - 1, name);
			snprintf(path, sizeof(path), "%s/db.%s", dir, zone);
			for (j = 0; j < json_array_size(recs); j++) {
				json_t *r = json_array_get(recs, j);
				ldns_rr *rr;
				char *s;

				if (asprintf(&s, "%s %lld IN %s %s", json_string_value(json_object_get(r, "name")),
				    json_integer_value(json_object_get(r, "ttl")), json_string_value(json_object_get(r, "type")),
				    json_string_value(json_object_get(r, "data"))) < 0)
					return 1;
				if (ldns_rr_new_frm_str(&rr, s, 0, NULL, NULL) != LDNS_STATUS_OK) {
					printf("# JSON record does not parse: %s\n", s);
					ok = false;
				} else {
					ldns_rr_list_push_rr(from_json, rr);
				}
				free(s);
			}
			ucp_diags_init(&d);
			if ((text = ucp_read_file(path, &len)) == NULL) {
				printf("# cannot read %s\n", path);
				ok = false;
			} else if (ucp_zone_parse(text, len, zone, add_rr, from_file, path, &d) != UCP_OK) {
				ok = false;
			}
			ok = ok && equal_lists(from_json, from_file);
			result(ok, "%s view, zone %s: JSON records equal the zone file", views[v], zone);
			free(text);
			ucp_diags_clear(&d);
			ldns_rr_list_deep_free(from_json);
			ldns_rr_list_deep_free(from_file);
			zones++;
		}
	}
	result(zones == files && zones > 0, "%zu zones in JSON, %zu zone files", zones, files);
	json_decref(root);
	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
