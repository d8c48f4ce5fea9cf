/* Plan accessors and the record-type table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "ucplan/plan.h"

static const char *const rrtype_names[UCP_RR_COUNT] = {
	[UCP_RR_SOA] = "SOA", [UCP_RR_NS] = "NS", [UCP_RR_A] = "A", [UCP_RR_AAAA] = "AAAA",
	[UCP_RR_CNAME] = "CNAME", [UCP_RR_MX] = "MX", [UCP_RR_SRV] = "SRV", [UCP_RR_TXT] = "TXT",
	[UCP_RR_CAA] = "CAA", [UCP_RR_PTR] = "PTR",
};

size_t
ucp_record_fields(const struct ucp_record *r, char *buf, size_t len, const char **fields, size_t max)
{
	size_t n = 0, dlen = strlen(r->data);
	bool quoted = false;
	char *s, *start;

	if (dlen >= len)
		return 0;
	memcpy(buf, r->data, dlen + 1);
	for (s = start = buf;; s++) {
		bool end = *s == '\0';

		if (*s == '\\' && quoted && s[1] != '\0') {
			s++;
			continue;
		}
		if (*s == '"')
			quoted = !quoted;
		if (end || (*s == ' ' && !quoted)) {
			*s = '\0';
			if (s > start) {
				if (n < max)
					fields[n] = start;
				n++;
			}
			if (end)
				break;
			start = s + 1;
		}
	}
	return n;
}

const char *
ucp_rrtype_name(enum ucp_rrtype type)
{
	return rrtype_names[type];
}

bool
ucp_rrtype_parse(const char *name, enum ucp_rrtype *type)
{
	int i;

	for (i = 0; i < UCP_RR_COUNT; i++) {
		if (strcasecmp(name, rrtype_names[i]) == 0) {
			*type = (enum ucp_rrtype)i;
			return true;
		}
	}
	return false;
}

const enum ucp_view ucp_view_order[UCP_VIEW_COUNT] = { UCP_VIEW_EXTERNAL, UCP_VIEW_INTERNAL };

const char *
ucp_view_name(enum ucp_view view)
{
	return view == UCP_VIEW_INTERNAL ? "internal" : "external";
}

static const char *const role_names[UCP_ROLE_COUNT] = {
	[UCP_ROLE_NONE] = "none",
	[UCP_ROLE_ACCESS_EDGE] = "access-edge",
	[UCP_ROLE_WEBCONF_EDGE] = "webconf-edge",
	[UCP_ROLE_AV_EDGE] = "av-edge",
	[UCP_ROLE_EDGE_INTERNAL] = "edge-internal",
	[UCP_ROLE_REVERSE_PROXY] = "reverse-proxy",
	[UCP_ROLE_POOL] = "pool",
	[UCP_ROLE_DIRECTOR] = "director",
	[UCP_ROLE_CAS] = "cas",
	[UCP_ROLE_SMTP] = "smtp",
	[UCP_ROLE_OFFICE_WEB_APPS] = "office-web-apps",
};

const char *
ucp_role_name(enum ucp_role role)
{
	return (unsigned)role < UCP_ROLE_COUNT ? role_names[role] : "?";
}

static const char *const cert_kind_names[UCP_CERT_COUNT] = {
	[UCP_CERT_EXTERNAL] = "external",
	[UCP_CERT_WEBCONF] = "webconf",
	[UCP_CERT_ACCESS_EDGE] = "access-edge",
	[UCP_CERT_WEBCONF_EDGE] = "webconf-edge",
	[UCP_CERT_REVERSE_PROXY] = "reverse-proxy",
	[UCP_CERT_EXCHANGE] = "exchange",
	[UCP_CERT_EDGE_INTERNAL] = "edge-internal",
	[UCP_CERT_AV_AUTH] = "av-auth",
	[UCP_CERT_POOL] = "pool",
	[UCP_CERT_DIRECTOR] = "director",
	[UCP_CERT_EDGE_EXTERNAL] = "edge-external",
	[UCP_CERT_FRONTEND] = "frontend",
	[UCP_CERT_OFFICE_WEB_APPS] = "office-web-apps",
	[UCP_CERT_OAUTH] = "oauth",
};

const char *
ucp_cert_kind_name(enum ucp_cert_kind kind)
{
	return (unsigned)kind < UCP_CERT_COUNT ? cert_kind_names[kind] : "?";
}

const char *
ucp_iface_name(enum ucp_iface iface)
{
	return iface == UCP_IFACE_INTERNAL ? "internal" : "external";
}

const char *
ucp_auth_name(enum ucp_auth auth)
{
	return auth == UCP_AUTH_FBA ? "fba" : "pass-through";
}

static const struct {
	const char	*name, *title;
} rp_products[UCP_RP_COUNT] = {
	[UCP_RP_ISA2004] = { "isa2004", "ISA Server 2004" },
	[UCP_RP_ISA2006] = { "isa2006", "ISA Server 2006" },
	[UCP_RP_ISA2006SP1] = { "isa2006sp1", "ISA Server 2006 SP1" },
	[UCP_RP_TMG2010] = { "tmg2010", "Forefront TMG 2010" },
	[UCP_RP_IIS_ARR] = { "iis-arr", "IIS Application Request Routing" },
	[UCP_RP_GENERIC] = { "generic", "a reverse proxy that reads every SAN" },
};

const char *
ucp_rp_product_name(enum ucp_rp_product product)
{
	return (unsigned)product < UCP_RP_COUNT ? rp_products[product].name : "?";
}

const char *
ucp_rp_product_title(enum ucp_rp_product product)
{
	return (unsigned)product < UCP_RP_COUNT ? rp_products[product].title : "?";
}

bool
ucp_cert_used_by(const struct ucp_cert *c, enum ucp_role role)
{
	size_t i;

	for (i = 0; c != NULL && i < c->nused_by; i++)
		if (c->used_by[i] == role)
			return true;
	return false;
}

void
ucp_zone_path(const struct ucp_zone *zone, char *out, size_t len)
{
	snprintf(out, len, "bind/%s/db.%s", ucp_view_name(zone->view), zone->name);
}

const struct ucp_cert *
ucp_plan_cert(const struct ucp_plan *plan, const char *name)
{
	size_t i;

	for (i = 0; i < plan->ncerts; i++)
		if (strcmp(plan->certs[i].name, name) == 0)
			return &plan->certs[i];
	return NULL;
}

void
ucp_plan_free(struct ucp_plan *plan)
{
	if (plan == NULL)
		return;
	ucp_arena_free(plan->arena);
	free(plan);
}
