/* Unit tests: planning rules, each checked on a small deployment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "plan-json.h"
#include "planner/internal.h"
#include "testutil.h"
#include "ucplan/buf.h"

static struct ucp_plan *
plan_of(const char *text, struct ucp_diags *d)
{
	ucp_diags_init(d);
	return tu_plan(text, d, NULL);
}

static void
test_base(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of(TU_BASE, &d);

	(void)state;
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	/* The SE server is two labels below example.com: strict naming targets sip.example.com. */
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "SRV",
	    "0 0 5061 sip.example.com."));
	/* Generators take the RDATA fields from ucp_record_fields(). */
	{
		const struct ucp_record *r = tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "SRV",
		    NULL);

		const char *f[4];
		char buf[256];

		assert_int_equal(ucp_record_fields(r, buf, sizeof(buf), f, 4), 4);
		assert_string_equal(f[2], "5061");
		assert_string_equal(f[3], "sip.example.com.");
	}
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "sip.example.com", "A", "10.0.0.5"));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "sip.example.com", "A", "192.0.2.20"));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "_sipfederationtls._tcp.example.com", "SRV", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "autodiscover.example.com", "A", "192.0.2.10"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "autodiscover.example.com", "A", "10.0.0.20"));
	/* Internal-only names never reach the external view. */
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "ocs.corp.example.com", "A", NULL));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "edge.corp.example.com", "A", NULL));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "cas.corp.example.com", "A", NULL));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "_sipinternaltls._tcp.example.com", "SRV", NULL));
	/* Nested internal zone corp.example.com is delegated with glue. */
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "corp.example.com", "NS", "ns.corp.example.com."));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/*
 * A name between a service owner and its zone that has records of its own
 * (_tcp.example.com) is a pin-point zone, and the owner's pin-point zone
 * below it is delegated from it: walks up a name must not pass it over.
 */
#define PINPOINT_WITH(record) \
	"ucplan = 1;\n" \
	"dns = { internal = { nameservers = [ \"ns.corp.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; " \
	"style = \"pinpoint\"; };\n" \
	"  external = { nameservers = [ \"ns1.example.com\", \"ns2.example.org\" ]; };\n" \
	"  records = ( { view = \"external\"; name = \"ns1.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n" \
	"    { view = \"internal\"; name = \"ns.corp.example.com\"; type = \"A\"; data = \"10.0.0.53\"; }" record " ); };\n" \
	"sip = { product = \"ocs2007r2\"; edition = \"standard\"; domains = [ \"example.com\" ];\n" \
	"  pool = { fqdn = \"ocs.corp.example.com\"; ip = \"10.0.0.5\"; };\n" \
	"  edge = { internal = { fqdn = \"edge.corp.example.com\"; ip = \"10.0.1.5\"; }; access = { ip = \"192.0.2.20\"; };\n" \
	"    av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; }; }; };\n"

