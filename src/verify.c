/*
 * ucplan verify (spec 11). DNS: every planned RRset of each view is asked of
 * that view's server (without recursion, from --source so BIND's
 * match-clients picks the view) and its answer compared with the plan: ok,
 * missing, different, extra; a name the plan has in one view only must not
 * answer in the other (leak). One query is in flight at a time, each with
 * its timeout and retries, so a silent server costs at most that. TLS: every
 * planned endpoint with a certificate is connected to (or where --connect
 * sends it) with SNI, and the presented certificate is read: planned names it
 * does not cover, the reverse proxy's subject-as-first-SAN rule, key size,
 * days to expiry. The chain is not judged.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <ldns/ldns.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "strmap.h"
#include "validate.h"
#include "verify.h"
#include "ucplan/buf.h"

enum { VERIFY_OK = 0, VERIFY_DIFFERS = 3, VERIFY_UNREACHABLE = 4 };

struct run {
	const struct ucp_verify_opts	*o;
	json_t				*dns, *tls;
	size_t				 checked, ok;
	int				 rc;
};

static void
worse(struct run *r, int rc)
{
	if (rc > r->rc)
		r->rc = rc;
}

bool
ucp_hostport_parse(const char *s, unsigned defport, struct ucp_hostport *hp)
{
	const char *colon, *end;
	char buf[64];
	size_t n;
	unsigned char tmp[16];
	char *e;

	hp->port = defport;
	if (*s == '[') {
		if ((end = strchr(s, ']')) == NULL || (n = (size_t)(end - s - 1)) >= sizeof(hp->addr))
			return false;
		memcpy(hp->addr, s + 1, n);
		hp->addr[n] = '\0';
		colon = end[1] == ':' ? end + 1 : NULL;
		if (end[1] != '\0' && colon == NULL)
			return false;
	} else if ((colon = strchr(s, ':')) != NULL && strchr(colon + 1, ':') != NULL) {
		if (strlen(s) >= sizeof(hp->addr))	/* a bare IPv6 address */
			return false;
		strcpy(hp->addr, s);
		colon = NULL;
	} else {
		n = colon != NULL ? (size_t)(colon - s) : strlen(s);
		if (n >= sizeof(hp->addr))
			return false;
		memcpy(hp->addr, s, n);
		hp->addr[n] = '\0';
	}
	if (colon != NULL) {
		long p = strtol(colon + 1, &e, 10);

		if (*e != '\0' || p < 1 || p > 65535 || colon[1] == '\0')
			return false;
		hp->port = (unsigned)p;
	}
	snprintf(buf, sizeof(buf), "%s", hp->addr);
	return inet_pton(AF_INET, buf, tmp) == 1 || inet_pton(AF_INET6, buf, tmp) == 1;
}

static json_t *
jfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static json_t *
jfmt(const char *fmt, ...)
{
	va_list ap;
	char *s;
	json_t *j;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		ucp_oom();
	va_end(ap);
	j = json_string(s);
	free(s);
	return j;
}

