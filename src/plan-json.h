/* The JSON form of the plan (spec section 8). */
#ifndef UCPLAN_PLAN_JSON_H
#define UCPLAN_PLAN_JSON_H

#include "ucplan/plan.h"

/* Returns the plan as indented JSON text ending in a newline; caller frees. NULL when out of memory. */
char *ucp_plan_json(const struct ucp_plan *plan);

#endif
