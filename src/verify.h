/*
 * ucplan verify (spec 11): the live DNS servers and TLS endpoints against the
 * plan. DNS through the ldns resolver, TLS through OpenSSL; nothing shells out.
 */
#ifndef UCPLAN_VERIFY_H
#define UCPLAN_VERIFY_H

#include <stdbool.h>
#include <stdio.h>

#include "ucplan/plan.h"

/* An address and port as given on the command line ("ADDR", "ADDR:PORT", "[V6]:PORT"). */
struct ucp_hostport {
	char		 addr[64];
	unsigned	 port;
};

/* --connect PLANNED=ACTUAL: where a planned endpoint is reached instead. */
struct ucp_redirect {
	struct ucp_hostport	 planned, actual;
};

struct ucp_verify_opts {
	bool			 server[UCP_VIEW_COUNT];		/* --server VIEW=... given */
	struct ucp_hostport	 servers[UCP_VIEW_COUNT];
	const char		*source[UCP_VIEW_COUNT];	/* --source VIEW=ADDR, or NULL */
	bool			 tls;				/* --tls */
	unsigned		 tls_roles;			/* bits of enum ucp_role; 0: every role */
	const struct ucp_redirect *connect;
	size_t			 nconnect;
	int			 warn_days;			/* default 30 */
	double			 timeout;			/* seconds per attempt; default 2 */
	bool			 json;
};

/* Parses "ADDR[:PORT]" (IPv6 as "[ADDR]:PORT" or bare) into HP with DEFPORT; false when invalid. */
bool ucp_hostport_parse(const char *s, unsigned defport, struct ucp_hostport *hp);

/*
 * Checks the deployment against PLAN and prints the differences to OUT (text
 * tables or JSON). Returns 0 when everything matches, 3 when anything differs
 * or expires, 4 when a server or endpoint cannot be reached (reasons on stderr).
 */
int ucp_verify(const struct ucp_plan *plan, const struct ucp_verify_opts *opts, FILE *out);

#endif