static void
test_intermediate_name_zone(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;

	(void)state;
	p = plan_of(PINPOINT_WITH(",\n    { view = \"internal\"; name = \"_tcp.example.com\"; type = \"TXT\"; "
	    "data = \"marker\"; }"), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_tcp.example.com", "TXT", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "NS", "ns.corp.example.com."));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "SRV", NULL));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
	/* Without it the owner's zone stands alone. */
	p = plan_of(PINPOINT_WITH(""), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "NS", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "SRV", NULL));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* Record data longer than the planner's formatting buffer (a DKIM key) comes through whole. */
static void
test_long_record_data(void **state)
{
	const char *text = TU_BASE, *at = strstr(text, "records = ( ") + strlen("records = ( ");
	const struct ucp_record *r;
	struct ucp_diags d;
	struct ucp_plan *p;
	struct ucp_buf b;
	char key[401];

	(void)state;
	memset(key, 'A', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	ucp_buf_init(&b);
	ucp_buf_printf(&b, "%.*s{ view = \"external\"; name = \"sel._domainkey.example.com\"; type = \"TXT\"; "
	    "data = \"v=DKIM1; k=rsa; p=%s\"; },\n%s", (int)(at - text), text, key, at);
	p = plan_of(ucp_buf_str(&b), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	r = tu_record(p, UCP_VIEW_EXTERNAL, "sel._domainkey.example.com", "TXT", NULL);
	assert_non_null(r);
	assert_true(strlen(r->data) > sizeof(key));
	assert_non_null(strstr(r->data, "v=DKIM1; k=rsa; p=AAAA"));
	assert_int_equal(r->data[strlen(r->data) - 1], '"');
	assert_int_equal(r->data[strlen(r->data) - 2], 'A');
	ucp_plan_free(p);
	ucp_diags_clear(&d);
	ucp_buf_clear(&b);
}

static void
test_dotted_names_are_syntax_errors(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of(TU_BASE "sip.director = { fqdn = \"dir01.example.com\"; ip = \"10.0.0.7\"; };\n"
	    "sip.tcp = true;\nsip.device_updates = true;\n", &d);

	(void)state;
	/* libconfig has no dotted assignment: this must fail to parse. */
	assert_null(p);
	assert_non_null(tu_diag(&d, "config-syntax"));
	ucp_diags_clear(&d);
}

#define SIP_WITH(extra) \
	"ucplan = 1;\n" \
	"dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n" \
	"  external = { nameservers = [ \"ns.example.com\", \"ns2.example.org\" ]; };\n" \
	"  records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; } ); };\n" \
	"sip = { product = \"ocs2007r2\"; domains = [ \"example.com\", \"example.net\" ]; edition = \"standard\";\n" \
	"  pool = { fqdn = \"se01.example.com\"; ip = \"10.0.0.5\"; };\n" extra "};\n"

static void
test_director_tcp_updates(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of(SIP_WITH("director = { fqdn = \"dir01.example.com\"; ip = \"10.0.0.7\"; };\n"
	    "tcp = true; device_updates = true;\n"), &d);

	(void)state;
	assert_non_null(p);
	/* The Director signs in; it is one label below example.com, so it is its own target. */
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.com", "SRV",
	    "0 0 5061 dir01.example.com."));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternal._tcp.example.com", "SRV",
	    "0 0 5060 dir01.example.com."));
	/* In example.net strict naming needs sip.example.net. */
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "_sipinternaltls._tcp.example.net", "SRV",
	    "0 0 5061 sip.example.net."));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "sip.example.net", "A", "10.0.0.7"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "ucupdates-r2.example.net", "A", "10.0.0.5"));
	/* No Edge: a warning, and no external SIP records. */
	assert_non_null(tu_diag(&d, "D9"));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "_sip._tls.example.com", "SRV", NULL));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static const struct {
	const char	*text;
	const char	*rule;
	const char	*setting;
} rule_cases[] = {
	{ SIP_WITH("") "sip2 = 1;\n", "config-unknown", "sip2" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; }; };\n"
	  "sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"enterprise\";\n"
	  "pool = { fqdn = \"pool.example.com\"; ip = \"10.0.0.5\"; load_balancer = \"nlb\";\n"
	  "servers = ( { fqdn = \"fe1.example.com\"; ip = \"10.0.0.6\"; } ); }; };\n", "P11", "sip.pool.load_balancer" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; }; };\n"
	  "sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"enterprise\";\n"
	  "pool = { fqdn = \"pool.example.com\"; ip = \"10.0.0.5\";\n"
	  "servers = ( { fqdn = \"pool.example.com\"; ip = \"10.0.0.6\"; } ); }; };\n", "pool-fqdn", "sip.pool.servers[0].fqdn" },
	{ SIP_WITH("edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n"
	  "access = { fqdn = \"edge-ext.example.com\"; ip = \"192.0.2.20\"; }; };\n"), "C4", "sip.edge.access.fqdn" },
	{ SIP_WITH("edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n"
	  "access = { ip = \"192.0.2.20\"; };\n av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; auth_port = 443; }; };\n"),
	  "P1", "sip.edge.av.auth_port" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	  "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	  "{ view = \"internal\"; name = \"sip.example.com\"; type = \"CNAME\"; data = \"se01.example.com\"; } ); };\n"
	  "sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"standard\";\n"
	  "pool = { fqdn = \"se01.example.com\"; ip = \"10.0.0.5\"; }; };\n", "records-cname", "dns.records[1].name" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	  "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	  "{ view = \"both\"; name = \"_sip._tls.example.org\"; type = \"SRV\"; data = \"0 0 443 sip.example.com\"; } ); };\n",
	  "D2", "dns.records[1]" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	  "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	  "{ view = \"both\"; name = \"_sip._tls.example.com\"; type = \"SRV\"; data = \"0 0 5061 sip.example.com\"; } ); };\n",
	  "D5", "dns.records[1]" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	  "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	  "{ view = \"external\"; name = \"example.com\"; type = \"MX\"; data = \"10 mail.example.com\"; } ); };\n",
	  "D1", "dns.records[1]" },
	{ "ucplan = 1;\ndns = { zones = [ \"example.com\" ];\n"
	  "internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	  "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	  "{ view = \"external\"; name = \"www.example.org\"; type = \"A\"; data = \"192.0.2.80\"; } ); };\n",
	  "zone-missing", "dns.records[1]" },
	{ "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	  "external = { nameservers = [ \"ns.example.com\" ]; }; };\n"
	  "sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"standard\";\n"
	  "pool = { fqdn = \"se01.example.com\"; ip = \"10.0.0.5\"; }; };\n", "zone-glue", "dns.internal.nameservers[0]" },
	{ SIP_WITH("edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n"
	  "access = { ip = \"192.0.2.20\"; };\n webconf = { fqdn = \"wc.example.com\"; ip = \"192.0.2.21\"; port = 443; }; };\n"),
	  "C6", "sip.edge.webconf.port" },
	{ SIP_WITH("") "exchange = { version = \"2007\"; external_fqdn = \"mail.example.com\";\n"
	  "cas = ( { fqdn = \"cas.example.com\"; ip = \"10.0.0.20\"; } ); services = [ \"owa\", \"ecp\" ]; };\n"
	  "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", "product-setting", "exchange.services" },
};

static void
test_rules(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rule_cases) / sizeof(rule_cases[0]); i++) {
		struct ucp_diags d;
		const struct ucp_diag *g;
		struct ucp_plan *p = plan_of(rule_cases[i].text, &d);

		if ((g = tu_diag(&d, rule_cases[i].rule)) == NULL)
			tu_fail("case %zu: no %s diagnostic (%zu others%s%s)", i, rule_cases[i].rule, d.len,
			    d.len ? ", first: " : "", d.len ? d.items[0].message : "");
		if (g->setting == NULL || strcmp(g->setting, rule_cases[i].setting) != 0)
			tu_fail("case %zu: setting %s, want %s", i, g->setting ? g->setting : "(none)",
			    rule_cases[i].setting);
		assert_true(g->line > 0);
		ucp_plan_free(p);
		ucp_diags_clear(&d);
	}
}

static void
test_lint_override(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;
	const char *cfg = SIP_WITH("") "lint = { D9 = \"error\"; Nope = \"ignore\"; };\n";

	(void)state;
	p = plan_of(cfg, &d);
	assert_non_null(tu_diag(&d, "D9"));
	assert_int_equal(tu_diag(&d, "D9")->severity, UCP_SEV_ERROR);
	assert_non_null(tu_diag(&d, "lint-unknown"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(SIP_WITH("") "lint = { D9 = \"ignore\"; };\n", &d);
	assert_null(tu_diag(&d, "D9"));
	assert_int_equal(d.len, 0);
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static void
test_autodiscover_srv_and_multi_domain(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "autodiscover = \"srv\"; mx = { host = \"smtp.example.com\"; ip = [ \"192.0.2.25\", \"2001:db8::25\" ]; };\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = \"10.0.0.20\"; }, { fqdn = \"cas2.example.com\"; ip = \"10.0.0.21\"; } );\n"
	    "cas_vip = \"10.0.0.19\"; };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);

	(void)state;
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "_autodiscover._tcp.example.net", "SRV", "0 0 443 mail.example.com."));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "autodiscover.example.com", "A", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "example.net", "MX", "10 smtp.example.com."));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "smtp.example.com", "A", "192.0.2.25"));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "smtp.example.com", "AAAA", "2001:db8::25"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "mail.example.com", "A", "10.0.0.19"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* An MX host that is the HTTPS listener is an error; mx.ip plans the transport server and port 25. */
static void
test_mx_host(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;
	size_t i;
	bool smtp = false;

	(void)state;
	p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "mx = { host = \"mail.example.com\"; };\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = \"10.0.0.20\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);
	assert_non_null(tu_diag(&d, "mx-listener"));
	assert_string_equal(tu_diag(&d, "mx-listener")->setting, "exchange.mx.host");
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "mx = { host = \"smtp.example.com\"; ip = \"192.0.2.25\"; };\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = \"10.0.0.20\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	for (i = 0; i < p->nendpoints; i++)
		if (p->endpoints[i].role == UCP_ROLE_SMTP && p->endpoints[i].port == 25 &&
		    strcmp(p->endpoints[i].ip, "192.0.2.25") == 0 && strcmp(p->endpoints[i].direction, "inbound") == 0)
			smtp = true;
	assert_true(smtp);
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static const struct ucp_endpoint *
find_endpoint(const struct ucp_plan *p, enum ucp_role role, unsigned port, const char *protocol)
{
	size_t i;

	for (i = 0; i < p->nendpoints; i++)
		if (p->endpoints[i].role == role && p->endpoints[i].port == port &&
		    strcmp(p->endpoints[i].protocol, protocol) == 0)
			return &p->endpoints[i];
	return NULL;
}

#define EDGE_WITH(edge, certs) \
	"ucplan = 1;\n" \
	"dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/24\" ]; };\n" \
	"  external = { nameservers = [ \"ns.example.com\", \"ns2.example.org\" ]; };\n" \
	"  records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; } ); };\n" \
	"sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"enterprise\";\n" \
	"  pool = { fqdn = \"pool.example.com\"; ip = \"10.0.0.5\"; servers = ( { fqdn = \"fe1.example.com\"; ip = \"10.0.0.6\"; } ); };\n" \
	"  edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n" \
	"    access = { ip = \"192.0.2.20\"; };\n" edge " }; };\n" certs

/* Every OCS 2007 R2 Edge runs three services; A/V needs a public address; the Edge must see the internal view. */
static void
test_edge_facts(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;
	const struct ucp_endpoint *e;

	(void)state;
	/* Web Conferencing left out under one certificate: planned on the Access Edge, 444. */
	p = plan_of(EDGE_WITH("av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; };", ""), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_diag(&d, "P4"));
	assert_non_null(e = find_endpoint(p, UCP_ROLE_WEBCONF_EDGE, 444, "tcp"));
	assert_string_equal(e->ip, "192.0.2.20");
	assert_non_null(e = find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 8057, "tcp"));
	assert_non_null(e = find_endpoint(p, UCP_ROLE_AV_EDGE, 443, "tcp"));
	assert_string_equal(e->direction, "both");
	/* The pool VIP of an Enterprise pool also carries 135 and 444. */
	assert_non_null(find_endpoint(p, UCP_ROLE_POOL, 135, "tcp"));
	assert_non_null(find_endpoint(p, UCP_ROLE_POOL, 444, "tcp"));
	/* No external web farm: a warning. The Edge at 10.0.1.5 is outside 10.0.0.0/24: D10. */
	assert_non_null(tu_diag(&d, "edge-web-farm"));
	assert_non_null(tu_diag(&d, "D10"));
	assert_string_equal(tu_diag(&d, "D10")->setting, "sip.edge.internal.ip");
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	/* Web Conferencing on its own certificate must be given. */
	p = plan_of(EDGE_WITH("av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; };",
	    "certificates = { webconf = \"separate\"; };\n"), &d);
	assert_non_null(tu_diag(&d, "topology"));
	assert_string_equal(tu_diag(&d, "topology")->setting, "sip.edge.webconf");
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	/* A/V Edge on a private address: P5. A/V left out: topology. */
	p = plan_of(EDGE_WITH("av = { fqdn = \"av.example.com\"; ip = \"172.16.0.22\"; };", ""), &d);
	assert_non_null(tu_diag(&d, "P5"));
	assert_string_equal(tu_diag(&d, "P5")->setting, "sip.edge.av.ip");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
	p = plan_of(EDGE_WITH("", ""), &d);
	assert_non_null(tu_diag(&d, "topology"));
	assert_string_equal(tu_diag(&d, "topology")->setting, "sip.edge.av");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* An OCS 2007 R2 Standard Edition server whose ip setting is IP. */
#define SE_POOL_IP(ip) \
	"ucplan = 1;\n" \
	"dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n" \
	"  external = { nameservers = [ \"ns.example.com\", \"ns2.example.org\" ]; };\n" \
	"  records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; } ); };\n" \
	"sip = { product = \"ocs2007r2\"; domains = [ \"example.com\" ]; edition = \"standard\";\n" \
	"  pool = { fqdn = \"se01.example.com\"; ip = " ip "; }; };\n"

/* IPv6 gives AAAA; OCS 2007 R2 is IPv4-only with one address per name; Exchange needs IPv4 beside IPv6. */
static void
test_addresses(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;

	(void)state;
	p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = [ \"10.0.0.20\", \"2001:db8::20\" ]; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "cas1.example.com", "A", "10.0.0.20"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "cas1.example.com", "AAAA", "2001:db8::20"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "mail.example.com", "AAAA", "2001:db8::20"));
	assert_null(tu_record(p, UCP_VIEW_INTERNAL, "cas1.example.com", "A", "2001:db8::20"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = \"2001:db8::20\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);
	assert_non_null(tu_diag(&d, "product-setting"));
	assert_string_equal(tu_diag(&d, "product-setting")->setting, "exchange.cas[0].ip");
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(SE_POOL_IP("\"2001:db8::20\""), &d);
	assert_non_null(tu_diag(&d, "product-setting"));
	assert_string_equal(tu_diag(&d, "product-setting")->setting, "sip.pool.ip");
	assert_non_null(strstr(tu_diag(&d, "product-setting")->message, "ocs2007r2"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(SE_POOL_IP("[ \"10.0.0.5\", \"10.0.0.6\" ]"), &d);
	assert_non_null(tu_diag(&d, "P11"));
	assert_string_equal(tu_diag(&d, "P11")->setting, "sip.pool.ip");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static void
test_several_cas_need_vip(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of(SIP_WITH("") "exchange = { version = \"2010\"; external_fqdn = \"mail.example.com\";\n"
	    "cas = ( { fqdn = \"cas1.example.com\"; ip = \"10.0.0.20\"; }, { fqdn = \"cas2.example.com\"; ip = \"10.0.0.21\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", &d);

	(void)state;
	assert_non_null(tu_diag(&d, "topology"));
	assert_string_equal(tu_diag(&d, "topology")->setting, "exchange.cas_vip");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static void
test_san_count(void **state)
{
	struct ucp_buf cfg;
	struct ucp_diags d;
	struct ucp_plan *p;
	int i;

	(void)state;
	/* 60 SIP domains: sip.<d> and autodiscover.<d> each, 120 names on the external certificate. */
	ucp_buf_init(&cfg);
	ucp_buf_puts(&cfg, "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.corp.example.com\" ]; "
	    "clients = [ \"10.0.0.0/8\" ]; }; external = { nameservers = [ \"ns1.example.com\" ]; };\n"
	    "records = ( { view = \"external\"; name = \"ns1.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	    "{ view = \"internal\"; name = \"ns.corp.example.com\"; type = \"A\"; data = \"10.0.0.53\"; } ); };\n"
	    "sip = { product = \"ocs2007r2\"; edition = \"standard\"; pool = { fqdn = \"ocs.corp.example.com\"; "
	    "ip = \"10.0.0.5\"; };\n edge = { internal = { fqdn = \"edge.corp.example.com\"; ip = \"10.0.1.5\"; }; "
	    "access = { ip = \"192.0.2.20\"; }; };\n domains = [ \"example.com\"");
	for (i = 1; i < 60; i++)
		ucp_buf_printf(&cfg, ", \"t%d.example.org\"", i);
	ucp_buf_puts(&cfg, " ]; };\nexchange = { version = \"2010\"; external_fqdn = \"mail.example.com\"; "
	    "cas = ( { fqdn = \"cas.corp.example.com\"; ip = \"10.0.0.20\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n");
	p = plan_of(ucp_buf_str(&cfg), &d);
	assert_non_null(p);
	assert_non_null(tu_diag(&d, "cert-san-count"));
	assert_int_equal(tu_diag(&d, "cert-san-count")->severity, UCP_SEV_WARNING);
	ucp_plan_free(p);
	ucp_diags_clear(&d);
	ucp_buf_clear(&cfg);
	/* The examples stay well below it. */
	p = plan_of(TU_BASE, &d);
	assert_null(tu_diag(&d, "cert-san-count"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* A Lync-era deployment: Standard Edition, a consolidated Edge, a reverse proxy. */
#define LYNC_WITH(product, sip, rest) \
	"ucplan = 1;\n" \
	"dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n" \
	"  external = { nameservers = [ \"ns.example.com\", \"ns2.example.net\" ]; };\n" \
	"  records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; } ); };\n" \
	"sip = { product = \"" product "\"; domains = [ \"example.com\", \"example.org\" ]; edition = \"standard\";\n" \
	"  pool = { fqdn = \"se01.example.com\"; ip = \"10.0.0.5\"; };\n" \
	"  web = { external_fqdn = \"webext.example.com\"; };\n" sip \
	"  edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n" \
	"    access = { ip = \"192.0.2.20\"; }; webconf = { fqdn = \"webcon.example.com\"; ip = \"192.0.2.21\"; };\n" \
	"    av = { fqdn = \"av.example.com\"; ip = \"192.0.2.22\"; }; }; };\n" \
	"reverse_proxy = { product = \"generic\"; external_ip = \"192.0.2.10\"; };\n" rest

static void
test_lync_generations(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;
	const struct ucp_cert *c;
	const struct ucp_endpoint *e;

	(void)state;
	/* Lync 2010: no mobility unless asked for; simple URLs, bridging to 4443 and 8080. */
	p = plan_of(LYNC_WITH("lync2010", "", ""), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "lyncdiscover.example.com", "A", NULL));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "meet.example.org", "A", "192.0.2.10"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "meet.example.org", "A", "10.0.0.5"));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "dialin.example.com", "A", "192.0.2.10"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "admin.example.com", "A", "10.0.0.5"));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "admin.example.com", "A", NULL));
	assert_int_equal(p->publishing.rules[0].internal_port, 4443);
	assert_int_equal(p->publishing.rules[0].http_port, 8080);
	assert_non_null(find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 4443, "tcp"));
	assert_null(find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 50001, "tcp"));
	assert_null(ucp_plan_cert(p, "oauth"));
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	p = plan_of(LYNC_WITH("lync2010", "  mobility = true;\n", ""), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "lyncdiscover.example.org", "A", "192.0.2.10"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "lyncdiscoverinternal.example.org", "A", "10.0.0.5"));
	assert_null(tu_record(p, UCP_VIEW_INTERNAL, "lyncdiscover.example.org", "A", NULL));
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "lyncdiscoverinternal.example.org", "A", NULL));
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	/* Lync 2013 with XMPP, one certificate: the Edge's names first, XMPP names, then the web names. */
	p = plan_of(LYNC_WITH("lync2013", "  xmpp = true;\n", ""), &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "_xmpp-server._tcp.example.org", "SRV", "0 0 5269 xmpp.example.org."));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "xmpp.example.org", "A", "192.0.2.20"));
	assert_non_null(e = find_endpoint(p, UCP_ROLE_ACCESS_EDGE, 5269, "tcp"));
	assert_non_null(find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 23456, "tcp"));
	assert_non_null(c = ucp_plan_cert(p, "external"));
	assert_string_equal(c->subject, "sip.example.com");
	assert_string_equal(c->san[1], "webcon.example.com");
	assert_string_equal(c->san[2], "sip.example.org");
	assert_string_equal(c->san[3], "xmpp.example.com");
	assert_string_equal(c->san[4], "*.example.com");
	assert_true(ucp_cert_used_by(c, UCP_ROLE_AV_EDGE) && ucp_cert_used_by(c, UCP_ROLE_REVERSE_PROXY));
	assert_true(c->exportable);
	assert_null(ucp_plan_cert(p, "av-auth"));
	assert_non_null(c = ucp_plan_cert(p, "oauth"));
	assert_string_equal(c->subject, "example.com");
	assert_int_equal(c->nsan, 2);
	assert_non_null(c = ucp_plan_cert(p, "frontend"));
	assert_string_equal(c->san[c->nsan - 2], "sip.example.com");
	ucp_plan_free(p);
	ucp_diags_clear(&d);

	/* Skype for Business 2019: an IPv6 Edge address plans AAAA; the A/V Edge may be private behind NAT. */
	p = plan_of(LYNC_WITH("sfb2019", "", "") , &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_null(tu_record(p, UCP_VIEW_EXTERNAL, "_xmpp-server._tcp.example.com", "SRV", NULL));
	assert_null(find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 23456, "tcp"));
	assert_non_null(e = find_endpoint(p, UCP_ROLE_EDGE_INTERNAL, 50001, "tcp"));
	assert_int_equal(e->port_end, 50003);
	assert_non_null(e = find_endpoint(p, UCP_ROLE_AV_EDGE, 50000, "udp"));
	assert_string_equal(e->direction, "outbound");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

