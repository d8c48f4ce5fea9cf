/* Unit tests: the text buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void
test_join_and_read(void **state)
{
	static const char *const list[] = { "a", "bb", "c" };
	struct ucp_buf b;
	char path[] = "/tmp/ucplan-buf.XXXXXX", *text;
	size_t len;
	int fd;

	(void)state;
	ucp_buf_init(&b);
	ucp_buf_join(&b, list, 3, ", ");
	assert_string_equal(ucp_buf_str(&b), "a, bb, c");
	ucp_buf_reset(&b);
	ucp_buf_join(&b, list, 0, ", ");
	assert_string_equal(ucp_buf_str(&b), "");
	ucp_buf_clear(&b);
	fd = mkstemp(path);
	assert_int_equal(write(fd, "zone\0data", 9), 9);
	close(fd);
	text = ucp_read_file(path, &len);
	assert_non_null(text);
	assert_int_equal(len, 9);
	assert_memory_equal(text, "zone\0data", 9);
	free(text);
	unlink(path);
	assert_null(ucp_read_file(path, &len));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_format),
		cmocka_unit_test(test_sticky_error),
		cmocka_unit_test(test_join_and_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
