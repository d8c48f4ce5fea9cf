/*
 * The ucplan command line (spec section 1): check, plan, generate, validate,
 * init, generators. Diagnostics go to stderr, requested output to stdout or
 * the output directory; the exit status says what happened.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
#include "model.h"
#include "output.h"
#include "plan-json.h"
#include "planner.h"
#include "serial.h"
#include "ucplan/embedded.h"
#include "ucplan/generator.h"
#include "ucplan/report.h"
#include "validate.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_ERRORS = 1,
	EXIT_USAGE = 2,
	EXIT_CHANGED = 3,
	EXIT_IO = 4,
};

static const char usage_text[] =
    "usage: ucplan check    CONFIG [-v] [-q]\n"
    "       ucplan plan     CONFIG [--format text|json]\n"
    "       ucplan generate CONFIG -o DIR [-g NAME[,NAME...]] [--check] [--force]\n"
    "                       [--no-wait] [--templates DIR] [-q] [-v]\n"
    "       ucplan validate ZONEFILE --origin NAME [--view NAME]\n"
    "       ucplan init     [--example NAME]\n"
    "       ucplan generators\n"
    "       ucplan --help | --version\n"
    "\n"
    "Plans DNS (internal and external views), certificates, endpoints and\n"
    "reverse-proxy publishing for Exchange 2007/2010 and OCS 2007 R2, and\n"
    "generates BIND zones, certificate requests and proxy configurations.\n"
    "\n"
    "Exit status: 0 success, 1 errors in the configuration, plan or output,\n"
    "2 usage error, 3 generate --check found changes, 4 output or I/O failure.\n"
    "See ucplan(1) and ucplan.conf(5).\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ucplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'ucplan --help'.\n", stderr);
	return EXIT_USAGE;
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

struct session {
	struct ucp_diags	 diags;
	struct ucp_model	*model;
	struct ucp_plan		*plan;
	time_t			 now;
};

static void
session_clear(struct session *s)
{
	ucp_plan_free(s->plan);
	ucp_model_free(s->model);
	ucp_diags_clear(&s->diags);
}

static void
print_diags(struct session *s)
{
	ucp_diags_sort(&s->diags);
	ucp_diags_print(&s->diags, stderr);
}

static bool
has_rule(const struct ucp_diags *d, const char *rule)
{
	size_t i;

	for (i = 0; i < d->len; i++)
		if (strcmp(d->items[i].rule, rule) == 0)
			return true;
	return false;
}

/* Loads and plans CONFIG. Returns EXIT_OK, or the exit status after printing diagnostics. */
static int
load(struct session *s, const char *config, bool verbose)
{
	memset(s, 0, sizeof(*s));
	ucp_diags_init(&s->diags);
	s->diags.verbose = verbose;
	if (!today(&s->now))
		return usage_error("SOURCE_DATE_EPOCH must be a number of seconds, not '%s'",
		    getenv("SOURCE_DATE_EPOCH"));
	s->model = ucp_model_from_config(config, &s->diags);
	if (s->model != NULL && s->diags.errors == 0) {
		s->plan = ucp_plan_new(s->model, &s->diags, ucp_serial_today(s->now));
		if (s->plan == NULL) {
			fputs("ucplan: out of memory\n", stderr);
			return EXIT_IO;
		}
	}
	ucp_diags_sort(&s->diags);
	if (s->diags.errors > 0 || s->plan == NULL) {
		ucp_diags_print(&s->diags, stderr);
		return s->model == NULL && has_rule(&s->diags, "config-io") ? EXIT_IO : EXIT_ERRORS;
	}
	return EXIT_OK;
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, NULL, 'v' }, { "quiet", no_argument, NULL, 'q' }, { NULL, 0, NULL, 0 },
	};
	bool verbose = false, quiet = false;
	struct session s;
	int c, rc;

	while ((c = getopt_long(argc, argv, "vq", opts, NULL)) != -1) {
		if (c == 'v')
			verbose = true;
		else if (c == 'q')
			quiet = true;
		else
			return EXIT_USAGE;
	}
	if (optind + 1 != argc)
		return usage_error("%s", "check takes one CONFIG");
	rc = load(&s, argv[optind], verbose);
	if (rc == EXIT_OK) {
		print_diags(&s);
		if (!quiet && verbose)
			fprintf(stderr, "%s: %zu errors, %zu warnings\n", argv[optind], s.diags.errors, s.diags.warnings);
	}
	session_clear(&s);
	return rc;
}

