/* A growable text buffer with a sticky error: all generated text goes through it. */
#ifndef UCPLAN_BUF_H
#define UCPLAN_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "ucplan/status.h"

struct ucp_buf {
	char	*data;		/* always NUL-terminated when len > 0 or cap > 0 */
	size_t	 len;
	size_t	 cap;
	bool	 failed;	/* sticky: set by a length that cannot be represented */
};

/* Initialises an empty buffer; allocates nothing. */
void ucp_buf_init(struct ucp_buf *b);
/* Frees the buffer's memory and leaves it empty. */
void ucp_buf_clear(struct ucp_buf *b);
/* Empties the buffer but keeps its memory. */
void ucp_buf_reset(struct ucp_buf *b);
/* Appends LEN bytes of S. */
void ucp_buf_add(struct ucp_buf *b, const char *s, size_t len);
/* Appends the NUL-terminated string S. */
void ucp_buf_puts(struct ucp_buf *b, const char *s);
/* Appends formatted text. */
void ucp_buf_printf(struct ucp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends spaces until the current line is at least COLUMN characters wide. */
void ucp_buf_pad(struct ucp_buf *b, size_t column);
/* Appends the N strings of LIST separated by SEP. */
void ucp_buf_join(struct ucp_buf *b, const char *const *list, size_t n, const char *sep);
/* Returns the contents (never NULL; "" when empty). Borrowed from B. */
const char *ucp_buf_str(const struct ucp_buf *b);
/* Returns UCP_ENOMEM if any operation failed since init/reset, else UCP_OK. */
enum ucp_status ucp_buf_status(const struct ucp_buf *b);
/* Takes the contents out of B (caller frees with free()); B is left empty. */
char *ucp_buf_export(struct ucp_buf *b);

/*
 * Quoting for the languages generated files are written in; each appends S
 * so that whatever it holds stays one value in that language:
 * - ucp_buf_ps: a PowerShell single-quoted literal, quotes included; every
 *   character PowerShell takes for a single quote (' and U+2018..U+201B) is
 *   doubled, so nothing in S can end the string;
 * - ucp_buf_cnf: an OpenSSL configuration value, with \ before each of
 *   ' " \ $ # (OpenSSL strips unescaped quotes and expands $);
 * - ucp_buf_md: a Markdown table cell, with | escaped and line breaks as spaces.
 */
void ucp_buf_ps(struct ucp_buf *b, const char *s);
void ucp_buf_cnf(struct ucp_buf *b, const char *s);
void ucp_buf_md(struct ucp_buf *b, const char *s);

/*
 * The one out-of-memory policy, for every allocation in ucplan: a failed
 * allocation says so on stderr and aborts (a plan that does not fit in memory
 * cannot be published half).
 */
void ucp_oom(void) __attribute__((noreturn));
/* realloc(), or ucp_oom(). */
void *ucp_xrealloc(void *p, size_t n);

/* A growing array of strings it owns (malloc'd). Zero-initialise to start. */
struct ucp_strvec {
	char	**v;
	size_t	 len, cap;
};

/* Appends S, taking ownership. */
void ucp_strvec_add(struct ucp_strvec *sv, char *s);
/* Sorts the strings (strcmp order). */
void ucp_strvec_sort(struct ucp_strvec *sv);
/* Frees the strings and empties SV, keeping its room. */
void ucp_strvec_reset(struct ucp_strvec *sv);
/* Frees the strings and the array. */
void ucp_strvec_clear(struct ucp_strvec *sv);

/* Reads the whole file at PATH; returns NULL with errno set on failure. Caller frees. */
char *ucp_read_file(const char *path, size_t *lenp);

#endif
