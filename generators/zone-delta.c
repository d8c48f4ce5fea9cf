/* Zones as sets of records, read by ldns (see zone-delta.h). */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "generators/zone-delta.h"
#include "validate.h"
#include "ucplan/buf.h"

struct lines {
	struct ucp_strvec	 v;
	unsigned long		 serial;
};

static char *
rr_line(const ldns_rr *rr)
{
	char *s = ldns_rr2str(rr), *p, *line;
	size_t n;

	if (s == NULL)
		ucp_oom();
	for (p = s; *p; p++)
		if (*p == '\t')
			*p = ' ';
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	line = ucp_xrealloc(NULL, n + 1);
	memcpy(line, s, n);
	line[n] = '\0';
	LDNS_FREE(s);
	return line;
}

static void
add_line(void *arg, ldns_rr *rr, int lineno)
{
	struct lines *l = arg;

	(void)lineno;
	if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_SOA && ldns_rr_rdf(rr, 2) != NULL) {
		ldns_rdf *zero = ldns_native2rdf_int32(LDNS_RDF_TYPE_INT32, 0);

		l->serial = ldns_rdf2native_int32(ldns_rr_rdf(rr, 2));
		ldns_rdf_deep_free(ldns_rr_set_rdf(rr, zero, 2));
	}
	ucp_strvec_add(&l->v, rr_line(rr));
	ldns_rr_free(rr);
}

size_t
ucp_zone_lines(const char *text, size_t len, const char *origin, char ***lines, unsigned long *serial)
{
	struct lines l = { 0 };
	struct ucp_diags d;

	ucp_diags_init(&d);
	if (text != NULL && len > 0)
		(void)ucp_zone_parse(text, len, origin, add_line, &l, "", &d);
	ucp_diags_clear(&d);
	ucp_strvec_sort(&l.v);
	*lines = l.v.v;
	*serial = l.serial;
	return l.v.len;
}

void
ucp_zone_lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

void
ucp_lines_delta(char *const *old, size_t nold, char *const *new, size_t nnew,
    void (*fn)(void *arg, char sign, const char *line), void *arg)
{
	size_t i = 0, j = 0;

	while (i < nold || j < nnew) {
		int c = i == nold ? 1 : j == nnew ? -1 : strcmp(old[i], new[j]);

		if (c == 0) {
			i++;
			j++;
		} else if (c < 0) {
			fn(arg, '-', old[i++]);
		} else {
			fn(arg, '+', new[j++]);
		}
	}
}

bool
ucp_line_is_soa(const char *line)
{
	const char *p = line;
	int i;

	/* Owners hold no space (ldns writes it as \032): the type is the fourth word. */
	for (i = 0; i < 3 && p != NULL; i++)
		if ((p = strchr(p, ' ')) != NULL)
			p++;
	return p != NULL && strncmp(p, "SOA ", 4) == 0;
}