static void
test_lync_nat_and_pools(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p;
	const struct ucp_endpoint *e;

	(void)state;
	/* NAT: DNS gives the public address, the endpoint table both. */
	p = plan_of("ucplan = 1;\n"
	    "dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	    "  external = { nameservers = [ \"ns.example.com\", \"ns2.example.net\" ]; };\n"
	    "  records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; } ); };\n"
	    "sip = { product = \"sfb2019\"; domains = [ \"example.com\" ]; edition = \"enterprise\";\n"
	    "  pool = { fqdn = \"pool.example.com\"; load_balancer = \"dns\"; web_fqdn = \"web.example.com\";\n"
	    "    web_ip = [ \"10.0.0.9\", \"2001:db8::9\" ];\n"
	    "    servers = ( { fqdn = \"fe1.example.com\"; ip = \"10.0.0.6\"; }, { fqdn = \"fe2.example.com\"; ip = \"10.0.0.7\"; } ); };\n"
	    "  web = { external_fqdn = \"webext.example.com\"; };\n"
	    "  edge = { internal = { fqdn = \"edge.example.com\"; ip = \"10.0.1.5\"; };\n"
	    "    access = { ip = \"10.45.16.10\"; public_ip = \"192.0.2.20\"; };\n"
	    "    webconf = { fqdn = \"webcon.example.com\"; ip = \"10.45.16.20\"; public_ip = \"192.0.2.21\"; };\n"
	    "    av = { fqdn = \"av.example.com\"; ip = \"10.45.16.30\"; public_ip = \"192.0.2.22\"; }; }; };\n"
	    "reverse_proxy = { product = \"generic\"; external_ip = \"192.0.2.10\"; };\n", &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "sip.example.com", "A", "192.0.2.20"));
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "av.example.com", "A", "192.0.2.22"));
	assert_non_null(e = find_endpoint(p, UCP_ROLE_AV_EDGE, 3478, "udp"));
	assert_string_equal(e->ip, "10.45.16.30");
	assert_string_equal(e->public_ip, "192.0.2.22");
	/* DNS load balancing: one A per front end; the web names at the VIP, dual stack. */
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "pool.example.com", "A", "10.0.0.6"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "pool.example.com", "A", "10.0.0.7"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "web.example.com", "AAAA", "2001:db8::9"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "lyncdiscoverinternal.example.com", "AAAA", "2001:db8::9"));
	assert_non_null(tu_record(p, UCP_VIEW_INTERNAL, "sip.example.com", "A", "10.0.0.7"));
	assert_string_equal(p->publishing.rules[0].internal_ip, "10.0.0.9");
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* The zone a name lies in, in VIEW: the plan's zone that holds it, or NULL. */
static const char *
zone_holding(const struct ucp_plan *p, enum ucp_view view, const char *owner)
{
	size_t i, j;

	for (i = 0; i < p->views[view].nzones; i++)
		for (j = 0; j < p->views[view].zones[i].nrecords; j++)
			if (strcmp(p->views[view].zones[i].records[j].owner, owner) == 0)
				return p->views[view].zones[i].name;
	return NULL;
}

