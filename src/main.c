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
#include "pipeline.h"
#include "output.h"
#include "plan-json.h"
#include "planner.h"
#include "serial.h"
#include "ucplan/embedded.h"
#include "ucplan/generator.h"
#include "ucplan/report.h"
#include "validate.h"
#include "verify.h"


static const char usage_text[] =
    "usage: ucplan check      CONFIG [-q] [-v]\n"
    "       ucplan plan       CONFIG [--format text|json] [-q] [-v]\n"
    "       ucplan generate   CONFIG -o DIR [-g NAME[,NAME...]] [--check [--format text|json]]\n"
    "                         [--force] [--no-wait] [--templates DIR] [-q] [-v]\n"
    "       ucplan validate   ZONEFILE --origin NAME [--view NAME] [-q] [-v]\n"
    "       ucplan verify     CONFIG --server VIEW=ADDR[:PORT]... [--source VIEW=ADDR] [--tls[=ROLE,...]]\n"
    "                         [--connect ADDR:PORT=ADDR:PORT]... [--warn-days N] [--timeout S]\n"
    "                         [--format text|json] [-q] [-v]\n"
    "       ucplan init       [--example NAME]\n"
    "       ucplan generators\n"
    "       ucplan COMMAND --help | ucplan help [COMMAND]\n"
    "       ucplan --help | --version\n"
    "\n"
    "Plans DNS (internal and external views), certificates, endpoints and\n"
    "reverse-proxy publishing for Exchange 2007/2010 and OCS 2007 R2, and\n"
    "generates BIND zones, certificate requests and proxy configurations.\n"
    "\n"
    "Every command takes -q (errors only: no warnings, no per-file lines) and\n"
    "-v (also the planning decisions, and a summary line on stderr).\n"
    "\n"
    "Exit status: 0 success, 1 errors in the configuration, plan or output,\n"
    "2 usage error, 3 generate --check found changes, 4 output or I/O failure\n"
    "(including an unreadable CONFIG and a failed write to standard output).\n"
    "See ucplan(1) and ucplan.conf(5).\n";

/* -q and -v mean the same on every command. */
static bool quiet, verbose;
/* The command running, for its --help and usage errors. */
static const struct command *current;

#define COMMON_OPTIONS \
	{ "quiet", no_argument, NULL, 'q' }, { "verbose", no_argument, NULL, 'v' }, \
	{ "help", no_argument, NULL, 'h' }
#define COMMON_SHORT "qvh"

static int common_option(int c);

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void try_help(void);

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("ucplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	try_help();
	return EXIT_USAGE;
}

/* The exit status of a load that returned ST; on failure the diagnostics are printed. */
static int
loaded(struct ucp_session *s, enum ucp_status st)
{
	if (st == UCP_EUSAGE)
		return usage_error("SOURCE_DATE_EPOCH must be a number of seconds, not '%s'",
		    getenv("SOURCE_DATE_EPOCH"));
	if (st != UCP_OK)
		ucp_diags_print(&s->diags, stderr);
	return ucp_exit_code(st);
}

/* Loads and plans CONFIG (progress on stderr when TTY); returns the exit status (see loaded()). */
static int
load_progress(struct ucp_session *s, const char *config, bool tty)
{
	return loaded(s, ucp_session_load(s, config, verbose, quiet, tty));
}

static int
load(struct ucp_session *s, const char *config)
{
	return load_progress(s, config, false);
}

static void
print_diags(struct ucp_session *s)
{
	ucp_diags_sort(&s->diags);
	ucp_diags_print(&s->diags, stderr);
}

