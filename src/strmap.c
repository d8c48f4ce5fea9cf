/* Open-addressing hash map from strings to pointers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "ucplan/buf.h"

/*
 * Eight bytes a step, each multiplied in and rotated so the next step's
 * multiply carries the high bits down; then MurmurHash3's finaliser, since a
 * power-of-two table reads the low bits. Byte-at-a-time FNV-1a took a
 * dependent multiply per character.
 */
uint64_t
ucp_strmap_hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = ((h << 23 | h >> 41) ^ w) * 0x517cc1b727220a95ULL;
	}
	w = 0;
	memcpy(&w, s, n);
	h = ((h << 23 | h >> 41) ^ w) * 0x517cc1b727220a95ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void
ucp_strmap_init(struct ucp_strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
ucp_strmap_clear(struct ucp_strmap *m)
{
	free(m->keys);
	free(m->values);
	free(m->hashes);
	ucp_strmap_init(m);
}

/*
 * The slot of KEY (hash H): its own, or the empty one where it would go.
 * Stored hashes are compared first, so a probe past other keys reads no key
 * string: at hosting scale the strings are scattered and every read missed
 * the cache.
 */
static size_t
slot(const struct ucp_strmap *m, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->keys[i] != NULL && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *
ucp_strmap_get(const struct ucp_strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = slot(m, key, ucp_strmap_hash(key));
	return m->keys[i] != NULL ? m->values[i] : NULL;
}

bool
ucp_strmap_has(const struct ucp_strmap *m, const char *key)
{
	return m->cap != 0 && m->keys[slot(m, key, ucp_strmap_hash(key))] != NULL;
}

static void
grow(struct ucp_strmap *m)
{
	struct ucp_strmap n;
	size_t i, j;

	n.cap = m->cap ? m->cap * 2 : 64;
	n.len = m->len;
	n.keys = calloc(n.cap, sizeof(*n.keys));
	n.values = calloc(n.cap, sizeof(*n.values));
	n.hashes = calloc(n.cap, sizeof(*n.hashes));
	if (n.keys == NULL || n.values == NULL || n.hashes == NULL)
		ucp_oom();
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] == NULL)
			continue;
		/* Keys are distinct: the first empty slot from the stored hash is theirs. */
		for (j = (size_t)m->hashes[i] & (n.cap - 1); n.keys[j] != NULL; j = (j + 1) & (n.cap - 1))
			;
		n.keys[j] = m->keys[i];
		n.values[j] = m->values[i];
		n.hashes[j] = m->hashes[i];
	}
	free(m->keys);
	free(m->values);
	free(m->hashes);
	*m = n;
}

void **
ucp_strmap_entry(struct ucp_strmap *m, const char *key, const char ***keyp)
{
	uint64_t h = ucp_strmap_hash(key);
	size_t i;

	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	i = slot(m, key, h);
	if (m->keys[i] == NULL) {
		m->keys[i] = key;
		m->hashes[i] = h;
		m->values[i] = NULL;
		m->len++;
	}
	if (keyp != NULL)
		*keyp = &m->keys[i];
	return &m->values[i];
}

void **
ucp_strmap_slot(struct ucp_strmap *m, const char *key)
{
	return ucp_strmap_entry(m, key, NULL);
}

void *
ucp_strmap_put(struct ucp_strmap *m, const char *key, void *value)
{
	void **v = ucp_strmap_slot(m, key), *old = *v;

	*v = value;
	return old;
}

static const char *
strset_string(const struct ucp_strset *s, size_t i)
{
	return *(const char *const *)(const void *)(s->base + i * s->stride);
}

void
ucp_strset_init(struct ucp_strset *s, size_t n, const void *base, size_t stride)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	if ((s->slots = calloc(cap, sizeof(*s->slots))) == NULL)
		ucp_oom();
	s->mask = cap - 1;
	s->base = base;
	s->stride = stride;
}

void
ucp_strset_clear(struct ucp_strset *s)
{
	free(s->slots);
	memset(s, 0, sizeof(*s));
}

/* The slot of KEY (hash H): its string's, or the empty one where it would go. */
static size_t
strset_slot(const struct ucp_strset *s, const char *key, uint64_t h)
{
	size_t j;

	for (j = (size_t)h & s->mask; s->slots[j] != 0; j = (j + 1) & s->mask) {
		if (s->slots[j] >> 32 == h >> 32 && strcmp(strset_string(s, (uint32_t)s->slots[j] - 1), key) == 0)
			break;
	}
	return j;
}

long
ucp_strset_find(const struct ucp_strset *s, const char *key)
{
	size_t j = strset_slot(s, key, ucp_strmap_hash(key));

	return s->slots[j] != 0 ? (long)((uint32_t)s->slots[j] - 1) : -1;
}

long
ucp_strset_add(struct ucp_strset *s, size_t i)
{
	const char *key = strset_string(s, i);
	uint64_t h = ucp_strmap_hash(key);
	size_t j = strset_slot(s, key, h);

	if (s->slots[j] != 0)
		return (long)((uint32_t)s->slots[j] - 1);
	s->slots[j] = (h >> 32 << 32) | (uint32_t)(i + 1);
	return -1;
}