/* Derived zones: a service owner's zone is the domain below its last underscore label. */
static void
test_derived_zones(void **state)
{
	struct ucp_diags d;
	struct ucp_plan *p = plan_of("ucplan = 1;\n"
	    "dns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n"
	    "external = { nameservers = [ \"ns.example.com\" ]; };\n"
	    "records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	    "{ view = \"external\"; name = \"sel._domainkey.mail.example.org\"; type = \"TXT\"; data = \"\\\"v=DKIM1\\\"\"; },\n"
	    "{ view = \"external\"; name = \"a._b.c._d.e.example.net\"; type = \"TXT\"; data = \"\\\"x\\\"\"; },\n"
	    "{ view = \"external\"; name = \"www.shop.example.com\"; type = \"A\"; data = \"192.0.2.80\"; } ); };\n", &d);

	(void)state;
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_string_equal(zone_holding(p, UCP_VIEW_EXTERNAL, "sel._domainkey.mail.example.org"), "mail.example.org");
	assert_string_equal(zone_holding(p, UCP_VIEW_EXTERNAL, "a._b.c._d.e.example.net"), "e.example.net");
	assert_string_equal(zone_holding(p, UCP_VIEW_EXTERNAL, "www.shop.example.com"), "shop.example.com");
	/* ns.example.com's zone example.com; the nested shop.example.com is delegated from it. */
	assert_string_equal(zone_holding(p, UCP_VIEW_EXTERNAL, "ns.example.com"), "example.com");
	assert_non_null(tu_record(p, UCP_VIEW_EXTERNAL, "shop.example.com", "NS", "ns.example.com."));
	ucp_plan_free(p);
	ucp_diags_clear(&d);
}

/* The planner's names: one node per name, found again, parents the tails of their children. */
static void
test_names(void **state)
{
	struct planner p;
	struct pname *a, *up, *top;
	char name[64];
	int i;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.a = ucp_arena_new();
	p.tmp = ucp_arena_new();
	assert_null(plan_name_find(&p, "example.com"));
	a = plan_name(&p, "_sip._tls.example.com");
	assert_ptr_equal(plan_name(&p, "_sip._tls.example.com"), a);
	assert_ptr_equal(plan_name_find(&p, "_sip._tls.example.com"), a);
	/* Looking up adds nothing, and neither does going up: a name without a node is passed over. */
	assert_null(plan_name_find(&p, "_tls.example.com"));
	assert_null(plan_name_up(&p, a));
	assert_null(plan_name_find(&p, "_tls.example.com"));
	assert_null(plan_name_find(&p, "example.com"));
	/* The parent is the nearest suffix that has a node, and it is kept. */
	a = plan_name(&p, "_sipfederationtls._tcp.example.org");
	top = plan_name(&p, "example.org");
	up = plan_name_up(&p, a);
	assert_ptr_equal(up, top);
	assert_null(plan_name_find(&p, "_tcp.example.org"));
	assert_null(plan_name_up(&p, top));
	up = plan_name(&p, "_tcp.example.org");
	assert_ptr_equal(plan_name_up(&p, up), top);
	assert_ptr_equal(plan_name_up(&p, plan_name(&p, "_sipinternaltls._tcp.example.org")), up);
	/* A name made from a tail of another shares its string; an existing one keeps its node. */
	up = plan_name_owned(&p, a->name + strlen("_sipfederationtls._tcp.example."));
	assert_ptr_equal(up->name, a->name + strlen("_sipfederationtls._tcp.example."));
	assert_ptr_equal(plan_name_owned(&p, a->name + strlen("_sipfederationtls._tcp.")), top);
	/* The answer is kept: a suffix given a node after it was asked for is not seen. */
	assert_null(plan_name_up(&p, top));
	/* A name with an underscore label is found whatever its first label. */
	a = plan_name(&p, "sel._domainkey.example.org");
	assert_ptr_equal(plan_name_find(&p, "sel._domainkey.example.org"), a);
	assert_null(plan_name_find(&p, "other._domainkey.example.org"));
	assert_null(plan_name_find(&p, "_domainkey.example.org"));
	up = plan_name(&p, "_domainkey.example.org");
	assert_ptr_equal(plan_name_find(&p, "_domainkey.example.org"), up);
	assert_ptr_equal(plan_name_find(&p, "sel._domainkey.example.org"), a);
	/* plan_join() is snprintf("%s.%s"), cut where it would be. */
	{
		char out[PLAN_NAME_MAX], want[PLAN_NAME_MAX], longname[600];

		assert_string_equal(plan_join(out, "_sip._tls", "example.org"), "_sip._tls.example.org");
		memset(longname, 'x', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = '\0';
		for (i = 0; i < 3; i++) {
			const char *label = i == 0 ? "sip" : i == 1 ? longname + 100 : longname;

			assert_true(snprintf(want, sizeof(want), "%s.%s", label, "example.org") > 0);
			assert_string_equal(plan_join(out, label, "example.org"), want);
			assert_true(snprintf(want, sizeof(want), "%s.%s", "sip", label) > 0);
			assert_string_equal(plan_join(out, "sip", label), want);
		}
	}
	assert_string_equal(plan_name_tail("sip.example.org"), "example.org");
	assert_null(plan_name_tail("org"));
	assert_null(plan_name_tail("org."));
	a = plan_name(&p, "_sip._tls.example.com");
	/*
	 * Through several growths every name keeps its node, past the size
	 * (2 MiB of slots) from which the table is asked for huge pages.
	 */
	for (i = 0; i < 150000; i++) {
		snprintf(name, sizeof(name), "sip.tenant%d.example.org", i);
		plan_name(&p, name)->types[0] = (uint16_t)(i & 0xffff);
	}
	assert_true(p.names_cap * sizeof(*p.names) >= (size_t)2 << 20);
	for (i = 0; i < 150000; i += 7) {
		snprintf(name, sizeof(name), "sip.tenant%d.example.org", i);
		assert_non_null(plan_name_find(&p, name));
		assert_int_equal(plan_name_find(&p, name)->types[0], i & 0xffff);
		assert_string_equal(plan_name_find(&p, name)->name, name);
	}
	assert_null(plan_name_find(&p, "sip.tenant150000.example.org"));
	assert_ptr_equal(plan_name_find(&p, "_sip._tls.example.com"), a);
	plan_names_clear(&p);
	ucp_arena_free(p.tmp);
	ucp_arena_free(p.a);
}

/*
 * A hoster's configuration: PRODUCT with example.com and N tenant domains
 * t<i>.example.org (EXTRA after them), TOP at the end of the file.
 */
static void
hosting(struct ucp_buf *b, const char *product, int n, const char *extra, const char *top)
{
	int i;

	ucp_buf_reset(b);
	ucp_buf_printf(b, "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.corp.example.com\" ]; "
	    "clients = [ \"10.0.0.0/8\" ]; }; external = { nameservers = [ \"ns1.example.com\", \"ns2.example.net\" ]; };\n"
	    "records = ( { view = \"external\"; name = \"ns1.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n"
	    "{ view = \"internal\"; name = \"ns.corp.example.com\"; type = \"A\"; data = \"10.0.0.53\"; } ); };\n"
	    "sip = { product = \"%s\"; edition = \"standard\"; pool = { fqdn = \"se.corp.example.com\"; "
	    "ip = \"10.0.0.5\"; };\n web = { external_fqdn = \"webext.example.com\"; };\n"
	    " edge = { internal = { fqdn = \"edge.corp.example.com\"; ip = \"10.0.1.5\"; }; "
	    "access = { ip = \"192.0.2.20\"; }; };\n domains = [ \"example.com\"", product);
	for (i = 1; i <= n; i++)
		ucp_buf_printf(b, ", \"t%d.example.org\"", i);
	ucp_buf_printf(b, "%s ]; };\nexchange = { version = \"2010\"; external_fqdn = \"mail.example.com\"; "
	    "cas = ( { fqdn = \"cas.corp.example.com\"; ip = \"10.0.0.20\"; } ); };\n"
	    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n%s", extra, top);
}

/*
 * Checks TEXT in slices of PER tenant domains and whole; returns what
 * plan_check_slices() did. Sliced, it must report what the whole plan
 * reports; not, it must report nothing.
 */
static int
sliced(const char *text, size_t per, bool verbose)
{
	const struct plan_run whole_run = { .diagnostics_only = true };
	struct ucp_diags load, whole, parts;
	struct ucp_model *m;
	char *path = tu_write(text);
	size_t i;
	int r;

	ucp_diags_init(&load);
	ucp_diags_init(&whole);
	ucp_diags_init(&parts);
	whole.verbose = parts.verbose = verbose;
	/* The locations borrow PATH: it goes last. */
	m = ucp_model_from_config(path, &load);
	unlink(path);
	assert_non_null(m);
	assert_int_equal(load.errors, 0);
	ucp_plan_free(plan_model(m, &whole, 2026010100u, &whole_run));
	r = plan_check_slices(m, &parts, 2026010100u, per);
	ucp_diags_sort(&whole);
	ucp_diags_sort(&parts);
	assert_int_equal(parts.len, r ? whole.len : 0);
	for (i = 0; i < parts.len; i++) {
		assert_string_equal(parts.items[i].rule, whole.items[i].rule);
		assert_string_equal(parts.items[i].message, whole.items[i].message);
		assert_string_equal(parts.items[i].setting ? parts.items[i].setting : "",
		    whole.items[i].setting ? whole.items[i].setting : "");
		assert_int_equal(parts.items[i].line, whole.items[i].line);
		assert_int_equal(parts.items[i].severity, whole.items[i].severity);
	}
	assert_int_equal(parts.errors, r ? whole.errors : 0);
	assert_int_equal(parts.warnings, r ? whole.warnings : 0);
	ucp_model_free(m);
	ucp_diags_clear(&load);
	ucp_diags_clear(&whole);
	ucp_diags_clear(&parts);
	free(path);
	return r;
}

static void
test_check_in_slices(void **state)
{
	struct ucp_buf b;

	(void)state;
	ucp_buf_init(&b);
	/*
	 * 60 tenants, 3 a slice (5 with the 2 dns.records): no slice's external
	 * certificate reaches 100 names, the whole one does (121).
	 */
	hosting(&b, "ocs2007r2", 60, "", "");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 1);
	/* -v: each tenant's decision note names it, so the slices differ: whole. */
	assert_int_equal(sliced(ucp_buf_str(&b), 3, true), 0);
	/* Lync and later: meet, dialin, lyncdiscover per tenant, simple URLs, the web farm. */
	hosting(&b, "lync2013", 30, "", "");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 1);
	hosting(&b, "sfb2019", 30, "", "certificates = { design = \"per-role\"; };\n");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 1);
	/* A domain below the first and one below a tenant: the rest, planned with each slice (as is a record below a tenant). */
	hosting(&b, "sfb2019", 30, ", \"x.example.com\", \"sub.t3.example.org\"", "");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 1);
	hosting(&b, "ocs2007r2", 30, "", "");
	{
		char *text = strdup(ucp_buf_str(&b)), *at = strstr(text, "records = ( ");
		struct ucp_buf c;

		ucp_buf_init(&c);
		ucp_buf_add(&c, text, (size_t)(at - text) + strlen("records = ( "));
		ucp_buf_puts(&c, "{ view = \"external\"; name = \"www.t7.example.org\"; type = \"A\"; data = \"192.0.2.99\"; },\n");
		ucp_buf_puts(&c, at + strlen("records = ( "));
		assert_int_equal(sliced(ucp_buf_str(&c), 3, false), 1);
		/* Every tenant below a zone of dns.zones: none left to slice. */
		ucp_buf_reset(&c);
		at = strstr(text, "dns = { ");
		ucp_buf_add(&c, text, (size_t)(at - text) + strlen("dns = { "));
		ucp_buf_puts(&c, "zones = [ \"example.org\" ]; ");
		ucp_buf_puts(&c, at + strlen("dns = { "));
		assert_int_equal(sliced(ucp_buf_str(&c), 3, false), 0);
		ucp_buf_clear(&c);
		free(text);
	}
	/* A tenant whose name public CAs refuse: its own error makes its slice differ. */
	hosting(&b, "ocs2007r2", 30, ", \"corp.local\"", "");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 0);
	/* Too few tenants for two slices. */
	hosting(&b, "ocs2007r2", 5, "", "");
	assert_int_equal(sliced(ucp_buf_str(&b), 3, false), 0);
	/*
	 * exchange.smtp_domains of its own: the tenants in the other order (a
	 * tenant's entries in both lists go in one slice) and domains only
	 * Exchange has.
	 */
	hosting(&b, "sfb2019", 30, "", "");
	{
		const char *key = "exchange = { version = \"2010\"; ", *text = ucp_buf_str(&b), *at = strstr(text, key);
		struct ucp_buf c;
		int i;

		ucp_buf_init(&c);
		ucp_buf_add(&c, text, (size_t)(at - text) + strlen(key));
		ucp_buf_puts(&c, "smtp_domains = [ \"example.com\"");
		for (i = 30; i >= 1; i--)
			ucp_buf_printf(&c, ", \"t%d.example.org\"", i);
		for (i = 1; i <= 10; i++)
			ucp_buf_printf(&c, ", \"m%d.example.net\"", i);
		ucp_buf_puts(&c, " ]; ");
		ucp_buf_puts(&c, at + strlen(key));
		assert_int_equal(sliced(ucp_buf_str(&c), 3, false), 1);
		ucp_buf_clear(&c);
	}
	ucp_buf_clear(&b);
}

