/* Template variables the publishing generators (tmg, nginx, haproxy) share. */
#ifndef UCPLAN_GEN_PROXY_H
#define UCPLAN_GEN_PROXY_H

#include "ucplan/generator.h"

/*
 * Returns the variables describing the plan's listener and rules, with the
 * header line commented with PREFIX; NULL when nothing is published. Caller
 * frees with ucp_tvars_free(). Lists: rules (rule, upstream, names, site,
 * address, port, regex, paths, long, public_names, path_list, application,
 * delegation) and hosts (host, locations: rule, upstream, regex, paths, long).
 */
struct ucp_tvars *gen_proxy_vars(const struct ucp_plan *plan, const char *prefix);

/* Renders template TMPL with gen_proxy_vars() into PATH; nothing when nothing is published. */
enum ucp_status gen_proxy_render(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx, const char *tmpl,
    const char *prefix, const char *path);

#endif
