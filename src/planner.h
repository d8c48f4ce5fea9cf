/* The planner: turns a model into a plan. All product rules live below src/planner/. */
#ifndef UCPLAN_PLANNER_H
#define UCPLAN_PLANNER_H

#include <stdint.h>

#include "model.h"
#include "ucplan/diag.h"
#include "ucplan/plan.h"

/*
 * Plans MODEL. Diagnostics go to DIAGS (which the plan borrows); SERIAL is the
 * SOA serial of every zone unless the model forces one. Returns the plan even
 * when it has errors (check DIAGS->errors), or NULL when out of memory.
 */
struct ucp_plan *ucp_plan_new(const struct ucp_model *model, struct ucp_diags *diags, uint32_t serial);
/*
 * Plans MODEL for its diagnostics alone (check): every rule is checked as
 * ucp_plan_new() checks it, but the zones are not laid out for output, and
 * nothing is kept. At hosting scale the tenant domains are planned a slice
 * at a time (planner/slices.c), with the same diagnostics. Returns false
 * when out of memory.
 */
bool ucp_plan_check(const struct ucp_model *model, struct ucp_diags *diags, uint32_t serial);

#endif
