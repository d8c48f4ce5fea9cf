/* Validation of zone files through ldns (spec section 6). */
#ifndef UCPLAN_VALIDATE_H
#define UCPLAN_VALIDATE_H

#include <ldns/ldns.h>
#include <stddef.h>

#include "ucplan/diag.h"
#include "ucplan/plan.h"
#include "ucplan/status.h"

/* The zones of one view, parsed for checking. */
struct ucp_vview;

/* Creates an empty view; free with ucp_vview_free(). */
struct ucp_vview *ucp_vview_new(void);
void ucp_vview_free(struct ucp_vview *v);

/*
 * Parses the zone TEXT, called FILE in diagnostics, whose apex is ORIGIN, and
 * runs the checks that need only this zone: parse errors, one SOA at the apex,
 * apex NS, owners inside the zone, CNAME with other data, duplicates, TTLs
 * within an RRset. Returns UCP_EVALIDATE when it reported an error.
 */
enum ucp_status ucp_vview_add(struct ucp_vview *v, const char *file, const char *text, size_t len,
    const char *origin, struct ucp_diags *diags);

/*
 * Adds a zone of the plan whose file on disk holds exactly its text (a rerun
 * that changed nothing there): only for the checks across the view, without
 * reading the file again. FILE names it in diagnostics (lines are unknown).
 */
void ucp_vview_add_known(struct ucp_vview *v, const char *file, const struct ucp_zone *zone);

/*
 * Checks across the view's zones: SRV, MX and NS targets that lie in one of
 * them own A/AAAA records there and are no CNAME. Returns UCP_EVALIDATE on error.
 */
enum ucp_status ucp_vview_check(struct ucp_vview *v, struct ucp_diags *diags);

/* The ldns type of a plan's record type. */
ldns_rr_type ucp_ldns_type(enum ucp_rrtype type);

/* Called for each record parsed; takes ownership of RR. */
typedef void (*ucp_zone_rr_fn)(void *arg, ldns_rr *rr, int line);

/*
 * Parses zone TEXT record by record with ldns, calling FN for each. Parse
 * errors are reported to DIAGS as FILE:LINE and parsing goes on; returns
 * UCP_EVALIDATE when there were any.
 */
enum ucp_status ucp_zone_parse(const char *text, size_t len, const char *origin, ucp_zone_rr_fn fn, void *arg,
    const char *file, struct ucp_diags *diags);

#endif