static bool
json_zone(void *ctx, enum ucp_view view, const struct ucp_zone *z)
{
	return ucp_plan_json_zone(ctx, view, z);
}

/* The JSON plan of TEXT, written from a kept plan and as the planner lays the zones out, must be the same text. */
static void
same_json(const char *text)
{
	struct ucp_diags load, kept_d, stream_d;
	struct ucp_plan *kept, *streamed;
	struct ucp_plan_json j;
	struct ucp_model *m;
	char *path = tu_write(text), *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	FILE *fa = open_memstream(&a, &alen), *fb = open_memstream(&b, &blen);

	ucp_diags_init(&load);
	m = ucp_model_from_config(path, &load);
	unlink(path);
	assert_non_null(m);
	ucp_diags_like(&kept_d, &load);
	ucp_diags_like(&stream_d, &load);
	kept = ucp_plan_new(m, &kept_d, 2026010100u);
	ucp_plan_json_begin(&j, fb);
	streamed = ucp_plan_stream(m, &stream_d, 2026010100u, json_zone, &j);
	assert_non_null(kept);
	assert_non_null(streamed);
	/* A streamed plan keeps no zone. */
	assert_int_equal(streamed->views[UCP_VIEW_EXTERNAL].nzones + streamed->views[UCP_VIEW_INTERNAL].nzones, 0);
	assert_true(kept->views[UCP_VIEW_EXTERNAL].nzones > 0);
	ucp_diags_sort(&kept_d);
	ucp_diags_sort(&stream_d);
	assert_int_equal(ucp_plan_json_write(kept, fa), UCP_OK);
	assert_int_equal(ucp_plan_json_end(&j, streamed), UCP_OK);
	fclose(fa);
	fclose(fb);
	assert_string_equal(a, b);
	free(a);
	free(b);
	ucp_plan_free(kept);
	ucp_plan_free(streamed);
	ucp_model_free(m);
	ucp_diags_clear(&load);
	ucp_diags_clear(&kept_d);
	ucp_diags_clear(&stream_d);
	free(path);
}

