/*
 * What generate --check found (spec 10.5): for zone files the records added
 * and removed, for other files a unified diff, then one summary line; or the
 * same as one JSON document.
 */
#ifndef UCPLAN_PREVIEW_H
#define UCPLAN_PREVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct ucp_preview;

/* An empty preview; JSON selects the JSON document. Free with ucp_preview_free(). */
struct ucp_preview *ucp_preview_new(bool json);
void ucp_preview_free(struct ucp_preview *pv);
/*
 * Adds the change of the file at PATH from OLD (NULL when it does not exist)
 * to NEW (NULL when it would be deleted). Files under bind/VIEW/db.ZONE are
 * compared record by record; any other file as lines.
 */
void ucp_preview_add(struct ucp_preview *pv, const char *path, const char *old, size_t oldlen, const char *new,
    size_t newlen);
/* Prints the zones (in the order added), the deleted files, the other files' diffs and the summary. */
void ucp_preview_print(struct ucp_preview *pv, FILE *fp);

#endif
