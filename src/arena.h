/* A region allocator: the planner allocates the whole plan from one arena and frees it in one call. */
#ifndef UCPLAN_ARENA_H
#define UCPLAN_ARENA_H

#include <stddef.h>

struct ucp_arena;

/* Creates an empty arena, or returns NULL when out of memory. */
struct ucp_arena *ucp_arena_new(void);
/* Frees the arena and everything allocated from it. A may be NULL. */
void ucp_arena_free(struct ucp_arena *a);
/* Returns SIZE zeroed bytes; aborts when out of memory (the arena is for small plans). */
void *ucp_arena_alloc(struct ucp_arena *a, size_t size);
/* As ucp_arena_alloc(), aligned to ALIGN (a power of two) only. */
void *ucp_arena_alloc_aligned(struct ucp_arena *a, size_t size, size_t align);
/*
 * A zeroed TYPE aligned as the type needs and no more: the planner makes one
 * per record and per name, and rounding a 72-byte record up to max_align_t
 * cost a ninth of them.
 */
#define UCP_ARENA_NEW(a, type) ((type *)ucp_arena_alloc_aligned((a), sizeof(type), _Alignof(type)))
/* Returns a copy of S (NULL stays NULL). */
char *ucp_arena_strdup(struct ucp_arena *a, const char *s);
/* Returns a formatted string. */
char *ucp_arena_printf(struct ucp_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable array of pointers allocated in an arena. */
struct ucp_ptrs {
	const void	**items;
	size_t		 len;
	size_t		 cap;
};
/* Appends P to V. */
void ucp_ptrs_add(struct ucp_arena *a, struct ucp_ptrs *v, const void *p);

#endif
