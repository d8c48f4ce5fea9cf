/* Unit tests: strict templates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

/* Like fail_msg(), but visible in cmocka's TAP output as a "# " comment. */
#define tu_fail(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); fail(); } while (0)
#include <string.h>

#include "ucplan/template.h"

static enum ucp_status
render(const char *text, const struct ucp_tvars *vars, struct ucp_buf *out, struct ucp_diags *d)
{
	ucp_buf_reset(out);
	return ucp_template_render_text("t.tmpl", text, vars, out, d);
}

static void
test_values_and_lists(void **state)
{
	struct ucp_tvars *v = ucp_tvars_new(), *item;
	struct ucp_diags d;
	struct ucp_buf b;

	(void)state;
	ucp_diags_init(&d);
	ucp_buf_init(&b);
	ucp_tvars_set(v, "name", "%s", "contoso");
	item = ucp_tvars_push(v, "hosts");
	ucp_tvars_set(item, "h", "a");
	item = ucp_tvars_push(v, "hosts");
	ucp_tvars_set(item, "h", "b");
	ucp_tvars_list(v, "empty");
	assert_int_equal(render("x {{name}} y\n{{#hosts}}\n- {{h}} of {{name}}\n{{/hosts}}\n{{#empty}}\nnever {{nothing}}\n{{/empty}}\n{{! a comment }}\nend\n",
	    v, &b, &d), UCP_OK);
	assert_string_equal(ucp_buf_str(&b), "x contoso y\n- a of contoso\n- b of contoso\nend\n");
	assert_int_equal(d.errors, 0);
	ucp_tvars_free(v);
	ucp_buf_clear(&b);
	ucp_diags_clear(&d);
}

static void
row(const void *arg, size_t i, struct ucp_tvars *item)
{
	const char *const *names = arg;

	ucp_tvars_set(item, "h", "%s", names[i]);
	/* A row sets only its own variables: the next row must not see this one. */
	if (i == 0)
		ucp_tvars_set(item, "first", "yes");
}

/* A list of rows renders like pushed items, each made only while it is rendered. */
static void
test_rows(void **state)
{
	static const char *const names[] = { "a", "b", "c" };
	struct ucp_tvars *v = ucp_tvars_new();
	struct ucp_diags d;
	struct ucp_buf b;

	(void)state;
	ucp_diags_init(&d);
	ucp_buf_init(&b);
	ucp_tvars_set(v, "name", "%s", "contoso");
	ucp_tvars_rows(v, "hosts", 3, row, names);
	ucp_tvars_rows(v, "none", 0, row, names);
	assert_int_equal(render("{{#hosts}}\n- {{h}} of {{name}}\n{{/hosts}}\n{{#none}}\nnever\n{{/none}}\nend\n", v, &b, &d),
	    UCP_OK);
	assert_string_equal(ucp_buf_str(&b), "- a of contoso\n- b of contoso\n- c of contoso\nend\n");
	/* "first" belongs to the first row alone. */
	assert_int_equal(render("{{#hosts}}\n{{h}} {{first}}\n{{/hosts}}\n", v, &b, &d), UCP_ETEMPLATE);
	assert_int_equal(d.errors, 1);
	ucp_tvars_free(v);
	ucp_buf_clear(&b);
	ucp_diags_clear(&d);
}

static void
test_errors_have_lines(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 line;
		const char	*msg;
	} cases[] = {
		{ "a\nb {{nope}}\n", 2, "unknown placeholder {{nope}}" },
		{ "a\n\n{{#nolist}}x{{/nolist}}\n", 3, "unknown list {{#nolist}}" },
		{ "{{#l}}\nx\n", 1, "unterminated section {{#l}}" },
		{ "x {{/l}}\n", 1, "unexpected {{/l}}" },
		{ "x\n{{name\n", 2, "unterminated tag" },
		{ "x\n{{#l}}{{#l}}x{{/l}}\n", 2, "unterminated section {{#l}}" },
	};
	struct ucp_tvars *v = ucp_tvars_new();
	struct ucp_buf b;
	size_t i;

	(void)state;
	ucp_buf_init(&b);
	ucp_tvars_set(v, "name", "n");
	ucp_tvars_set(ucp_tvars_push(v, "l"), "x", "1");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ucp_diags d;

		ucp_diags_init(&d);
		assert_int_equal(render(cases[i].text, v, &b, &d), UCP_ETEMPLATE);
		assert_int_equal(d.errors, 1);
		assert_string_equal(d.items[0].file, "t.tmpl");
		if (d.items[0].line != cases[i].line || strcmp(d.items[0].message, cases[i].msg) != 0)
			tu_fail("case %zu: got line %u \"%s\"", i, d.items[0].line, d.items[0].message);
		ucp_diags_clear(&d);
	}
	ucp_tvars_free(v);
	ucp_buf_clear(&b);
}

static void
test_builtin_and_override(void **state)
{
	struct ucp_templates *t = ucp_templates_new(NULL);
	struct ucp_tvars *v = ucp_tvars_new();
	struct ucp_diags d;
	struct ucp_buf b;

	(void)state;
	ucp_diags_init(&d);
	ucp_buf_init(&b);
	assert_int_equal(ucp_template_render(t, "no-such.tmpl", v, &b, &d), UCP_ETEMPLATE);
	assert_int_equal(d.errors, 1);
	ucp_templates_free(t);
	ucp_tvars_free(v);
	ucp_buf_clear(&b);
	ucp_diags_clear(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_and_lists),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_errors_have_lines),
		cmocka_unit_test(test_builtin_and_override),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
