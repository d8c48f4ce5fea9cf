/* Status codes shared by every ucplan module, and their messages. */
#ifndef UCPLAN_STATUS_H
#define UCPLAN_STATUS_H

enum ucp_status {
	UCP_OK = 0,
	UCP_ENOMEM,		/* out of memory */
	UCP_EIO,		/* read or write failed */
	UCP_ECONFIG,		/* the configuration has errors */
	UCP_EPLAN,		/* the plan has errors */
	UCP_EVALIDATE,		/* a generated file failed validation */
	UCP_ETEMPLATE,		/* a template is malformed */
	UCP_EUSAGE,		/* bad command line */
	UCP_ECHANGED,		/* --check found files that would change */
	UCP_EFOREIGN,		/* a target file was not written by ucplan */
};

/* Returns a static, human-readable message for STATUS. */
const char *ucp_strerror(enum ucp_status status);

#endif
