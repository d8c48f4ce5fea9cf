/* Messages for enum ucp_status. */
#include <stddef.h>

#include "ucplan/status.h"

static const char *const messages[] = {
	[UCP_OK] = "success",
	[UCP_ENOMEM] = "out of memory",
	[UCP_EIO] = "input/output error",
	[UCP_ECONFIG] = "the configuration has errors",
	[UCP_EPLAN] = "the plan has errors",
	[UCP_EVALIDATE] = "a generated file failed validation",
	[UCP_ETEMPLATE] = "a template is malformed",
	[UCP_EUSAGE] = "usage error",
	[UCP_ECHANGED] = "files would change",
	[UCP_EFOREIGN] = "a target file was not written by ucplan",
};

const char *
ucp_strerror(enum ucp_status status)
{
	if ((unsigned)status >= sizeof(messages) / sizeof(messages[0]) || messages[status] == NULL)
		return "unknown status";
	return messages[status];
}
