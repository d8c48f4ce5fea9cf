/* Host name and address checks, and the canonical DNS order. */
#include <arpa/inet.h>
#include <ctype.h>
#include <idn2.h>
#include <libpsl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "name.h"

static const char *check_ascii(const char *in, enum ucp_name_kind kind, char *out);

/*
 * A name with non-ASCII characters is converted to A-labels (IDNA 2008 with
 * NFC, libidn2): münchen.example becomes xn--mnchen-3ya.example.
 */
const char *
ucp_name_normalize(const char *in, enum ucp_name_kind kind, char *out)
{
	static char why[160];
	const unsigned char *p;
	const char *res;
	char *ascii;
	int rc;

	for (p = (const unsigned char *)in; *p && *p < 0x80; p++)
		;
	if (*p == '\0')
		return check_ascii(in, kind, out);
	rc = idn2_to_ascii_8z(in, &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
	if (rc != IDN2_OK) {
		snprintf(why, sizeof(why), "not a valid internationalised name (%s)", idn2_strerror(rc));
		return why;
	}
	res = check_ascii(ascii, kind, out);
	idn2_free(ascii);
	return res;
}

static const char *
check_ascii(const char *in, enum ucp_name_kind kind, char *out)
{
	size_t len = strlen(in), label = 0, i;

	if (len > 0 && in[len - 1] == '.')
		len--;
	if (len == 0)
		return "empty name";
	if (len > 253)
		return "name longer than 253 characters";
	for (i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)(i < len ? in[i] : '.');

		if (c == '.') {
			if (label == 0)
				return "empty label";
			if (out[i - 1] == '-')
				return "label ends with '-'";
			label = 0;
			out[i] = '.';
			continue;
		}
		if (++label > 63)
			return "label longer than 63 characters";
		c = (unsigned char)tolower(c);
		if (c == '-' && label == 1)
			return "label starts with '-'";
		if (c == '_') {
			if (kind != UCP_NAME_UNDERSCORE || label != 1)
				return "'_' is allowed only at the start of SRV, TXT and CNAME owner labels";
		} else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
			if (c == ' ' || c == '\t')
				return "names cannot contain white space";
			if (c < 0x20 || c >= 0x7f)
				return "names cannot contain control or non-ASCII characters";
			return "names may contain only letters, digits and '-'";
		}
		out[i] = (char)c;
	}
	out[len] = '\0';
	return NULL;
}

size_t
ucp_name_labels(const char *name)
{
	size_t n = 1;

	for (; *name; name++)
		if (*name == '.')
			n++;
	return n;
}

const char *
ucp_name_parent(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot != NULL ? dot + 1 : NULL;
}

bool
ucp_name_in(const char *name, const char *zone)
{
	size_t n = strlen(name), z = strlen(zone);

	if (n == z)
		return strcmp(name, zone) == 0;
	return n > z && name[n - z - 1] == '.' && strcmp(name + n - z, zone) == 0;
}

/* Compares labels from the right; a name that runs out of labels first sorts first. */
int
ucp_name_compare(const char *a, const char *b)
{
	size_t ra = strlen(a), rb = strlen(b);

	for (;;) {
		size_t la = ra, lb = rb, na, nb;
		int c;

		if (ra == 0 || rb == 0)
			return ra == rb ? 0 : (ra == 0 ? -1 : 1);
		while (la > 0 && a[la - 1] != '.')
			la--;
		while (lb > 0 && b[lb - 1] != '.')
			lb--;
		na = ra - la;
		nb = rb - lb;
		if ((c = memcmp(a + la, b + lb, na < nb ? na : nb)) != 0)
			return c < 0 ? -1 : 1;
		if (na != nb)
			return na < nb ? -1 : 1;
		ra = la > 0 ? la - 1 : 0;
		rb = lb > 0 ? lb - 1 : 0;
	}
}

int
ucp_addr_parse(const char *addr, char *out)
{
	unsigned char bin[16];

	if (strchr(addr, ':') == NULL) {
		if (inet_pton(AF_INET, addr, bin) != 1)
			return 0;
		inet_ntop(AF_INET, bin, out, 46);
		return 4;
	}
	if (inet_pton(AF_INET6, addr, bin) != 1)
		return 0;
	inet_ntop(AF_INET6, bin, out, 46);
	return 6;
}

