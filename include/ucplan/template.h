/*
 * Strict text templates. `{{name}}` inserts a value, `{{name|ps}}` inserts it
 * as a PowerShell single-quoted literal (`|cnf`: an OpenSSL configuration
 * value, `|md`: a Markdown table cell), `{{#list}}…{{/list}}` repeats its body
 * for each item of a list, `{{!comment}}` is dropped. An
 * unknown placeholder or an unterminated section is an error naming the
 * template's file and line.
 */
#ifndef UCPLAN_TEMPLATE_H
#define UCPLAN_TEMPLATE_H

#include "ucplan/buf.h"
#include "ucplan/diag.h"
#include "ucplan/status.h"

struct ucp_tvars;
struct ucp_templates;

/* Creates an empty set of variables; free with ucp_tvars_free(). */
struct ucp_tvars *ucp_tvars_new(void);
/* Frees VARS and every list item below it. */
void ucp_tvars_free(struct ucp_tvars *vars);
/* Sets KEY to a formatted value (KEY is copied). */
void ucp_tvars_set(struct ucp_tvars *vars, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Returns the value of KEY in VARS itself, or NULL (borrowed). */
const char *ucp_tvars_get(const struct ucp_tvars *vars, const char *key);
/* Appends an item to list KEY and returns it (owned by VARS). */
struct ucp_tvars *ucp_tvars_push(struct ucp_tvars *vars, const char *key);
/* Declares list KEY, possibly empty. */
void ucp_tvars_list(struct ucp_tvars *vars, const char *key);
/* Sets the variables of item I of a list of rows (see ucp_tvars_rows). */
typedef void (*ucp_tvars_row_fn)(const void *arg, size_t i, struct ucp_tvars *item);
/*
 * Declares list KEY of N items whose variables FILL(ARG, i, item) sets while
 * the list is rendered, one item at a time: a list of thousands of zones
 * never exists as variables all at once. ARG must outlive the rendering.
 */
void ucp_tvars_rows(struct ucp_tvars *vars, const char *key, size_t n, ucp_tvars_row_fn fill, const void *arg);

/*
 * Opens the template set: files in DIR override the built-in ones; DIR may be
 * NULL. Free with ucp_templates_free().
 */
struct ucp_templates *ucp_templates_new(const char *dir);
void ucp_templates_free(struct ucp_templates *t);

/*
 * Renders template NAME with VARS into OUT. Errors go to DIAGS with the
 * template's location and UCP_ETEMPLATE is returned.
 */
enum ucp_status ucp_template_render(const struct ucp_templates *t, const char *name,
    const struct ucp_tvars *vars, struct ucp_buf *out, struct ucp_diags *diags);
/* Renders TEXT, called ORIGIN in messages. */
enum ucp_status ucp_template_render_text(const char *origin, const char *text,
    const struct ucp_tvars *vars, struct ucp_buf *out, struct ucp_diags *diags);

#endif
