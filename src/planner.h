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
/*
 * As ucp_plan_new(), but each zone is given to ZONE (with CTX) as it is laid
 * out, the external view's first, and the plan keeps none of them: the JSON
 * plan of a hoster's 300,000 zones never holds them all. Returns the plan,
 * or NULL when out of memory.
 */
struct ucp_plan *ucp_plan_stream(const struct ucp_model *model, struct ucp_diags *diags, uint32_t serial,
    bool (*zone)(void *ctx, enum ucp_view view, const struct ucp_zone *z), void *ctx);

#endif
