/* Unit tests: host name normalisation, canonical order (against ldns), addresses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

/* Like fail_msg(), but visible in cmocka's TAP output as a "# " comment. */
#define tu_fail(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); fail(); } while (0)
#include <ldns/ldns.h>
#include <string.h>

#include "name.h"

static const struct {
	const char		*in;
	enum ucp_name_kind	 kind;
	const char		*out;	/* NULL: rejected */
} names[] = {
	{ "Sip.Contoso.COM.", UCP_NAME_HOST, "sip.contoso.com" },
	{ "sip.contoso.com", UCP_NAME_HOST, "sip.contoso.com" },
	{ "a-b.c0.d", UCP_NAME_HOST, "a-b.c0.d" },
	{ "_sip._tls.contoso.com", UCP_NAME_HOST, NULL },
	{ "_sip._tls.contoso.com", UCP_NAME_UNDERSCORE, "_sip._tls.contoso.com" },
	{ "a_b.contoso.com", UCP_NAME_UNDERSCORE, NULL },
	{ "sip contoso.com", UCP_NAME_HOST, NULL },
	{ "sip.contoso.com\n", UCP_NAME_HOST, NULL },
	{ "sip\".contoso.com", UCP_NAME_HOST, NULL },
	{ "sip;.contoso.com", UCP_NAME_HOST, NULL },
	{ "$origin.contoso.com", UCP_NAME_HOST, NULL },
	{ "(sip).contoso.com", UCP_NAME_HOST, NULL },
	{ "-sip.contoso.com", UCP_NAME_HOST, NULL },
	{ "sip-.contoso.com", UCP_NAME_HOST, NULL },
	{ "sip..contoso.com", UCP_NAME_HOST, NULL },
	{ "", UCP_NAME_HOST, NULL },
	{ ".", UCP_NAME_HOST, NULL },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", UCP_NAME_HOST,
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", UCP_NAME_HOST, NULL },
};

static void
test_normalize(void **state)
{
	char out[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *why = ucp_name_normalize(names[i].in, names[i].kind, out);

		if (names[i].out == NULL) {
			if (why == NULL)
				tu_fail("accepted \"%s\"", names[i].in);
		} else {
			if (why != NULL)
				tu_fail("rejected \"%s\": %s", names[i].in, why);
			assert_string_equal(out, names[i].out);
		}
	}
}

static void
test_long_name(void **state)
{
	char in[300], out[256];

	(void)state;
	memset(in, 'a', sizeof(in));
	for (size_t i = 10; i < 290; i += 10)
		in[i] = '.';
	in[254] = '\0';	/* 254 characters: too long */
	in[253] = 'x';
	assert_non_null(ucp_name_normalize(in, UCP_NAME_HOST, out));
	in[253] = '\0';
	assert_null(ucp_name_normalize(in, UCP_NAME_HOST, out));
}

static int
ldns_cmp(const char *a, const char *b)
{
	ldns_rdf *x = ldns_dname_new_frm_str(a), *y = ldns_dname_new_frm_str(b);
	int c = ldns_dname_compare(x, y);

	ldns_rdf_deep_free(x);
	ldns_rdf_deep_free(y);
	return c < 0 ? -1 : c > 0;
}

/* Unicode names become A-labels (IDNA 2008, libidn2). */
static void
test_idn(void **state)
{
	char out[256];

	(void)state;
	assert_null(ucp_name_normalize("münchen.example.com", UCP_NAME_HOST, out));
	assert_string_equal(out, "xn--mnchen-3ya.example.com");
	assert_null(ucp_name_normalize("SIP.Bücher.DE.", UCP_NAME_HOST, out));
	assert_string_equal(out, "sip.xn--bcher-kva.de");
	/* NFC: u + combining diaeresis is the same name. */
	assert_null(ucp_name_normalize("mu\xcc\x88nchen.example.com", UCP_NAME_HOST, out));
	assert_string_equal(out, "xn--mnchen-3ya.example.com");
	assert_non_null(ucp_name_normalize("bad\xff.example.com", UCP_NAME_HOST, out));
	assert_non_null(ucp_name_normalize("a\xe2\x98\x83" "b\x01.example.com", UCP_NAME_HOST, out));
}

