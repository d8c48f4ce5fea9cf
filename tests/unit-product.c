/*
 * Every product generation's descriptor against the domain reference: the
 * SRV set, the Edge, pool and Director ports, the published paths and the
 * settings each generation accepts. The expected tables are typed here from
 * the reference (sections 3.4, 5.11, 6.1, 6.4, 7.1-7.3; spec 9), not taken
 * from the descriptors, so a wrong fact fails in one place or the other.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner/product/product.h"
#include "testutil.h"

/* "prefix:port" for every SRV row the generation can plan, sorted, comma-joined. */
static void
srv_set(const struct ucp_sip_product *g, char *out, size_t len)
{
	const char *items[16];
	size_t i, j, n = 0;

	for (i = 0; i < g->nsrv; i++) {
		char *s;

		if (g->srv[i].when == UCP_WHEN_XMPP && !g->xmpp)
			continue;
		if (asprintf(&s, "%s:%u", g->srv[i].prefix, g->srv[i].port) < 0)
			abort();
		items[n++] = s;
	}
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(items[j - 1], items[j]) > 0; j--) {
			const char *t = items[j];

			items[j] = items[j - 1];
			items[j - 1] = t;
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(out + strlen(out), len - strlen(out), "%s%s", i ? "," : "", items[i]);
		free((char *)items[i]);
	}
}

/* "iface/port[-end]/proto/direction" for every Edge port the generation can open, in table order. */
static void
edge_set(const struct ucp_sip_product *g, char *out, size_t len)
{
	static const char *const ifaces[] = { "access", "webconf", "av", "internal" };
	size_t i;

	out[0] = '\0';
	for (i = 0; i < g->nedge_ports; i++) {
		const struct ucp_edge_port *e = &g->edge_ports[i];

		if ((e->when == UCP_WHEN_XMPP && !g->xmpp) || (e->when == UCP_WHEN_CLS && !g->cls))
			continue;
		snprintf(out + strlen(out), len - strlen(out), "%s%s/%u", out[0] ? "," : "", ifaces[e->iface],
		    e->port ? e->port : 5062);
		if (e->port_end)
			snprintf(out + strlen(out), len - strlen(out), "-%u", e->port_end);
		snprintf(out + strlen(out), len - strlen(out), "/%s/%s", e->protocol, e->direction);
	}
}

static void
ports(const struct ucp_server_port *rows, size_t n, char *out, size_t len)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		if (rows[i].when != UCP_WHEN_TCP)
			snprintf(out + strlen(out), len - strlen(out), "%s%u", out[0] ? "," : "", rows[i].port);
}

#define OCS_SRV "_sip._tls:443,_sipfederationtls._tcp:5061,_sipinternal._tcp:5060,_sipinternaltls._tcp:5061"
#define LYNC_SRV OCS_SRV
#define XMPP_SRV "_sip._tls:443,_sipfederationtls._tcp:5061,_sipinternal._tcp:5060,_sipinternaltls._tcp:5061," \
	"_xmpp-server._tcp:5269"

/* Reference 3.4 (OCS 2007 R2) and 5.11 (Lync 2013; spec 9.5 adds UDP 50000-59999 outbound). */
#define OCS_EDGE "access/443/tcp/inbound,access/5061/tcp/both,webconf/443/tcp/inbound,av/443/tcp/both," \
	"av/3478/udp/both,av/50000-59999/tcp/outbound,internal/5061/tcp/both,internal/8057/tcp/inbound," \
	"internal/5062/tcp/inbound,internal/443/tcp/inbound,internal/3478/udp/inbound"
#define LYNC2010_EDGE "access/443/tcp/inbound,access/5061/tcp/both,webconf/443/tcp/inbound,av/443/tcp/both," \
	"av/3478/udp/both,av/50000-59999/tcp/outbound,av/50000-59999/udp/outbound,internal/5061/tcp/both," \
	"internal/8057/tcp/inbound,internal/5062/tcp/inbound,internal/443/tcp/inbound,internal/3478/udp/inbound," \
	"internal/4443/tcp/inbound"
#define SFB2019_EDGE LYNC2010_EDGE ",internal/50001-50003/tcp/inbound"
#define LYNC2013_EDGE "access/443/tcp/inbound,access/5061/tcp/both,access/5269/tcp/both,webconf/443/tcp/inbound," \
	"av/443/tcp/both,av/3478/udp/both,av/50000-59999/tcp/outbound,av/50000-59999/udp/outbound," \
	"internal/5061/tcp/both,internal/8057/tcp/inbound,internal/5062/tcp/inbound,internal/443/tcp/inbound," \
	"internal/3478/udp/inbound,internal/4443/tcp/inbound,internal/50001-50003/tcp/inbound," \
	"internal/23456/tcp/inbound"

