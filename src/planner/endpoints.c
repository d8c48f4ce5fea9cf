/* Endpoints (spec 4.6): planned in a later stage of the project. */
#include "planner/internal.h"

void
plan_endpoints(struct planner *p)
{
	(void)p;
}
