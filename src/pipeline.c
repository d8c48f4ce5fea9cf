/* The generate pipeline and the status -> exit code table (see pipeline.h). */
#include "config.h"

#include <errno.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "plan-json.h"
#include "planner.h"
#include "serial.h"
#include "state.h"
#include "ucplan/buf.h"
#include "ucplan/generator.h"
#include "ucplan/rules.h"
#include "validate.h"

static const int exit_codes[] = {
	[UCP_OK] = EXIT_OK,
	[UCP_ENOMEM] = EXIT_IO,
	[UCP_EIO] = EXIT_IO,
	[UCP_ECONFIG] = EXIT_ERRORS,
	[UCP_EPLAN] = EXIT_ERRORS,
	[UCP_EVALIDATE] = EXIT_ERRORS,
	[UCP_ETEMPLATE] = EXIT_ERRORS,
	[UCP_EUSAGE] = EXIT_USAGE,
	[UCP_ECHANGED] = EXIT_CHANGED,
	[UCP_EFOREIGN] = EXIT_ERRORS,
};

int
ucp_exit_code(enum ucp_status status)
{
	if ((unsigned)status >= sizeof(exit_codes) / sizeof(exit_codes[0]))
		return EXIT_IO;
	return exit_codes[status];
}

/* "Today" for new serials: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
static bool
today(time_t *now)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde == NULL || *sde == '\0') {
		*now = time(NULL);
		return true;
	}
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0)
		return false;
	*now = (time_t)v;
	return true;
}

void
ucp_session_clear(struct ucp_session *s)
{
	ucp_plan_free(s->plan);
	ucp_model_free(s->model);
	ucp_diags_clear(&s->diags);
	s->plan = NULL;
	s->model = NULL;
}

static bool
has_rule(const struct ucp_diags *d, enum ucp_rule_id rule)
{
	size_t i;

	for (i = 0; i < d->len; i++)
		if (d->items[i].rule == ucp_rule_table[rule].id)
			return true;
	return false;
}

static enum ucp_status
session_load(struct ucp_session *s, const char *config, bool verbose, bool quiet, bool tty, bool check)
{
	size_t v, i;
	bool planned = false;

	memset(s, 0, sizeof(*s));
	ucp_diags_init(&s->diags);
	s->diags.verbose = verbose;
	s->diags.quiet = quiet;
	ucp_progress_start(&s->progress, tty);
	if (!today(&s->now))
		return UCP_EUSAGE;
	s->model = ucp_model_from_config(config, &s->diags);
	ucp_progress_stage(&s->progress, UCP_STAGE_PLAN);
	if (s->model != NULL && s->diags.errors == 0) {
		if (check ? !ucp_plan_check(s->model, &s->diags, ucp_serial_today(s->now)) :
		    (s->plan = ucp_plan_new(s->model, &s->diags, ucp_serial_today(s->now))) == NULL)
			ucp_oom();
		planned = true;
	}
	for (v = 0; s->plan != NULL && v < UCP_VIEW_COUNT; v++) {
		s->progress.zones += s->plan->views[v].nzones;
		for (i = 0; i < s->plan->views[v].nzones; i++)
			s->progress.records += s->plan->views[v].zones[i].nrecords;
	}
	ucp_diags_sort(&s->diags);
	if (s->diags.errors > 0 || !planned)
		return s->model == NULL && has_rule(&s->diags, UCP_R_CONFIG_IO) ? UCP_EIO : UCP_ECONFIG;
	return UCP_OK;
}

enum ucp_status
ucp_session_load(struct ucp_session *s, const char *config, bool verbose, bool quiet, bool tty)
{
	return session_load(s, config, verbose, quiet, tty, false);
}

enum ucp_status
ucp_session_check(struct ucp_session *s, const char *config, bool verbose, bool quiet)
{
	return session_load(s, config, verbose, quiet, false, true);
}

static bool
json_zone(void *ctx, enum ucp_view view, const struct ucp_zone *z)
{
	return ucp_plan_json_zone(ctx, view, z);
}

enum ucp_status
ucp_session_plan_json(struct ucp_session *s, FILE *fp)
{
	struct ucp_plan_json j;
	struct ucp_diags d;
	struct ucp_plan *plan;
	enum ucp_status st;

#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
	/*
	 * glibc raises its mmap threshold each time a large block is freed
	 * (check's, the planner's doubling vectors), and large blocks then come
	 * from the heap, whose freed holes stay resident: at 100,000 tenant
	 * domains 24 MiB of the peak. Fixed at glibc's default, each large
	 * block is mapped on its own and goes back when freed.
	 */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	ucp_diags_like(&d, &s->diags);
	ucp_plan_json_begin(&j, fp);
	if ((plan = ucp_plan_stream(s->model, &d, ucp_serial_today(s->now), json_zone, &j)) == NULL)
		ucp_oom();
	/* What check found (the same as the plan finds: tests/cli.test), with the configuration's, sorted. */
	plan->diags = &s->diags;
	st = ucp_plan_json_end(&j, plan);
	ucp_plan_free(plan);
	ucp_diags_clear(&d);
	return st;
}

