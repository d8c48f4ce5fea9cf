/*
 * Strict templates: {{name}}, {{#list}}...{{/list}} and {{!comment}}. A tag
 * alone on its line takes the whole line with it, so templates stay readable.
 * Built-in templates are compiled into the binary; --templates DIR overrides
 * them file by file.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ucplan/embedded.h"
#include "ucplan/template.h"
#include "ucplan/rules.h"
#include "ucplan/buf.h"

struct tvar {
	char			*key;
	char			*value;		/* NULL for a list */
	struct ucp_tvars	**items;
	size_t			 nitems;
	bool			 is_list;
	ucp_tvars_row_fn	 fill;		/* a list of rows: nitems items made while rendering */
	const void		*fill_arg;
};

struct ucp_tvars {
	struct tvar		*vars;
	size_t			 len;
	const struct ucp_tvars	*parent;	/* set while rendering */
};

struct ucp_templates {
	char	*dir;
};

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(ucp_xrealloc(NULL, n), s, n);
}

struct ucp_tvars *
ucp_tvars_new(void)
{
	struct ucp_tvars *v = ucp_xrealloc(NULL, sizeof(*v));

	memset(v, 0, sizeof(*v));
	return v;
}

void
ucp_tvars_free(struct ucp_tvars *vars)
{
	size_t i, j;

	if (vars == NULL)
		return;
	for (i = 0; i < vars->len; i++) {
		free(vars->vars[i].key);
		free(vars->vars[i].value);
		for (j = 0; vars->vars[i].fill == NULL && j < vars->vars[i].nitems; j++)
			ucp_tvars_free(vars->vars[i].items[j]);
		free(vars->vars[i].items);
	}
	free(vars->vars);
	free(vars);
}

static struct tvar *
find_own(const struct ucp_tvars *vars, const char *key, size_t keylen)
{
	size_t i;

	for (i = 0; i < vars->len; i++)
		if (strlen(vars->vars[i].key) == keylen && strncmp(vars->vars[i].key, key, keylen) == 0)
			return &vars->vars[i];
	return NULL;
}

static struct tvar *
get_or_add(struct ucp_tvars *vars, const char *key)
{
	struct tvar *t = find_own(vars, key, strlen(key));

	if (t != NULL)
		return t;
	vars->vars = ucp_xrealloc(vars->vars, (vars->len + 1) * sizeof(*vars->vars));
	t = &vars->vars[vars->len++];
	memset(t, 0, sizeof(*t));
	t->key = xstrdup(key);
	return t;
}

void
ucp_tvars_set(struct ucp_tvars *vars, const char *key, const char *fmt, ...)
{
	struct tvar *t = get_or_add(vars, key);
	va_list ap;

	free(t->value);
	va_start(ap, fmt);
	if (vasprintf(&t->value, fmt, ap) < 0)
		ucp_oom();
	va_end(ap);
}

const char *
ucp_tvars_get(const struct ucp_tvars *vars, const char *key)
{
	const struct tvar *t = find_own(vars, key, strlen(key));

	return t != NULL ? t->value : NULL;
}

void
ucp_tvars_list(struct ucp_tvars *vars, const char *key)
{
	get_or_add(vars, key)->is_list = true;
}

struct ucp_tvars *
ucp_tvars_push(struct ucp_tvars *vars, const char *key)
{
	struct tvar *t = get_or_add(vars, key);
	struct ucp_tvars *item = ucp_tvars_new();

	t->is_list = true;
	t->items = ucp_xrealloc(t->items, (t->nitems + 1) * sizeof(*t->items));
	t->items[t->nitems++] = item;
	return item;
}

void
ucp_tvars_rows(struct ucp_tvars *vars, const char *key, size_t n, ucp_tvars_row_fn fill, const void *arg)
{
	struct tvar *t = get_or_add(vars, key);

	t->is_list = true;
	t->nitems = n;
	t->fill = fill;
	t->fill_arg = arg;
}

