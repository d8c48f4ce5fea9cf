/*
 * Publishing generated files safely: compare with what is on disk, stage the
 * changed files inside the output directory, then rename each into place.
 * rename() is atomic, so a reader (or a crash) sees either the old or the new
 * file, never half of one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "diff.h"
#include "output.h"

#define STAGE_PREFIX ".ucplan-stage-"

struct ucp_output *
ucp_output_new(void)
{
	struct ucp_output *out = calloc(1, sizeof(struct ucp_output));

	if (out != NULL)
		ucp_strmap_init(&out->index);
	return out;
}

void
ucp_output_free(struct ucp_output *out)
{
	size_t i;

	if (out == NULL)
		return;
	for (i = 0; i < out->len; i++) {
		free(out->files[i].path);
		free(out->files[i].data);
	}
	free(out->files);
	ucp_strmap_clear(&out->index);
	free(out);
}

enum ucp_status
ucp_output_take(struct ucp_output *out, const char *path, char *data, size_t len)
{
	struct ucp_output_file *f;

	if (ucp_output_find(out, path) != NULL) {
		free(data);
		return UCP_EIO;		/* two generators claiming one file is a bug */
	}
	if (out->len == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct ucp_output_file *files = realloc(out->files, cap * sizeof(*files));

		if (files == NULL) {
			free(data);
			return UCP_ENOMEM;
		}
		/* The index holds paths owned by the files, which do not move: only the array does. */
		out->files = files;
		out->cap = cap;
	}
	f = &out->files[out->len];
	if ((f->path = strdup(path)) == NULL) {
		free(data);
		return UCP_ENOMEM;
	}
	f->data = data;
	f->len = len;
	out->len++;
	ucp_strmap_put(&out->index, f->path, (void *)(uintptr_t)out->len);
	return UCP_OK;
}

enum ucp_status
ucp_output_add(struct ucp_output *out, const char *path, struct ucp_buf *content)
{
	size_t len = content->len;
	char *data;

	if (ucp_buf_status(content) != UCP_OK)
		return UCP_ENOMEM;
	if ((data = ucp_buf_export(content)) == NULL)
		return UCP_ENOMEM;
	return ucp_output_take(out, path, data, len);
}

struct ucp_output_file *
ucp_output_find(const struct ucp_output *out, const char *path)
{
	uintptr_t i = (uintptr_t)ucp_strmap_get(&out->index, path);

	return i != 0 ? &out->files[i - 1] : NULL;
}

enum ucp_status
ucp_gen_render(struct ucp_gen_ctx *ctx, const char *tmpl, const struct ucp_tvars *vars, const char *path)
{
	enum ucp_status st;
	struct ucp_buf b;

	ucp_buf_init(&b);
	st = ucp_template_render(ctx->templates, tmpl, vars, &b, ctx->diags);
	if (st == UCP_OK)
		st = ucp_output_add(ctx->out, path, &b);
	ucp_buf_clear(&b);
	return st;
}

void
ucp_gen_header(struct ucp_buf *b, const struct ucp_plan *plan, const char *prefix, const char *suffix)
{
	ucp_buf_printf(b, "%s " UCP_HEADER_MARK " %s from %s; do not edit.%s\n", prefix, PACKAGE_VERSION,
	    plan->config_name, suffix);
}

/* Creates every missing directory of PATH's parent (PATH itself is a file). */
static int
make_parents(const char *path)
{
	char *copy = strdup(path), *p;

	if (copy == NULL)
		return -1;
	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	return 0;
}

static int
write_all(const char *path, const char *data, size_t len)
{
	int fd, saved;
	size_t off = 0;

	if (make_parents(path) < 0)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0)
		return -1;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)n;
	}
#ifndef HAVE_SYNCFS
	if (fsync(fd) < 0)
		goto fail;
#endif
	return close(fd);
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

/* Removes a directory tree made of plain files and directories. */
static void
remove_tree(const char *path)
{
	struct dirent *e;
	DIR *d;

	if ((d = opendir(path)) == NULL) {
		unlink(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *sub;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (asprintf(&sub, "%s/%s", path, e->d_name) < 0)
			break;
		remove_tree(sub);
		free(sub);
	}
	closedir(d);
	rmdir(path);
}

/* Staging directories left behind by a killed run. */
static void
remove_stale_stages(const char *dir)
{
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *sub;

		if (strncmp(e->d_name, STAGE_PREFIX, strlen(STAGE_PREFIX)) != 0)
			continue;
		if (asprintf(&sub, "%s/%s", dir, e->d_name) < 0)
			break;
		remove_tree(sub);
		free(sub);
	}
	closedir(d);
}

/* A file that differs from what is on disk. */
struct change {
	const struct ucp_output_file	*file;
	bool				 is_new;
};

/* named.conf.views goes last so BIND never reads a view naming a missing file. */
static int
publish_rank(const char *path)
{
	return strstr(path, "named.conf") != NULL;
}

static int
cmp_order(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;
	int ra = publish_rank(a->file->path), rb = publish_rank(b->file->path);

	if (ra != rb)
		return ra - rb;
	return strcmp(a->file->path, b->file->path);
}

