/*
 * Zones as sets of records: what generate --check prints and what the
 * nsupdate generator sends (spec 10.3, 10.5). Both sides are read by ldns, so
 * layout, comments and a new serial are no difference.
 */
#ifndef UCPLAN_ZONE_DELTA_H
#define UCPLAN_ZONE_DELTA_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The records of zone text TEXT (origin ORIGIN) as presentation lines
 * ("owner. TTL IN TYPE data", single spaces), sorted; the SOA's serial goes
 * to *SERIAL (0 when there is none) and its line carries serial 0, so that a
 * new serial alone is no difference. Returns the count; *LINES is freed with
 * ucp_zone_lines_free(). Lines ldns cannot read are left out.
 */
size_t ucp_zone_lines(const char *text, size_t len, const char *origin, char ***lines, unsigned long *serial);
void ucp_zone_lines_free(char **lines, size_t n);
/*
 * Walks two sorted line sets and calls FN with '-' for each line only in OLD
 * and '+' for each only in NEW, in sorted order.
 */
void ucp_lines_delta(char *const *old, size_t nold, char *const *new, size_t nnew,
    void (*fn)(void *arg, char sign, const char *line), void *arg);

/* True when LINE ("owner TTL CLASS TYPE data") is an SOA record. */
bool ucp_line_is_soa(const char *line);

#endif