static const struct tvar *
lookup(const struct ucp_tvars *vars, const char *key, size_t keylen)
{
	const struct tvar *t;

	for (; vars != NULL; vars = vars->parent)
		if ((t = find_own(vars, key, keylen)) != NULL)
			return t;
	return NULL;
}

/* ---- rendering ------------------------------------------------------------ */

/* {{name|filter}}: the value quoted for the file's language. */
static const struct filter {
	const char	*name;
	void		(*quote)(struct ucp_buf *, const char *);
} filters[] = {
	{ "ps", ucp_buf_ps },
	{ "cnf", ucp_buf_cnf },
	{ "md", ucp_buf_md },
};

static const struct filter *
find_filter(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++)
		if (strlen(filters[i].name) == len && strncmp(filters[i].name, name, len) == 0)
			return &filters[i];
	return NULL;
}

struct render {
	const char		*origin;
	const char		*text;
	struct ucp_buf		*out;
	struct ucp_diags	*diags;
	bool			 failed;
};

static unsigned
line_at(const struct render *r, const char *p)
{
	unsigned line = 1;
	const char *q;

	for (q = r->text; q < p; q++)
		if (*q == '\n')
			line++;
	return line;
}

/* Reports WHAT about the tag {{PREFIX NAME}} at AT. */
static void
fail(struct render *r, const char *at, const char *what, const char *prefix, const char *name, size_t len)
{
	struct ucp_loc loc = { .file = r->origin, .line = line_at(r, at) };

	if (r->failed)
		return;
	if (len == 0 && *prefix == '\0')
		ucp_report(r->diags, &loc, UCP_R_TEMPLATE, "%s", what);
	else
		ucp_report(r->diags, &loc, UCP_R_TEMPLATE, "%s {{%s%.*s}}", what, prefix,
		    (int)len, name);
	r->failed = true;
}

/* True when the tag [start, end) is alone on its line; widens the range to the whole line. */
static bool
standalone(const struct render *r, const char **start, const char **end)
{
	const char *s = *start, *e = *end;

	while (s > r->text && (s[-1] == ' ' || s[-1] == '\t'))
		s--;
	if (s != r->text && s[-1] != '\n')
		return false;
	while (*e == ' ' || *e == '\t')
		e++;
	if (*e == '\n')
		e++;
	else if (*e != '\0')
		return false;
	*start = s;
	*end = e;
	return true;
}

/*
 * Renders from P until the closing tag of SECTION (or the end when SECTION is
 * NULL). Returns the position after the closing tag. EMIT false only scans.
 */