static bool
has_header(const char *data, size_t len)
{
	const char *nl = memchr(data, '\n', len);
	size_t first = nl != NULL ? (size_t)(nl - data) : len;
	size_t m = strlen(UCP_HEADER_MARK), i;

	for (i = 0; i + m <= first; i++)
		if (memcmp(data + i, UCP_HEADER_MARK, m) == 0)
			return true;
	return false;
}

enum ucp_status
ucp_output_publish(const struct ucp_output *out, const char *dir, const struct ucp_publish_opts *opts,
    struct ucp_diags *diags, FILE *report)
{
	struct change *changed;
	enum ucp_status st = UCP_OK;
	char *stage = NULL, *target, *old;
	size_t i, n = 0, oldlen;

	if ((changed = calloc(out->len + 1, sizeof(*changed))) == NULL)
		return UCP_ENOMEM;
	for (i = 0; i < out->len; i++) {
		const struct ucp_output_file *f = &out->files[i];

		if (asprintf(&target, "%s/%s", dir, f->path) < 0) {
			st = UCP_ENOMEM;
			goto done;
		}
		old = ucp_read_file(target, &oldlen);
		if (old == NULL && errno != ENOENT && errno != ENOTDIR) {
			ucp_diags_add(diags, &(struct ucp_loc){ .file = target }, UCP_SEV_ERROR, true, "output",
			    "cannot read: %s", strerror(errno));
			st = UCP_EIO;
		} else if (old != NULL && oldlen == f->len && memcmp(old, f->data, f->len) == 0) {
			/* unchanged: not touched */
		} else {
			if (old != NULL && !opts->force && !has_header(old, oldlen)) {
				ucp_diags_add(diags, &(struct ucp_loc){ .file = target }, UCP_SEV_ERROR, true, "output",
				    "exists and was not written by ucplan; not replaced (use --force)");
				if (st == UCP_OK)
					st = UCP_EFOREIGN;
			}
			if (opts->check)
				ucp_diff_print(report, f->path, old, old != NULL ? oldlen : 0, f->data, f->len,
				    old == NULL);
			changed[n].is_new = old == NULL;
			changed[n++].file = f;
		}
		free(old);
		free(target);
	}
	if (st != UCP_OK)
		goto done;
	if (opts->check) {
		st = n > 0 ? UCP_ECHANGED : UCP_OK;
		goto done;
	}
	if (n == 0)
		goto done;

	if (asprintf(&target, "%s/.", dir) < 0) {
		st = UCP_ENOMEM;
		goto done;
	}
	i = make_parents(target);
	free(target);
	if (i != 0) {
		ucp_diags_add(diags, &(struct ucp_loc){ .file = dir }, UCP_SEV_ERROR, true, "output",
		    "cannot create the output directory: %s", strerror(errno));
		st = UCP_EIO;
		goto done;
	}
	remove_stale_stages(dir);
	if (asprintf(&stage, "%s/" STAGE_PREFIX "XXXXXX", dir) < 0 || mkdtemp(stage) == NULL) {
		ucp_diags_add(diags, &(struct ucp_loc){ .file = dir }, UCP_SEV_ERROR, true, "output",
		    "cannot create a staging directory: %s", strerror(errno));
		st = UCP_EIO;
		goto done;
	}
	for (i = 0; i < n; i++) {
		char *staged;

		if (asprintf(&staged, "%s/%s", stage, changed[i].file->path) < 0) {
			st = UCP_ENOMEM;
			goto done;
		}
		if (write_all(staged, changed[i].file->data, changed[i].file->len) < 0) {
			ucp_diags_add(diags, &(struct ucp_loc){ .file = staged }, UCP_SEV_ERROR, true, "output",
			    "cannot write: %s", strerror(errno));
			free(staged);
			st = UCP_EIO;
			goto done;
		}
		free(staged);
	}
#ifdef HAVE_SYNCFS
	/* One flush of the file system for all staged files: nothing is renamed before its data is durable. */
	{
		int fd = open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd < 0 || syncfs(fd) < 0) {
			ucp_diags_add(diags, &(struct ucp_loc){ .file = stage }, UCP_SEV_ERROR, true, "output",
			    "cannot flush the staged files: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			st = UCP_EIO;
			goto done;
		}
		close(fd);
	}
#endif
	/* Everything is staged and complete: now rename into place, zones first. */
	qsort(changed, n, sizeof(*changed), cmp_order);
	for (i = 0; i < n; i++) {
		const char *path = changed[i].file->path;
		char *staged;

		if (asprintf(&staged, "%s/%s", stage, path) < 0 || asprintf(&target, "%s/%s", dir, path) < 0) {
			st = UCP_ENOMEM;
			break;
		}
		if (make_parents(target) < 0 || rename(staged, target) < 0) {
			ucp_diags_add(diags, &(struct ucp_loc){ .file = target }, UCP_SEV_ERROR, true, "output",
			    "cannot publish: %s", strerror(errno));
			st = UCP_EIO;
			free(staged);
			free(target);
			break;
		}
		if (!opts->quiet && report != NULL)
			fprintf(report, "%s %s\n", changed[i].is_new ? "created" : "updated", path);
		free(staged);
		free(target);
	}
done:
	if (stage != NULL) {
		remove_tree(stage);
		free(stage);
	}
	free(changed);
	return st;
}
