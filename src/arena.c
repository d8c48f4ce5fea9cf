/* Region allocator for the plan and the model. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ucplan/buf.h"

struct block {
	struct block	*next;
	size_t		 used;
	size_t		 size;
	max_align_t	 data[];
};

struct ucp_arena {
	struct block	*head;
};

#define BLOCK_SIZE (64 * 1024)

struct ucp_arena *
ucp_arena_new(void)
{
	return calloc(1, sizeof(struct ucp_arena));
}

void
ucp_arena_free(struct ucp_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

/*
 * SIZE bytes aligned to ALIGN (a power of two), uninitialised. Strings take
 * alignment 1: at hosting scale the plan holds millions of short names, and
 * rounding each up to max_align_t cost a fifth of their bytes.
 */
static void *
take(struct ucp_arena *a, size_t size, size_t align)
{
	struct block *b = a->head;
	size_t off = b != NULL ? (b->used + align - 1) & ~(align - 1) : 0;
	void *p;

	if (b == NULL || off > b->size || b->size - off < size) {
		size_t bsize = size > BLOCK_SIZE ? size : BLOCK_SIZE;

		if ((b = malloc(sizeof(*b) + bsize)) == NULL)
			ucp_oom();
		b->size = bsize;
		b->next = a->head;
		a->head = b;
		off = 0;
	}
	p = (char *)b->data + off;
	b->used = off + size;
	return p;
}

void *
ucp_arena_alloc_aligned(struct ucp_arena *a, size_t size, size_t align)
{
	void *p = take(a, size > 0 ? size : 1, align);

	memset(p, 0, size);
	return p;
}

void *
ucp_arena_alloc(struct ucp_arena *a, size_t size)
{
	return ucp_arena_alloc_aligned(a, size, sizeof(max_align_t));
}

char *
ucp_arena_strdup(struct ucp_arena *a, const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = take(a, n, 1);
	memcpy(p, s, n);
	return p;
}

char *
ucp_arena_printf(struct ucp_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		ucp_oom();
	p = take(a, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
ucp_ptrs_add(struct ucp_arena *a, struct ucp_ptrs *v, const void *p)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		const void **items = ucp_arena_alloc(a, cap * sizeof(*items));

		if (v->len > 0)
			memcpy(items, v->items, v->len * sizeof(*items));
		v->items = items;
		v->cap = cap;
	}
	v->items[v->len++] = p;
}
