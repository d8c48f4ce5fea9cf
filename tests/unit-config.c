/* Unit tests: loading configurations, and every problem located at its setting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

static void
test_base_loads(void **state)
{
	struct ucp_model *m;
	struct ucp_diags d;
	struct ucp_plan *p;

	(void)state;
	ucp_diags_init(&d);
	p = tu_plan(TU_BASE, &d, &m);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(m->dns.ttl.v, 3600);
	assert_false(m->dns.serial.set);
	assert_string_equal(m->sip.domains.items[0].v, "example.com");
	assert_int_equal(m->sip.edge_av.port.v, 5062);
	assert_true(m->sip.federation);
	assert_int_equal(m->certs.key_bits.v, 2048);
	assert_string_equal(m->rp.listener.v, "ucplan-listener");
	assert_int_equal(m->rp.authentication, UCP_AUTH_PASS_THROUGH);
	ucp_plan_free(p);
	ucp_model_free(m);
	ucp_diags_clear(&d);
}

/* Each case: a configuration, the rule, the setting path and the line of the first error. */
static const struct {
	const char	*text;
	const char	*rule;
	const char	*setting;
	unsigned	 line;
} bad[] = {
	{ "ucplan = 1;\ndns = {\n  ttl = \"x\";\n};\n", "config-type", "dns.ttl", 3 },
	{ "ucplan = 1;\nbogus = 1;\n", "config-unknown", "bogus", 2 },
	{ "ucplan = 1;\n", "config-required", "dns", 1 },
	{ "ucplan = 2;\n", "config-value", "ucplan", 1 },
	{ "ucplan = 1;\ndns = { ttl = -5; internal = { nameservers = [\"a.b.c\"]; clients = [\"10.0.0.0/8\"]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-range", "dns.ttl", 2 },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [\"a b.c\"]; clients = [\"10.0.0.0/8\"]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-name", "dns.internal.nameservers[0]", 2 },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [\"a.b.c\"]; clients = [\"10.0.0.0/33\"]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-address", "dns.internal.clients[0]", 2 },
	{ "ucplan = 1;\ndns = {\n internal = { nameservers = [\"a.b.c\",\n \"A.b.c.\"]; clients = [\"10.0.0.0/8\"]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-duplicate", "dns.internal.nameservers[1]", 4 },
	{ "ucplan = 1;\ndns = {\n  ttl = ;\n};\n", "config-syntax", NULL, 3 },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [\"a.b.c\"];\n clients = [ \"10.0.0.0/8\",\n \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-duplicate", "dns.internal.clients[1]", 4 },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [\"a.b.c\"];\n clients = [ ]; };\n"
	  "external = { nameservers = [\"a.b.c\"]; }; };\n", "config-required", "dns.internal.clients", 3 },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [\"a.b.c\"]; clients = [\"any\"]; };\n"
	  "external = {\n nameservers = [ ]; }; };\n", "config-required", "dns.external.nameservers", 4 },
};

static void
test_bad_settings(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ucp_diags d;
		const struct ucp_diag *g;
		struct ucp_plan *p;

		ucp_diags_init(&d);
		p = tu_plan(bad[i].text, &d, NULL);
		assert_null(p);
		ucp_diags_sort(&d);
		if ((g = tu_diag(&d, bad[i].rule)) == NULL)
			tu_fail("case %zu: no %s diagnostic (first: %s)", i, bad[i].rule, d.len ? d.items[0].message : "none");
		assert_int_equal(g->severity, UCP_SEV_ERROR);
		if (bad[i].setting != NULL)
			assert_string_equal(g->setting, bad[i].setting);
		if (g->line != bad[i].line)
			tu_fail("case %zu: line %u, want %u", i, g->line, bad[i].line);
		ucp_diags_clear(&d);
	}
}

