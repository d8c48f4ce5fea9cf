/* The JSON form of the plan (spec section 8). */
#ifndef UCPLAN_PLAN_JSON_H
#define UCPLAN_PLAN_JSON_H

#include <stdio.h>

#include "ucplan/plan.h"
#include "ucplan/status.h"

/* Writes the plan to FP as indented JSON text ending in a newline; UCP_EIO when a write failed. */
enum ucp_status ucp_plan_json_write(const struct ucp_plan *plan, FILE *fp);

/*
 * The same text written as the planner lays each zone out (a plan whose zones
 * are not kept): ucp_plan_json_begin(), ucp_plan_json_zone() for every zone,
 * the external view's first, then ucp_plan_json_end() with the plan.
 */
struct ucp_plan_json {
	FILE		*fp;
	size_t		 view;		/* views begun */
	size_t		 nzones;	/* zones written in the last view begun */
	bool		 ok;
};
void ucp_plan_json_begin(struct ucp_plan_json *j, FILE *fp);
/* Writes zone Z of VIEW; false once a write failed. */
bool ucp_plan_json_zone(struct ucp_plan_json *j, enum ucp_view view, const struct ucp_zone *z);
/* The views' ends and the rest of PLAN; UCP_EIO when a write failed. */
enum ucp_status ucp_plan_json_end(struct ucp_plan_json *j, const struct ucp_plan *plan);

#endif