static void
test_json_streamed(void **state)
{
	struct ucp_buf b;

	(void)state;
	same_json(TU_BASE);
	/* Catalog zones: the last zone of each view, named in the plan as it is laid out. */
	{
		const char *at = strstr(TU_BASE, "dns = {\n");

		ucp_buf_init(&b);
		ucp_buf_add(&b, TU_BASE, (size_t)(at - TU_BASE) + strlen("dns = {\n"));
		ucp_buf_puts(&b, "  bind = { primaries = { internal = [ \"10.0.0.53\" ]; external = [ \"192.0.2.53\" ]; }; "
		    "catalog = true; };\n");
		ucp_buf_puts(&b, at + strlen("dns = {\n"));
		same_json(ucp_buf_str(&b));
		ucp_buf_clear(&b);
	}
	same_json(LYNC_WITH("sfb2019", "", "certificates = { design = \"per-role\"; };\n"));
	ucp_buf_init(&b);
	hosting(&b, "lync2013", 40, "", "");
	same_json(ucp_buf_str(&b));
	ucp_buf_clear(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_long_record_data),
		cmocka_unit_test(test_intermediate_name_zone),
		cmocka_unit_test(test_derived_zones),
		cmocka_unit_test(test_dotted_names_are_syntax_errors),
		cmocka_unit_test(test_director_tcp_updates),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_lint_override),
		cmocka_unit_test(test_autodiscover_srv_and_multi_domain),
		cmocka_unit_test(test_mx_host),
		cmocka_unit_test(test_edge_facts),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_several_cas_need_vip),
		cmocka_unit_test(test_san_count),
		cmocka_unit_test(test_check_in_slices),
		cmocka_unit_test(test_json_streamed),
		cmocka_unit_test(test_lync_generations),
		cmocka_unit_test(test_lync_nat_and_pools),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
