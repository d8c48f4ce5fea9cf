/* Progress and stage times of a generate run (see progress.h). */
#include <stdlib.h>
#include <string.h>

#include "progress.h"

static const char *const stage_names[UCP_STAGE_COUNT] = {
	[UCP_STAGE_LOAD] = "load",
	[UCP_STAGE_PLAN] = "plan",
	[UCP_STAGE_SERIALS] = "serials",
	[UCP_STAGE_GENERATE] = "generate",
	[UCP_STAGE_VALIDATE] = "validate",
	[UCP_STAGE_PUBLISH] = "publish",
};

/* What the terminal line says a stage is doing. */
static const char *const stage_doing[UCP_STAGE_COUNT] = {
	[UCP_STAGE_LOAD] = "loading the configuration",
	[UCP_STAGE_PLAN] = "planning",
	[UCP_STAGE_SERIALS] = "comparing with the zones on disk",
	[UCP_STAGE_GENERATE] = "generating",
	[UCP_STAGE_VALIDATE] = "validating zones",
	[UCP_STAGE_PUBLISH] = "publishing files",
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void
ucp_progress_start(struct ucp_progress *p, bool tty)
{
	const char *after = getenv("UCPLAN_TEST_PROGRESS_AFTER");	/* tests: report at once */

	memset(p, 0, sizeof(*p));
	p->tty = tty;
	p->after = after != NULL ? strtod(after, NULL) : 2.0;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->stage_start = p->start;
	p->stage = UCP_STAGE_LOAD;
	p->started = true;
}

static void
show(struct ucp_progress *p, size_t done, size_t total)
{
	struct timespec now;

	if (!p->tty || !p->started)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&p->start, &now) < p->after || (p->shown && since(&p->last, &now) < 0.25 && done < total))
		return;
	p->last = now;
	p->shown = true;
	fprintf(stderr, "\rucplan: %s", stage_doing[p->stage]);
	if (total > 0)
		fprintf(stderr, " %zu/%zu", done, total);
	fprintf(stderr, " (%zu zones planned, %zu validated, %zu written; %.1f s)\033[K", p->zones, p->validated,
	    p->written, since(&p->start, &now));
	fflush(stderr);
}

/* Adds the time since the current stage began to it. */
static void
close_stage(struct ucp_progress *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	p->seconds[p->stage] += since(&p->stage_start, &now);
	p->stage_start = now;
}

void
ucp_progress_stage(struct ucp_progress *p, enum ucp_stage stage)
{
	if (!p->started)
		return;
	close_stage(p);
	p->stage = stage;
	show(p, 0, 0);
}

void
ucp_progress_tick(struct ucp_progress *p, size_t done, size_t total)
{
	show(p, done, total);
}

void
ucp_progress_end(struct ucp_progress *p)
{
	if (!p->started)
		return;
	close_stage(p);
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->shown = false;
	}
	p->started = false;
}

void
ucp_progress_summary(const struct ucp_progress *p, FILE *fp)
{
	size_t i;

	fprintf(fp, "ucplan: %zu zones (%zu records) planned, %zu validated, %zu files written, %zu unchanged;",
	    p->zones, p->records, p->validated, p->written, p->unchanged);
	for (i = 0; i < UCP_STAGE_COUNT; i++)
		fprintf(fp, "%s %s %.2f s", i ? "," : "", stage_names[i], p->seconds[i]);
	fputs("\n", fp);
}
