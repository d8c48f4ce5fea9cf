/* Collecting, sorting and printing diagnostics. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ucplan/diag.h"
#include "ucplan/buf.h"
#include "strmap.h"

static char *
xstrdup(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		ucp_oom();
	return p;
}

void
ucp_diags_init(struct ucp_diags *d)
{
	memset(d, 0, sizeof(*d));
}

void
ucp_diags_like(struct ucp_diags *d, const struct ucp_diags *like)
{
	size_t i;

	ucp_diags_init(d);
	d->verbose = like->verbose;
	d->quiet = like->quiet;
	for (i = 0; i < like->noverrides; i++)
		ucp_diags_override(d, like->override_rule[i], like->override_sev[i]);
}

void
ucp_diags_clear(struct ucp_diags *d)
{
	size_t i;

	for (i = 0; i < d->len; i++) {
		free(d->items[i].file);
		free(d->items[i].setting);
		free(d->items[i].message);
	}
	free(d->items);
	free(d->override_rule);
	free(d->override_sev);
	ucp_diags_init(d);
}

void
ucp_diags_override(struct ucp_diags *d, const char *rule, enum ucp_severity sev)
{
	size_t n = d->noverrides + 1;
	const char **r = realloc(d->override_rule, n * sizeof(*r));
	enum ucp_severity *s;

	if (r == NULL)
		ucp_oom();
	d->override_rule = r;
	if ((s = realloc(d->override_sev, n * sizeof(*s))) == NULL)
		ucp_oom();
	d->override_sev = s;
	r[n - 1] = rule;
	s[n - 1] = sev;
	d->noverrides = n;
}

/* Room in D for one more diagnostic. */
static void
room_for_one(struct ucp_diags *d)
{
	struct ucp_diag *items;
	size_t cap;

	if (d->len < d->cap)
		return;
	cap = d->cap ? d->cap * 2 : 16;
	if ((items = realloc(d->items, cap * sizeof(*items))) == NULL)
		ucp_oom();
	d->items = items;
	d->cap = cap;
}

void
ucp_diags_vadd(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_severity severity,
    bool fixed, const char *rule, const char *fmt, va_list ap)
{
	struct ucp_diag *g;
	size_t i;
	int n;

	if (!fixed) {
		for (i = 0; i < d->noverrides; i++)
			if (strcasecmp(d->override_rule[i], rule) == 0)
				severity = d->override_sev[i];
	}
	if (severity == UCP_SEV_IGNORE || (severity == UCP_SEV_NOTE && !d->verbose))
		return;
	room_for_one(d);
	g = &d->items[d->len];
	memset(g, 0, sizeof(*g));
	g->severity = severity;
	g->rule = rule;
	g->seq = d->len;
	if (loc != NULL) {
		g->file = xstrdup(loc->file);
		g->line = loc->line;
		if (loc->elem != 0) {
			if (asprintf(&g->setting, "%s[%u]", loc->path != NULL ? loc->path : "", loc->elem - 1) < 0)
				ucp_oom();
		} else {
			g->setting = xstrdup(loc->path);
		}
	}
	n = vasprintf(&g->message, fmt, ap);
	if (n < 0)
		ucp_oom();
	d->len++;
	if (severity == UCP_SEV_ERROR)
		d->errors++;
	else if (severity == UCP_SEV_WARNING)
		d->warnings++;
}

static int
cmp_diag(const void *pa, const void *pb)
{
	const struct ucp_diag *a = pa, *b = pb;
	int c;

	c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The identity of a diagnostic within its file and line: severity, rule, setting and message. */
static char *
diag_key(const struct ucp_diag *g)
{
	char *key;

	if (asprintf(&key, "%d\037%s\037%s\037%s", (int)g->severity, g->rule, g->setting != NULL ? g->setting : "",
	    g->message) < 0)
		ucp_oom();
	return key;
}

/* Forgets the keys of one file and line. */
static void
forget(struct ucp_strmap *seen, struct ucp_strvec *keys)
{
	ucp_strvec_reset(keys);
	ucp_strmap_clear(seen);
}

void
ucp_diags_sort(struct ucp_diags *d)
{
	struct ucp_strmap seen;
	struct ucp_strvec keys = { 0 };
	size_t i, out = 0, group = 0;

	if (d->len > 1)
		qsort(d->items, d->len, sizeof(d->items[0]), cmp_diag);
	ucp_strmap_init(&seen);
	/*
	 * The same message twice for one line says nothing new: keep the first.
	 * A set per line, not a scan of it: a hoster's domain list is one line
	 * with tens of thousands of notes.
	 */
	for (i = 0; i < d->len; i++) {
		char *key;

		if (out > 0 && (d->items[i].line != d->items[group].line ||
		    !same_text(d->items[i].file, d->items[group].file))) {
			group = out;
			forget(&seen, &keys);
		}
		key = diag_key(&d->items[i]);
		if (ucp_strmap_has(&seen, key)) {
			free(key);
			if (d->items[i].severity == UCP_SEV_ERROR)
				d->errors--;
			else if (d->items[i].severity == UCP_SEV_WARNING)
				d->warnings--;
			free(d->items[i].file);
			free(d->items[i].setting);
			free(d->items[i].message);
			continue;
		}
		ucp_strmap_put(&seen, key, key);
		ucp_strvec_add(&keys, key);
		d->items[out++] = d->items[i];
	}
	forget(&seen, &keys);
	ucp_strvec_clear(&keys);
	d->len = out;
}

void
ucp_diags_append(struct ucp_diags *d, struct ucp_diags *from)
{
	size_t i;

	for (i = 0; i < from->len; i++) {
		room_for_one(d);
		d->items[d->len] = from->items[i];
		d->items[d->len].seq = d->len;
		d->len++;
	}
	d->errors += from->errors;
	d->warnings += from->warnings;
	free(from->items);
	from->items = NULL;
	from->len = from->cap = from->errors = from->warnings = 0;
}

void
ucp_diags_print(const struct ucp_diags *d, FILE *fp)
{
	const struct ucp_diag *g;
	size_t i;

	for (i = 0; i < d->len; i++) {
		g = &d->items[i];
		if (d->quiet && g->severity < UCP_SEV_ERROR)
			continue;
		if (g->file != NULL && g->line > 0)
			fprintf(fp, "%s:%u: ", g->file, g->line);
		else if (g->file != NULL)
			fprintf(fp, "%s: ", g->file);
		else
			fputs("ucplan: ", fp);
		fprintf(fp, "%s: ", ucp_severity_name(g->severity));
		if (g->setting != NULL)
			fprintf(fp, "%s: ", g->setting);
		fprintf(fp, "%s [%s]\n", g->message, g->rule);
	}
}

static const char *const severity_names[] = {
	[UCP_SEV_IGNORE] = "ignore",
	[UCP_SEV_NOTE] = "note",
	[UCP_SEV_WARNING] = "warning",
	[UCP_SEV_ERROR] = "error",
};

const char *
ucp_severity_name(enum ucp_severity sev)
{
	return severity_names[sev];
}

bool
ucp_severity_parse(const char *name, enum ucp_severity *sev)
{
	size_t i;

	for (i = 0; i < sizeof(severity_names) / sizeof(severity_names[0]); i++) {
		if (strcmp(name, severity_names[i]) == 0) {
			*sev = (enum ucp_severity)i;
			return true;
		}
	}
	return false;
}
