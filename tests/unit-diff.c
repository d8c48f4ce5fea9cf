/* Unit tests: the line diff of generate --check, and the record delta of zones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "generators/zone-delta.h"
#include "preview.h"
#include "ucplan/buf.h"

/* Applies unified diff DIFF to OLD; returns the result (malloc'd). */
static char *
apply(const char *old, const char *diff)
{
	struct ucp_buf out;
	const char *o = old, *d = diff;
	size_t oline = 1;

	ucp_buf_init(&out);
	while ((d = strstr(d, "\n@@ -")) != NULL) {
		unsigned long start;

		d += 5;
		start = strtoul(d, NULL, 10);
		if (start == 0)
			start = 1;
		/* Copy the old lines before the hunk. */
		while (oline < start) {
			const char *nl = strchr(o, '\n');

			ucp_buf_add(&out, o, (size_t)(nl - o) + 1);
			o = nl + 1;
			oline++;
		}
		d = strchr(d, '\n') + 1;
		while (*d == ' ' || *d == '-' || *d == '+') {
			const char *nl = strchr(d, '\n');

			if (*d != '-')
				ucp_buf_add(&out, d + 1, (size_t)(nl - d));
			if (*d != '+') {
				o = strchr(o, '\n') + 1;
				oline++;
			}
			d = nl + 1;
		}
		d--;
	}
	ucp_buf_puts(&out, o);
	return ucp_buf_export(&out);
}

static char *
diff_of(const char *a, const char *b)
{
	char *s;
	size_t len;
	FILE *fp = open_memstream(&s, &len);

	assert_non_null(fp);
	ucp_diff_print(fp, "f", a, strlen(a), b, strlen(b), false);
	fclose(fp);
	return s;
}

/* Files of N lines with a few lines changed, inserted and deleted far apart. */
static void
check_roundtrip(unsigned n, unsigned seed, unsigned edits)
{
	struct ucp_buf a, b;
	char *d, *got;
	unsigned i, hunks = 0;

	srand(seed);
	ucp_buf_init(&a);
	ucp_buf_init(&b);
	for (i = 0; i < n; i++) {
		int r = rand() % (int)(n / edits + 1);

		ucp_buf_printf(&a, "line %u\n", i);
		if (r == 0)
			ucp_buf_printf(&b, "changed %u\n", i);
		else if (r == 1)
			ucp_buf_printf(&b, "inserted before %u\nline %u\n", i, i);
		else if (r != 2)
			ucp_buf_printf(&b, "line %u\n", i);
	}
	d = diff_of(ucp_buf_str(&a), ucp_buf_str(&b));
	got = apply(ucp_buf_str(&a), d);
	assert_string_equal(got, ucp_buf_str(&b));
	for (const char *p = d; (p = strstr(p, "\n@@ ")) != NULL; p++)
		hunks++;
	/* Aligned, not replaced whole: hunks stay small. */
	assert_true(strlen(d) < 500 + (size_t)edits * 600);
	assert_true(hunks >= 1);
	free(d);
	free(got);
	ucp_buf_clear(&a);
	ucp_buf_clear(&b);
}

static void
test_small_files(void **state)
{
	(void)state;
	check_roundtrip(50, 1, 5);
	check_roundtrip(400, 2, 20);
}

/* Beyond the LCS table (over 2048 lines each side): Myers' algorithm. */
static void
test_large_files_few_edits(void **state)
{
	unsigned seed;

	(void)state;
	for (seed = 1; seed <= 5; seed++)
		check_roundtrip(30000, seed, 10);
	check_roundtrip(240000, 9, 3);
}

/* One zone stanza inserted in a long file: one hunk of it and its context. */
static void
test_insertion_in_long_file(void **state)
{
	struct ucp_buf a, b;
	char *d;
	unsigned i;

	(void)state;
	ucp_buf_init(&a);
	ucp_buf_init(&b);
	for (i = 0; i < 100000; i++) {
		ucp_buf_printf(&a, "zone \"t%u\" {\n};\n", i);
		ucp_buf_printf(&b, "zone \"t%u\" {\n};\n", i);
		if (i == 5000)
			ucp_buf_puts(&b, "zone \"new\" {\n};\n");
	}
	d = diff_of(ucp_buf_str(&a), ucp_buf_str(&b));
	assert_non_null(strstr(d, "\n+zone \"new\" {\n+};\n"));
	assert_true(strlen(d) < 300);
	free(d);
	ucp_buf_clear(&a);
	ucp_buf_clear(&b);
}

static const char *zone_old =
    "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1.example.com. hostmaster.example.com. 2025112500 3600 600 1209600 300\n"
    "@ IN NS ns1.example.com.\nwww IN A 192.0.2.1\nmail IN A 192.0.2.2\n";