/* With -v: one line on stderr counting what the diagnostics say. */
static void
summary(const char *what, const struct ucp_diags *d)
{
	if (verbose)
		fprintf(stderr, "%s: %zu errors, %zu warnings\n", what, d->errors, d->warnings);
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = { COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	struct ucp_session s;
	int c, rc, o;

	while ((c = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1)
		if ((o = common_option(c)) >= 0)
			return o;
	if (optind + 1 != argc)
		return usage_error("%s", "check takes one CONFIG");
	rc = loaded(&s, ucp_session_check(&s, argv[optind], verbose, quiet));
	if (rc == EXIT_OK) {
		print_diags(&s);
		summary(argv[optind], &s.diags);
	}
	ucp_session_clear(&s);
	return rc;
}

static int
cmd_plan(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, COMMON_OPTIONS, { NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	struct ucp_session s;
	bool json;
	int c, rc, o;

	while ((c = getopt_long(argc, argv, "f:" COMMON_SHORT, opts, NULL)) != -1) {
		if (c == 'f')
			format = optarg;
		else if ((o = common_option(c)) >= 0)
			return o;
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return usage_error("--format is text or json, not '%s'", format);
	if (optind + 1 != argc)
		return usage_error("%s", "plan takes one CONFIG");
	/* JSON: checked first, then written a zone at a time as the planner lays them out. */
	json = strcmp(format, "json") == 0;
	rc = json ? loaded(&s, ucp_session_check(&s, argv[optind], verbose, quiet)) : load(&s, argv[optind]);
	if (rc == EXIT_OK) {
		print_diags(&s);
		summary(argv[optind], &s.diags);
		if (json) {
			rc = ucp_exit_code(ucp_session_plan_json(&s, stdout));
		} else {
			struct ucp_buf b;

			ucp_buf_init(&b);
			ucp_buf_printf(&b, "# Deployment plan for %s\n\n", s.plan->config_name);
			ucp_report_text(s.plan, &b);
			fputs(ucp_buf_str(&b), stdout);
			ucp_buf_clear(&b);
		}
	}
	ucp_session_clear(&s);
	return rc;
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
		{ "templates", required_argument, NULL, 'T' }, { "no-wait", no_argument, NULL, 'W' },
		{ "format", required_argument, NULL, 'f' }, COMMON_OPTIONS, { NULL, 0, NULL, 0 },
	};
	struct ucp_generate_opts gopts = { 0 };
	struct ucp_publish_opts *popts = &gopts.publish;
	const char *dir = NULL, *list = NULL, *templates = NULL, *format = NULL;
	struct ucp_session s;
	struct stat sb;
	int c, rc, o;

	while ((c = getopt_long(argc, argv, "o:g:" COMMON_SHORT, opts, NULL)) != -1) {
		switch (c) {
		case 'o': dir = optarg; break;
		case 'g': list = optarg; break;
		case 'C': popts->check = true; break;
		case 'F': popts->force = true; break;
		case 'T': templates = optarg; break;
		case 'W': popts->no_wait = true; break;
		case 'f': format = optarg; break;
		default:
			if ((o = common_option(c)) >= 0)
				return o;
		}
	}
	popts->quiet = quiet;
	if (optind + 1 != argc)
		return usage_error("%s", "generate takes one CONFIG");
	if (dir == NULL)
		return usage_error("%s", "generate needs -o DIR");
	if (*dir == '\0')
		return usage_error("%s", "-o needs a directory name, not an empty string");
	if (list != NULL && !check_generator_list(list))
		return EXIT_USAGE;
	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return usage_error("--format is text or json, not '%s'", format);
	if (format != NULL && !popts->check)
		return usage_error("%s", "--format applies to generate --check");
	popts->json = format != NULL && strcmp(format, "json") == 0;
	if (templates != NULL && (stat(templates, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		return usage_error("--templates %s is not a directory", templates);
	gopts.dir = dir;
	gopts.generators = list;
	gopts.templates = templates;
	/*
	 * Inputs as the last run into DIR had them, and DIR as it left it: nothing
	 * to plan or write. Own templates are not in the digest: they take the full way.
	 */
	if (!popts->check && templates == NULL && ucp_pipeline_inputs(&gopts, argv[optind], verbose)) {
		size_t nfiles;

		if (ucp_pipeline_unchanged(&s, &gopts, &nfiles)) {
			print_diags(&s);
			summary(argv[optind], &s.diags);
			if (verbose)
				fprintf(stderr, "ucplan: nothing planned, 0 files written, %zu unchanged; the inputs and "
				    "files are as the last run left them\n", nfiles);
			ucp_session_clear(&s);
			return EXIT_OK;
		}
	}
	/* Progress on a terminal (after two seconds); never with -q or into a file. */
	if ((rc = load_progress(&s, argv[optind], !quiet && isatty(STDERR_FILENO))) != EXIT_OK) {
		ucp_session_clear(&s);
		return rc;
	}
	rc = ucp_exit_code(ucp_pipeline_generate(&s, &gopts, stdout));
	print_diags(&s);
	summary(argv[optind], &s.diags);
	if (verbose)
		ucp_progress_summary(&s.progress, stderr);
	ucp_session_clear(&s);
	return rc;
}

static int
cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "origin", required_argument, NULL, 'O' }, { "view", required_argument, NULL, 'V' }, COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const char *origin = NULL, *view = NULL;
	struct ucp_diags diags;
	struct ucp_vview *vv;
	size_t len;
	enum ucp_status st = UCP_OK;
	char *text;
	int c, o;

	while ((c = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1) {
		if (c == 'O')
			origin = optarg;
		else if (c == 'V')
			view = optarg;
		else if ((o = common_option(c)) >= 0)
			return o;
	}
	if (optind + 1 != argc)
		return usage_error("%s", "validate takes one ZONEFILE");
	if (origin == NULL)
		return usage_error("%s", "validate needs --origin NAME");
	if (view != NULL && strcmp(view, "internal") != 0 && strcmp(view, "external") != 0)
		return usage_error("--view is internal or external, not '%s'", view);
	if ((text = ucp_read_file(argv[optind], &len)) == NULL) {
		fprintf(stderr, "%s: error: cannot read: %s [zone-io]\n", argv[optind], strerror(errno));
		return ucp_exit_code(UCP_EVALIDATE);
	}
	ucp_diags_init(&diags);
	diags.quiet = quiet;
	vv = ucp_vview_new();
	if (ucp_vview_add(vv, argv[optind], text, len, origin, &diags) != UCP_OK)
		st = UCP_EVALIDATE;
	if (ucp_vview_check(vv, &diags) != UCP_OK)
		st = UCP_EVALIDATE;
	ucp_diags_sort(&diags);
	ucp_diags_print(&diags, stderr);
	summary(argv[optind], &diags);
	ucp_vview_free(vv);
	ucp_diags_clear(&diags);
	free(text);
	return ucp_exit_code(st);
}

/* One starter per product generation (ucplan init --example GENERATION). */
static const struct {
	const char	*generation, *example;
} starters[] = {
	{ "ocs2007r2", "starter" },
	{ "lync2013", "starter-lync2013" },
	{ "sfb2019", "starter-sfb2019" },
};

static int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "example", required_argument, NULL, 'e' }, COMMON_OPTIONS, { NULL, 0, NULL, 0 },
	};
	const char *example = "starter";
	const struct ucp_embedded *e;
	char name[128];
	size_t i;
	int c, o;

	while ((c = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1) {
		if (c == 'e')
			example = optarg;
		else if ((o = common_option(c)) >= 0)
			return o;
	}
	if (optind != argc)
		return usage_error("%s", "init takes no operands");
	/* A generation's name picks its starter. */
	for (i = 0; i < sizeof(starters) / sizeof(starters[0]); i++)
		if (strcmp(example, starters[i].generation) == 0)
			example = starters[i].example;
	snprintf(name, sizeof(name), "%s.cfg", example);
	if ((e = ucp_embedded_find(ucp_embedded_examples, name)) == NULL) {
		fprintf(stderr, "ucplan: no example called '%s'; there are:", example);
		for (i = 0; i < sizeof(starters) / sizeof(starters[0]); i++)
			fprintf(stderr, " %s", starters[i].generation);
		for (e = ucp_embedded_examples; e->name != NULL; e++)
			if (strncmp(e->name, "starter", 7) != 0)
				fprintf(stderr, " %.*s", (int)(strlen(e->name) - 4), e->name);
		fputs("\n", stderr);
		return EXIT_USAGE;
	}
	fputs(e->text, stdout);
	return EXIT_OK;
}

static int
cmd_generators(int argc, char **argv)
{
	static const struct option opts[] = { COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	size_t i;
	int c, o;

	while ((c = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1)
		if ((o = common_option(c)) >= 0)
			return o;
	if (optind != argc)
		return usage_error("%s", "generators takes no operands");
	for (i = 0; ucp_generators[i] != NULL; i++)
		printf("%-10s %s%s\n", ucp_generators[i]->name, ucp_generators[i]->summary,
		    ucp_generators[i]->opt_in ? " (only with -g)" : "");
	return EXIT_OK;
}

/* "internal" or "external" from the front of S up to '='; *REST after it. */
static bool
view_prefix(const char *s, enum ucp_view *view, const char **rest)
{
	const char *eq = strchr(s, '=');
	int v;

	if (eq == NULL)
		return false;
	for (v = 0; v < UCP_VIEW_COUNT; v++) {
		if ((size_t)(eq - s) == strlen(ucp_view_name((enum ucp_view)v)) &&
		    strncmp(s, ucp_view_name((enum ucp_view)v), (size_t)(eq - s)) == 0) {
			*view = (enum ucp_view)v;
			*rest = eq + 1;
			return true;
		}
	}
	return false;
}

static int
cmd_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "server", required_argument, NULL, 'S' }, { "source", required_argument, NULL, 'R' },
		{ "tls", optional_argument, NULL, 'T' }, { "connect", required_argument, NULL, 'C' },
		{ "warn-days", required_argument, NULL, 'W' }, { "timeout", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' }, COMMON_OPTIONS, { NULL, 0, NULL, 0 },
	};
	struct ucp_verify_opts vo = { .warn_days = 30, .timeout = 2 };
	struct ucp_redirect redirects[32];
	const char *format = "text", *rest;
	struct ucp_session s;
	enum ucp_view view;
	int c, rc, o, r;
	char *end;
	bool any = false;

	while ((c = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1) {
		switch (c) {
		case 'S':
			if (!view_prefix(optarg, &view, &rest) || !ucp_hostport_parse(rest, 53, &vo.servers[view]))
				return usage_error("--server takes internal=ADDR[:PORT] or external=ADDR[:PORT], not '%s'",
				    optarg);
			vo.server[view] = any = true;
			break;
		case 'R': {
			struct ucp_hostport hp;

			if (!view_prefix(optarg, &view, &rest) || !ucp_hostport_parse(rest, 0, &hp) || hp.port != 0)
				return usage_error("--source takes internal=ADDR or external=ADDR, not '%s'", optarg);
			vo.source[view] = rest;
			break;
		}
		case 'T':
			vo.tls = true;
			for (rest = optarg; rest != NULL && *rest;) {
				size_t len = strcspn(rest, ",");
				bool found = false;

				for (r = 1; r < UCP_ROLE_COUNT && !found; r++) {
					if (strlen(ucp_role_name((enum ucp_role)r)) == len &&
					    strncmp(rest, ucp_role_name((enum ucp_role)r), len) == 0) {
						vo.tls_roles |= 1u << r;
						found = true;
					}
				}
				if (!found)
					return usage_error("--tls: no role called '%.*s' (see the Role column of "
					    "'ucplan plan')", (int)len, rest);
				rest += len + (rest[len] == ',');
			}
			break;
		case 'C': {
			char planned[128];
			const char *eq = strchr(optarg, '=');

			if (vo.nconnect == sizeof(redirects) / sizeof(redirects[0]))
				return usage_error("%s", "at most 32 --connect options");
			if (eq == NULL || (size_t)(eq - optarg) >= sizeof(planned))
				return usage_error("--connect takes PLANNED=ACTUAL, each ADDR:PORT, not '%s'", optarg);
			snprintf(planned, sizeof(planned), "%.*s", (int)(eq - optarg), optarg);
			if (!ucp_hostport_parse(planned, 0, &redirects[vo.nconnect].planned) ||
			    !ucp_hostport_parse(eq + 1, 0, &redirects[vo.nconnect].actual) ||
			    redirects[vo.nconnect].planned.port == 0 || redirects[vo.nconnect].actual.port == 0)
				return usage_error("--connect takes PLANNED=ACTUAL, each ADDR:PORT, not '%s'", optarg);
			vo.nconnect++;
			break;
		}
		case 'W':
			vo.warn_days = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0' || vo.warn_days < 0 || vo.warn_days > 3650)
				return usage_error("--warn-days takes 0 to 3650 days, not '%s'", optarg);
			break;
		case 't':
			vo.timeout = strtod(optarg, &end);
			if (*end != '\0' || *optarg == '\0' || !(vo.timeout >= 0.1 && vo.timeout <= 60))
				return usage_error("--timeout takes 0.1 to 60 seconds, not '%s'", optarg);
			break;
		case 'f':
			format = optarg;
			break;
		default:
			if ((o = common_option(c)) >= 0)
				return o;
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return usage_error("--format is text or json, not '%s'", format);
	if (optind + 1 != argc)
		return usage_error("%s", "verify takes one CONFIG");
	if (!any && !vo.tls)
		return usage_error("%s", "verify needs --server VIEW=ADDR[:PORT] or --tls");
	for (view = 0; view < UCP_VIEW_COUNT; view++)
		if (vo.source[view] != NULL && !vo.server[view])
			return usage_error("--source %s= without --server %s=", ucp_view_name(view), ucp_view_name(view));
	vo.connect = redirects;
	vo.json = strcmp(format, "json") == 0;
	rc = load(&s, argv[optind]);
	if (rc == EXIT_OK) {
		if (!quiet)
			print_diags(&s);
		rc = ucp_verify(s.plan, &vo, stdout);
	}
	ucp_session_clear(&s);
	return rc;
}

static int cmd_help(int argc, char **argv);

static const struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*synopsis;	/* after "ucplan NAME " */
	const char	*help;		/* what it does and its own options */
} commands[] = {
	{ .name = "check", .run = cmd_check, .synopsis = "CONFIG [-q] [-v]",
	  .help = "Parses, plans and lints CONFIG and prints the diagnostics on stderr.\n"
	    "  -q, --quiet     errors only\n"
	    "  -v, --verbose   also a note for each planning decision, and a summary line\n" },
	{ .name = "plan", .run = cmd_plan, .synopsis = "CONFIG [--format text|json] [-q] [-v]",
	  .help = "Prints the plan: DNS records per view and zone, certificates, endpoints and\n"
	    "publishing rules.\n"
	    "  --format text|json   Markdown tables (default) or one JSON document\n"
	    "  -q, --quiet          errors only on stderr\n"
	    "  -v, --verbose        also the planning decisions, and a summary line\n" },
	{ .name = "generate", .run = cmd_generate,
	  .synopsis = "CONFIG -o DIR [-g NAME[,NAME...]] [--check [--format text|json]] [--force]\n"
	    "                [--no-wait] [--templates DIR] [-q] [-v]",
	  .help = "Writes every generator's files under DIR after validating them, all or nothing.\n"
	    "  -o, --output DIR       the output tree (not empty; no symbolic links inside)\n"
	    "  -g, --generators LIST  only these generators (see 'ucplan generators')\n"
	    "  --check                write nothing; print what would change (records per zone,\n"
	    "                         diffs of other files), exit 3 if anything would\n"
	    "  --format text|json     with --check: text (default) or one JSON document\n"
	    "  --force                replace files ucplan did not write, and lower forced serials\n"
	    "  --no-wait              exit 4 at once when another run holds DIR's lock\n"
	    "  --templates DIR        take templates from DIR before the built-in ones\n"
	    "  -q, --quiet            no line per changed file, no warnings\n"
	    "  -v, --verbose          also the planning decisions, and a summary line\n" },
	{ .name = "validate", .run = cmd_validate, .synopsis = "ZONEFILE --origin NAME [--view NAME] [-q] [-v]",
	  .help = "Runs ucplan's zone checks (through ldns) on any zone file.\n"
	    "  --origin NAME   the zone's origin\n"
	    "  --view NAME     internal or external (a label for the messages)\n"
	    "  -q, --quiet     errors only\n"
	    "  -v, --verbose   a summary line\n" },
	{ .name = "verify", .run = cmd_verify,
	  .synopsis = "CONFIG --server VIEW=ADDR[:PORT]... [--source VIEW=ADDR] [--tls[=ROLE,...]]\n"
	    "                [--connect ADDR:PORT=ADDR:PORT]... [--warn-days N] [--timeout S] [--format text|json]",
	  .help = "Checks the live DNS servers and TLS endpoints against the plan; prints what differs.\n"
	    "  --server VIEW=ADDR[:PORT]  the server answering for the internal or external view\n"
	    "  --source VIEW=ADDR         send that view's queries from ADDR (BIND's match-clients)\n"
	    "  --tls[=ROLE,...]           also connect to every endpoint with a certificate (or of ROLEs)\n"
	    "  --connect PLANNED=ACTUAL   reach the planned ADDR:PORT at ACTUAL ADDR:PORT instead\n"
	    "  --warn-days N              a certificate expiring within N days differs (default 30)\n"
	    "  --timeout S                seconds per query or connection attempt (default 2)\n"
	    "  --format text|json         tables (default) or one JSON document\n"
	    "Exit status: 0 everything matches, 3 something differs or expires, 4 unreachable.\n" },
	{ .name = "init", .run = cmd_init, .synopsis = "[--example NAME]",
	  .help = "Prints a commented starter configuration that explains every group, or with\n"
	    "--example a starter for a product generation (ocs2007r2, the default; lync2013; sfb2019) or one\n"
	    "          of the bundled deployments (contoso-article, fabrikam-multidomain, lync2013-fixtures,\n"
	    "          sfb2019-exchange2019).\n" },
	{ .name = "generators", .run = cmd_generators, .synopsis = "",
	  .help = "Lists the generators with a one-line summary each.\n" },
	{ .name = "help", .run = cmd_help, .synopsis = "[COMMAND]",
	  .help = "Prints the usage of COMMAND, or of every command.\n" },
	{ .name = NULL },
};

static const struct command *
find_command(const char *name)
{
	const struct command *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(name, c->name) == 0)
			return c;
	return NULL;
}

static void
print_help(const struct command *c)
{
	printf("usage: ucplan %s%s%s\n\n%s", c->name, *c->synopsis ? " " : "", c->synopsis, c->help);
	printf("\nExit status: 0 success, 1 errors, 2 usage, 3 changes found, 4 output or I/O failure.\n"
	    "See ucplan(1).\n");
}

static void
try_help(void)
{
	if (current != NULL)
		fprintf(stderr, "Try 'ucplan %s --help'.\n", current->name);
	else
		fputs("Try 'ucplan --help'.\n", stderr);
}

/*
 * The options every command shares. Returns -1 to go on parsing, or the exit
 * status to return now: 0 after --help, 2 for an unknown option (getopt has
 * said which).
 */
static int
common_option(int c)
{
	switch (c) {
	case 'q':
		quiet = true;
		return -1;
	case 'v':
		verbose = true;
		return -1;
	case 'h':
		print_help(current);
		return EXIT_OK;
	default:
		try_help();
		return EXIT_USAGE;
	}
}

static int
cmd_help(int argc, char **argv)
{
	static const struct option opts[] = { COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	const struct command *c;
	int ch, o;

	while ((ch = getopt_long(argc, argv, COMMON_SHORT, opts, NULL)) != -1)
		if ((o = common_option(ch)) >= 0)
			return o;
	if (optind == argc) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (optind + 1 != argc)
		return usage_error("%s", "help takes at most one COMMAND");
	if ((c = find_command(argv[optind])) == NULL)
		return usage_error("unknown command '%s'", argv[optind]);
	print_help(c);
	return EXIT_OK;
}

/* A failed write to standard output (a full disk, a closed pipe) is an I/O failure: exit 4. */
static int
finish_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ucplan: cannot write to standard output: %s\n", strerror(errno));
		return ucp_exit_code(UCP_EIO);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	static char prog[32];

	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_text, stdout);
		return finish_stdout(EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("ucplan %s\n", PACKAGE_VERSION);
		return finish_stdout(EXIT_OK);
	}
	if ((current = find_command(argv[1])) == NULL)
		return usage_error("unknown command '%s'", argv[1]);
	/* getopt names argv[0] in its messages: "ucplan check: invalid option". */
	snprintf(prog, sizeof(prog), "ucplan %s", current->name);
	argv[1] = prog;
	opterr = 1;
	optind = 1;
	return finish_stdout(current->run(argc - 1, argv + 1));
}