static json_t *
strings(char **v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

/* ---- DNS ---------------------------------------------------------------------- */

static ldns_rdf *
addr_rdf(const char *addr)
{
	return ldns_rdf_new_frm_str(strchr(addr, ':') != NULL ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A, addr);
}

static ldns_resolver *
resolver(const struct ucp_hostport *hp, double timeout, uint8_t tries)
{
	ldns_resolver *r = ldns_resolver_new();
	ldns_rdf *ns = addr_rdf(hp->addr);
	struct timeval tv;

	if (r == NULL || ns == NULL || ldns_resolver_push_nameserver(r, ns) != LDNS_STATUS_OK)
		ucp_oom();
	ldns_rdf_deep_free(ns);
	ldns_resolver_set_port(r, (uint16_t)hp->port);
	ldns_resolver_set_recursive(r, false);
	ldns_resolver_set_retry(r, tries);
	ldns_resolver_set_retrans(r, 0);
	ldns_resolver_set_fallback(r, true);
	ldns_resolver_set_random(r, false);
	tv.tv_sec = (time_t)timeout;
	tv.tv_usec = (suseconds_t)((timeout - (double)tv.tv_sec) * 1e6);
	ldns_resolver_set_timeout(r, tv);
	return r;
}

/* The RDATA of RR as one canonical line (names lower case). */
static char *
rdata_line(ldns_rr *rr)
{
	struct ucp_buf b;
	size_t i;

	ldns_rr2canonical(rr);
	ucp_buf_init(&b);
	for (i = 0; i < ldns_rr_rd_count(rr); i++) {
		char *s = ldns_rdf2str(ldns_rr_rdf(rr, i));

		if (s == NULL)
			ucp_oom();
		ucp_buf_printf(&b, "%s%s", i > 0 ? " " : "", s);
		free(s);
	}
	return ucp_buf_export(&b);
}

/* One planned RRset of a view. */
struct rrset {
	const char	*owner;		/* without trailing dot */
	enum ucp_rrtype	 type;
	struct ucp_strvec data;		/* canonical RDATA lines, sorted */
};

struct view_sets {
	struct rrset		*v;
	size_t			 len, cap;
	struct ucp_strmap	 index;		/* "owner type" -> index + 1 */
	struct ucp_strmap	 owners;	/* owner -> its first rrset + 1 */
	struct ucp_strvec	 keys;		/* index's keys, to free */
};

static void
plan_rr(struct view_sets *vs, const char *owner, enum ucp_rrtype type, uint32_t ttl, const char *data)
{
	char *key, *text;
	ldns_rr *rr = NULL;
	uintptr_t i;

	if (asprintf(&key, "%s %s", owner, ucp_rrtype_name(type)) < 0 ||
	    asprintf(&text, "%s. %u IN %s %s", owner, ttl, ucp_rrtype_name(type), data) < 0)
		ucp_oom();
	if ((i = (uintptr_t)ucp_strmap_get(&vs->index, key)) == 0) {
		if (vs->len == vs->cap) {
			vs->cap = vs->cap ? vs->cap * 2 : 64;
			vs->v = ucp_xrealloc(vs->v, vs->cap * sizeof(*vs->v));
		}
		memset(&vs->v[vs->len], 0, sizeof(vs->v[vs->len]));
		vs->v[vs->len].owner = owner;
		vs->v[vs->len].type = type;
		ucp_strvec_add(&vs->keys, key);
		i = ++vs->len;
		ucp_strmap_put(&vs->index, key, (void *)i);
		if (!ucp_strmap_has(&vs->owners, owner))
			ucp_strmap_put(&vs->owners, owner, (void *)i);
	} else {
		free(key);
	}
	if (ldns_rr_new_frm_str(&rr, text, 0, NULL, NULL) == LDNS_STATUS_OK) {
		char *line = rdata_line(rr);
		struct ucp_strvec *l = &vs->v[i - 1].data;
		size_t j;

		for (j = 0; j < l->len && strcmp(l->v[j], line) != 0; j++)
			;
		if (j < l->len)
			free(line);
		else
			ucp_strvec_add(l, line);
		ldns_rr_free(rr);
	}
	free(text);
}

/* The RRsets of every zone of VIEW but the SOA (the serial is the server's business). */
static void
view_sets(const struct ucp_plan *plan, enum ucp_view view, struct view_sets *vs)
{
	const struct ucp_view_plan *vp = &plan->views[view];
	size_t i, j;

	memset(vs, 0, sizeof(*vs));
	ucp_strmap_init(&vs->index);
	ucp_strmap_init(&vs->owners);
	for (i = 0; i < vp->nzones; i++) {
		const struct ucp_zone *z = &vp->zones[i];

		for (j = 0; j < z->nns; j++) {
			char data[300];

			snprintf(data, sizeof(data), "%s.", z->ns[j]);
			plan_rr(vs, z->name, UCP_RR_NS, z->ttl, data);
		}
		for (j = 0; j < z->nrecords; j++)
			plan_rr(vs, z->records[j].owner, z->records[j].type, z->records[j].ttl, z->records[j].data);
	}
	for (i = 0; i < vs->len; i++)
		ucp_strvec_sort(&vs->v[i].data);
}

static void
view_sets_clear(struct view_sets *vs)
{
	size_t i;

	for (i = 0; i < vs->len; i++)
		ucp_strvec_clear(&vs->v[i].data);
	free(vs->v);
	ucp_strvec_clear(&vs->keys);
	ucp_strmap_clear(&vs->index);
	ucp_strmap_clear(&vs->owners);
}

/*
 * Asks R for OWNER TYPE; the answer's RDATA lines (sorted) into FOUND.
 * Returns the rcode, or -1 when the server did not answer.
 */
static int
ask(ldns_resolver *r, const char *owner, enum ucp_rrtype type, struct ucp_strvec *found)
{
	ldns_rdf *name = ldns_dname_new_frm_str(owner);
	ldns_pkt *p = NULL;
	ldns_rr_list *rrs;
	int rcode;
	size_t i;

	if (name == NULL)
		return -1;
	if (ldns_resolver_send(&p, r, name, ucp_ldns_type(type), LDNS_RR_CLASS_IN, 0) != LDNS_STATUS_OK || p == NULL) {
		ldns_rdf_deep_free(name);
		return -1;
	}
	rcode = (int)ldns_pkt_get_rcode(p);
	rrs = ldns_pkt_rr_list_by_name_and_type(p, name, ucp_ldns_type(type), LDNS_SECTION_ANSWER);
	for (i = 0; rrs != NULL && i < ldns_rr_list_rr_count(rrs); i++)
		ucp_strvec_add(found, rdata_line(ldns_rr_list_rr(rrs, i)));
	ucp_strvec_sort(found);
	ldns_rr_list_deep_free(rrs);
	ldns_pkt_free(p);
	ldns_rdf_deep_free(name);
	return rcode;
}

static const char *
compare(const struct ucp_strvec *planned, const struct ucp_strvec *found)
{
	size_t i, j, common = 0;

	if (found->len == 0)
		return "missing";
	for (i = j = 0; i < planned->len && j < found->len;) {
		int c = strcmp(planned->v[i], found->v[j]);

		if (c == 0)
			common++, i++, j++;
		else if (c < 0)
			i++;
		else
			j++;
	}
	if (common == planned->len)
		return common == found->len ? "ok" : "extra";
	return "different";
}

static void
report_dns(struct run *run, const char *view, const char *owner, enum ucp_rrtype type, const char *status,
    const struct ucp_strvec *planned, const struct ucp_strvec *found)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "view", view, "name", owner, "type", ucp_rrtype_name(type),
	    "status", status);

	json_object_set_new(o, "planned", strings(planned->v, planned->len));
	json_object_set_new(o, "found", strings(found->v, found->len));
	json_array_append_new(run->dns, o);
}

