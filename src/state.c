/*
 * DIR/.ucplan.state (see state.h). A text file, one record per line:
 *
 *	ucplan-state 1
 *	inputs HEX			the digest of the run's inputs
 *	f LENGTH HEX PATH		a published file: its length and SHA-256
 *	d SEVERITY RULE LINE FILE SETTING MESSAGE	a diagnostic (tab-separated, escaped)
 *	end
 *
 * Anything else, or a missing "end", makes the state unusable: the run then
 * plans and publishes in full and writes a new one.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "ucplan/buf.h"
#include "ucplan/generator.h"
#include "ucplan/rules.h"

#define STATE_MAGIC "ucplan-state 1"

static void
hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

static void
digest(const char *data, size_t len, unsigned char out[UCP_STATE_DIGEST])
{
	if (EVP_Digest(data, len, out, NULL, EVP_sha256(), NULL) != 1)
		ucp_oom();
}

/* Adds a length-prefixed field to the running digest, so fields cannot run into each other. */
static void
feed(EVP_MD_CTX *ctx, const char *data, size_t len)
{
	char n[32];

	snprintf(n, sizeof(n), "%zu:", len);
	if (EVP_DigestUpdate(ctx, n, strlen(n)) != 1 || EVP_DigestUpdate(ctx, data, len) != 1)
		ucp_oom();
}

/*
 * The digest of ucplan's own executable, read once per process: a rebuilt
 * binary of the same version may write other files.
 */
static bool
self_digest(unsigned char out[UCP_STATE_DIGEST])
{
	static unsigned char d[UCP_STATE_DIGEST];
	static int state;	/* 0 not read, 1 read, -1 unreadable */
	size_t len;
	char *exe;

	if (state == 0) {
		state = (exe = ucp_read_file("/proc/self/exe", &len)) != NULL ? 1 : -1;
		if (exe != NULL)
			digest(exe, len, d);
		free(exe);
	}
	memcpy(out, d, UCP_STATE_DIGEST);
	return state > 0;
}

bool
ucp_state_inputs(const char *config, const char *generators, bool verbose, unsigned char out[UCP_STATE_DIGEST])
{
	const struct ucp_generator *const *g;
	unsigned char self[UCP_STATE_DIGEST];
	EVP_MD_CTX *ctx;
	char *text;
	size_t len;
	bool ok;

	/* Output that depends on what was published before has no digest (nsupdate's deltas). */
	for (g = ucp_generators; *g != NULL; g++)
		if ((*g)->reads_published && ucp_generator_selected(*g, generators))
			return false;
	if ((text = ucp_read_file(config, &len)) == NULL)
		return false;
	/* Included files are not read here: a configuration with includes always takes the full way. */
	if (memmem(text, len, "@include", 8) != NULL) {
		free(text);
		return false;
	}
	if (!self_digest(self)) {
		free(text);
		return false;
	}
	if ((ctx = EVP_MD_CTX_new()) == NULL)
		ucp_oom();
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1;
	feed(ctx, STATE_MAGIC, strlen(STATE_MAGIC));
	feed(ctx, PACKAGE_VERSION, strlen(PACKAGE_VERSION));
	feed(ctx, (const char *)self, sizeof(self));
	/* The name as given: diagnostics and file headers carry it. */
	feed(ctx, config, strlen(config));
	feed(ctx, text, len);
	feed(ctx, generators != NULL ? generators : "", generators != NULL ? strlen(generators) : 0);
	feed(ctx, generators != NULL ? "list" : "default", generators != NULL ? 4 : 7);
	feed(ctx, verbose ? "v" : "", verbose ? 1 : 0);
	ok = ok && EVP_DigestFinal_ex(ctx, out, NULL) == 1;
	EVP_MD_CTX_free(ctx);
	free(text);
	return ok;
}

/* ---- diagnostics, one per line ------------------------------------------ */