static const struct {
	const char	*name;
	const char	*srv, *edge, *pool, *director;
	unsigned	 web_port, web_http_port, min_key_bits;
	bool		 ipv6, dns_lb, nat, webconf444, av_public, xmpp, owas, oauth;
	enum ucp_mobility mobility;
} sip_want[] = {
	{ "ocs2007r2", OCS_SRV, OCS_EDGE, "5061,443,135,444", "5061", 443, 0, 1024,
	  false, false, false, true, true, false, false, false, UCP_MOBILITY_NONE },
	{ "lync2010", LYNC_SRV, LYNC2010_EDGE, "5061,444,135,80,443,4443,8080", "5061,444,80,443,4443,8080", 4443, 8080,
	  1024, false, true, true, false, false, false, false, false, UCP_MOBILITY_OPTIONAL },
	{ "lync2013", XMPP_SRV, LYNC2013_EDGE, "5061,444,135,80,443,4443,8080", "5061,444,80,443,4443,8080", 4443, 8080,
	  1024, true, true, true, false, false, true, true, true, UCP_MOBILITY_ALWAYS },
	{ "sfb2015", XMPP_SRV, LYNC2013_EDGE, "5061,444,135,80,443,4443,8080", "5061,444,80,443,4443,8080", 4443, 8080,
	  2048, true, true, true, false, false, true, true, true, UCP_MOBILITY_ALWAYS },
	{ "sfb2019", LYNC_SRV, SFB2019_EDGE, "5061,444,135,80,443,4443,8080", "5061,444,80,443,4443,8080", 4443, 8080,
	  2048, true, true, true, false, false, false, true, true, UCP_MOBILITY_ALWAYS },
	{ "sfbse", LYNC_SRV, SFB2019_EDGE, "5061,444,135,80,443,4443,8080", "5061,444,80,443,4443,8080", 4443, 8080,
	  2048, true, true, true, false, false, false, true, true, UCP_MOBILITY_ALWAYS },
};

static void
test_sip_generations(void **state)
{
	char got[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sip_want) / sizeof(sip_want[0]); i++) {
		const struct ucp_sip_product *g = ucp_sip_product_find(sip_want[i].name);

		if (g == NULL)
			tu_fail("%s: no descriptor", sip_want[i].name);
		srv_set(g, got, sizeof(got));
		if (strcmp(got, sip_want[i].srv) != 0)
			tu_fail("%s: SRV set %s, want %s", g->name, got, sip_want[i].srv);
		edge_set(g, got, sizeof(got));
		if (strcmp(got, sip_want[i].edge) != 0)
			tu_fail("%s: Edge ports\n# got  %s\n# want %s", g->name, got, sip_want[i].edge);
		ports(g->pool_ports, g->npool_ports, got, sizeof(got));
		if (strcmp(got, sip_want[i].pool) != 0)
			tu_fail("%s: pool ports %s, want %s", g->name, got, sip_want[i].pool);
		ports(g->director_ports, g->ndirector_ports, got, sizeof(got));
		if (strcmp(got, sip_want[i].director) != 0)
			tu_fail("%s: Director ports %s, want %s", g->name, got, sip_want[i].director);
		assert_int_equal(g->web_port, sip_want[i].web_port);
		assert_int_equal(g->web_http_port, sip_want[i].web_http_port);
		assert_int_equal(g->min_key_bits, sip_want[i].min_key_bits);
		if (g->ipv6 != sip_want[i].ipv6 || g->dns_lb != sip_want[i].dns_lb || g->nat != sip_want[i].nat ||
		    g->webconf_port444 != sip_want[i].webconf444 || g->av_public != sip_want[i].av_public ||
		    g->xmpp != sip_want[i].xmpp || g->office_web_apps != sip_want[i].owas || g->oauth != sip_want[i].oauth ||
		    g->mobility != sip_want[i].mobility)
			tu_fail("%s: accepted settings differ from the reference", g->name);
		/* Lync and later publish whole sites; OCS 2007 R2 its eight web component paths. */
		if (g->web_services ? !(g->nweb_paths == 1 && strcmp(g->web_paths[0], "/*") == 0) : g->nweb_paths != 8)
			tu_fail("%s: published paths", g->name);
	}
	assert_null(ucp_sip_product_find("lync2016"));
}

