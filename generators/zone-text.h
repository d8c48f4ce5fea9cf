/* The zone-text presenter shared by every DNS generator. */
#ifndef UCPLAN_GENERATORS_ZONE_TEXT_H
#define UCPLAN_GENERATORS_ZONE_TEXT_H

#include "ucplan/buf.h"
#include "ucplan/generator.h"
#include "ucplan/plan.h"

/* Appends zone Z of PLAN to B as a complete zone file, header first. */
void ucp_zone_text(const struct ucp_plan *plan, const struct ucp_zone *z, struct ucp_buf *b);

#endif