static int
cmd_plan(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	bool verbose = false;
	struct session s;
	int c, rc;

	while ((c = getopt_long(argc, argv, "f:v", opts, NULL)) != -1) {
		if (c == 'f')
			format = optarg;
		else if (c == 'v')
			verbose = true;
		else
			return EXIT_USAGE;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return usage_error("--format is text or json, not '%s'", format);
	if (optind + 1 != argc)
		return usage_error("%s", "plan takes one CONFIG");
	rc = load(&s, argv[optind], verbose);
	if (rc == EXIT_OK) {
		print_diags(&s);
		if (strcmp(format, "json") == 0) {
			char *text = ucp_plan_json(s.plan);

			if (text == NULL) {
				rc = EXIT_IO;
			} else {
				fputs(text, stdout);
				free(text);
			}
		} else {
			struct ucp_buf b;

			ucp_buf_init(&b);
			ucp_buf_printf(&b, "# Deployment plan for %s\n\n", s.plan->config_name);
			ucp_report_text(s.plan, &b);
			fputs(ucp_buf_str(&b), stdout);
			ucp_buf_clear(&b);
		}
		if (fflush(stdout) != 0)
			rc = EXIT_IO;
	}
	session_clear(&s);
	return rc;
}

/* Runs the generators named in LIST (comma-separated; NULL = all) into OUT. */
static int
run_generators(struct session *s, const char *list, const char *templates, struct ucp_output *out)
{
	struct ucp_templates *t = ucp_templates_new(templates);
	struct ucp_gen_ctx ctx = { .out = out, .templates = t, .diags = &s->diags };
	enum ucp_status st = UCP_OK;
	size_t i;

	for (i = 0; ucp_generators[i] != NULL && st == UCP_OK; i++) {
		const struct ucp_generator *g = ucp_generators[i];

		if (list != NULL) {
			const char *p = list;
			size_t n = strlen(g->name);
			bool wanted = false;

			while (*p && !wanted) {
				size_t len = strcspn(p, ",");

				wanted = len == n && strncmp(p, g->name, n) == 0;
				p += len + (p[len] == ',');
			}
			if (!wanted)
				continue;
		}
		st = g->emit(s->plan, &ctx);
	}
	ucp_templates_free(t);
	if (st == UCP_ENOMEM || st == UCP_EIO) {
		fprintf(stderr, "ucplan: %s\n", ucp_strerror(st));
		return EXIT_IO;
	}
	return st == UCP_OK ? EXIT_OK : EXIT_ERRORS;
}

/* Validates every generated zone through ldns, view by view. */
static bool
validate_zones(struct session *s, const struct ucp_output *out)
{
	size_t v, i;
	bool ok = true;

	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		const struct ucp_view_plan *vp = &s->plan->views[v];
		struct ucp_vview *vv = ucp_vview_new();
		size_t checked = 0;

		for (i = 0; i < vp->nzones; i++) {
			const struct ucp_output_file *f;
			char path[512];

			ucp_zone_path(&vp->zones[i], path, sizeof(path));
			if ((f = ucp_output_find(out, path)) == NULL)
				continue;
			if (ucp_vview_add(vv, f->path, f->data, f->len, vp->zones[i].name, &s->diags) != UCP_OK)
				ok = false;
			checked++;
		}
		if (checked > 0 && ucp_vview_check(vv, &s->diags) != UCP_OK)
			ok = false;
		ucp_vview_free(vv);
	}
	return ok;
}

