/* Serialising the plan with jansson, a zone at a time. Arrays keep the plan's deterministic order. */
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

/*
 * Writes J at nesting DEPTH as json_dumps() would inside the whole document:
 * indented by two spaces per level (strings hold no raw newline, so every
 * newline of the dump starts a line to indent). Frees J.
 */
static bool
dump_at(FILE *fp, json_t *j, int depth)
{
	char *text = j != NULL ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) : NULL;
	const char *p;
	bool ok = text != NULL;

	for (p = text; ok && *p; p++) {
		if (putc(*p, fp) == EOF)
			ok = false;
		else if (*p == '\n' && fprintf(fp, "%*s", depth * 2, "") < 0)
			ok = false;
	}
	free(text);
	json_decref(j);
	return ok;
}

/* "KEY": at DEPTH, after a comma and newline unless FIRST. */
static bool
key_at(FILE *fp, const char *key, int depth, bool first)
{
	return fprintf(fp, "%s\n%*s\"%s\": ", first ? "" : ",", depth * 2, "", key) >= 0;
}

void
ucp_plan_json_begin(struct ucp_plan_json *j, FILE *fp)
{
	*j = (struct ucp_plan_json){ .fp = fp };
	j->ok = fputs("{", fp) != EOF && key_at(fp, "ucplan", 1, true) && fputs("1", fp) != EOF &&
	    key_at(fp, "views", 1, false) && fputs("{", fp) != EOF;
}

/* Ends the last view begun: its zones' array, and the match-clients of the internal view (PLAN's). */
static void
view_end(struct ucp_plan_json *j, const struct ucp_plan *plan)
{
	enum ucp_view v = ucp_view_order[j->view - 1];

	if (j->ok)
		j->ok = j->nzones == 0 ? fputs("[]", j->fp) != EOF : fprintf(j->fp, "\n%*s]", 3 * 2, "") >= 0;
	if (j->ok && v == UCP_VIEW_INTERNAL)
		j->ok = key_at(j->fp, "match_clients", 3, false) &&
		    dump_at(j->fp, names(plan->views[v].clients, plan->views[v].nclients, false), 3);
	if (j->ok)
		j->ok = fprintf(j->fp, "\n%*s}", 2 * 2, "") >= 0;
}

/* Begins the next view. */
static void
view_begin(struct ucp_plan_json *j)
{
	const char *name = ucp_view_name(ucp_view_order[j->view]);

	j->ok = j->ok && key_at(j->fp, name, 2, j->view == 0) && fputs("{", j->fp) != EOF &&
	    key_at(j->fp, "zones", 3, true);
	j->view++;
	j->nzones = 0;
}

bool
ucp_plan_json_zone(struct ucp_plan_json *j, enum ucp_view view, const struct ucp_zone *z)
{
	/* The views before VIEW end here (the internal view's clients are not needed: it is last). */
	while (j->view == 0 || ucp_view_order[j->view - 1] != view) {
		if (j->view == UCP_VIEW_COUNT)
			return j->ok = false;	/* a view whose turn has passed */
		if (j->view > 0)
			view_end(j, NULL);
		view_begin(j);
	}
	if (j->ok)
		j->ok = fprintf(j->fp, "%s\n%*s", j->nzones > 0 ? "," : "[", 4 * 2, "") >= 0 &&
		    dump_at(j->fp, zone(z), 4);
	j->nzones++;
	return j->ok;
}

enum ucp_status
ucp_plan_json_end(struct ucp_plan_json *j, const struct ucp_plan *plan)
{
	while (j->view < UCP_VIEW_COUNT) {
		if (j->view > 0)
			view_end(j, plan);
		view_begin(j);
	}
	view_end(j, plan);
	j->ok = j->ok && fprintf(j->fp, "\n%*s}", 1 * 2, "") >= 0 &&
	    key_at(j->fp, "certificates", 1, false) && dump_at(j->fp, certificates(plan), 1) &&
	    key_at(j->fp, "endpoints", 1, false) && dump_at(j->fp, endpoints(plan), 1) &&
	    key_at(j->fp, "publishing", 1, false) && dump_at(j->fp, publishing(plan), 1) &&
	    key_at(j->fp, "diagnostics", 1, false) && dump_at(j->fp, diagnostics(plan), 1) &&
	    fputs("\n}\n", j->fp) != EOF;
	return j->ok ? UCP_OK : UCP_EIO;
}

/*
 * Streams the plan: one zone is built and written at a time, so a hoster's
 * plan never exists as one JSON tree in memory. The text is what json_dumps()
 * of the whole document with JSON_INDENT(2) writes.
 */
enum ucp_status
ucp_plan_json_write(const struct ucp_plan *plan, FILE *fp)
{
	struct ucp_plan_json j;
	size_t v, i;

	ucp_plan_json_begin(&j, fp);
	for (v = 0; v < UCP_VIEW_COUNT; v++)
		for (i = 0; i < plan->views[ucp_view_order[v]].nzones; i++)
			ucp_plan_json_zone(&j, ucp_view_order[v], &plan->views[ucp_view_order[v]].zones[i]);
	return ucp_plan_json_end(&j, plan);
}
