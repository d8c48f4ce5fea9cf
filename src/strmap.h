/* A string-keyed hash map with borrowed keys, for name lookups without quadratic scans. */
#ifndef UCPLAN_STRMAP_H
#define UCPLAN_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ucp_strmap {
	const char	**keys;
	void		**values;
	uint64_t	 *hashes;	/* of each key, so probes and growth read no string */
	size_t		 cap;	/* power of two */
	size_t		 len;
};

/* The hash the map uses (eight bytes a step, then MurmurHash3's finaliser), for tables of their own. */
uint64_t ucp_strmap_hash(const char *s);
/* Initialises an empty map. */
void ucp_strmap_init(struct ucp_strmap *m);
/* Frees the table (keys and values are borrowed). */
void ucp_strmap_clear(struct ucp_strmap *m);
/* Returns the value of KEY, or NULL. */
void *ucp_strmap_get(const struct ucp_strmap *m, const char *key);
/* True when KEY is present. */
bool ucp_strmap_has(const struct ucp_strmap *m, const char *key);
/* Sets KEY (borrowed; must outlive the map) to VALUE; returns the previous value. */
void *ucp_strmap_put(struct ucp_strmap *m, const char *key, void *value);
/*
 * The value slot of KEY, added with a NULL value when absent (KEY borrowed):
 * one probe where get-then-put takes two. Valid until the map next grows.
 */
void **ucp_strmap_slot(struct ucp_strmap *m, const char *key);
/*
 * As ucp_strmap_slot(), and *KEYP is set to the slot's key: when the value is
 * still NULL (KEY new), the caller may store there an equal string that
 * outlives the map, so a key is copied only when it is added.
 */
void **ucp_strmap_entry(struct ucp_strmap *m, const char *key, const char ***keyp);

/*
 * A set of strings kept elsewhere, by their numbers: string I is the pointer
 * at BASE + I * STRIDE (the first member of an array's element). A slot is
 * 32 bits of a string's hash and its number + 1, 8 bytes where the map takes
 * 24, and the table is sized once for all of them: a hoster's list of
 * 100,000 domains is checked for duplicates and nesting in 2 MiB.
 */
struct ucp_strset {
	uint64_t	*slots;
	size_t		 mask;
	const char	*base;
	size_t		 stride;
};
/* An empty set for up to N strings (numbers below 2^32 - 1). */
void ucp_strset_init(struct ucp_strset *s, size_t n, const void *base, size_t stride);
void ucp_strset_clear(struct ucp_strset *s);
/* The number of the string equal to KEY in S, or -1. */
long ucp_strset_find(const struct ucp_strset *s, const char *key);
/* Adds string I; or, when an equal string is in S already, returns its number (and adds nothing); -1 when added. */
long ucp_strset_add(struct ucp_strset *s, size_t i);

#endif
