/* Publishing rules (spec 4.7): planned in a later stage of the project. */
#include "planner/internal.h"

void
plan_publishing(struct planner *p)
{
	(void)p;
}
