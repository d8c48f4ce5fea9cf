/* Unit tests: the text buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ucplan/buf.h"

static void
test_grow_and_format(void **state)
{
	struct ucp_buf b;
	char *s;
	int i;

	(void)state;
	ucp_buf_init(&b);
	assert_string_equal(ucp_buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		ucp_buf_printf(&b, "%d,", i);
	assert_int_equal(ucp_buf_status(&b), UCP_OK);
	assert_true(strncmp(ucp_buf_str(&b), "0,1,2,", 6) == 0);
	assert_int_equal(b.len, strlen(ucp_buf_str(&b)));
	ucp_buf_reset(&b);
	ucp_buf_puts(&b, "ab");
	ucp_buf_pad(&b, 5);
	ucp_buf_puts(&b, "c\nd");
	ucp_buf_pad(&b, 3);
	ucp_buf_puts(&b, "e");
	assert_string_equal(ucp_buf_str(&b), "ab   c\nd  e");
	s = ucp_buf_export(&b);
	assert_string_equal(s, "ab   c\nd  e");
	assert_int_equal(b.len, 0);
	free(s);
	ucp_buf_clear(&b);
}

static void
test_sticky_error(void **state)
{
	struct ucp_buf b;

	(void)state;
	ucp_buf_init(&b);
	b.failed = true;
	ucp_buf_puts(&b, "x");
	assert_int_equal(ucp_buf_status(&b), UCP_ENOMEM);
	assert_int_equal(b.len, 0);
	ucp_buf_reset(&b);
	ucp_buf_puts(&b, "x");
	assert_int_equal(ucp_buf_status(&b), UCP_OK);
	ucp_buf_clear(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_format),
		cmocka_unit_test(test_sticky_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
