/*
 * Progress of a generate run: on a terminal, after two seconds, one line on
 * stderr naming the stage and its counts, rewritten in place; with -v one
 * summary line of counts and the time each stage took. Nothing extra when
 * stderr is not a terminal.
 */
#ifndef UCPLAN_PROGRESS_H
#define UCPLAN_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

enum ucp_stage {
	UCP_STAGE_LOAD,
	UCP_STAGE_PLAN,
	UCP_STAGE_SERIALS,
	UCP_STAGE_GENERATE,
	UCP_STAGE_VALIDATE,
	UCP_STAGE_PUBLISH,
	UCP_STAGE_COUNT
};

struct ucp_progress {
	bool		 tty;		/* report while running */
	double		 after;		/* seconds before the first report */
	struct timespec	 start, stage_start, last;
	enum ucp_stage	 stage;
	bool		 started, shown;
	double		 seconds[UCP_STAGE_COUNT];
	/* Counts for the reports. */
	size_t		 zones, records;	/* planned */
	size_t		 validated;		/* zones read back through ldns */
	size_t		 written, unchanged;	/* files */
};

/* Starts the clock; TTY when stderr is a terminal. */
void ucp_progress_start(struct ucp_progress *p, bool tty);
/* Enters STAGE (ending the one before). */
void ucp_progress_stage(struct ucp_progress *p, enum ucp_stage stage);
/* DONE of TOTAL items of the current stage: reported on the terminal now and then. */
void ucp_progress_tick(struct ucp_progress *p, size_t done, size_t total);
/* Ends the last stage and clears the terminal line. */
void ucp_progress_end(struct ucp_progress *p);
/* The -v line: counts and the time per stage. */
void ucp_progress_summary(const struct ucp_progress *p, FILE *fp);

#endif
