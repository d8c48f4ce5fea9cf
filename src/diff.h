/* Unified diffs of generated files against what is on disk (generate --check). */
#ifndef UCPLAN_DIFF_H
#define UCPLAN_DIFF_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Prints a unified diff (3 lines of context) from OLD to NEW for PATH. When
 * OLD_MISSING, the file is new and the diff is all additions from /dev/null;
 * when NEW is NULL, the file is removed and the diff is all deletions.
 */
void ucp_diff_print(FILE *fp, const char *path, const char *old, size_t oldlen,
    const char *new, size_t newlen, bool old_missing);

#endif
