/* The rule table (see ucplan/rules.h). */
#include <stdarg.h>
#include <stddef.h>
#include <strings.h>

#include "ucplan/rules.h"

const struct ucp_rule_info ucp_rule_table[UCP_R_COUNT] = {
	[UCP_R_DNS_SRV_TARGET] = { .id = "D1", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "an SRV or MX target owns A/AAAA records and is no CNAME", .source = "reference 2.2, 12.1 D1" },
	[UCP_R_DNS_SRV_DOMAIN] = { .id = "D2", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "a SIP SRV target lies in the SRV's own domain", .source = "reference 2.2, 12.1 D2" },
	[UCP_R_DNS_STRICT] = { .id = "D3", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "strict naming: a sign-in SRV targets <d>, sip.<d> or a host directly in <d>", .source = "reference 2.4, 12.1 D3" },
	[UCP_R_DNS_SRV_PORT] = { .id = "D5", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "well-known SRV records use their documented ports", .source = "reference 12.1 D5" },
	[UCP_R_DNS_SIP_RECORDS] = { .id = "D9", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "each SIP domain has sip.<d> and _sip._tls.<d> externally", .source = "reference 12.1 D9" },
	[UCP_R_DNS_CAS_ARRAY] = { .id = "D16", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "the CAS array FQDN does not resolve externally", .source = "reference 12.1 D16" },
	[UCP_R_DNS_INTERNAL_NAME] = { .id = "D17", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "internal-only names stay out of the external view", .source = "reference 12.1 D17" },
	[UCP_R_DNS_CNAME] = { .id = "cname-and-other-data", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "a name with a CNAME has no other data", .source = "RFC 1034 3.6.2" },
	[UCP_R_DNS_PLANNED_CNAME] = { .id = "records-cname", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "dns.records cannot put a CNAME on a name ucplan plans", .source = "spec 4.8" },
	[UCP_R_DNS_PLANNED_EXTRA] = { .id = "records-planned", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "dns.records adds no record of a type ucplan plans on that name", .source = "spec 4.8" },
	[UCP_R_DNS_CNAME_LOOP] = { .id = "records-cname-loop", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "CNAME chains from dns.records end in a name with data, not in a loop", .source = "RFC 1034 3.6.2" },
	[UCP_R_DNS_NS_COUNT] = { .id = "ns-count", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "the external view has at least two name servers", .source = "RFC 2182 5" },
	[UCP_R_DNS_NO_ZONE] = { .id = "zone-missing", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "every record lies in a zone ucplan owns", .source = "spec 4.1" },
	[UCP_R_DNS_GLUE] = { .id = "zone-glue", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "a nameserver inside a delegated zone has an address for glue", .source = "spec 4.1" },
	[UCP_R_DNS_EMPTY_ZONE] = { .id = "zone-empty", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "a zone listed in dns.zones holds records", .source = "spec 4.1" },
	[UCP_R_CERT_SAN_SUBJECT] = { .id = "C1", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the subject is repeated in the SAN", .source = "reference 12.2 C1" },
	[UCP_R_CERT_ACCESS_SUBJECT] = { .id = "C4", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the Access Edge FQDN (certificate subject) is sip.<default SIP domain>", .source = "reference 3.5, 12.2 C4" },
	[UCP_R_CERT_WEBCONF] = { .id = "C6", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the Web Conferencing Edge subject equals its FQDN; shared with Access Edge only on another port", .source = "reference 12.2 C6" },
	[UCP_R_CERT_ISA] = { .id = "C15", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "ISA 2004 checks the published server's certificate subject, ISA 2006 RTM its subject or first SAN, against the rule's internal site name", .source = "reference 8, 12.2 C15" },
	[UCP_R_CERT_INTERNAL_NAME] = { .id = "C16", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "public certificates hold no internal names", .source = "reference 2.5, 12.2 C16" },
	[UCP_R_CERT_COVERAGE] = { .id = "cert-coverage", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "every name a client reaches is on the certificate bound there", .source = "spec 4.5" },
	[UCP_R_CERT_SAN_COUNT] = { .id = "cert-san-count", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "a public certificate needs no more names than CAs sell on one (100)", .source = "reference 10" },
	[UCP_R_PORT_AV_AUTH] = { .id = "P1", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "A/V authentication uses 5062/TCP, never 443", .source = "reference 3.4, 12.3 P1" },
	[UCP_R_PORT_SHARED] = { .id = "P4", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "services sharing an external IP use distinct ports; 444 may be blocked remotely", .source = "reference 12.3 P4" },
	[UCP_R_PORT_LB] = { .id = "P11", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "OCS supports only hardware load balancers; Windows NLB never", .source = "reference 3.1, 12.3 P11" },
	[UCP_R_PORT_AV_PUBLIC] = { .id = "P5", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the A/V Edge external address is public and not translated (NAT)", .source = "reference 3.1, 12.3 P5" },
	[UCP_R_DNS_EDGE_NEXT_HOP] = { .id = "D10", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "the Edge resolves its next hop: its internal address sees the internal view", .source = "reference 12.1 D10" },
	[UCP_R_EDGE_WEB_FARM] = { .id = "edge-web-farm", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "an Edge comes with a published external web farm", .source = "reference 3.1" },
	[UCP_R_POOL_FQDN] = { .id = "pool-fqdn", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "an Enterprise pool FQDN differs from every server FQDN", .source = "reference 3.1, 9" },
	[UCP_R_ENDPOINT_CONFLICT] = { .id = "endpoint-conflict", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "two endpoints cannot share one address, port and protocol", .source = "spec 4.6" },
	[UCP_R_PUBLISH_DNS] = { .id = "publish-dns", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "every published name resolves to the listener in the external view", .source = "spec 4.7" },
	[UCP_R_TOPOLOGY] = { .id = "topology", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the settings describe a complete deployment", .source = "spec 3" },
	[UCP_R_PRODUCT_SETTING] = { .id = "product-setting", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "a setting the chosen product generation does not have", .source = "spec 9.1, 9.2" },
	[UCP_R_MX_LISTENER] = { .id = "mx-listener", .severity = UCP_SEV_ERROR, .overridable = true,
	    .summary = "the MX host is the Internet-facing transport server, not the HTTPS reverse proxy", .source = "spec 3.4" },
	[UCP_R_LINT_UNKNOWN] = { .id = "lint-unknown", .severity = UCP_SEV_WARNING, .overridable = true,
	    .summary = "lint overrides name existing rules", .source = "spec 3.1" },
	[UCP_R_DECISION] = { .id = "decision", .severity = UCP_SEV_NOTE, .overridable = true,
	    .summary = "a planning decision (check -v)", .source = "spec 7" },
	[UCP_R_CONFIG_SYNTAX] = { .id = "config-syntax", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "the file is valid libconfig 1.5 syntax", .source = "spec 3" },
	[UCP_R_CONFIG_INCLUDE] = { .id = "config-include", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "every @include names a readable file, without loops", .source = "spec 3" },
	[UCP_R_CONFIG_IO] = { .id = "config-io", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "the configuration can be read", .source = "spec 1" },
	[UCP_R_CONFIG_UNKNOWN] = { .id = "config-unknown", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "every setting is part of the schema", .source = "spec 3" },
	[UCP_R_CONFIG_TYPE] = { .id = "config-type", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "every setting has its schema type", .source = "spec 3" },
	[UCP_R_CONFIG_REQUIRED] = { .id = "config-required", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "required settings are present", .source = "spec 3" },
	[UCP_R_CONFIG_NAME] = { .id = "config-name", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "host names follow spec section 2", .source = "spec 2" },
	[UCP_R_CONFIG_ADDRESS] = { .id = "config-address", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "addresses are IPv4 or IPv6 literals, prefixes without host bits", .source = "spec 2" },
	[UCP_R_CONFIG_RANGE] = { .id = "config-range", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "numbers are within range, on their full value", .source = "spec 2" },
	[UCP_R_CONFIG_DUPLICATE] = { .id = "config-duplicate", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "names and values are listed once", .source = "spec 3" },
	[UCP_R_CONFIG_VALUE] = { .id = "config-value", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "values are among the allowed words and fit their outputs", .source = "spec 3" },
	[UCP_R_ZONE_PARSE] = { .id = "zone-parse", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "a zone file parses", .source = "spec 6" },
	[UCP_R_ZONE_INCLUDE] = { .id = "zone-include", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "zone files are self-contained (no $INCLUDE)", .source = "spec 5.1" },
	[UCP_R_ZONE_IO] = { .id = "zone-io", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "a zone file can be read", .source = "spec 6" },
	[UCP_R_ZONE_SOA] = { .id = "zone-soa", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "exactly one SOA, at the apex", .source = "spec 6" },
	[UCP_R_ZONE_NS] = { .id = "zone-ns", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "NS records at the apex", .source = "spec 6" },
	[UCP_R_ZONE_OUT_OF_ZONE] = { .id = "zone-out-of-zone", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "every owner lies in the zone", .source = "spec 6" },
	[UCP_R_ZONE_CNAME] = { .id = "zone-cname", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "a CNAME has no other data", .source = "spec 6" },
	[UCP_R_ZONE_DUPLICATE] = { .id = "zone-duplicate", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "no duplicate records", .source = "spec 6" },
	[UCP_R_ZONE_TTL] = { .id = "zone-ttl", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "one TTL per RRset", .source = "spec 6" },
	[UCP_R_ZONE_TARGET] = { .id = "zone-target", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "SRV, MX and NS targets in the view own A/AAAA and are no CNAME", .source = "spec 6" },
	[UCP_R_OUTPUT] = { .id = "output", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "the output directory can be written, all or nothing", .source = "spec 5.4" },
	[UCP_R_SERIAL] = { .id = "serial", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "a forced serial does not go backwards", .source = "spec 5.3" },
	[UCP_R_TEMPLATE] = { .id = "template", .severity = UCP_SEV_ERROR, .overridable = false,
	    .summary = "templates are well formed", .source = "spec 5" },
};

void
ucp_report(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_rule_id rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ucp_diags_vadd(d, loc, ucp_rule_table[rule].severity, !ucp_rule_table[rule].overridable,
	    ucp_rule_table[rule].id, fmt, ap);
	va_end(ap);
}

const struct ucp_rule_info *
ucp_rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < UCP_R_COUNT; i++)
		if (strcasecmp(ucp_rule_table[i].id, id) == 0)
			return &ucp_rule_table[i];
	return NULL;
}