/* Published paths of a version: the OWA rule's, then Outlook Anywhere's, comma-joined. */
static void
paths(const struct ucp_exchange_product *g, char *out, size_t len)
{
	size_t i;

	bool first = true;

	out[0] = '\0';
	for (i = 0; i < g->nowa_paths; i++)
		if (g->services & g->owa_paths[i].service)
			snprintf(out + strlen(out), len - strlen(out), "%s%s", out[0] ? "," : "", g->owa_paths[i].path);
	snprintf(out + strlen(out), len - strlen(out), "|");
	for (i = 0; i < g->noa_paths; i++) {
		if (!(g->services & g->oa_paths[i].service))
			continue;
		snprintf(out + strlen(out), len - strlen(out), "%s%s", first ? "" : ",", g->oa_paths[i].path);
		first = false;
	}
}

/* True when the version sets the URLs of the virtual directory CMDLET sets (a service it has). */
static bool
has_vdir(const struct ucp_exchange_product *g, const char *cmdlet)
{
	size_t i;

	for (i = 0; i < g->nvdirs; i++)
		if (strcmp(g->vdirs[i].cmdlet, cmdlet) == 0 && (g->services & g->vdirs[i].service))
			return true;
	return false;
}

#define EX2013_PATHS "/owa/*,/ecp/*|/rpc/*,/mapi/*,/OAB/*,/EWS/*,/Autodiscover/*"

static const struct {
	const char		*name, *paths, *cmdlet;
	bool			 cas_array, mapi, oa_internal, extended_protection;
	enum ucp_request_form	 form;
} ex_want[] = {
	{ "2007", "/owa/*,/public/*,/exchange/*,/exchweb/*|/rpc/*,/OAB/*,/EWS/*,/UnifiedMessaging/*,/Autodiscover/*",
	  "Set-ClientAccessServer", false, false, false, false, UCP_REQUEST_2007 },
	{ "2010", "/owa/*,/ecp/*|/rpc/*,/OAB/*,/EWS/*,/Autodiscover/*", "Set-ClientAccessServer", true, false, false, false,
	  UCP_REQUEST_2010 },
	{ "2013", EX2013_PATHS, "Set-ClientAccessServer", false, true, true, false, UCP_REQUEST_2013 },
	{ "2016", EX2013_PATHS, "Set-ClientAccessService", false, true, true, true, UCP_REQUEST_2016 },
	{ "2019", EX2013_PATHS, "Set-ClientAccessService", false, true, true, true, UCP_REQUEST_2016 },
	{ "se", EX2013_PATHS, "Set-ClientAccessService", false, true, true, true, UCP_REQUEST_2016 },
};

static void
test_exchange_versions(void **state)
{
	char got[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ex_want) / sizeof(ex_want[0]); i++) {
		const struct ucp_exchange_product *g = ucp_exchange_product_find(ex_want[i].name);

		if (g == NULL)
			tu_fail("Exchange %s: no descriptor", ex_want[i].name);
		paths(g, got, sizeof(got));
		if (strcmp(got, ex_want[i].paths) != 0)
			tu_fail("Exchange %s: paths %s, want %s", g->name, got, ex_want[i].paths);
		if (strcmp(g->autodiscover_cmdlet, ex_want[i].cmdlet) != 0 || g->cas_array != ex_want[i].cas_array ||
		    ((g->services & UCP_SVC_MAPI) != 0) != ex_want[i].mapi || has_vdir(g, "Set-MapiVirtualDirectory") !=
		    ex_want[i].mapi || g->oa_internal != ex_want[i].oa_internal ||
		    g->extended_protection != ex_want[i].extended_protection || g->request_form != ex_want[i].form)
			tu_fail("Exchange %s: facts differ from the reference", g->name);
		if (((g->services & UCP_SVC_ECP) != 0) != (strcmp(g->name, "2007") != 0))
			tu_fail("Exchange %s: ecp", g->name);
	}
}

/* A minimal configuration of GENERATION with EXTRA inside sip, and the message its first error must carry. */
#define BASE_DNS "ucplan = 1;\ndns = { internal = { nameservers = [ \"ns.example.com\" ]; clients = [ \"10.0.0.0/8\" ]; };\n" \
	"external = { nameservers = [ \"ns.example.com\", \"ns2.example.com\" ]; };\n" \
	"records = ( { view = \"both\"; name = \"ns.example.com\"; type = \"A\"; data = \"192.0.2.53\"; },\n" \
	"{ view = \"both\"; name = \"ns2.example.com\"; type = \"A\"; data = \"192.0.2.54\"; } ); };\n"

