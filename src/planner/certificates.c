/* Certificates (spec 4.5): planned in a later stage of the project. */
#include "planner/internal.h"

void
plan_certificates(struct planner *p)
{
	(void)p;
}