static void
test_compare_matches_ldns(void **state)
{
	static const char *const list[] = {
		"contoso.com", "a.contoso.com", "z.contoso.com", "_sip._tls.contoso.com",
		"_sipinternaltls._tcp.contoso.com", "_sipfederationtls._tcp.contoso.com", "a-b.contoso.com",
		"ab.contoso.com", "a.b.contoso.com", "com", "contoso.net", "sip.contoso.com", "sip0.contoso.com",
		"9.contoso.com", "x.a.contoso.com", "corp.contoso.com", "dc01.corp.contoso.com",
	};
	size_t i, j, n = sizeof(list) / sizeof(list[0]);

	(void)state;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (ucp_name_compare(list[i], list[j]) != ldns_cmp(list[i], list[j]))
				tu_fail("%s vs %s: ucplan %d, ldns %d", list[i], list[j],
				    ucp_name_compare(list[i], list[j]), ldns_cmp(list[i], list[j]));
}

static void
test_addresses(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(ucp_addr_parse("203.0.113.20", out), 4);
	assert_string_equal(out, "203.0.113.20");
	assert_int_equal(ucp_addr_parse("2001:DB8:0:0::1", out), 6);
	assert_string_equal(out, "2001:db8::1");
	assert_int_equal(ucp_addr_parse("203.0.113.256", out), 0);
	assert_int_equal(ucp_addr_parse("203.0.113", out), 0);
	assert_int_equal(ucp_addr_parse("2001:db8::1::2", out), 0);
	assert_int_equal(ucp_addr_parse("mail.contoso.com", out), 0);
	assert_true(ucp_prefix_parse("10.0.0.0/8", out, sizeof(out), NULL));
	assert_string_equal(out, "10.0.0.0/8");
	assert_false(ucp_prefix_parse("10.0.0.0/33", out, sizeof(out), NULL));
	assert_false(ucp_prefix_parse("10.0.0.0/x", out, sizeof(out), NULL));
	assert_true(ucp_prefix_parse("2001:db8::/32", out, sizeof(out), NULL));
	{
		bool hb = true;

		assert_true(ucp_prefix_parse("10.0.0.0/8", out, sizeof(out), &hb));
		assert_false(hb);
		assert_true(ucp_prefix_parse("10.0.0.1/8", out, sizeof(out), &hb));
		assert_true(hb);
		assert_string_equal(out, "10.0.0.0/8");
		assert_true(ucp_prefix_parse("2001:db8::1/64", out, sizeof(out), &hb));
		assert_true(hb);
		assert_string_equal(out, "2001:db8::/64");
		assert_true(ucp_prefix_parse("192.168.1.0/23", out, sizeof(out), &hb));
		assert_true(hb);
		assert_string_equal(out, "192.168.0.0/23");
	}
	assert_true(ucp_addr_is_private("10.1.2.3"));
	assert_true(ucp_addr_is_private("172.31.0.1"));
	assert_false(ucp_addr_is_private("172.32.0.1"));
	assert_false(ucp_addr_is_private("203.0.113.1"));
	assert_true(ucp_name_is_internal("ad.fabrikam.local"));
	assert_true(ucp_name_is_internal("exch01"));
	assert_false(ucp_name_is_internal("mail.contoso.com"));
	/* The Public Suffix List decides: Andorra's .ad is public, unknown TLDs are not. */
	assert_false(ucp_name_is_internal("mail.andorra.ad"));
	assert_false(ucp_name_is_internal("sip.contoso.co.uk"));
	assert_false(ucp_name_is_internal("xn--mnchen-3ya.de"));
	assert_true(ucp_name_is_internal("dc1.contoso.corp"));
	assert_true(ucp_name_is_internal("nas.lan"));
	/* Special-use names, even below a public suffix such as arpa. */
	assert_true(ucp_name_is_internal("router.home.arpa"));
	assert_true(ucp_name_is_internal("exch.contoso.internal"));
	assert_true(ucp_name_is_internal("host.test"));
	assert_false(ucp_name_is_internal("ip6.arpa"));
}

static void
test_suffix(void **state)
{
	(void)state;
	assert_true(ucp_name_in("sip.contoso.com", "contoso.com"));
	assert_true(ucp_name_in("contoso.com", "contoso.com"));
	assert_false(ucp_name_in("xcontoso.com", "contoso.com"));
	assert_false(ucp_name_in("contoso.com", "sip.contoso.com"));
	assert_string_equal(ucp_name_parent("sip.contoso.com"), "contoso.com");
	assert_null(ucp_name_parent("com"));
	assert_int_equal(ucp_name_labels("a.b.c"), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_idn),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_compare_matches_ldns),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_suffix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
