/* Serialising the plan with jansson. Arrays keep the plan's deterministic order. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-json.h"

static json_t *
fqdn(const char *name)
{
	char *s;
	json_t *j;

	if (name == NULL)
		return json_null();
	if (asprintf(&s, "%s.", name) < 0)
		return NULL;
	j = json_string(s);
	free(s);
	return j;
}

static json_t *
roles(const enum ucp_role *list, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(ucp_role_name(list[i])));
	return a;
}

static json_t *
names(const char *const *list, size_t n, bool dot)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, dot ? fqdn(list[i]) : json_string(list[i]));
	return a;
}

static json_t *
record(const char *owner, const char *type, uint32_t ttl, const char *data, const char *why)
{
	json_t *r = json_object();

	json_object_set_new(r, "name", fqdn(owner));
	json_object_set_new(r, "type", json_string(type));
	json_object_set_new(r, "ttl", json_integer(ttl));
	json_object_set_new(r, "data", json_string(data));
	json_object_set_new(r, "why", json_string(why));
	return r;
}

static json_t *
zone(const struct ucp_zone *z)
{
	json_t *o = json_object(), *recs = json_array();
	char *soa;
	size_t i;

	json_object_set_new(o, "name", fqdn(z->name));
	if (z->pinpoint)
		json_object_set_new(o, "pinpoint", json_true());
	if (asprintf(&soa, "%s %s %u %u %u %u %u", z->mname, z->rname, z->serial, z->refresh, z->retry,
	    z->expire, z->minimum) < 0)
		return NULL;
	json_array_append_new(recs, record(z->name, "SOA", z->ttl, soa, "zone apex"));
	free(soa);
	for (i = 0; i < z->nns; i++) {
		char *ns;

		if (asprintf(&ns, "%s.", z->ns[i]) < 0)
			return NULL;
		json_array_append_new(recs, record(z->name, "NS", z->ttl, ns, "zone apex"));
		free(ns);
	}
	for (i = 0; i < z->nrecords; i++) {
		const struct ucp_record *r = &z->records[i];

		json_array_append_new(recs, record(r->owner, ucp_rrtype_name(r->type), r->ttl, r->data, r->why));
	}
	json_object_set_new(o, "records", recs);
	return o;
}

static json_t *
certificates(const struct ucp_plan *plan)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < plan->ncerts; i++) {
		const struct ucp_cert *c = &plan->certs[i];
		json_t *o = json_object();

		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "ca", json_string(c->ca == UCP_CA_PUBLIC ? "public" : "enterprise"));
		json_object_set_new(o, "subject", fqdn(c->subject));
		json_object_set_new(o, "san", names(c->san, c->nsan, true));
		json_object_set_new(o, "key_bits", json_integer(c->key_bits));
		json_object_set_new(o, "exportable", json_boolean(c->exportable));
		json_object_set_new(o, "used_by", roles(c->used_by, c->nused_by));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
endpoints(const struct ucp_plan *plan)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < plan->nendpoints; i++) {
		const struct ucp_endpoint *e = &plan->endpoints[i];
		json_t *o = json_object();

		json_object_set_new(o, "role", json_string(ucp_role_name(e->role)));
		json_object_set_new(o, "interface", json_string(ucp_iface_name(e->interface)));
		json_object_set_new(o, "fqdn", fqdn(e->fqdn));
		json_object_set_new(o, "ip", json_string(e->ip));
		if (e->public_ip != NULL)
			json_object_set_new(o, "public_ip", json_string(e->public_ip));
		json_object_set_new(o, "port", json_integer(e->port));
		if (e->port_end != 0)
			json_object_set_new(o, "port_end", json_integer(e->port_end));
		json_object_set_new(o, "protocol", json_string(e->protocol));
		json_object_set_new(o, "direction", json_string(e->direction));
		json_object_set_new(o, "purpose", json_string(e->purpose));
		json_object_set_new(o, "certificate", e->certificate ? json_string(e->certificate) : json_null());
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
publishing(const struct ucp_plan *plan)
{
	const struct ucp_publishing *pub = &plan->publishing;
	json_t *o = json_object(), *ls = json_array(), *rs = json_array();
	size_t i;

	for (i = 0; i < pub->nlisteners; i++) {
		const struct ucp_listener *l = &pub->listeners[i];
		json_t *j = json_object();

		json_object_set_new(j, "name", json_string(l->name));
		json_object_set_new(j, "ip", json_string(l->ip));
		json_object_set_new(j, "port", json_integer(l->port));
		if (l->http_port != 0)
			json_object_set_new(j, "http_port", json_integer(l->http_port));
		json_object_set_new(j, "certificate", l->certificate ? json_string(l->certificate) : json_null());
		json_array_append_new(ls, j);
	}
	for (i = 0; i < pub->nrules; i++) {
		const struct ucp_rule *r = &pub->rules[i];
		json_t *j = json_object();

		json_object_set_new(j, "name", json_string(r->name));
		json_object_set_new(j, "public_names", names(r->public_names, r->npublic_names, true));
		json_object_set_new(j, "paths", names(r->paths, r->npaths, false));
		json_object_set_new(j, "internal_site", fqdn(r->internal_site));
		json_object_set_new(j, "internal_ip", r->internal_ip ? json_string(r->internal_ip) : json_null());
		json_object_set_new(j, "internal_port", json_integer(r->internal_port));
		if (r->http_port != 0)
			json_object_set_new(j, "internal_http_port", json_integer(r->http_port));
		json_object_set_new(j, "forward_host_header", json_boolean(r->forward_host_header));
		json_object_set_new(j, "authentication", json_string(ucp_auth_name(r->authentication)));
		json_array_append_new(rs, j);
	}
	json_object_set_new(o, "listeners", ls);
	json_object_set_new(o, "rules", rs);
	return o;
}

static json_t *
diagnostics(const struct ucp_plan *plan)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; plan->diags != NULL && i < plan->diags->len; i++) {
		const struct ucp_diag *g = &plan->diags->items[i];
		json_t *o = json_object();

		json_object_set_new(o, "severity", json_string(ucp_severity_name(g->severity)));
		json_object_set_new(o, "rule", json_string(g->rule));
		json_object_set_new(o, "file", g->file ? json_string(g->file) : json_null());
		json_object_set_new(o, "line", json_integer(g->line));
		if (g->setting != NULL)
			json_object_set_new(o, "setting", json_string(g->setting));
		json_object_set_new(o, "message", json_string(g->message));
		json_array_append_new(a, o);
	}
	return a;
}

char *
ucp_plan_json(const struct ucp_plan *plan)
{
	static const enum ucp_view order[UCP_VIEW_COUNT] = { UCP_VIEW_EXTERNAL, UCP_VIEW_INTERNAL };
	json_t *root = json_object(), *views = json_object();
	char *text, *out;
	size_t v, i;

	json_object_set_new(root, "ucplan", json_integer(1));
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		const struct ucp_view_plan *vp = &plan->views[order[v]];
		json_t *jv = json_object(), *zones = json_array();

		for (i = 0; i < vp->nzones; i++)
			json_array_append_new(zones, zone(&vp->zones[i]));
		json_object_set_new(jv, "zones", zones);
		if (order[v] == UCP_VIEW_INTERNAL)
			json_object_set_new(jv, "match_clients", names(vp->clients, vp->nclients, false));
		json_object_set_new(views, vp->name, jv);
	}
	json_object_set_new(root, "views", views);
	json_object_set_new(root, "certificates", certificates(plan));
	json_object_set_new(root, "endpoints", endpoints(plan));
	json_object_set_new(root, "publishing", publishing(plan));
	json_object_set_new(root, "diagnostics", diagnostics(plan));
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (text == NULL)
		return NULL;
	if (asprintf(&out, "%s\n", text) < 0)
		out = NULL;
	free(text);
	return out;
}
