/* The rule table: ids are unique, and ucplan.conf(5) lists exactly them, in order, with their severity. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ucplan/buf.h"
#include "ucplan/rules.h"

static void
test_unique(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < UCP_R_COUNT; i++) {
		assert_non_null(ucp_rule_table[i].id);
		assert_non_null(ucp_rule_table[i].summary);
		assert_ptr_equal(ucp_rule_find(ucp_rule_table[i].id), &ucp_rule_table[i]);
		for (j = 0; j < i; j++)
			assert_int_not_equal(strcasecmp(ucp_rule_table[i].id, ucp_rule_table[j].id), 0);
	}
	assert_null(ucp_rule_find("no-such-rule"));
}

/* The ".It Cm ID" entries of the RULES section, each followed by a line starting with the severity. */
static void
test_man_page(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096], *text, *p, *end;
	size_t n = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/doc/ucplan.conf.5.in", top != NULL ? top : "..");
	text = ucp_read_file(path, NULL);
	assert_non_null(text);
	p = strstr(text, "\n.Sh RULES");
	assert_non_null(p);
	end = strstr(p + 1, "\n.Sh ");
	assert_non_null(end);
	*end = '\0';
	while ((p = strstr(p, "\n.It Cm ")) != NULL) {
		char id[64], *nl, *q;
		const char *sev;

		p += strlen("\n.It Cm ");
		if (strncmp(p, "\\&", 2) == 0)
			p += 2;
		nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true((size_t)(nl - p) < sizeof(id));
		memcpy(id, p, (size_t)(nl - p));
		id[nl - p] = '\0';
		if (n >= UCP_R_COUNT)
			fail_msg("ucplan.conf(5) lists %s, which the rule table does not have", id);
		if (strcmp(id, ucp_rule_table[n].id) != 0)
			fail_msg("ucplan.conf(5) lists %s where the table has %s", id, ucp_rule_table[n].id);
		q = nl + 1;
		sev = ucp_severity_name(ucp_rule_table[n].severity);
		if (strncmp(q, sev, strlen(sev)) != 0)
			fail_msg("ucplan.conf(5) gives %s another severity than %s", id, sev);
		if (!ucp_rule_table[n].overridable && strncmp(q + strlen(sev), " (always)", 9) != 0)
			fail_msg("ucplan.conf(5) does not say that %s is always %s", id, sev);
		n++;
	}
	if (n != UCP_R_COUNT)
		fail_msg("ucplan.conf(5) lists %zu rules, the table %d (first missing: %s)", n, UCP_R_COUNT,
		    ucp_rule_table[n].id);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unique),
		cmocka_unit_test(test_man_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