/* S with tab, newline and backslash escaped; NULL is "\0". */
static void
put_field(struct ucp_buf *b, const char *s)
{
	if (s == NULL) {
		ucp_buf_puts(b, "\\0");
		return;
	}
	for (; *s; s++) {
		if (*s == '\t')
			ucp_buf_puts(b, "\\t");
		else if (*s == '\n')
			ucp_buf_puts(b, "\\n");
		else if (*s == '\\')
			ucp_buf_puts(b, "\\\\");
		else
			ucp_buf_add(b, s, 1);
	}
}

/* Undoes put_field in place; false for "\0" (NULL). */
static bool
unescape(char *s)
{
	char *d = s;

	if (strcmp(s, "\\0") == 0)
		return false;
	for (; *s; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*d++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	return true;
}

static void
add_diag(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_severity sev, const char *rule, const char *fmt,
    ...) __attribute__((format(printf, 5, 6)));

static void
add_diag(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_severity sev, const char *rule, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	ucp_diags_vadd(d, loc, sev, true, rule, fmt, ap);
	va_end(ap);
}

/* Reads the diagnostic in LINE (after "d\t") into DIAGS; false when it is malformed. */
static bool
read_diag(char *line, struct ucp_diags *diags)
{
	char *f[6], *p = line;
	const struct ucp_rule_info *rule;
	enum ucp_severity sev;
	struct ucp_loc loc = { 0 };
	size_t i;

	for (i = 0; i < 6; i++) {
		f[i] = p;
		if (i < 5) {
			if ((p = strchr(p, '\t')) == NULL)
				return false;
			*p++ = '\0';
		}
	}
	if (!ucp_severity_parse(f[0], &sev) || (rule = ucp_rule_find(f[1])) == NULL)
		return false;
	loc.line = (unsigned)strtoul(f[2], NULL, 10);
	loc.file = unescape(f[3]) ? f[3] : NULL;
	loc.path = unescape(f[4]) ? f[4] : NULL;
	unescape(f[5]);
	add_diag(diags, &loc, sev, rule->id, "%s", f[5]);
	return true;
}

/* ---- checking a directory against its state ------------------------------ */

bool
ucp_state_current(const struct ucp_outdir *od, const unsigned char inputs[UCP_STATE_DIGEST],
    struct ucp_diags *diags, size_t *nfiles)
{
	struct ucp_output *seen;
	struct ucp_diags found;
	char want[2 * UCP_STATE_DIGEST + 1], *text, *line, *next;
	size_t len, n = 0;
	bool inputs_match = false, ended = false, ok;

	*nfiles = 0;
	if (od->fd < 0 || (text = ucp_outdir_read(od, UCP_STATE_NAME, &len)) == NULL)
		return false;
	if (memchr(text, '\0', len) != NULL || (seen = ucp_output_new()) == NULL) {
		free(text);
		return false;
	}
	ucp_diags_init(&found);
	found.verbose = diags->verbose;
	found.quiet = diags->quiet;
	hex(inputs, UCP_STATE_DIGEST, want);
	ok = (next = strchr(text, '\n')) != NULL && (*next = '\0', strcmp(text, STATE_MAGIC) == 0);
	/* A state without even one whole line is not walked at all. */
	for (line = ok ? next + 1 : text; ok && !ended && *line != '\0'; line = next + 1) {
		if ((next = strchr(line, '\n')) == NULL) {
			ok = false;
			break;
		}
		*next = '\0';
		if (!inputs_match) {
			/* The inputs come first: a state of other inputs is not read further. */
			ok = strncmp(line, "inputs ", 7) == 0 && strcmp(line + 7, want) == 0;
			inputs_match = ok;
		} else if (strncmp(line, "f ", 2) == 0) {
			unsigned char d[UCP_STATE_DIGEST];
			char *end, *sp, got[2 * UCP_STATE_DIGEST + 1], *data;
			unsigned long long flen = strtoull(line + 2, &end, 10);
			size_t dlen;

			/* "f LENGTH HEX PATH": the file must be there, as long, with the same digest. */
			ok = *end == ' ' && (sp = strchr(end + 1, ' ')) != NULL &&
			    (size_t)(sp - end - 1) == 2 * UCP_STATE_DIGEST;
			if (!ok)
				break;
			*sp = '\0';
			if ((data = ucp_outdir_read(od, sp + 1, &dlen)) == NULL || dlen != flen) {
				free(data);
				ok = false;
				break;
			}
			digest(data, dlen, d);
			free(data);
			hex(d, UCP_STATE_DIGEST, got);
			ok = strcmp(got, end + 1) == 0 && ucp_output_take(seen, sp + 1, NULL, 0) == UCP_OK;
			n++;
		} else if (strncmp(line, "d\t", 2) == 0) {
			ok = read_diag(line + 2, &found);
		} else {
			ok = strcmp(line, "end") == 0;
			ended = ok;
		}
	}
	/* And nothing a run would remove: files with ucplan's header that the state does not name. */
	ok = ok && ended && ucp_outdir_strays(od, seen) == 0;
	if (ok) {
		ucp_diags_clear(diags);
		*diags = found;
		ucp_diags_init(&found);
		*nfiles = n;
	}
	ucp_diags_clear(&found);
	ucp_output_free(seen);
	free(text);
	return ok;
}

/* ---- writing it ---------------------------------------------------------- */

struct writing {
	const unsigned char	*inputs;
	const struct ucp_output	*out;
	const struct ucp_diags	*diags;
};

/* The state, line by line: at hosting scale it runs to megabytes, none of them held. */
static bool
write_state(void *arg, FILE *fp)
{
	const struct writing *w = arg;
	struct ucp_buf b, scratch;
	char h[2 * UCP_STATE_DIGEST + 1];
	bool ok = true;
	size_t i;

	ucp_buf_init(&b);
	ucp_buf_init(&scratch);
	hex(w->inputs, UCP_STATE_DIGEST, h);
	fprintf(fp, "%s\ninputs %s\n", STATE_MAGIC, h);
	for (i = 0; ok && i < w->out->len; i++) {
		const struct ucp_output_file *f = &w->out->files[i];
		unsigned char d[UCP_STATE_DIGEST];
		const char *data;
		size_t len;

		/* A file whose bytes this run neither holds nor can render: no state vouches for the tree. */
		ok = !(f->data == NULL && f->render == NULL && f->unchanged) &&
		    (data = ucp_output_bytes(f, &scratch, &len)) != NULL;
		if (!ok)
			break;
		digest(data, len, d);
		hex(d, UCP_STATE_DIGEST, h);
		fprintf(fp, "f %zu %s %s\n", len, h, f->path);
	}
	for (i = 0; ok && i < w->diags->len; i++) {
		const struct ucp_diag *g = &w->diags->items[i];

		ucp_buf_reset(&b);
		ucp_buf_printf(&b, "d\t%s\t%s\t%u\t", ucp_severity_name(g->severity), g->rule, g->line);
		put_field(&b, g->file);
		ucp_buf_puts(&b, "\t");
		put_field(&b, g->setting);
		ucp_buf_puts(&b, "\t");
		put_field(&b, g->message);
		ucp_buf_puts(&b, "\n");
		ok = ucp_buf_status(&b) == UCP_OK && fwrite(ucp_buf_str(&b), 1, b.len, fp) == b.len;
	}
	if (ok)
		fputs("end\n", fp);
	ucp_buf_clear(&scratch);
	ucp_buf_clear(&b);
	return ok;
}

void
ucp_state_write(const struct ucp_outdir *od, const unsigned char inputs[UCP_STATE_DIGEST],
    const struct ucp_output *out, const struct ucp_diags *diags)
{
	struct writing w = { .inputs = inputs, .out = out, .diags = diags };

	if (od->fd >= 0)
		(void)ucp_outdir_replace(od, UCP_STATE_NAME, write_state, &w);
}
