/* Unit tests: zone validation through ldns, each problem with its line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

/* Like fail_msg(), but visible in cmocka's TAP output as a "# " comment. */
#define tu_fail(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); fail(); } while (0)
#include <string.h>

#include "validate.h"

#define HEAD "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns.example.com. h.example.com. 1 2 3 4 5\n@ IN NS ns.example.com.\n" \
	"ns IN A 192.0.2.1\n"

static const struct {
	const char	*text;
	const char	*rule;	/* NULL: valid */
	unsigned	 line;
} cases[] = {
	{ HEAD "www IN A 192.0.2.2\n", NULL, 0 },
	{ HEAD "www IN A 192.0.2.300\n", "zone-parse", 6 },
	{ HEAD "@ IN SOA ns.example.com. h.example.com. 2 2 3 4 5\n", "zone-soa", 6 },
	{ "$ORIGIN example.com.\n@ IN NS ns.example.com.\nns IN A 192.0.2.1\n", "zone-soa", 0 },
	{ "$ORIGIN example.com.\n@ IN SOA ns.example.com. h.example.com. 1 2 3 4 5\n", "zone-ns", 0 },
	{ HEAD "www.example.org. IN A 192.0.2.2\n", "zone-out-of-zone", 6 },
	{ HEAD "www IN CNAME ns\nwww IN A 192.0.2.2\n", "zone-cname", 6 },
	{ HEAD "www IN A 192.0.2.2\nwww IN A 192.0.2.2\n", "zone-duplicate", 7 },
	{ HEAD "www IN A 192.0.2.2\nwww 60 IN A 192.0.2.3\n", "zone-ttl", 7 },
	{ HEAD "_sip._tls IN SRV 0 0 443 sip.example.com.\n", "zone-target", 6 },
	{ HEAD "@ IN MX 10 alias\nalias IN CNAME ns\n", "zone-target", 6 },
	{ HEAD "$INCLUDE other.zone\n", "zone-include", 6 },
	{ HEAD "_sip._tls IN SRV 0 0 443 sip.example.org.\n", NULL, 0 },
};

static void
test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ucp_vview *v = ucp_vview_new();
		struct ucp_diags d;
		enum ucp_status a, b;

		ucp_diags_init(&d);
		a = ucp_vview_add(v, "db.example.com", cases[i].text, strlen(cases[i].text), "example.com", &d);
		b = ucp_vview_check(v, &d);
		if (cases[i].rule == NULL) {
			if (a != UCP_OK || b != UCP_OK || d.errors != 0)
				tu_fail("case %zu: unexpected %s", i, d.len ? d.items[0].message : "error");
		} else {
			size_t j;
			bool found = false;

			for (j = 0; j < d.len; j++)
				if (strcmp(d.items[j].rule, cases[i].rule) == 0 && d.items[j].line == cases[i].line)
					found = true;
			if (!found)
				tu_fail("case %zu: no %s at line %u (%zu diagnostics, first %s line %u)", i, cases[i].rule,
				    cases[i].line, d.len, d.len ? d.items[0].rule : "-", d.len ? d.items[0].line : 0);
			assert_true(a != UCP_OK || b != UCP_OK);
		}
		ucp_vview_free(v);
		ucp_diags_clear(&d);
	}
}

static void
test_cross_zone_target(void **state)
{
	static const char parent[] = HEAD "_sip._tls IN SRV 0 0 443 sip.corp.example.com.\n"
	    "corp IN NS ns.example.com.\n";
	static const char child[] = "$ORIGIN corp.example.com.\n@ IN SOA ns.example.com. h.example.com. 1 2 3 4 5\n"
	    "@ IN NS ns.example.com.\nsip IN A 10.0.0.1\n";
	struct ucp_vview *v = ucp_vview_new();
	struct ucp_diags d;

	(void)state;
	ucp_diags_init(&d);
	assert_int_equal(ucp_vview_add(v, "p", parent, strlen(parent), "example.com", &d), UCP_OK);
	assert_int_equal(ucp_vview_add(v, "c", child, strlen(child), "corp.example.com", &d), UCP_OK);
	assert_int_equal(ucp_vview_check(v, &d), UCP_OK);
	ucp_vview_free(v);
	ucp_diags_clear(&d);
}

/* A zone already on disk takes part in the view's checks from the plan: its names, its targets. */
static void
test_known_zone(void **state)
{
	static const char *const ns[] = { "ns.example.com" };
	struct ucp_record recs[] = {
		{ .owner = "_sipinternaltls._tcp.corp.example.com", .type = UCP_RR_SRV, .ttl = 3600,
		  .data = "0 0 5061 pool.corp.example.com.", .why = "t" },
		{ .owner = "sip.corp.example.com", .type = UCP_RR_A, .ttl = 3600, .data = "10.0.0.1", .why = "t" },
	};
	struct ucp_zone known = { .name = "corp.example.com", .ttl = 3600, .ns = ns, .nns = 1, .records = recs,
	    .nrecords = 2 };
	static const char parent[] = HEAD "_sip._tls IN SRV 0 0 443 sip.corp.example.com.\n";
	struct ucp_vview *v = ucp_vview_new();
	struct ucp_diags d;

	(void)state;
	ucp_diags_init(&d);
	assert_int_equal(ucp_vview_add(v, "p", parent, strlen(parent), "example.com", &d), UCP_OK);
	ucp_vview_add_known(v, "k", &known);
	/* sip.corp has its address in the known zone; pool.corp, the known zone's own target, has none. */
	assert_int_equal(ucp_vview_check(v, &d), UCP_EVALIDATE);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].rule, "zone-target");
	assert_string_equal(d.items[0].file, "k");
	assert_non_null(strstr(d.items[0].message, "pool.corp.example.com."));
	ucp_vview_free(v);
	ucp_diags_clear(&d);
}

/* The table of ldns types agrees with ldns's own names for every plan type. */
static void
test_ldns_types(void **state)
{
	int t;

	(void)state;
	for (t = 0; t < UCP_RR_COUNT; t++)
		assert_int_equal(ucp_ldns_type((enum ucp_rrtype)t),
		    ldns_get_rr_type_by_name(ucp_rrtype_name((enum ucp_rrtype)t)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_cross_zone_target),
		cmocka_unit_test(test_known_zone),
		cmocka_unit_test(test_ldns_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
