/* Unit tests: RFC 1982 serial arithmetic and the YYYYMMDD00 serial. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

/* Like fail_msg(), but visible in cmocka's TAP output as a "# " comment. */
#define tu_fail(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); fail(); } while (0)

#include "serial.h"

static void
test_today(void **state)
{
	(void)state;
	assert_int_equal(ucp_serial_today(0), 1970010100u);
	assert_int_equal(ucp_serial_today(1764028800), 2025112500u);	/* 2025-11-25 00:00 UTC */
	assert_int_equal(ucp_serial_today(1764028800 + 86399), 2025112500u);
	assert_int_equal(ucp_serial_today(1764028800 + 86400), 2025112600u);
}

static void
test_rfc1982(void **state)
{
	static const struct { uint32_t a, b; bool gt; } cases[] = {
		{ 2, 1, true }, { 1, 2, false }, { 1, 1, false },
		{ 0, 4294967295u, true },		/* wrapped */
		{ 4294967295u, 0, false },
		{ 2025112500u, 4294967295u, true },	/* within 2^31 after the wrap */
		{ 0x80000000u, 0, false },		/* undefined: not greater */
		{ 0x7fffffffu, 0, true },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (ucp_serial_gt(cases[i].a, cases[i].b) != cases[i].gt)
			tu_fail("%u > %u should be %d", cases[i].a, cases[i].b, cases[i].gt);
}

static void
test_next(void **state)
{
	(void)state;
	assert_int_equal(ucp_serial_next(2025112500u, 2025112500u), 2025112501u);
	assert_int_equal(ucp_serial_next(2025112500u, 2025112600u), 2025112600u);
	assert_int_equal(ucp_serial_next(2025112599u, 2025112500u), 2025112600u);
	/* Near 2^32 the serial wraps and stays greater than the old one. */
	assert_int_equal(ucp_serial_next(4294967295u, 4000000000u), 0u);
	assert_true(ucp_serial_gt(ucp_serial_next(4294967295u, 4000000000u), 4294967295u));
	assert_int_equal(ucp_serial_next(4294967295u, 2025112500u), 2025112500u);
	assert_true(ucp_serial_gt(2025112500u, 4294967295u));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_rfc1982),
		cmocka_unit_test(test_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