_Static_assert(sizeof(((struct ucp_generate_opts *)0)->inputs) == UCP_STATE_DIGEST, "the inputs digest is SHA-256");

bool
ucp_pipeline_inputs(struct ucp_generate_opts *opts, const char *config, bool verbose)
{
	opts->config = config;
	opts->verbose = verbose;
	opts->have_inputs = ucp_state_inputs(config, opts->generators, verbose, opts->inputs);
	return opts->have_inputs;
}

bool
ucp_pipeline_unchanged(struct ucp_session *s, const struct ucp_generate_opts *opts, size_t *nfiles)
{
	struct ucp_outdir od = { .fd = -1, .lockfd = -1 };
	struct ucp_publish_opts popts = opts->publish;
	struct ucp_diags d;
	time_t now;
	bool current = false;

	*nfiles = 0;
	/* A bad SOURCE_DATE_EPOCH is refused by the full way, even when nothing would change. */
	if (!opts->have_inputs || opts->publish.check || !today(&now))
		return false;
	/* Opened as it stands: nothing created, the lock shared (a publishing run is waited for). */
	popts.check = true;
	ucp_diags_init(&d);
	d.verbose = opts->verbose;
	d.quiet = opts->publish.quiet;
	if (ucp_outdir_open(&od, opts->dir, &popts, &d) == UCP_OK && od.locked)
		current = ucp_state_current(&od, opts->inputs, &d, nfiles);
	ucp_outdir_close(&od);
	if (!current) {
		ucp_diags_clear(&d);
		return false;
	}
	memset(s, 0, sizeof(*s));
	s->diags = d;
	s->now = now;
	return true;
}

static char *
published(const struct ucp_gen_ctx *ctx, const char *path, size_t *len)
{
	const struct ucp_outdir *od = ctx->published_arg;

	return od != NULL && od->fd >= 0 ? ucp_outdir_read(od, path, len) : NULL;
}

/* Runs the generators named in LIST (comma-separated; NULL = all but the opt-in ones) into OUT. */
static enum ucp_status
run_generators(struct ucp_session *s, const char *list, const char *templates, const struct ucp_outdir *od,
    struct ucp_output *out)
{
	struct ucp_templates *t = ucp_templates_new(templates);
	struct ucp_gen_ctx ctx = { .out = out, .templates = t, .diags = &s->diags, .published = published,
	    .published_arg = od };
	enum ucp_status st = UCP_OK;
	size_t i;

	for (i = 0; ucp_generators[i] != NULL && st == UCP_OK; i++)
		if (ucp_generator_selected(ucp_generators[i], list))
			st = ucp_generators[i]->emit(s->plan, &ctx);
	ucp_templates_free(t);
	if (st == UCP_ENOMEM || st == UCP_EIO)
		fprintf(stderr, "ucplan: %s\n", ucp_strerror(st));
	return st;
}