static void
verify_view(struct run *run, const struct ucp_plan *plan, enum ucp_view view, const struct view_sets *sets,
    const struct view_sets *other)
{
	const struct ucp_verify_opts *o = run->o;
	const struct ucp_hostport *hp = &o->servers[view];
	const char *vname = ucp_view_name(view);
	ldns_rdf *src = o->source[view] != NULL ? addr_rdf(o->source[view]) : NULL;
	ldns_resolver *r;
	struct ucp_strvec none = { 0 }, found = { 0 };
	size_t i;

	if (sets->len == 0)
		return;
	/* One try first: a server that does not answer costs one timeout, not one per name. */
	r = resolver(hp, o->timeout, 1);
	if (src != NULL)
		ldns_resolver_set_source(r, src);
	if (ask(r, plan->views[view].zones[0].name, UCP_RR_SOA, &found) < 0) {
		fprintf(stderr, "ucplan: the %s view's server %s port %u does not answer (%g s)\n", vname, hp->addr,
		    hp->port, o->timeout);
		report_dns(run, vname, plan->views[view].zones[0].name, UCP_RR_SOA, "unreachable", &none, &none);
		worse(run, VERIFY_UNREACHABLE);
		goto done;
	}
	ucp_strvec_reset(&found);
	ldns_resolver_set_retry(r, 3);
	for (i = 0; i < sets->len; i++) {
		const struct rrset *s = &sets->v[i];
		const char *status;
		int rc = ask(r, s->owner, s->type, &found);

		run->checked++;
		if (rc < 0) {
			fprintf(stderr, "ucplan: %s %s: no answer from %s port %u after 3 tries\n", s->owner,
			    ucp_rrtype_name(s->type), hp->addr, hp->port);
			status = "unreachable";
			worse(run, VERIFY_UNREACHABLE);
		} else {
			status = compare(&s->data, &found);
		}
		if (strcmp(status, "ok") == 0) {
			run->ok++;
		} else {
			report_dns(run, vname, s->owner, s->type, status, &s->data, &found);
			worse(run, VERIFY_DIFFERS);
		}
		ucp_strvec_reset(&found);
	}
	/* Names the plan has only in the other view must not answer here. */
	for (i = 0; other != NULL && i < other->len; i++) {
		const struct rrset *s = &other->v[i];
		int rc;

		if (ucp_strmap_has(&sets->owners, s->owner) || s->type == UCP_RR_NS)
			continue;
		rc = ask(r, s->owner, s->type, &found);
		run->checked++;
		if (rc >= 0 && found.len > 0) {
			report_dns(run, vname, s->owner, s->type, "leak", &none, &found);
			worse(run, VERIFY_DIFFERS);
		} else {
			run->ok++;
		}
		ucp_strvec_reset(&found);
	}
done:
	ucp_strvec_clear(&found);
	ldns_resolver_set_source(r, NULL);
	ldns_resolver_deep_free(r);
	if (src != NULL)
		ldns_rdf_deep_free(src);
}

