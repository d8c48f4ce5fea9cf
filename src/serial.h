/* SOA serials: RFC 1982 arithmetic and the "auto" policy of spec section 5.3. */
#ifndef UCPLAN_SERIAL_H
#define UCPLAN_SERIAL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "ucplan/diag.h"
#include "ucplan/plan.h"
#include "ucplan/status.h"

struct ucp_output;
struct ucp_outdir;

/* YYYYMMDD00 of NOW in UTC. */
uint32_t ucp_serial_today(time_t now);
/* True when A is greater than B in RFC 1982 serial number arithmetic. */
bool ucp_serial_gt(uint32_t a, uint32_t b);
/* The larger, in RFC 1982 terms, of OLD + 1 and TODAY. */
uint32_t ucp_serial_next(uint32_t old, uint32_t today);

/*
 * Decides every zone's serial against the zone files already in OD. A zone
 * whose records (all but the SOA serial) are unchanged keeps its old serial, and
 * its bytes on disk are added to KEPT so ucp_serial_keep() can put them back. A
 * changed zone gets ucp_serial_next() of the old serial, or the forced serial
 * when FORCED; a forced serial lower than the one on disk is an error unless
 * FORCE. Returns UCP_EPLAN after reporting such errors.
 */
enum ucp_status ucp_serial_resolve(struct ucp_plan *plan, const struct ucp_outdir *od, time_t now, bool forced, bool force,
    struct ucp_output *kept, struct ucp_diags *diags);

/* Moves the bytes of every file in KEPT over the generated text of the same file in OUT. */
enum ucp_status ucp_serial_keep(struct ucp_output *kept, struct ucp_output *out);

#endif
