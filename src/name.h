/* Host names and addresses as the configuration may give them (spec section 2). */
#ifndef UCPLAN_NAME_H
#define UCPLAN_NAME_H

#include <stdbool.h>
#include <stddef.h>

enum ucp_name_kind {
	UCP_NAME_HOST,		/* labels [a-z0-9-] only */
	UCP_NAME_UNDERSCORE,	/* labels may also start with '_' (SRV/TXT/CNAME owners) */
};

/*
 * Normalises IN into OUT (lower case, no trailing dot; Unicode converted to
 * xn-- A-labels). Returns NULL on success or a static message saying what is
 * wrong. OUT must hold 254 bytes.
 */
const char *ucp_name_normalize(const char *in, enum ucp_name_kind kind, char *out);

/* Returns the number of labels of NAME (no trailing dot). */
size_t ucp_name_labels(const char *name);

/* Returns the parent of NAME (the name minus its first label), or NULL for a single label. */
const char *ucp_name_parent(const char *name);

/* True when NAME equals ZONE or lies below it. */
bool ucp_name_in(const char *name, const char *zone);

/* RFC 4034 section 6.1 canonical order of two normalised names. */
int ucp_name_compare(const char *a, const char *b);

/*
 * Checks an IPv4 or IPv6 literal. Returns 4 or 6 and writes the canonical
 * form to OUT (at least 46 bytes), or 0 when ADDR is not an address.
 */
int ucp_addr_parse(const char *addr, char *out);

/*
 * Checks an address prefix "ADDR[/LEN]" or "any"/"none"; writes the canonical
 * form. When the address has bits set beyond LEN, *HOSTBITS (when not NULL) is
 * set and OUT holds the network meant instead (10.0.0.1/8 gives 10.0.0.0/8).
 */
bool ucp_prefix_parse(const char *prefix, char *out, size_t outlen, bool *hostbits);

/* True when ADDR lies inside PREFIX ("ADDR[/LEN]", canonical, same family). */
bool ucp_prefix_contains(const char *prefix, const char *addr);

/* True for RFC 1918, loopback, link-local and unique-local addresses. */
bool ucp_addr_is_private(const char *addr);

/*
 * True when NAME cannot be on a public certificate or in the external view:
 * a single label, a special-use name (.local, home.arpa, .internal, ...) or a
 * top-level label the Public Suffix List does not know (.corp, .lan).
 */
bool ucp_name_is_internal(const char *name);

#endif