/* ---- TLS ----------------------------------------------------------------------- */

/* A TCP connection to ADDR PORT within TIMEOUT seconds, or -1. */
static int
tcp_connect(const char *addr, unsigned port, double timeout)
{
	struct sockaddr_storage ss;
	socklen_t len;
	struct pollfd pfd;
	struct timeval tv;
	int fd, err = 0;
	socklen_t elen = sizeof(err);

	memset(&ss, 0, sizeof(ss));
	if (strchr(addr, ':') != NULL) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, addr, &s6->sin6_addr) != 1)
			return -1;
		len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, addr, &s4->sin_addr) != 1)
			return -1;
		len = sizeof(*s4);
	}
	if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&ss, len) < 0 && errno != EINPROGRESS)
		goto fail;
	pfd.fd = fd;
	pfd.events = POLLOUT;
	if (poll(&pfd, 1, (int)(timeout * 1000)) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0 ||
	    err != 0)
		goto fail;
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0)
		goto fail;
	tv.tv_sec = (time_t)timeout;
	tv.tv_usec = (suseconds_t)((timeout - (double)tv.tv_sec) * 1e6);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return fd;
fail:
	close(fd);
	return -1;
}

/* The presented certificate at ADDR PORT for SNI, or NULL. */
static X509 *
presented(SSL_CTX *ctx, const char *addr, unsigned port, const char *sni, double timeout)
{
	int fd = tcp_connect(addr, port, timeout);
	X509 *cert = NULL;
	SSL *ssl;

	if (fd < 0)
		return NULL;
	if ((ssl = SSL_new(ctx)) == NULL)
		ucp_oom();
	SSL_set_fd(ssl, fd);
	SSL_set_tlsext_host_name(ssl, sni);
	if (SSL_connect(ssl) == 1)
		cert = SSL_get1_peer_certificate(ssl);
	ERR_clear_error();
	SSL_free(ssl);
	close(fd);
	return cert;
}

/* The first DNS name of CERT's subjectAltName, or NULL (malloc'd). */
static char *
first_san(X509 *cert)
{
	GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
	char *res = NULL;
	int i;

	for (i = 0; names != NULL && i < sk_GENERAL_NAME_num(names) && res == NULL; i++) {
		const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);

		if (g->type == GEN_DNS)
			res = strndup((const char *)ASN1_STRING_get0_data(g->d.dNSName), (size_t)ASN1_STRING_length(g->d.dNSName));
	}
	GENERAL_NAMES_free(names);
	return res;
}

static bool
isa_rule(enum ucp_rp_product p)
{
	return p == UCP_RP_ISA2004 || p == UCP_RP_ISA2006 || p == UCP_RP_ISA2006SP1 || p == UCP_RP_TMG2010;
}