static const struct {
	const char	*product, *sip_extra, *top_extra, *setting, *words;
} refused[] = {
	{ "sfb2019", "xmpp = true;", "", "sip.xmpp", "sfb2019 (Skype for Business Server 2019)" },
	{ "sfbse", "xmpp = false;", "", "sip.xmpp", "sfbse (Skype for Business Server Subscription Edition)" },
	{ "lync2010", "xmpp = true;", "", "sip.xmpp", "lync2010 (Lync Server 2010)" },
	{ "ocs2007r2", "mobility = true;", "", "sip.mobility", "ocs2007r2 (OCS 2007 R2)" },
	{ "lync2013", "mobility = false;", "", "sip.mobility", "lync2013 (Lync Server 2013)" },
	{ "ocs2007r2", "simple_urls = { meet = \"meet\"; };", "", "sip.simple_urls", "ocs2007r2 (OCS 2007 R2)" },
	{ "lync2010", "office_web_apps = { fqdn = \"owas.example.com\"; ip = \"10.0.0.9\"; };", "",
	  "sip.office_web_apps", "lync2010 (Lync Server 2010)" },
	{ "sfb2015", "", "certificates = { key_bits = 1024; };\n", "certificates.key_bits",
	  "sfb2015 (Skype for Business Server 2015)" },
	{ "lync2013", "", "certificates = { webconf = \"port-444\"; };\n", "certificates.webconf",
	  "lync2013 (Lync Server 2013)" },
	{ "ocs2007r2", "web = { internal_fqdn = \"web.example.com\"; };", "", "sip.web.internal_fqdn",
	  "ocs2007r2 (OCS 2007 R2)" },
};

/* True when D holds a product-setting error at SETTING whose message carries WORDS. */
static bool
refused_at(const struct ucp_diags *d, const char *setting, const char *words)
{
	size_t j;

	for (j = 0; j < d->len; j++)
		if (d->items[j].severity == UCP_SEV_ERROR && strcmp(d->items[j].rule, "product-setting") == 0 &&
		    d->items[j].setting != NULL && strcmp(d->items[j].setting, setting) == 0 &&
		    strstr(d->items[j].message, words) != NULL)
			return true;
	return false;
}

static void
test_settings_name_generation(void **state)
{
	char text[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		struct ucp_diags d;
		struct ucp_plan *p;

		snprintf(text, sizeof(text), BASE_DNS "sip = { product = \"%s\"; domains = [ \"example.com\" ]; "
		    "edition = \"standard\"; pool = { fqdn = \"se01.example.com\"; ip = \"10.0.0.5\"; }; %s };\n%s",
		    refused[i].product, refused[i].sip_extra, refused[i].top_extra);
		ucp_diags_init(&d);
		p = tu_plan(text, &d, NULL);
		if (!refused_at(&d, refused[i].setting, refused[i].words))
			tu_fail("case %zu: %s under %s is not an error at %s naming \"%s\" (%zu diagnostics%s%s)", i,
			    refused[i].setting, refused[i].product, refused[i].setting, refused[i].words, d.len,
			    d.len ? ", first: " : "", d.len ? d.items[0].message : "");
		ucp_plan_free(p);
		ucp_diags_clear(&d);
	}
}

/* Exchange settings a version does not have: the cas_array of 2013+, mapi before 2013. */
static void
test_exchange_settings(void **state)
{
	static const struct {
		const char *version, *extra, *setting, *words;
	} cases[] = {
		{ "2016", "cas_array = { fqdn = \"outlook.example.com\"; ip = \"10.0.0.25\"; };", "exchange.cas_array",
		  "Exchange 2016" },
		{ "2010", "services = [ \"owa\", \"mapi\" ];", "exchange.services", "Exchange 2010" },
		{ "2007", "services = [ \"owa\", \"ecp\" ];", "exchange.services", "Exchange 2007" },
	};
	char text[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ucp_diags d;
		struct ucp_plan *p;

		snprintf(text, sizeof(text), BASE_DNS "exchange = { version = \"%s\"; external_fqdn = \"mail.example.com\";\n"
		    "smtp_domains = [ \"example.com\" ]; cas = ( { fqdn = \"cas.example.com\"; ip = \"10.0.0.20\"; } ); %s };\n"
		    "reverse_proxy = { product = \"tmg2010\"; external_ip = \"192.0.2.10\"; };\n", cases[i].version,
		    cases[i].extra);
		ucp_diags_init(&d);
		p = tu_plan(text, &d, NULL);
		if (!refused_at(&d, cases[i].setting, cases[i].words))
			tu_fail("Exchange case %zu: no product-setting error at %s naming %s (%zu diagnostics%s%s)", i,
			    cases[i].setting, cases[i].words, d.len, d.len ? ", first: " : "", d.len ? d.items[0].message : "");
		ucp_plan_free(p);
		ucp_diags_clear(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sip_generations),
		cmocka_unit_test(test_exchange_versions),
		cmocka_unit_test(test_settings_name_generation),
		cmocka_unit_test(test_exchange_settings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