static bool
check_generator_list(const char *list)
{
	const char *p = list;
	char name[64];

	if (*p == '\0') {
		usage_error("%s", "-g needs at least one generator name (see 'ucplan generators')");
		return false;
	}
	while (*p) {
		size_t len = strcspn(p, ",");

		if (len == 0 || len >= sizeof(name)) {
			usage_error("bad generator list '%s'", list);
			return false;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if (ucp_generator_find(name) == NULL) {
			usage_error("no generator called '%s' (see 'ucplan generators')", name);
			return false;
		}
		p += len + (p[len] == ',');
	}
	return true;
}

static int
cmd_generate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' }, { "generators", required_argument, NULL, 'g' },
		{ "check", no_argument, NULL, 'C' }, { "force", no_argument, NULL, 'F' },
		{ "templates", required_argument, NULL, 'T' }, { "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' }, { "no-wait", no_argument, NULL, 'W' }, { NULL, 0, NULL, 0 },
	};
	struct ucp_publish_opts popts = { 0 };
	struct ucp_outdir od = { .fd = -1, .lockfd = -1 };
	const char *dir = NULL, *list = NULL, *templates = NULL;
	struct ucp_output *out, *kept;
	bool verbose = false;
	struct session s;
	enum ucp_status st;
	struct stat sb;
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:g:qv", opts, NULL)) != -1) {
		switch (c) {
		case 'o': dir = optarg; break;
		case 'g': list = optarg; break;
		case 'C': popts.check = true; break;
		case 'F': popts.force = true; break;
		case 'T': templates = optarg; break;
		case 'q': popts.quiet = true; break;
		case 'v': verbose = true; break;
		case 'W': popts.no_wait = true; break;
		default: return EXIT_USAGE;
		}
	}
	if (optind + 1 != argc)
		return usage_error("%s", "generate takes one CONFIG");
	if (dir == NULL)
		return usage_error("%s", "generate needs -o DIR");
	if (*dir == '\0')
		return usage_error("%s", "-o needs a directory name, not an empty string");
	if (list != NULL && !check_generator_list(list))
		return EXIT_USAGE;
	if (templates != NULL && (stat(templates, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		return usage_error("--templates %s is not a directory", templates);
	if ((rc = load(&s, argv[optind], verbose)) != EXIT_OK) {
		session_clear(&s);
		return rc;
	}
	out = ucp_output_new();
	kept = ucp_output_new();
	if (out == NULL || kept == NULL) {
		ucp_output_free(out);
		ucp_output_free(kept);
		session_clear(&s);
		return EXIT_IO;
	}
	/* The lock is held from reading the old zones (serials) to the last rename. */
	if (ucp_outdir_open(&od, dir, &popts, &s.diags) != UCP_OK)
		rc = EXIT_IO;
	if (rc == EXIT_OK) {
		st = ucp_serial_resolve(s.plan, &od, s.now, s.model->dns.serial.set, popts.force, kept, &s.diags);
		if (st != UCP_OK)
			rc = st == UCP_ENOMEM ? EXIT_IO : EXIT_ERRORS;
	}
	if (rc == EXIT_OK)
		rc = run_generators(&s, list, templates, out);
	if (rc == EXIT_OK && ucp_serial_keep(kept, out) != UCP_OK)
		rc = EXIT_IO;
	if (rc == EXIT_OK && !validate_zones(&s, out))
		rc = EXIT_ERRORS;
	if (rc == EXIT_OK) {
		st = ucp_output_publish(out, &od, &popts, &s.diags, stdout);
		if (st == UCP_ECHANGED)
			rc = EXIT_CHANGED;
		else if (st == UCP_EFOREIGN)
			rc = EXIT_ERRORS;
		else if (st != UCP_OK)
			rc = EXIT_IO;
	}
	ucp_outdir_close(&od);
	print_diags(&s);
	if (fflush(stdout) != 0 && rc == EXIT_OK)
		rc = EXIT_IO;
	ucp_output_free(out);
	ucp_output_free(kept);
	session_clear(&s);
	return rc;
}

static int
cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "origin", required_argument, NULL, 'O' }, { "view", required_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *origin = NULL, *view = NULL;
	struct ucp_diags diags;
	struct ucp_vview *vv;
	size_t len;
	char *text;
	int c, rc = EXIT_OK;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'O')
			origin = optarg;
		else if (c == 'V')
			view = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind + 1 != argc)
		return usage_error("%s", "validate takes one ZONEFILE");
	if (origin == NULL)
		return usage_error("%s", "validate needs --origin NAME");
	if (view != NULL && strcmp(view, "internal") != 0 && strcmp(view, "external") != 0)
		return usage_error("--view is internal or external, not '%s'", view);
	if ((text = ucp_read_file(argv[optind], &len)) == NULL) {
		fprintf(stderr, "%s: error: cannot read: %s [zone-io]\n", argv[optind], strerror(errno));
		return EXIT_ERRORS;
	}
	ucp_diags_init(&diags);
	vv = ucp_vview_new();
	if (ucp_vview_add(vv, argv[optind], text, len, origin, &diags) != UCP_OK)
		rc = EXIT_ERRORS;
	if (ucp_vview_check(vv, &diags) != UCP_OK)
		rc = EXIT_ERRORS;
	ucp_diags_sort(&diags);
	ucp_diags_print(&diags, stderr);
	ucp_vview_free(vv);
	ucp_diags_clear(&diags);
	free(text);
	return rc;
}

static int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = { { "example", required_argument, NULL, 'e' }, { NULL, 0, NULL, 0 } };
	const char *example = "contoso-article";
	const struct ucp_embedded *e;
	char name[128];
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'e')
			example = optarg;
		else
			return EXIT_USAGE;
	}
	if (optind != argc)
		return usage_error("%s", "init takes no operands");
	snprintf(name, sizeof(name), "%s.cfg", example);
	if ((e = ucp_embedded_find(ucp_embedded_examples, name)) == NULL) {
		fprintf(stderr, "ucplan: no example called '%s'; there are:", example);
		for (e = ucp_embedded_examples; e->name != NULL; e++)
			fprintf(stderr, " %.*s", (int)(strlen(e->name) - 4), e->name);
		fputs("\n", stderr);
		return EXIT_USAGE;
	}
	fputs(e->text, stdout);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}

static int
cmd_generators(int argc, char **argv)
{
	size_t i;

	if (argc != 1)
		return usage_error("%s", "generators takes no operands");
	for (i = 0; ucp_generators[i] != NULL; i++)
		printf("%-10s %s\n", ucp_generators[i]->name, ucp_generators[i]->summary);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
} commands[] = {
	{ .name = "check", .run = cmd_check },
	{ .name = "plan", .run = cmd_plan },
	{ .name = "generate", .run = cmd_generate },
	{ .name = "validate", .run = cmd_validate },
	{ .name = "init", .run = cmd_init },
	{ .name = "generators", .run = cmd_generators },
	{ .name = NULL },
};

int
main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("ucplan %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	for (c = commands; c->name != NULL; c++) {
		if (strcmp(argv[1], c->name) == 0) {
			opterr = 1;
			optind = 1;
			return c->run(argc - 1, argv + 1);
		}
	}
	return usage_error("unknown command '%s'", argv[1]);
}