static void
check_cert(struct run *run, const struct ucp_plan *plan, const struct ucp_endpoint *e, const struct ucp_cert *c,
    const char *sni, X509 *cert)
{
	json_t *o = json_pack("{s:s, s:s, s:I, s:s, s:s}", "role", ucp_role_name(e->role), "ip", e->ip, "port",
	    (json_int_t)e->port, "sni", sni, "certificate", c->name), *missing = json_array(), *problems = json_array();
	const char *status = "ok";
	int days = 0, secs = 0;
	size_t i;

	if (cert == NULL) {
		status = "unreachable";
		json_array_append_new(problems, json_string("no TLS handshake"));
		worse(run, VERIFY_UNREACHABLE);
	} else {
		EVP_PKEY *key = X509_get0_pubkey(cert);
		char cn[256] = "";

		for (i = 0; i < c->nsan; i++)
			if (X509_check_host(cert, c->san[i], 0, 0, NULL) != 1)
				json_array_append_new(missing, json_string(c->san[i]));
		if (json_array_size(missing) > 0)
			status = "missing";
		if (key != NULL && (unsigned)EVP_PKEY_get_bits(key) < c->key_bits) {
			json_array_append_new(problems, jfmt("key of %d bits, planned %u", EVP_PKEY_get_bits(key),
			    c->key_bits));
			status = "different";
		}
		if (e->role == UCP_ROLE_REVERSE_PROXY && plan->publishing.present && isa_rule(plan->publishing.product)) {
			char *san0 = first_san(cert);

			X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof(cn));
			if (san0 == NULL || strcasecmp(san0, cn) != 0) {
				json_array_append_new(problems, jfmt("%s wants the subject (%s) as the first SAN "
				    "(%s)", ucp_rp_product_title(plan->publishing.product), cn, san0 != NULL ? san0 : "none"));
				status = "different";
			}
			free(san0);
		}
		if (ASN1_TIME_diff(&days, &secs, NULL, X509_get0_notAfter(cert)) == 1) {
			json_object_set_new(o, "days_left", json_integer(days));
			if (days < run->o->warn_days && strcmp(status, "ok") == 0)
				status = "expiring";
		}
		if (strcmp(status, "ok") != 0)
			worse(run, VERIFY_DIFFERS);
	}
	run->checked++;
	json_object_set_new(o, "status", json_string(status));
	json_object_set_new(o, "missing", missing);
	if (json_array_size(problems) > 0)
		json_object_set_new(o, "problems", problems);
	else
		json_decref(problems);
	if (strcmp(status, "ok") == 0) {
		run->ok++;
		json_decref(o);
	} else {
		json_array_append_new(run->tls, o);
	}
}

static void
verify_tls(struct run *run, const struct ucp_plan *plan)
{
	const struct ucp_verify_opts *o = run->o;
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	struct ucp_strmap seen;
	struct ucp_strvec keys = { 0 };	/* seen's keys, to free */
	size_t i, j, k;

	if (ctx == NULL)
		ucp_oom();
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	ucp_strmap_init(&seen);
	for (i = 0; i < plan->nendpoints; i++) {
		const struct ucp_endpoint *e = &plan->endpoints[i];
		const struct ucp_cert *c = e->certificate != NULL ? ucp_plan_cert(plan, e->certificate) : NULL;
		const char *addr = e->ip;
		unsigned port = e->port;
		char *key;

		if (c == NULL || e->port_end != 0 || strcmp(e->protocol, "tcp") != 0 ||
		    strcmp(e->direction, "outbound") == 0 || (o->tls_roles != 0 && !(o->tls_roles & 1u << e->role)))
			continue;
		if (asprintf(&key, "%s %u", e->ip, e->port) < 0)
			ucp_oom();
		if (ucp_strmap_has(&seen, key)) {
			free(key);
			continue;
		}
		ucp_strmap_put(&seen, key, key);
		ucp_strvec_add(&keys, key);
		for (j = 0; j < o->nconnect; j++) {
			if (strcmp(o->connect[j].planned.addr, e->ip) == 0 && o->connect[j].planned.port == e->port) {
				addr = o->connect[j].actual.addr;
				port = o->connect[j].actual.port;
			}
		}
		/* The reverse proxy's listener answers for every public name it publishes: each in turn. */
		if (e->role == UCP_ROLE_REVERSE_PROXY && plan->publishing.present) {
			struct ucp_strmap names;

			unsigned char seen_md[8][EVP_MAX_MD_SIZE];
			size_t nseen = 0;
			bool gone = false;

			ucp_strmap_init(&names);
			for (j = 0; j < plan->publishing.nrules && !gone; j++) {
				const struct ucp_rule *rl = &plan->publishing.rules[j];

				for (k = 0; k < rl->npublic_names && !gone; k++) {
					const char *sni = rl->public_names[k];
					X509 *cert;

					if (ucp_strmap_has(&names, sni))
						continue;
					ucp_strmap_put(&names, sni, (void *)sni);
					cert = presented(ctx, addr, port, sni, o->timeout);
					/* One row per certificate the listener presents, not per name that finds it. */
					if (cert != NULL) {
						unsigned char md[EVP_MAX_MD_SIZE];
						unsigned mdlen = 0;
						size_t m;

						X509_digest(cert, EVP_sha256(), md, &mdlen);
						for (m = 0; m < nseen && memcmp(seen_md[m], md, mdlen) != 0; m++)
							;
						if (m < nseen) {
							X509_free(cert);
							continue;
						}
						if (nseen < 8)
							memcpy(seen_md[nseen++], md, mdlen);
					}
					check_cert(run, plan, e, c, sni, cert);
					gone = cert == NULL;	/* unreachable: once is enough */
					X509_free(cert);
				}
			}
			ucp_strmap_clear(&names);
		} else {
			X509 *cert = presented(ctx, addr, port, c->subject, o->timeout);

			check_cert(run, plan, e, c, c->subject, cert);
			X509_free(cert);
		}
	}
	ucp_strmap_clear(&seen);
	ucp_strvec_clear(&keys);
	SSL_CTX_free(ctx);
}

