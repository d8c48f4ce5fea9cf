/* The JSON form of the plan (spec section 8). */
#ifndef UCPLAN_PLAN_JSON_H
#define UCPLAN_PLAN_JSON_H

#include <stdio.h>

#include "ucplan/plan.h"
#include "ucplan/status.h"

/* Writes the plan to FP as indented JSON text ending in a newline; UCP_EIO when a write failed. */
enum ucp_status ucp_plan_json_write(const struct ucp_plan *plan, FILE *fp);

#endif