bool
ucp_prefix_parse(const char *prefix, char *out, size_t outlen, bool *hostbits)
{
	char addr[64], canon[46], *slash, *end;
	long len = -1;
	int family;

	if (hostbits != NULL)
		*hostbits = false;
	if (strcmp(prefix, "any") == 0 || strcmp(prefix, "none") == 0 ||
	    strcmp(prefix, "localhost") == 0 || strcmp(prefix, "localnets") == 0) {
		snprintf(out, outlen, "%s", prefix);
		return true;
	}
	if (strlen(prefix) >= sizeof(addr))
		return false;
	strcpy(addr, prefix);
	if ((slash = strchr(addr, '/')) != NULL) {
		*slash++ = '\0';
		if (!isdigit((unsigned char)*slash))
			return false;
		len = strtol(slash, &end, 10);
		if (*end != '\0')
			return false;
	}
	if ((family = ucp_addr_parse(addr, canon)) == 0)
		return false;
	if (len > (family == 4 ? 32 : 128))
		return false;
	if (len >= 0 && hostbits != NULL) {
		unsigned char b[16];
		long i;

		inet_pton(family == 4 ? AF_INET : AF_INET6, canon, b);
		for (i = len; i < (family == 4 ? 32 : 128); i++) {
			if (b[i / 8] & (0x80 >> (i % 8))) {
				*hostbits = true;
				b[i / 8] &= (unsigned char)~(0x80 >> (i % 8));
			}
		}
		if (*hostbits) {
			/* OUT names the network the prefix meant, for the message. */
			inet_ntop(family == 4 ? AF_INET : AF_INET6, b, canon, sizeof(canon));
			snprintf(out, outlen, "%s/%ld", canon, len);
			return true;
		}
	}
	if (len >= 0)
		snprintf(out, outlen, "%s/%ld", canon, len);
	else
		snprintf(out, outlen, "%s", canon);
	return true;
}

bool
ucp_prefix_contains(const char *prefix, const char *addr)
{
	unsigned char net[16], a[16];
	char copy[64], *slash;
	int family = strchr(addr, ':') != NULL ? AF_INET6 : AF_INET;
	long len, i;

	if (strlen(prefix) >= sizeof(copy))
		return false;
	strcpy(copy, prefix);
	if ((slash = strchr(copy, '/')) != NULL)
		*slash++ = '\0';
	if (inet_pton(family, copy, net) != 1 || inet_pton(family, addr, a) != 1)
		return false;
	len = slash != NULL ? strtol(slash, NULL, 10) : (family == AF_INET ? 32 : 128);
	for (i = 0; i < len; i++)
		if ((net[i / 8] ^ a[i / 8]) & (0x80 >> (i % 8)))
			return false;
	return true;
}

bool
ucp_addr_is_private(const char *addr)
{
	unsigned char b[16];

	if (inet_pton(AF_INET, addr, b) == 1)
		return b[0] == 10 || b[0] == 127 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
		    (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
	if (inet_pton(AF_INET6, addr, b) == 1)
		return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) ||
		    (memcmp(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 16) == 0);
	return false;
}

/*
 * Special-use names that never resolve publicly, whatever the Public Suffix
 * List says of their parents: RFC 6761 (test, localhost, invalid, example),
 * RFC 6762 (local), RFC 8375 (home.arpa), RFC 9476 (alt), onion (RFC 7686)
 * and the TLD ICANN reserved for private use (internal).
 */
static const char *const special_use[] = {
	"test", "localhost", "invalid", "example", "local", "home.arpa", "alt", "onion", "internal",
};

bool
ucp_name_is_internal(const char *name)
{
	static const psl_ctx_t *psl;
	const char *tld = strrchr(name, '.');
	size_t i;

	if (tld == NULL)
		return true;
	for (i = 0; i < sizeof(special_use) / sizeof(special_use[0]); i++)
		if (ucp_name_in(name, special_use[i]))
			return true;
	/* The newest of libpsl's built-in list and the system's copy, loaded once. */
	if (psl == NULL && (psl = psl_latest(NULL)) == NULL)
		psl = psl_builtin();
	if (psl == NULL)
		return false;
	/* Public when its top-level label is a suffix on the list (no "*" rule for unknown TLDs). */
	return psl_is_public_suffix2(psl, tld + 1, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) == 0;
}
