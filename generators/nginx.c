/* Generator "nginx": proxy/nginx.conf publishing the plan's rules. */
#include "generators/proxy.h"

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	return gen_proxy_render(plan, ctx, "nginx.conf.tmpl", "#", "proxy/nginx.conf");
}

const struct ucp_generator ucp_gen_nginx = {
	.name = "nginx",
	.summary = "proxy/nginx.conf: the publishing rules for nginx",
	.emit = emit,
};
