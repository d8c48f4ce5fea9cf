/* Generator "haproxy": proxy/haproxy.cfg publishing the plan's rules. */
#include "generators/proxy.h"

static enum ucp_status
emit(const struct ucp_plan *plan, struct ucp_gen_ctx *ctx)
{
	return gen_proxy_render(plan, ctx, "haproxy.cfg.tmpl", "#", "proxy/haproxy.cfg");
}

const struct ucp_generator ucp_gen_haproxy = {
	.name = "haproxy",
	.summary = "proxy/haproxy.cfg: the publishing rules for HAProxy (preferred with NTLM)",
	.emit = emit,
};
