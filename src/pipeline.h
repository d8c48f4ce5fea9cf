/*
 * The generate pipeline: load -> plan -> serial -> generate -> validate ->
 * publish, and the one table that turns a status into an exit code.
 */
#ifndef UCPLAN_PIPELINE_H
#define UCPLAN_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "model.h"
#include "output.h"
#include "progress.h"
#include "ucplan/diag.h"
#include "ucplan/plan.h"
#include "ucplan/status.h"

/* Exit codes of spec section 1. */
enum {
	EXIT_OK = 0,
	EXIT_ERRORS = 1,
	EXIT_USAGE = 2,
	EXIT_CHANGED = 3,
	EXIT_IO = 4,
};

/* One configuration, loaded and planned. */
struct ucp_session {
	struct ucp_diags	 diags;
	struct ucp_model	*model;
	struct ucp_plan		*plan;
	time_t			 now;		/* "today" for serials: SOURCE_DATE_EPOCH when set */
	struct ucp_progress	 progress;	/* stage times and counts (generate) */
};

struct ucp_generate_opts {
	const char		*dir;		/* -o */
	const char		*generators;	/* -g LIST, or NULL for all */
	const char		*templates;	/* --templates DIR, or NULL */
	struct ucp_publish_opts	 publish;
	/* The digest of the run's inputs (ucp_pipeline_inputs); without it no state is read or written. */
	unsigned char		 inputs[32];
	bool			 have_inputs;
	const char		*config;	/* what the digest was taken of, to take it again at the end */
	bool			 verbose;
};

/*
 * Initialises S and loads and plans CONFIG (diagnostics collected and sorted
 * in S->diags, notes kept when VERBOSE, only errors printed later when QUIET;
 * progress reported on stderr when TTY).
 * Returns UCP_OK; UCP_ECONFIG when the configuration or the plan has errors;
 * UCP_EIO when CONFIG cannot be read; UCP_EUSAGE when SOURCE_DATE_EPOCH is not
 * a number. Free with ucp_session_clear() in every case.
 */
enum ucp_status ucp_session_load(struct ucp_session *s, const char *config, bool verbose, bool quiet, bool tty);
/*
 * As ucp_session_load() for check: the same diagnostics, but S->plan stays
 * NULL (nothing is laid out for output).
 */
enum ucp_status ucp_session_check(struct ucp_session *s, const char *config, bool verbose, bool quiet);
/*
 * Writes the JSON plan of S (loaded by ucp_session_check(), without errors)
 * to FP, each zone as the planner lays it out: the plan never holds them all.
 * Its diagnostics are S's. UCP_EIO when a write failed.
 */
enum ucp_status ucp_session_plan_json(struct ucp_session *s, FILE *fp);
void ucp_session_clear(struct ucp_session *s);

/*
 * Sets OPTS->inputs to the digest of what the output depends on besides the
 * output directory (DIR/.ucplan.state): ucplan, CONFIG as named and its
 * bytes, OPTS->generators and VERBOSE. False (and OPTS->have_inputs false)
 * when no digest can stand for them (src/state.h).
 */
bool ucp_pipeline_inputs(struct ucp_generate_opts *opts, const char *config, bool verbose);

/*
 * A rerun that needs nothing: true when OPTS->have_inputs and OPTS->dir
 * holds exactly what the last run with those inputs published (its state,
 * every file read and compared) and nothing a run would remove. S is then
 * initialised as ucp_session_load() would (notes kept with OPTS->verbose,
 * only errors printed with OPTS->publish.quiet), holding that run's diagnostics,
 * and *NFILES counts the files; nothing is planned or written. False
 * otherwise, with S untouched.
 */
bool ucp_pipeline_unchanged(struct ucp_session *s, const struct ucp_generate_opts *opts, size_t *nfiles);

/*
 * Generates, validates and publishes S's plan into OPTS->dir (under its lock),
 * printing one line per changed file to REPORT. Problems are in S->diags.
 */
enum ucp_status ucp_pipeline_generate(struct ucp_session *s, const struct ucp_generate_opts *opts, FILE *report);

/* The exit code for STATUS: the only mapping from statuses to exit codes. */
int ucp_exit_code(enum ucp_status status);

#endif
