/* State shared by the planner's files while one plan is built. */
#ifndef UCPLAN_PLANNER_INTERNAL_H
#define UCPLAN_PLANNER_INTERNAL_H

#include <stdarg.h>

#include "arena.h"
#include "model.h"
#include "planner.h"
#include "strmap.h"

/* A record before zone placement. */
struct prec {
	struct ucp_record	 r;
	enum ucp_view		 view;
	struct ucp_loc		 loc;		/* the setting that caused it */
	bool			 extra;		/* from dns.records */
	bool			 copy;		/* split-brain copy of an external record */
	struct prec		*next_same_owner;
};

/* Rule ids, one per row of ucp_rules[] that the planner reports. */
enum rule {
	R_DNS_SRV_TARGET,	/* D1 */
	R_DNS_SRV_DOMAIN,	/* D2 */
	R_DNS_STRICT,		/* D3 */
	R_DNS_SRV_PORT,		/* D5 */
	R_DNS_SIP_RECORDS,	/* D9 */
	R_DNS_CAS_ARRAY,	/* D16 */
	R_DNS_INTERNAL_NAME,	/* D17 */
	R_DNS_CNAME,		/* cname-and-other-data */
	R_DNS_PLANNED_CNAME,	/* records-cname */
	R_DNS_PLANNED_EXTRA,	/* records-planned */
	R_DNS_CNAME_LOOP,	/* records-cname-loop */
	R_DNS_NS_COUNT,		/* ns-count */
	R_DNS_NO_ZONE,		/* zone-missing */
	R_DNS_GLUE,		/* zone-glue */
	R_DNS_EMPTY_ZONE,	/* zone-empty */
	R_CERT_SAN_SUBJECT,	/* C1 */
	R_CERT_ACCESS_SUBJECT,	/* C4 */
	R_CERT_WEBCONF,		/* C6 */
	R_CERT_ISA,		/* C15 */
	R_CERT_INTERNAL_NAME,	/* C16 */
	R_CERT_COVERAGE,	/* cert-coverage */
	R_CERT_SAN_COUNT,	/* cert-san-count */
	R_PORT_AV_AUTH,		/* P1 */
	R_PORT_SHARED,		/* P4 */
	R_PORT_LB,		/* P11 */
	R_PORT_AV_PUBLIC,	/* P5 */
	R_DNS_EDGE_NEXT_HOP,	/* D10 */
	R_EDGE_WEB_FARM,	/* edge-web-farm */
	R_POOL_FQDN,		/* pool-fqdn */
	R_ENDPOINT_CONFLICT,	/* endpoint-conflict */
	R_PUBLISH_DNS,		/* publish-dns */
	R_TOPOLOGY,		/* topology */
	R_PRODUCT_SETTING,	/* product-setting */
	R_MX_LISTENER,		/* mx-listener */
	R_LINT_UNKNOWN,		/* lint-unknown */
	R_DECISION,		/* decision (notes) */
	R_COUNT
};

struct planner {
	const struct ucp_model	*m;
	struct ucp_diags	*diags;
	struct ucp_plan		*plan;
	struct ucp_arena	*a;
	uint32_t		 serial;

	struct ucp_ptrs		 recs[UCP_VIEW_COUNT];	/* struct prec * */
	struct ucp_strmap	 owners[UCP_VIEW_COUNT];	/* owner -> first struct prec */

	const char		*default_domain;	/* first SIP domain, or NULL */
	struct ucp_strs		 smtp;			/* effective SMTP domains */

	/* Facts later stages share. */
	bool			 edge;			/* an Edge is planned */
	bool			 webconf;		/* a Web Conferencing Edge is planned */
	bool			 webconf_shared;	/* Web Conferencing on the Access Edge name, 444 */
	const char		*signin_fqdn, *signin_ip;
	const char		*web_int_fqdn;		/* pool.web_fqdn or pool.fqdn */
	const char		*cas_vip;
	const struct ucp_str	*cas_vips;		/* every address of cas_vip */

	struct ucp_ptrs		 certs;			/* struct ucp_cert * */
	struct ucp_ptrs		 endpoints;		/* struct ucp_endpoint * */
	struct ucp_ptrs		 rules;			/* struct ucp_rule * */
};

/* Reports RULE at LOC (the rule's default severity, overridable). */
void plan_report(struct planner *p, enum rule rule, const struct ucp_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports a planning decision as a note (shown by check -v). */
void plan_note(struct planner *p, const struct ucp_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Adds a record to VIEW. OWNER is a normalised name; DATA is presentation text
 * (built from FMT). Identical records are merged. Returns the record.
 */
struct prec *plan_record(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type,
    const struct ucp_loc *loc, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/*
 * Allocates a record that is not yet in any index: OWNER and DATA must live in
 * the plan's arena; the TTL is dns.ttl.
 */
struct prec *plan_prec_new(struct planner *p, enum ucp_view view, const char *owner, enum ucp_rrtype type,
    const char *data, const char *why, const struct ucp_loc *loc);
/* One A per IPv4 and one AAAA per IPv6 address of ADDRS (spec 9.2), in their order. */
void plan_addrs(struct planner *p, enum ucp_view view, const char *owner, const struct ucp_str *addrs,
    const struct ucp_loc *loc, const char *why);
/* The first record of OWNER in VIEW (follow next_same_owner), or NULL. */
struct prec *plan_owner(const struct planner *p, enum ucp_view view, const char *owner);

/* Planning stages, in the order they run. */
void plan_sip(struct planner *p);
void plan_exchange(struct planner *p);
void plan_extra_records(struct planner *p);
void plan_mx_check(struct planner *p);
void plan_zones(struct planner *p);
void plan_certificates(struct planner *p);
void plan_endpoints(struct planner *p);
void plan_publishing(struct planner *p);
void plan_exchange_urls(struct planner *p);

/* The planned certificate called NAME, or NULL. */
const struct ucp_cert *plan_cert(const struct planner *p, const char *name);
/* True when certificate C lists NAME in its SAN. */
bool plan_cert_has(const struct ucp_cert *c, const char *name);

/* Array helpers: copy a pointer vector into a plan array. */
const char *const *plan_names(struct planner *p, const struct ucp_ptrs *v);

#endif
