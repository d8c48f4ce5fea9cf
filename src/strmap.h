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

#endif