static void
test_all_errors_reported(void **state)
{
	struct ucp_diags d;

	(void)state;
	ucp_diags_init(&d);
	assert_null(tu_plan("ucplan = 1;\na = 1;\nb = 2;\ndns = { ttl = \"x\"; };\n", &d, NULL));
	/* two unknown settings, a type error, two missing groups */
	assert_true(d.errors >= 5);
	ucp_diags_clear(&d);
}

static void
test_include_is_relative(void **state)
{
	char dir[] = "/tmp/ucplan-inc.XXXXXX", path[128], inc[128];
	struct ucp_diags d;
	struct ucp_model *m;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/main.cfg", dir);
	snprintf(inc, sizeof(inc), "%s/dns.inc", dir);
	fp = fopen(inc, "w");
	fputs("ttl = 600;\nbogus = 1;\n", fp);
	fclose(fp);
	fp = fopen(path, "w");
	fputs("ucplan = 1;\ndns = {\n  @include \"dns.inc\"\n};\n", fp);
	fclose(fp);
	ucp_diags_init(&d);
	m = ucp_model_from_config(path, &d);
	assert_non_null(m);
	assert_int_equal(m->dns.ttl.v, 600);
	/* The error inside the included file names that file and its line. */
	assert_non_null(tu_diag(&d, "config-unknown"));
	assert_string_equal(tu_diag(&d, "config-unknown")->file, inc);
	assert_int_equal(tu_diag(&d, "config-unknown")->line, 2);
	ucp_model_free(m);
	ucp_diags_clear(&d);
	unlink(inc);
	unlink(path);
	rmdir(dir);
}

static void
test_records_data(void **state)
{
	struct ucp_diags d;
	struct ucp_model *m;
	struct ucp_plan *p;

	(void)state;
	ucp_diags_init(&d);
	p = tu_plan(TU_BASE "dns2 = 1;\n", &d, &m);
	assert_null(p);
	assert_non_null(tu_diag(&d, "config-unknown"));
	ucp_model_free(m);
	ucp_diags_clear(&d);

	ucp_diags_init(&d);
	p = tu_plan("ucplan = 1;\ndns = {\n internal = { nameservers = [\"ns.corp.example.com\"]; clients = [\"any\"]; };\n"
	    " external = { nameservers = [\"ns1.example.com\"]; };\n contact = \"dns.admin@Example.com\";\n"
	    " records = ( { view = \"both\"; name = \"_dmarc.example.com\"; type = \"TXT\"; data = \"v=DMARC1; p=\\\"none\\\"\"; },\n"
	    "  { view = \"external\"; name = \"ns1.example.com\"; type = \"A\"; data = \"192.0.2.1\"; },\n"
	    "  { view = \"internal\"; name = \"ns.corp.example.com\"; type = \"A\"; data = \"10.1.1.1\"; },\n"
	    "  { view = \"external\"; name = \"example.com\"; type = \"CAA\"; data = \"0 issue letsencrypt.org\"; },\n"
	    "  { view = \"external\"; name = \"example.com\"; type = \"MX\"; data = \"5 MX.example.com.\"; ttl = 60; },\n"
	    "  { view = \"external\"; name = \"mx.example.com\"; type = \"AAAA\"; data = \"2001:DB8::25\"; } );\n};\n", &d, &m);
	assert_non_null(p);
	assert_string_equal(m->dns.contact.v, "dns\\.admin.example.com.");
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "_dmarc.example.com", "TXT", "\"v=DMARC1; p=\\\"none\\\"\""));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_dmarc.example.com", "TXT", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "example.com", "CAA", "0 issue \"letsencrypt.org\""));
	assert_int_equal(tu_record(p, UCP_VIEW_EXTERNAL, "example.com", "MX", "5 mx.example.com.")->ttl, 60);
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "mx.example.com", "AAAA", "2001:db8::25"));
	ucp_plan_free(p);
	ucp_model_free(m);
	ucp_diags_clear(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_loads),
		cmocka_unit_test(test_bad_settings),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_include_is_relative),
		cmocka_unit_test(test_records_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