static const char *zone_new =
    "; a comment\n$ORIGIN example.com.\n$TTL 3600\n"
    "@ IN SOA ns1.example.com. hostmaster.example.com. 2025112501 3600 600 1209600 300\n"
    "@ IN NS ns1.example.com.\nmail IN A 192.0.2.2\nwww IN A 192.0.2.3\n";

static void
note(void *arg, char sign, const char *line)
{
	ucp_buf_printf(arg, "%c %s\n", sign, line);
}

/* Records, not text: a new serial and a comment are no difference; one changed address is. */
static void
test_zone_delta(void **state)
{
	char **a, **b;
	unsigned long sa, sb;
	size_t na, nb;
	struct ucp_buf out;

	(void)state;
	na = ucp_zone_lines(zone_old, strlen(zone_old), "example.com", &a, &sa);
	nb = ucp_zone_lines(zone_new, strlen(zone_new), "example.com", &b, &sb);
	assert_int_equal(na, 4);
	assert_int_equal(nb, 4);
	assert_int_equal(sa, 2025112500);
	assert_int_equal(sb, 2025112501);
	ucp_buf_init(&out);
	ucp_lines_delta(a, na, b, nb, note, &out);
	assert_string_equal(ucp_buf_str(&out),
	    "- www.example.com. 3600 IN A 192.0.2.1\n+ www.example.com. 3600 IN A 192.0.2.3\n");
	ucp_buf_clear(&out);
	ucp_zone_lines_free(a, na);
	ucp_zone_lines_free(b, nb);
}

/* The SOA shows only when more than its serial changed, with the real serials; a TXT mentioning SOA is a TXT. */
static void
test_soa_lines(void **state)
{
	static const char *a =
	    "$ORIGIN example.com.\n@ 300 IN SOA ns1.example.com. hostmaster.example.com. 7 3600 600 1209600 300\n"
	    "@ 300 IN NS ns1.example.com.\n";
	static const char *b =
	    "$ORIGIN example.com.\n@ 300 IN SOA ns1.example.com. admin.example.com. 8 3600 600 1209600 300\n"
	    "@ 300 IN NS ns1.example.com.\nx 300 IN TXT \"x IN SOA y\"\n";
	struct ucp_preview *pv = ucp_preview_new(false);
	char *s;
	size_t len;
	FILE *fp = open_memstream(&s, &len);

	(void)state;
	assert_true(ucp_line_is_soa("example.com. 300 IN SOA ns1.example.com. h.example.com. 0 1 2 3 4"));
	assert_false(ucp_line_is_soa("x.example.com. 300 IN TXT \"x IN SOA y\""));
	ucp_preview_add(pv, "bind/internal/db.example.com", a, strlen(a), b, strlen(b));
	ucp_preview_print(pv, fp);
	fclose(fp);
	assert_string_equal(s,
	    "@ internal example.com (bind/internal/db.example.com, serial 7 -> 8)\n"
	    "+ example.com. 300 IN SOA ns1.example.com. admin.example.com. 8 3600 600 1209600 300\n"
	    "- example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 7 3600 600 1209600 300\n"
	    "+ x.example.com. 300 IN TXT \"x IN SOA y\"\n"
	    "1 zone: +2 -1 records; 0 other files\n");
	free(s);
	ucp_preview_free(pv);
}

/* The preview: zones record by record, other files as diffs, one summary line. */
static void
test_preview_text(void **state)
{
	struct ucp_preview *pv = ucp_preview_new(false);
	char *s;
	size_t len;
	FILE *fp = open_memstream(&s, &len);

	(void)state;
	ucp_preview_add(pv, "bind/external/db.example.com", zone_old, strlen(zone_old), zone_new, strlen(zone_new));
	ucp_preview_add(pv, "bind/internal/db.gone.example", zone_old, strlen(zone_old), NULL, 0);
	ucp_preview_add(pv, "report/plan.md", "a\nb\n", 4, "a\nc\n", 4);
	ucp_preview_print(pv, fp);
	fclose(fp);
	assert_string_equal(s,
	    "@ external example.com (bind/external/db.example.com, serial 2025112500 -> 2025112501)\n"
	    "- www.example.com. 3600 IN A 192.0.2.1\n"
	    "+ www.example.com. 3600 IN A 192.0.2.3\n"
	    "deleted bind/internal/db.gone.example (zone gone.example, internal view, 4 records)\n"
	    "--- a/report/plan.md\n+++ b/report/plan.md\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
	    "2 zones: +1 -5 records; 1 other file\n");
	free(s);
	ucp_preview_free(pv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_files),
		cmocka_unit_test(test_large_files_few_edits),
		cmocka_unit_test(test_insertion_in_long_file),
		cmocka_unit_test(test_zone_delta),
		cmocka_unit_test(test_preview_text),
		cmocka_unit_test(test_soa_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
