/* The plan as Markdown tables: `ucplan plan` prints it and generator "report" writes it. */
#ifndef UCPLAN_REPORT_H
#define UCPLAN_REPORT_H

#include "ucplan/buf.h"
#include "ucplan/plan.h"

/* Appends the plan's tables (DNS per view, certificates, endpoints, publishing, diagnostics) to B. */
void ucp_report_text(const struct ucp_plan *plan, struct ucp_buf *b);

#endif
