/*
 * What the last successful generate published into an output directory
 * (DIR/.ucplan.state), so that a rerun whose inputs have not changed, into a
 * directory still holding exactly those files, plans and renders nothing.
 * The state vouches for nothing by itself: every file it names is read and
 * compared with the digest of what was published, and the directory is
 * searched for files a full run would remove. Losing it costs one full run.
 */
#ifndef UCPLAN_STATE_H
#define UCPLAN_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "output.h"
#include "ucplan/diag.h"

#define UCP_STATE_NAME ".ucplan.state"
#define UCP_STATE_DIGEST 32	/* SHA-256; struct ucp_generate_opts holds one */

/*
 * The digest of what a run's output depends on besides the output directory:
 * ucplan itself (its executable), CONFIG's name and bytes, the generators
 * (GENERATORS, NULL for the default set) and VERBOSE (which keeps notes).
 * False when no digest can stand for them: CONFIG includes other files,
 * or a generator reads what was published before (nsupdate).
 */
bool ucp_state_inputs(const char *config, const char *generators, bool verbose,
    unsigned char out[UCP_STATE_DIGEST]);

/*
 * True when OD holds what the run with INPUTS published last and nothing a
 * run would remove: every file as published, byte for byte. Then DIAGS gets
 * that run's diagnostics and *NFILES the number of files.
 */
bool ucp_state_current(const struct ucp_outdir *od, const unsigned char inputs[UCP_STATE_DIGEST],
    struct ucp_diags *diags, size_t *nfiles);

/*
 * Records OUT, just published into OD by the run with INPUTS, with the run's
 * DIAGS. A state that cannot be written is no error: the next run takes the
 * full way.
 */
void ucp_state_write(const struct ucp_outdir *od, const unsigned char inputs[UCP_STATE_DIGEST],
    const struct ucp_output *out, const struct ucp_diags *diags);

#endif
