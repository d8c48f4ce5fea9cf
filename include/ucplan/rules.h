/*
 * Every rule a diagnostic can name, in one table: its id (what diagnostics
 * end with and the lint group names), default severity, whether the lint
 * group may change it, a one-line summary and its source. ucplan.conf(5)
 * lists the same ids; tests/unit-rules checks that it does.
 */
#ifndef UCPLAN_RULES_H
#define UCPLAN_RULES_H

#include <stdbool.h>

#include "ucplan/diag.h"

enum ucp_rule_id {
	UCP_R_DNS_SRV_TARGET,
	UCP_R_DNS_SRV_DOMAIN,
	UCP_R_DNS_STRICT,
	UCP_R_DNS_SRV_PORT,
	UCP_R_DNS_SIP_RECORDS,
	UCP_R_DNS_CAS_ARRAY,
	UCP_R_DNS_INTERNAL_NAME,
	UCP_R_DNS_CNAME,
	UCP_R_DNS_PLANNED_CNAME,
	UCP_R_DNS_PLANNED_EXTRA,
	UCP_R_DNS_CNAME_LOOP,
	UCP_R_DNS_NS_COUNT,
	UCP_R_DNS_NO_ZONE,
	UCP_R_DNS_GLUE,
	UCP_R_DNS_EMPTY_ZONE,
	UCP_R_CERT_SAN_SUBJECT,
	UCP_R_CERT_ACCESS_SUBJECT,
	UCP_R_CERT_WEBCONF,
	UCP_R_CERT_ISA,
	UCP_R_CERT_INTERNAL_NAME,
	UCP_R_CERT_COVERAGE,
	UCP_R_CERT_SAN_COUNT,
	UCP_R_PORT_AV_AUTH,
	UCP_R_PORT_SHARED,
	UCP_R_PORT_LB,
	UCP_R_PORT_AV_PUBLIC,
	UCP_R_DNS_EDGE_NEXT_HOP,
	UCP_R_EDGE_WEB_FARM,
	UCP_R_POOL_FQDN,
	UCP_R_ENDPOINT_CONFLICT,
	UCP_R_PUBLISH_DNS,
	UCP_R_TOPOLOGY,
	UCP_R_PRODUCT_SETTING,
	UCP_R_MX_LISTENER,
	UCP_R_LINT_UNKNOWN,
	UCP_R_DECISION,
	UCP_R_CONFIG_SYNTAX,
	UCP_R_CONFIG_INCLUDE,
	UCP_R_CONFIG_IO,
	UCP_R_CONFIG_UNKNOWN,
	UCP_R_CONFIG_TYPE,
	UCP_R_CONFIG_REQUIRED,
	UCP_R_CONFIG_NAME,
	UCP_R_CONFIG_ADDRESS,
	UCP_R_CONFIG_RANGE,
	UCP_R_CONFIG_DUPLICATE,
	UCP_R_CONFIG_VALUE,
	UCP_R_ZONE_PARSE,
	UCP_R_ZONE_INCLUDE,
	UCP_R_ZONE_IO,
	UCP_R_ZONE_SOA,
	UCP_R_ZONE_NS,
	UCP_R_ZONE_OUT_OF_ZONE,
	UCP_R_ZONE_CNAME,
	UCP_R_ZONE_DUPLICATE,
	UCP_R_ZONE_TTL,
	UCP_R_ZONE_TARGET,
	UCP_R_OUTPUT,
	UCP_R_SERIAL,
	UCP_R_TEMPLATE,
	UCP_R_COUNT
};

struct ucp_rule_info {
	const char		*id;
	enum ucp_severity	 severity;
	bool			 overridable;	/* the lint group may change its severity */
	const char		*summary;
	const char		*source;	/* section of the domain reference or the spec */
};

/* Indexed by enum ucp_rule_id. */
extern const struct ucp_rule_info ucp_rule_table[UCP_R_COUNT];

/*
 * Adds a diagnostic for RULE at LOC with the rule's default severity, or the
 * lint group's when the rule is overridable.
 */
void ucp_report(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_rule_id rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Returns the rule called ID (case-insensitive), or NULL. */
const struct ucp_rule_info *ucp_rule_find(const char *id);

#endif
