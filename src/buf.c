/* The growable text buffer behind all generated output. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ucplan/buf.h"

void
ucp_buf_init(struct ucp_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void
ucp_buf_clear(struct ucp_buf *b)
{
	free(b->data);
	ucp_buf_init(b);
}

void
ucp_buf_reset(struct ucp_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static bool
reserve(struct ucp_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->failed)
		return false;
	if (extra > (size_t)-1 - b->len - 1)
		goto fail;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL)
		ucp_oom();
	b->data = p;
	b->cap = cap;
	return true;
fail:
	b->failed = true;
	return false;
}

void
ucp_buf_add(struct ucp_buf *b, const char *s, size_t len)
{
	if (!reserve(b, len))
		return;
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
ucp_buf_puts(struct ucp_buf *b, const char *s)
{
	ucp_buf_add(b, s, strlen(s));
}

void
ucp_buf_printf(struct ucp_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!reserve(b, 0))
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		if (!reserve(b, (size_t)n))
			return;
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
ucp_buf_pad(struct ucp_buf *b, size_t column)
{
	size_t start = b->len, width;

	while (start > 0 && b->data[start - 1] != '\n')
		start--;
	for (width = b->len - start; width < column; width++)
		ucp_buf_add(b, " ", 1);
}

void
ucp_buf_join(struct ucp_buf *b, const char *const *list, size_t n, const char *sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			ucp_buf_puts(b, sep);
		ucp_buf_puts(b, list[i]);
	}
}

const char *
ucp_buf_str(const struct ucp_buf *b)
{
	return b->data != NULL ? b->data : "";
}

enum ucp_status
ucp_buf_status(const struct ucp_buf *b)
{
	return b->failed ? UCP_ENOMEM : UCP_OK;
}

char *
ucp_buf_export(struct ucp_buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = calloc(1, 1);
	ucp_buf_init(b);
	return p;
}

void
ucp_buf_ps(struct ucp_buf *b, const char *s)
{
	const unsigned char *p;

	ucp_buf_puts(b, "'");
	for (p = (const unsigned char *)s; *p; p++) {
		/* U+2018..U+201B are E2 80 98..9B in UTF-8. */
		if (*p == '\'') {
			ucp_buf_add(b, "''", 2);
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9b) {
			ucp_buf_add(b, (const char *)p, 3);
			ucp_buf_add(b, (const char *)p, 3);
			p += 2;
		} else {
			ucp_buf_add(b, (const char *)p, 1);
		}
	}
	ucp_buf_puts(b, "'");
}

void
ucp_buf_cnf(struct ucp_buf *b, const char *s)
{
	for (; *s; s++) {
		if (strchr("'\"\\$#", *s) != NULL)
			ucp_buf_add(b, "\\", 1);
		ucp_buf_add(b, s, 1);
	}
}

void
ucp_buf_md(struct ucp_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			ucp_buf_add(b, "\\|", 2);
		else if (*s == '\n' || *s == '\r')
			ucp_buf_add(b, " ", 1);
		else
			ucp_buf_add(b, s, 1);
	}
}

void *
ucp_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		ucp_oom();
	return p;
}

void
ucp_strvec_add(struct ucp_strvec *sv, char *s)
{
	if (sv->len == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = ucp_xrealloc(sv->v, sv->cap * sizeof(*sv->v));
	}
	sv->v[sv->len++] = s;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
ucp_strvec_sort(struct ucp_strvec *sv)
{
	if (sv->len > 1)
		qsort(sv->v, sv->len, sizeof(*sv->v), cmp_str);
}

void
ucp_strvec_reset(struct ucp_strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->len; i++)
		free(sv->v[i]);
	sv->len = 0;
}

void
ucp_strvec_clear(struct ucp_strvec *sv)
{
	ucp_strvec_reset(sv);
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}

void
ucp_oom(void)
{
	fputs("ucplan: out of memory\n", stderr);
	abort();
}

char *
ucp_read_file(const char *path, size_t *lenp)
{
	struct ucp_buf b;
	char chunk[8192];
	ssize_t n;
	int fd, saved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	ucp_buf_init(&b);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		ucp_buf_add(&b, chunk, (size_t)n);
	saved = errno;
	close(fd);
	if (n < 0 || b.failed) {
		ucp_buf_clear(&b);
		errno = n < 0 ? saved : ENOMEM;
		return NULL;
	}
	if (lenp != NULL)
		*lenp = b.len;
	return ucp_buf_export(&b);
}
