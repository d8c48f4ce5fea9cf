/* Open-addressing hash map from strings to pointers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "ucplan/buf.h"

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
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
	ucp_strmap_init(m);
}

static size_t
slot(const struct ucp_strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void *
ucp_strmap_get(const struct ucp_strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	i = slot(m, key);
	return m->keys[i] != NULL ? m->values[i] : NULL;
}

bool
ucp_strmap_has(const struct ucp_strmap *m, const char *key)
{
	return m->cap != 0 && m->keys[slot(m, key)] != NULL;
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
	if (n.keys == NULL || n.values == NULL)
		ucp_oom();
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] == NULL)
			continue;
		j = slot(&n, m->keys[i]);
		n.keys[j] = m->keys[i];
		n.values[j] = m->values[i];
	}
	free(m->keys);
	free(m->values);
	*m = n;
}

void *
ucp_strmap_put(struct ucp_strmap *m, const char *key, void *value)
{
	void *old;
	size_t i;

	if ((m->len + 1) * 2 > m->cap)
		grow(m);
	i = slot(m, key);
	old = m->values[i];
	if (m->keys[i] == NULL) {
		m->keys[i] = key;
		m->len++;
		old = NULL;
	}
	m->values[i] = value;
	return old;
}