/* Validates every generated zone through ldns, view by view. */
static bool
validate_zones(struct ucp_session *s, const struct ucp_output *out)
{
	size_t v, i, done = 0;
	struct ucp_buf scratch;
	bool ok = true;

	ucp_buf_init(&scratch);
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		const struct ucp_view_plan *vp = &s->plan->views[v];
		struct ucp_vview *vv;
		size_t checked = 0, known = 0;

		/* A view whose every zone file already holds its text passed these checks when written. */
		for (i = 0; i < vp->nzones; i++)
			known += vp->zones[i].on_disk;
		if (known == vp->nzones)
			continue;
		vv = ucp_vview_new();

		for (i = 0; i < vp->nzones; i++) {
			const struct ucp_output_file *f;
			char path[512];

			ucp_zone_path(&vp->zones[i], path, sizeof(path));
			/* Not written by bind in this run (nsupdate keeps the published zone as its baseline). */
			if ((f = ucp_output_find(out, path)) == NULL || (f->unchanged && !vp->zones[i].on_disk))
				continue;
			if (vp->zones[i].on_disk) {
				/* Its bytes are the file's, checked when they were written: only the view's checks. */
				ucp_vview_add_known(vv, f->path, &vp->zones[i]);
			} else {
				size_t len;
				const char *data = ucp_output_bytes(f, &scratch, &len);

				if (data == NULL)
					ucp_oom();
				if (ucp_vview_add(vv, f->path, data, len, vp->zones[i].name, &s->diags) != UCP_OK)
					ok = false;
				s->progress.validated++;
			}
			checked++;
			ucp_progress_tick(&s->progress, ++done, s->progress.zones);
		}
		if (checked > 0 && ucp_vview_check(vv, &s->diags) != UCP_OK)
			ok = false;
		ucp_vview_free(vv);
	}
	ucp_buf_clear(&scratch);
	return ok;
}

enum ucp_status
ucp_pipeline_generate(struct ucp_session *s, const struct ucp_generate_opts *opts, FILE *report)
{
	struct ucp_outdir od = { .fd = -1, .lockfd = -1 };
	struct ucp_output *out = ucp_output_new(), *kept = ucp_output_new();
	enum ucp_status st;

	if (out == NULL || kept == NULL)
		ucp_oom();
	/* The lock is held from reading the old zones (serials) to the last rename. */
	struct ucp_publish_opts popts = opts->publish;

	popts.progress = &s->progress;
	ucp_progress_stage(&s->progress, UCP_STAGE_SERIALS);
	st = ucp_outdir_open(&od, opts->dir, &popts, &s->diags);
	if (st == UCP_OK)
		st = ucp_serial_resolve(s->plan, &od, s->now, s->model->dns.serial.set, popts.force, kept, &s->diags);
	ucp_progress_stage(&s->progress, UCP_STAGE_GENERATE);
	if (st == UCP_OK)
		st = run_generators(s, opts->generators, opts->templates, &od, out);
	if (st == UCP_OK)
		st = ucp_serial_keep(kept, out);
	ucp_progress_stage(&s->progress, UCP_STAGE_VALIDATE);
	if (st == UCP_OK && !validate_zones(s, out))
		st = UCP_EVALIDATE;
	ucp_progress_stage(&s->progress, UCP_STAGE_PUBLISH);
	if (st == UCP_OK)
		st = ucp_output_publish(out, &od, &popts, &s->diags, report);
	/*
	 * What is now published, for the next run with these inputs (not with
	 * --check: nothing was), unless the configuration changed while this
	 * run read it: then no digest stands for what was planned.
	 */
	if (st == UCP_OK && opts->have_inputs && !popts.check) {
		unsigned char again[UCP_STATE_DIGEST];

		if (ucp_state_inputs(opts->config, opts->generators, opts->verbose, again) &&
		    memcmp(again, opts->inputs, UCP_STATE_DIGEST) == 0)
			ucp_state_write(&od, opts->inputs, out, &s->diags);
	}
	ucp_progress_end(&s->progress);
	ucp_outdir_close(&od);
	ucp_output_free(out);
	ucp_output_free(kept);
	return st;
}
