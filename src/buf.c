/* The growable text buffer behind all generated output. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		goto fail;
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