/* ---- output -------------------------------------------------------------------- */

static void
join(struct ucp_buf *b, json_t *a)
{
	size_t i;
	json_t *v;

	json_array_foreach(a, i, v) {
		if (i > 0)
			ucp_buf_puts(b, "<br>");
		ucp_buf_md(b, json_string_value(v));
	}
}

static void
print_text(const struct run *run, FILE *out)
{
	struct ucp_buf b;
	size_t i;
	json_t *v;

	ucp_buf_init(&b);
	if (json_array_size(run->dns) > 0) {
		ucp_buf_puts(&b, "## DNS\n\n| View | Name | Type | Status | Planned | Found |\n|---|---|---|---|---|---|\n");
		json_array_foreach(run->dns, i, v) {
			ucp_buf_printf(&b, "| %s | %s | %s | %s | ", json_string_value(json_object_get(v, "view")),
			    json_string_value(json_object_get(v, "name")), json_string_value(json_object_get(v, "type")),
			    json_string_value(json_object_get(v, "status")));
			join(&b, json_object_get(v, "planned"));
			ucp_buf_puts(&b, " | ");
			join(&b, json_object_get(v, "found"));
			ucp_buf_puts(&b, " |\n");
		}
		ucp_buf_puts(&b, "\n");
	}
	if (json_array_size(run->tls) > 0) {
		ucp_buf_puts(&b, "## TLS\n\n| Role | Endpoint | SNI | Certificate | Status | Missing names | Days left | "
		    "Problems |\n|---|---|---|---|---|---|---|---|\n");
		json_array_foreach(run->tls, i, v) {
			json_t *days = json_object_get(v, "days_left"), *problems = json_object_get(v, "problems");

			ucp_buf_printf(&b, "| %s | %s:%lld | %s | %s | %s | ", json_string_value(json_object_get(v, "role")),
			    json_string_value(json_object_get(v, "ip")), (long long)json_integer_value(json_object_get(v, "port")),
			    json_string_value(json_object_get(v, "sni")), json_string_value(json_object_get(v, "certificate")),
			    json_string_value(json_object_get(v, "status")));
			join(&b, json_object_get(v, "missing"));
			if (days != NULL)
				ucp_buf_printf(&b, " | %lld | ", (long long)json_integer_value(days));
			else
				ucp_buf_puts(&b, " |  | ");
			if (problems != NULL)
				join(&b, problems);
			ucp_buf_puts(&b, " |\n");
		}
		ucp_buf_puts(&b, "\n");
	}
	ucp_buf_printf(&b, "%zu checked: %zu ok, %zu differ\n", run->checked, run->ok, run->checked - run->ok);
	fputs(ucp_buf_str(&b), out);
	ucp_buf_clear(&b);
}

int
ucp_verify(const struct ucp_plan *plan, const struct ucp_verify_opts *opts, FILE *out)
{
	struct run run = { .o = opts, .dns = json_array(), .tls = json_array() };
	struct view_sets sets[UCP_VIEW_COUNT];
	int v;

	for (v = 0; v < UCP_VIEW_COUNT; v++)
		view_sets(plan, (enum ucp_view)v, &sets[v]);
	for (v = 0; v < UCP_VIEW_COUNT; v++)
		if (opts->server[v] && plan->views[v].nzones > 0)
			verify_view(&run, plan, (enum ucp_view)v, &sets[v], &sets[UCP_VIEW_COUNT - 1 - v]);
	if (opts->tls)
		verify_tls(&run, plan);
	if (opts->json) {
		json_t *doc = json_pack("{s:O, s:O, s:{s:I, s:I}}", "dns", run.dns, "tls", run.tls, "summary", "checked",
		    (json_int_t)run.checked, "ok", (json_int_t)run.ok);

		if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
			ucp_oom();
		fputc('\n', out);
		json_decref(doc);
	} else {
		print_text(&run, out);
	}
	json_decref(run.dns);
	json_decref(run.tls);
	for (v = 0; v < UCP_VIEW_COUNT; v++)
		view_sets_clear(&sets[v]);
	return run.rc;
}