static const char *
render_part(struct render *r, const char *p, const char *section, size_t seclen, const char *sec_open,
    const struct ucp_tvars *vars, bool emit)
{
	while (*p != '\0' && !r->failed) {
		const char *open = strstr(p, "{{"), *close, *name, *tag_start, *tag_end;
		size_t len;
		char kind;

		if (open == NULL) {
			if (emit)
				ucp_buf_puts(r->out, p);
			p += strlen(p);
			break;
		}
		if ((close = strstr(open + 2, "}}")) == NULL) {
			fail(r, open, "unterminated tag", "", "", 0);
			return p;
		}
		kind = open[2];
		name = open + 2 + (kind == '#' || kind == '/' || kind == '!');
		len = (size_t)(close - name);
		tag_start = open;
		tag_end = close + 2;
		if (kind == '#' || kind == '/' || kind == '!')
			standalone(r, &tag_start, &tag_end);
		if (emit)
			ucp_buf_add(r->out, p, (size_t)(tag_start - p));
		p = tag_end;
		if (kind == '!')
			continue;
		if (kind == '/') {
			if (section == NULL || len != seclen || strncmp(name, section, len) != 0) {
				fail(r, open, "unexpected", "/", name, len);
				return p;
			}
			return p;
		}
		if (kind == '#') {
			const struct tvar *t = emit ? lookup(vars, name, len) : NULL;
			const char *after = NULL;
			size_t i;

			if (emit && (t == NULL || !t->is_list)) {
				fail(r, open, "unknown list", "#", name, len);
				return p;
			}
			if (!emit || t->nitems == 0) {
				after = render_part(r, p, name, len, open, vars, false);
			} else if (t->fill != NULL) {
				for (i = 0; i < t->nitems && !r->failed; i++) {
					struct ucp_tvars *item = ucp_tvars_new();

					t->fill(t->fill_arg, i, item);
					item->parent = vars;
					after = render_part(r, p, name, len, open, item, true);
					ucp_tvars_free(item);
				}
			} else {
				for (i = 0; i < t->nitems && !r->failed; i++) {
					t->items[i]->parent = vars;
					after = render_part(r, p, name, len, open, t->items[i], true);
					t->items[i]->parent = NULL;
				}
			}
			p = after;
			continue;
		}
		if (emit) {
			const char *bar = memchr(name, '|', len);
			size_t nlen = bar != NULL ? (size_t)(bar - name) : len;
			const struct tvar *t = lookup(vars, name, nlen);
			const struct filter *f = NULL;

			if (bar != NULL && (f = find_filter(bar + 1, len - nlen - 1)) == NULL) {
				fail(r, open, "unknown filter (ps, cnf, md) in", "", name, len);
				return p;
			}
			if (t == NULL || t->is_list) {
				fail(r, open, "unknown placeholder", "", name, len);
				return p;
			}
			if (f != NULL)
				f->quote(r->out, t->value);
			else
				ucp_buf_puts(r->out, t->value);
		}
	}
	if (section != NULL && !r->failed)
		fail(r, sec_open, "unterminated section", "#", section, seclen);
	return p;
}

enum ucp_status
ucp_template_render_text(const char *origin, const char *text, const struct ucp_tvars *vars,
    struct ucp_buf *out, struct ucp_diags *diags)
{
	struct render r = { .origin = origin, .text = text, .out = out, .diags = diags };

	render_part(&r, text, NULL, 0, NULL, vars, true);
	return r.failed ? UCP_ETEMPLATE : ucp_buf_status(out);
}

/* ---- template sets -------------------------------------------------------- */

struct ucp_templates *
ucp_templates_new(const char *dir)
{
	struct ucp_templates *t = ucp_xrealloc(NULL, sizeof(*t));

	t->dir = dir != NULL ? xstrdup(dir) : NULL;
	return t;
}

void
ucp_templates_free(struct ucp_templates *t)
{
	if (t == NULL)
		return;
	free(t->dir);
	free(t);
}

enum ucp_status
ucp_template_render(const struct ucp_templates *t, const char *name, const struct ucp_tvars *vars,
    struct ucp_buf *out, struct ucp_diags *diags)
{
	const struct ucp_embedded *e;
	enum ucp_status st;
	char *path, *text;

	if (t != NULL && t->dir != NULL) {
		if (asprintf(&path, "%s/%s", t->dir, name) < 0)
			return UCP_ENOMEM;
		text = ucp_read_file(path, NULL);
		if (text == NULL && errno != ENOENT) {
			ucp_report(diags, &(struct ucp_loc){ .file = path }, UCP_R_TEMPLATE,
			    "cannot read the template: %s", strerror(errno));
			free(path);
			return UCP_EIO;
		}
		if (text != NULL) {
			st = ucp_template_render_text(path, text, vars, out, diags);
			free(text);
			free(path);
			return st;
		}
		free(path);
	}
	if ((e = ucp_embedded_find(ucp_embedded_templates, name)) == NULL) {
		ucp_report(diags, NULL, UCP_R_TEMPLATE, "no template called %s", name);
		return UCP_ETEMPLATE;
	}
	if (asprintf(&path, "(built-in)/%s", name) < 0)
		return UCP_ENOMEM;
	st = ucp_template_render_text(path, e->text, vars, out, diags);
	free(path);
	return st;
}

const struct ucp_embedded *
ucp_embedded_find(const struct ucp_embedded *table, const char *name)
{
	for (; table->name != NULL; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
