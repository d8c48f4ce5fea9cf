/*
 * Publishing generated files safely: compare with what is on disk, stage the
 * changed files inside the output directory, then rename each into place.
 * rename() is atomic, so a reader (or a crash) sees either the old or the new
 * file, never half of one. Every replaced or removed file is first linked into
 * the staging directory, so a failure part-way puts the old tree back.
 *
 * Everything below the output directory is reached through directory file
 * descriptors opened with O_NOFOLLOW: a symbolic link inside the tree is
 * refused, never followed, so nothing is written outside it.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "diff.h"
#include "preview.h"
#include "arena.h"
#include "output.h"
#include "progress.h"
#include "ucplan/rules.h"

#define STAGE_PREFIX ".ucplan-stage-"

/* A directory stream over DFD (which stays open), or NULL. */
static DIR *
dir_stream(int dfd)
{
	int fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	if ((d = fdopendir(fd)) == NULL)
		close(fd);
	return d;
}

struct ucp_output *
ucp_output_new(void)
{
	struct ucp_output *out = calloc(1, sizeof(struct ucp_output));

	if (out == NULL)
		return NULL;
	if ((out->paths = ucp_arena_new()) == NULL) {
		free(out);
		return NULL;
	}
	ucp_strmap_init(&out->index);
	return out;
}

void
ucp_output_free(struct ucp_output *out)
{
	size_t i;

	if (out == NULL)
		return;
	for (i = 0; i < out->len; i++)
		free(out->files[i].data);
	free(out->files);
	ucp_strmap_clear(&out->index);
	ucp_arena_free(out->paths);
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
	f->path = ucp_arena_strdup(out->paths, path);
	f->data = data;
	f->len = len;
	f->unchanged = false;
	f->render = NULL;
	f->render_a = f->render_b = NULL;
	out->len++;
	ucp_strmap_put(&out->index, f->path, (void *)(uintptr_t)out->len);
	return UCP_OK;
}

/* Files for Windows tools (PowerShell, certreq) are UTF-8 with a byte-order mark, or they read them as ANSI. */
static bool
wants_bom(const char *path)
{
	size_t n = strlen(path);

	return (n > 4 && strcmp(path + n - 4, ".ps1") == 0) || (n > 4 && strcmp(path + n - 4, ".inf") == 0);
}

enum ucp_status
ucp_output_add_unchanged(struct ucp_output *out, const char *path, ucp_render_fn render, const void *a,
    const void *b)
{
	enum ucp_status st = ucp_output_add_rendered(out, path, render, a, b);

	if (st == UCP_OK)
		out->files[out->len - 1].unchanged = true;
	return st;
}

enum ucp_status
ucp_output_add(struct ucp_output *out, const char *path, struct ucp_buf *content)
{
	char *data, *shrunk;
	size_t len;

	if (wants_bom(path) && (content->len < 3 || memcmp(content->data, UCP_BOM, 3) != 0)) {
		struct ucp_buf b;

		ucp_buf_init(&b);
		ucp_buf_add(&b, UCP_BOM, 3);
		ucp_buf_add(&b, ucp_buf_str(content), content->len);
		ucp_buf_clear(content);
		*content = b;
	}
	len = content->len;
	if (ucp_buf_status(content) != UCP_OK)
		return UCP_ENOMEM;
	/*
	 * The buffer grew by doubling: the set keeps it cut to its length (in
	 * place, where a copy would double a large file's peak for a moment).
	 */
	data = ucp_buf_export(content);
	if ((shrunk = realloc(data, len + 1)) != NULL)
		data = shrunk;
	return ucp_output_take(out, path, data, len);
}

void
ucp_output_reserve(struct ucp_output *out, size_t n)
{
	if (n <= out->cap - out->len)
		return;
	out->cap = out->len + n;
	out->files = ucp_xrealloc(out->files, out->cap * sizeof(*out->files));
}

enum ucp_status
ucp_output_add_rendered(struct ucp_output *out, const char *path, ucp_render_fn render, const void *a,
    const void *b)
{
	enum ucp_status st = ucp_output_take(out, path, NULL, 0);

	if (st == UCP_OK) {
		struct ucp_output_file *f = &out->files[out->len - 1];

		f->render = render;
		f->render_a = a;
		f->render_b = b;
	}
	return st;
}

const char *
ucp_output_bytes(const struct ucp_output_file *f, struct ucp_buf *scratch, size_t *len)
{
	if (f->render == NULL) {
		*len = f->len;
		return f->data != NULL ? f->data : "";
	}
	ucp_buf_reset(scratch);
	f->render(f->render_a, f->render_b, scratch);
	if (ucp_buf_status(scratch) != UCP_OK)
		return NULL;
	*len = scratch->len;
	return ucp_buf_str(scratch);
}

bool
ucp_output_has(const struct ucp_output *out, const char *path)
{
	return ucp_output_find(out, path) != NULL;
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

void
ucp_gen_header_var(struct ucp_tvars *vars, const struct ucp_plan *plan, const char *prefix, const char *suffix)
{
	ucp_tvars_set(vars, "header", "%s " UCP_HEADER_MARK " %s from %s; do not edit.%s", prefix, PACKAGE_VERSION,
	    plan->config_name, suffix);
}

static void
io_error(struct ucp_diags *diags, const char *dir, const char *rel, const char *what, int err)
{
	char *file;

	if (asprintf(&file, "%s/%s", dir, rel) < 0)
		ucp_oom();
	if (err == ELOOP)
		ucp_report(diags, &(struct ucp_loc){ .file = file }, UCP_R_OUTPUT,
		    "%s: a symbolic link inside the output directory; ucplan does not follow it", what);
	else
		ucp_report(diags, &(struct ucp_loc){ .file = file }, UCP_R_OUTPUT,
		    "%s: %s", what, strerror(err));
	free(file);
}

/* Directories created while publishing, in creation order, so a rollback can remove them. */
struct created {
	char	**dirs;		/* relative to the output directory */
	size_t	  len;
};

enum { OPEN_ONLY, CREATE };

/*
 * Directories below one base descriptor, opened once each (never through a
 * symbolic link) and kept open for the run: publishing touches thousands of
 * files in a handful of directories.
 */
struct dircache {
	int			 base;		/* borrowed */
	struct ucp_strmap	 map;		/* relative path -> fd + 1, or DC_MISSING */
	struct ucp_strvec	 keys;		/* the map's keys, owned */
};

/* The value of a directory found missing (OPEN_ONLY): not asked for again. */
#define DC_MISSING ((void *)(intptr_t)-1)

static void dc_remember(struct dircache *dc, char *key, void *value);

static void
dc_init(struct dircache *dc, int base)
{
	memset(dc, 0, sizeof(*dc));
	dc->base = base;
	ucp_strmap_init(&dc->map);
}

static void
dc_clear(struct dircache *dc)
{
	size_t i;

	/* The map borrows the keys: close every descriptor before freeing any key. */
	for (i = 0; i < dc->keys.len; i++) {
		void *v = ucp_strmap_get(&dc->map, dc->keys.v[i]);

		if (v != DC_MISSING)
			close((int)(intptr_t)v - 1);
	}
	ucp_strvec_clear(&dc->keys);
	ucp_strmap_clear(&dc->map);
	memset(dc, 0, sizeof(*dc));
	dc->base = -1;
}

static bool
bad_component(const char *name, size_t n)
{
	return n == 0 || n >= 256 || (n == 1 && name[0] == '.') || (n == 2 && name[0] == '.' && name[1] == '.');
}

/*
 * The descriptor (borrowed from DC) of directory PATH (LEN bytes) below DC's
 * base, opened component by component without following a symbolic link
 * (ELOOP); missing ones are created with CREATE and recorded in CREATED.
 */
static int
dc_dir(struct dircache *dc, const char *path, size_t len, int mode, struct created *created)
{
	const char *slash, *name;
	char *key, comp[256];
	size_t n;
	int pfd, fd;
	void *hit;

	if (len == 0)
		return dc->base;
	if ((key = strndup(path, len)) == NULL)
		ucp_oom();
	if ((hit = ucp_strmap_get(&dc->map, key)) != NULL && (hit != DC_MISSING || mode == OPEN_ONLY)) {
		free(key);
		if (hit == DC_MISSING) {
			errno = ENOENT;
			return -1;
		}
		return (int)(intptr_t)hit - 1;
	}
	slash = memrchr(path, '/', len);
	name = slash != NULL ? slash + 1 : path;
	n = len - (size_t)(name - path);
	if (bad_component(name, n)) {
		free(key);
		errno = EINVAL;
		return -1;
	}
	if ((pfd = dc_dir(dc, path, slash != NULL ? (size_t)(slash - path) : 0, mode, created)) < 0) {
		free(key);
		return -1;
	}
	memcpy(comp, name, n);
	comp[n] = '\0';
	fd = openat(pfd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && mode == CREATE) {
		if (mkdirat(pfd, comp, 0777) < 0 && errno != EEXIST) {
			free(key);
			return -1;
		}
		if (created != NULL) {
			char **d = realloc(created->dirs, (created->len + 1) * sizeof(*d));

			if (d == NULL || (d[created->len] = strdup(key)) == NULL)
				ucp_oom();
			created->dirs = d;
			created->len++;
		}
		fd = openat(pfd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0) {
		struct stat sb;

		if (errno == ENOTDIR || errno == ELOOP)
			errno = fstatat(pfd, comp, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(sb.st_mode) ? ELOOP : ENOTDIR;
		/* Remember a missing directory: reading a new tree's old files asks thousands of times. */
		if (errno == ENOENT && mode == OPEN_ONLY && hit == NULL) {
			dc_remember(dc, key, DC_MISSING);
			errno = ENOENT;
		} else {
			free(key);
		}
		return -1;
	}
	if (hit == DC_MISSING) {
		/* Created since it was found missing: the map keeps its own copy of the key. */
		ucp_strmap_put(&dc->map, key, (void *)(intptr_t)(fd + 1));
		free(key);
		return fd;
	}
	dc_remember(dc, key, (void *)(intptr_t)(fd + 1));
	return fd;
}

static void
dc_remember(struct dircache *dc, char *key, void *value)
{
	ucp_strvec_add(&dc->keys, key);
	ucp_strmap_put(&dc->map, key, value);
}

/*
 * Opens the parent directory of REL below DC's base (see dc_dir) and sets
 * *LEAF to REL's last component. Returns a descriptor DC keeps (the caller
 * does not close it), or -1 with errno.
 */
static int
open_parent(struct dircache *dc, const char *rel, int mode, struct created *created, const char **leaf)
{
	const char *slash = strrchr(rel, '/'), *p = slash != NULL ? slash + 1 : rel;
	int fd;

	if (bad_component(p, strlen(p))) {
		errno = EINVAL;
		return -1;
	}
	if ((fd = dc_dir(dc, rel, slash != NULL ? (size_t)(slash - rel) : 0, mode, created)) < 0)
		return -1;
	*leaf = p;
	return fd;
}

/* Reads the regular file LEAF in directory DFD without following a link. */
/*
 * The whole of regular file FD, which fstat says holds SIZE bytes: read into
 * one buffer a byte larger, so the usual file takes a single read (a short
 * read of a regular file is its end); a file that grew meanwhile is read on.
 * Closes FD.
 */
static char *
read_whole(int fd, size_t size, size_t *lenp)
{
	size_t cap = size + 1, len = 0;
	char *p = ucp_xrealloc(NULL, cap + 1);
	int saved;

	for (;;) {
		ssize_t n = read(fd, p + len, cap - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			close(fd);
			free(p);
			errno = saved;
			return NULL;
		}
		len += (size_t)n;
		if (n == 0 || len < cap)
			break;
		cap *= 2;
		p = ucp_xrealloc(p, cap + 1);
	}
	close(fd);
	p[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return p;
}

static char *
read_at(int dfd, const char *leaf, size_t *lenp, size_t max)
{
	struct ucp_buf b;
	char chunk[8192];
	struct stat sb;
	ssize_t n = 0;
	int fd, saved;

	if ((fd = openat(dfd, leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)) < 0)
		return NULL;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	if (max == 0 && sb.st_size >= 0 && (uintmax_t)sb.st_size < SIZE_MAX / 4)
		return read_whole(fd, (size_t)sb.st_size, lenp);
	ucp_buf_init(&b);
	while ((max == 0 || b.len < max) && (n = read(fd, chunk, sizeof(chunk))) > 0)
		ucp_buf_add(&b, chunk, (size_t)n);
	saved = errno;
	close(fd);
	if (n < 0) {
		ucp_buf_clear(&b);
		errno = saved;
		return NULL;
	}
	if (ucp_buf_status(&b) != UCP_OK)
		ucp_oom();
	if (lenp != NULL)
		*lenp = b.len;
	return ucp_buf_export(&b);
}

char *
ucp_outdir_read(const struct ucp_outdir *od, const char *rel, size_t *lenp)
{
	const char *leaf;
	int pfd;

	if (od->fd < 0) {
		errno = ENOENT;
		return NULL;
	}
	if ((pfd = open_parent(od->dc, rel, OPEN_ONLY, NULL, &leaf)) < 0) {
		if (errno == ENOTDIR)
			errno = ENOENT;
		return NULL;
	}
	return read_at(pfd, leaf, lenp, 0);
}

static int
write_at(int dfd, const char *leaf, const char *data, size_t len)
{
	int fd, saved;
	size_t off = 0;

	if ((fd = openat(dfd, leaf, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644)) < 0)
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

/* Removes NAME in DFD: a plain file, or a directory tree of them. Follows no link. */
static void
remove_at(int dfd, const char *name)
{
	struct dirent *e;
	DIR *d;
	int fd;

	if (unlinkat(dfd, name, 0) == 0 || (errno != EISDIR && errno != EPERM))
		return;
	if ((fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_at(fd, e->d_name);
	closedir(d);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

#define STAGE_PREFIX ".ucplan-stage-"

/*
 * Staging directories left behind by a killed run. Each live run holds a lock
 * on its own staging directory, so one that is locked is never removed.
 */
static void
remove_stale_stages(int dfd)
{
	struct dirent *e;
	DIR *d;

	if ((d = dir_stream(dfd)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		int sfd;

		if (strncmp(e->d_name, STAGE_PREFIX, strlen(STAGE_PREFIX)) != 0)
			continue;
		sfd = openat(dfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sfd < 0)
			continue;
		if (flock(sfd, LOCK_EX | LOCK_NB) == 0)
			remove_at(dfd, e->d_name);
		close(sfd);
	}
	closedir(d);
}

/*
 * Opens DIR (creating it unless checking) and takes its lock. Returns 1 when
 * the lock is held, 0 when it must be tried again (the directory or the lock
 * file was removed meanwhile by a run that created it and failed), -1 after
 * reporting an error.
 */
static int
try_open(struct ucp_outdir *od, const char *dir, const struct ucp_publish_opts *opts, struct ucp_diags *diags)
{
	const struct ucp_loc loc = { .file = dir };
	struct stat sb, lb, pb;

	if (lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		ucp_report(diags, &loc, UCP_R_OUTPUT,
		    "the output directory is a symbolic link; name the real directory");
		return -1;
	}
	if (!opts->check && mkdir(dir, 0777) == 0) {
		od->created = true;
	} else if (!opts->check && errno != EEXIST) {
		/* Parents of DIR are the user's: create them as mkdir -p would. */
		char *copy = strdup(dir), *p;

		if (copy == NULL)
			ucp_oom();
		for (p = copy + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			(void)mkdir(copy, 0777);
			*p = '/';
		}
		free(copy);
		if (mkdir(dir, 0777) == 0) {
			od->created = true;
		} else if (errno != EEXIST) {
			ucp_report(diags, &loc, UCP_R_OUTPUT,
			    "cannot create the output directory: %s", strerror(errno));
			return -1;
		}
	}
	if ((od->fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		if (opts->check && errno == ENOENT)
			return 1;	/* nothing published yet: every file is new */
		if (errno == ENOENT)
			return 0;	/* a run that created it failed and removed it meanwhile */
		ucp_report(diags, &loc, UCP_R_OUTPUT, "cannot open the output directory: %s",
		    errno == ELOOP ? "it is a symbolic link" : strerror(errno));
		return -1;
	}
	if ((od->dc = malloc(sizeof(*od->dc))) == NULL)
		ucp_oom();
	dc_init(od->dc, od->fd);
	od->lockfd = openat(od->fd, UCP_LOCK_NAME, (opts->check ? O_RDONLY : O_RDWR | O_CREAT) | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (od->lockfd < 0) {
		if (opts->check && errno == ENOENT)
			return 1;	/* never published into: no run to wait for */
		if (errno == ENOENT)
			return 0;	/* the directory was removed under us: start again */
		ucp_report(diags, &loc, UCP_R_OUTPUT, "cannot open the lock " UCP_LOCK_NAME ": %s",
		    strerror(errno));
		return -1;
	}
	if (flock(od->lockfd, (opts->check ? LOCK_SH : LOCK_EX) | (opts->no_wait ? LOCK_NB : 0)) < 0) {
		if (errno == EWOULDBLOCK)
			ucp_report(diags, &loc, UCP_R_OUTPUT,
			    "another ucplan generate is publishing into this directory (--no-wait)");
		else
			ucp_report(diags, &loc, UCP_R_OUTPUT, "cannot lock " UCP_LOCK_NAME ": %s",
			    strerror(errno));
		return -1;
	}
	/* Held: but is it still the lock of DIR as it stands now? */
	if (fstat(od->lockfd, &lb) < 0 || lb.st_nlink == 0 || fstat(od->fd, &sb) < 0 || sb.st_nlink == 0 ||
	    fstatat(od->fd, UCP_LOCK_NAME, &pb, AT_SYMLINK_NOFOLLOW) < 0 || pb.st_ino != lb.st_ino ||
	    lstat(dir, &pb) < 0 || pb.st_ino != sb.st_ino || pb.st_dev != sb.st_dev)
		return 0;
	od->locked = true;
	/* Under the lock: what a killed run left behind goes, whether or not this run changes anything. */
	if (!opts->check)
		remove_stale_stages(od->fd);
	return 1;
}

enum ucp_status
ucp_outdir_open(struct ucp_outdir *od, const char *dir, const struct ucp_publish_opts *opts,
    struct ucp_diags *diags)
{
	int tries, r = 0;

	od->path = dir;
	for (tries = 0; tries < 100 && r == 0; tries++) {
		od->fd = od->lockfd = -1;
		od->dc = NULL;
		od->created = od->locked = false;
		if ((r = try_open(od, dir, opts, diags)) <= 0)
			ucp_outdir_close(od);
	}
	if (r == 0)
		ucp_report(diags, &(struct ucp_loc){ .file = dir }, UCP_R_OUTPUT,
		    "the output directory keeps changing under this run; not published");
	return r > 0 ? UCP_OK : UCP_EIO;
}

/* True when directory DFD holds nothing but the lock file. */
static bool
only_lock(int dfd)
{
	struct dirent *e;
	bool only = true;
	DIR *d;

	if ((d = dir_stream(dfd)) == NULL)
		return false;
	while (only && (e = readdir(d)) != NULL)
		only = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, UCP_LOCK_NAME) == 0;
	closedir(d);
	return only;
}

void
ucp_outdir_close(struct ucp_outdir *od)
{
	if (od->dc != NULL) {
		dc_clear(od->dc);
		free(od->dc);
		od->dc = NULL;
	}
	if (od->created && od->locked && od->fd >= 0 && only_lock(od->fd)) {
		(void)unlinkat(od->fd, UCP_LOCK_NAME, 0);
		(void)rmdir(od->path);
	}
	if (od->lockfd >= 0)
		close(od->lockfd);
	if (od->fd >= 0)
		close(od->fd);
	od->lockfd = od->fd = -1;
	od->locked = false;
}

/* What publishing does to one path. */
enum change_kind { CH_CREATE, CH_UPDATE, CH_REMOVE };

struct change {
	char			*path;		/* relative to the output directory */
	const struct ucp_output_file *file;	/* NULL for CH_REMOVE */
	enum change_kind	 kind;
	bool			 done;		/* applied; a rollback undoes it */
};

struct changes {
	struct change	*items;
	size_t		 len;
	size_t		 cap;
};

static void
changes_add(struct changes *c, const char *path, const struct ucp_output_file *file, enum change_kind kind)
{
	if (c->len == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct change *items = realloc(c->items, cap * sizeof(*items));

		if (items == NULL)
			ucp_oom();
		c->items = items;
		c->cap = cap;
	}
	c->items[c->len] = (struct change){ .path = strdup(path), .file = file, .kind = kind };
	if (c->items[c->len].path == NULL)
		ucp_oom();
	c->len++;
}

/*
 * Publication order: zone files and the rest first, named.conf.views after
 * them (BIND never reads a view naming a missing file), removals last (once
 * named.conf.views no longer names them).
 */
static int
publish_rank(const struct change *c)
{
	if (c->kind == CH_REMOVE)
		return 2;
	return strstr(c->path, "named.conf") != NULL;
}

static int
cmp_order(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;
	int ra = publish_rank(a), rb = publish_rank(b);

	if (ra != rb)
		return ra - rb;
	return strcmp(a->path, b->path);
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

/*
 * Finds files below DFD (at PREFIX) that carry ucplan's header and that OUT no
 * longer holds. Symbolic links, other files and ucplan's own lock and staging
 * directories are left alone.
 */
static void
find_removed(const struct ucp_output *out, int dfd, const char *prefix, struct changes *c)
{
	struct dirent *e;
	DIR *d;

	if ((d = dir_stream(dfd)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		char rel[PATH_MAX];
		struct stat sb;

		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
		    (*prefix == '\0' && strncmp(name, ".ucplan", 7) == 0))
			continue;
		if ((size_t)snprintf(rel, sizeof(rel), "%s%s/", prefix, name) >= sizeof(rel))
			continue;
		/* The entry's type as readdir gives it; a stat only where the file system does not say. */
		if (e->d_type == DT_DIR)
			sb.st_mode = S_IFDIR;
		else if (e->d_type == DT_REG)
			sb.st_mode = S_IFREG;
		else if (e->d_type != DT_UNKNOWN || fstatat(dirfd(d), name, &sb, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			if (sub >= 0) {
				find_removed(out, sub, rel, c);
				close(sub);
			}
		} else if (S_ISREG(sb.st_mode)) {
			size_t len;
			char *head;

			rel[strlen(rel) - 1] = '\0';
			if (ucp_output_find(out, rel) != NULL)
				continue;
			if ((head = read_at(dirfd(d), name, &len, 1)) != NULL && has_header(head, len))
				changes_add(c, rel, NULL, CH_REMOVE);
			free(head);
		}
	}
	closedir(d);
}

size_t
ucp_outdir_strays(const struct ucp_outdir *od, const struct ucp_output *out)
{
	struct changes c = { 0 };
	size_t i, n;

	if (od->fd < 0)
		return 0;
	find_removed(out, od->fd, "", &c);
	n = c.len;
	for (i = 0; i < c.len; i++)
		free(c.items[i].path);
	free(c.items);
	return n;
}

int
ucp_outdir_replace(const struct ucp_outdir *od, const char *name, bool (*write)(void *arg, FILE *fp), void *arg)
{
	char tmp[256];
	FILE *fp = NULL;
	int fd, saved;
	bool ok;

	if (od->fd < 0 || (size_t)snprintf(tmp, sizeof(tmp), "%s.new", name) >= sizeof(tmp)) {
		errno = EINVAL;
		return -1;
	}
	if ((fd = openat(od->fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644)) < 0)
		return -1;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		ok = false;
	} else {
		ok = write(arg, fp);
		ok = fflush(fp) == 0 && !ferror(fp) && ok;
		ok = fclose(fp) == 0 && ok;
	}
	if (!ok || renameat(od->fd, tmp, od->fd, name) < 0) {
		saved = errno;
		(void)unlinkat(od->fd, tmp, 0);
		errno = saved;
		return -1;
	}
	return 0;
}

static int
cmp_path(const void *pa, const void *pb)
{
	return strcmp(((const struct change *)pa)->path, ((const struct change *)pb)->path);
}

/* Test hook: UCPLAN_TEST_FAIL_STEP=N makes the Nth publishing step fail, to prove the rollback; 0: none. */
static size_t
injected_failure_step(void)
{
	const char *s = getenv("UCPLAN_TEST_FAIL_STEP");

	return s != NULL ? strtoul(s, NULL, 10) : 0;
}

/* Links (or, across devices, moves) the target of C into the stage as "old/PATH". */
static int
save_old(struct dircache *dc, struct dircache *sdc, const struct change *c)
{
	char *saved;
	const char *leaf, *sleaf;
	int pfd, spfd, rc;

	if (asprintf(&saved, "old/%s", c->path) < 0)
		ucp_oom();
	pfd = open_parent(dc, c->path, OPEN_ONLY, NULL, &leaf);
	spfd = pfd >= 0 ? open_parent(sdc, saved, CREATE, NULL, &sleaf) : -1;
	rc = spfd < 0 ? -1 : c->kind == CH_REMOVE ? renameat(pfd, leaf, spfd, sleaf) : linkat(pfd, leaf, spfd, sleaf, 0);
	free(saved);
	return rc;
}

/* Undoes change C: puts the saved old file back, or removes a created one. */
static int
undo(struct dircache *dc, struct dircache *sdc, const struct change *c)
{
	char *saved;
	const char *leaf, *sleaf;
	int pfd, spfd, rc = -1;

	if (asprintf(&saved, "old/%s", c->path) < 0)
		ucp_oom();
	if ((pfd = open_parent(dc, c->path, OPEN_ONLY, NULL, &leaf)) >= 0) {
		if (c->kind == CH_CREATE) {
			rc = unlinkat(pfd, leaf, 0);
		} else if ((spfd = open_parent(sdc, saved, OPEN_ONLY, NULL, &sleaf)) >= 0) {
			rc = renameat(spfd, sleaf, pfd, leaf);
		}
	}
	free(saved);
	return rc;
}

/* Applies C: renames the staged "new/PATH" over the target, or (removal) moves the target into the stage. */
static int
apply(struct dircache *dc, struct dircache *sdc, struct change *c, struct created *created)
{
	char *staged;
	const char *leaf, *sleaf;
	int pfd, spfd, rc = -1;

	if (c->kind != CH_CREATE) {
		if (save_old(dc, sdc, c) < 0)
			return -1;
		if (c->kind == CH_REMOVE)
			return 0;	/* moved into the stage: removed, and restorable */
	}
	if (asprintf(&staged, "new/%s", c->path) < 0)
		ucp_oom();
	if ((pfd = open_parent(dc, c->path, CREATE, created, &leaf)) >= 0) {
		if ((spfd = open_parent(sdc, staged, OPEN_ONLY, NULL, &sleaf)) >= 0)
			rc = renameat(spfd, sleaf, pfd, leaf);
	}
	free(staged);
	return rc;
}

/* Removes the directories that held only removed files (deepest first); a non-empty one stays. */
static void
remove_empty_dirs(int dfd, const struct changes *c)
{
	size_t i;

	for (i = c->len; i-- > 0;) {
		char *dir;
		char *slash;

		if (c->items[i].kind != CH_REMOVE || !c->items[i].done)
			continue;
		if ((dir = strdup(c->items[i].path)) == NULL)
			ucp_oom();
		while ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if (unlinkat(dfd, dir, AT_REMOVEDIR) < 0)
				break;
		}
		free(dir);
	}
}

enum ucp_status
ucp_output_publish(const struct ucp_output *out, const struct ucp_outdir *od,
    const struct ucp_publish_opts *opts, struct ucp_diags *diags, FILE *report)
{
	struct changes c = { 0 };
	struct created created = { 0 };
	struct dircache sdc = { .base = -1 };
	enum ucp_status st = UCP_OK;
	char stage[sizeof(STAGE_PREFIX) + 48];
	int sfd = -1;
	size_t i, step = 0, fail_step;
	bool have_stage = false;
	struct ucp_preview *pv = opts->check ? ucp_preview_new(opts->json) : NULL;
	struct ucp_buf scratch;

	ucp_buf_init(&scratch);
	for (i = 0; i < out->len; i++) {
		const struct ucp_output_file *f = &out->files[i];
		size_t oldlen = 0, len = 0;
		const char *data = NULL;
		char *old;
		int rerr;

		if (f->unchanged) {
			if (opts->progress != NULL)
				opts->progress->unchanged++;
			continue;	/* compared with the file when the serials were decided */
		}
		old = ucp_outdir_read(od, f->path, &oldlen);
		rerr = old == NULL ? errno : 0;
		/* A file rendered on demand is rendered here only to compare it, or to show the change. */
		if ((old != NULL || opts->check) && (data = ucp_output_bytes(f, &scratch, &len)) == NULL) {
			free(old);
			st = UCP_ENOMEM;
			break;
		}

		if (old == NULL && rerr != ENOENT) {
			io_error(diags, od->path, f->path, rerr == EISDIR ? "cannot replace" : "cannot read",
			    rerr == EISDIR ? EEXIST : rerr);
			st = UCP_EIO;
		} else if (old != NULL && oldlen == len && memcmp(old, data, len) == 0) {
			/* unchanged: not touched */
			if (opts->progress != NULL)
				opts->progress->unchanged++;
		} else {
			if (old != NULL && !opts->force && !has_header(old, oldlen)) {
				char *file;

				if (asprintf(&file, "%s/%s", od->path, f->path) < 0)
					ucp_oom();
				ucp_report(diags, &(struct ucp_loc){ .file = file }, UCP_R_OUTPUT,
				    "exists and was not written by ucplan; not replaced (use --force)");
				free(file);
				if (st == UCP_OK)
					st = UCP_EFOREIGN;
			}
			if (opts->check && st == UCP_OK)
				ucp_preview_add(pv, f->path, old, oldlen, data, len);
			changes_add(&c, f->path, f, old == NULL ? CH_CREATE : CH_UPDATE);
		}
		free(old);
	}
	if (st != UCP_OK)
		goto done;
	if (od->fd >= 0) {
		size_t first = c.len;

		find_removed(out, od->fd, "", &c);
		if (c.len > first)
			qsort(c.items + first, c.len - first, sizeof(*c.items), cmp_path);
		for (i = first; opts->check && i < c.len; i++) {
			size_t oldlen;
			char *old = ucp_outdir_read(od, c.items[i].path, &oldlen);

			if (old != NULL)
				ucp_preview_add(pv, c.items[i].path, old, oldlen, NULL, 0);
			free(old);
		}
	}
	if (opts->check) {
		if (c.len > 0 || opts->json)
			ucp_preview_print(pv, report);
		st = c.len > 0 ? UCP_ECHANGED : UCP_OK;
		goto done;
	}
	if (c.len == 0)
		goto done;

	for (i = 0; i < 100 && !have_stage; i++) {
		snprintf(stage, sizeof(stage), STAGE_PREFIX "%ld-%zu", (long)getpid(), i);
		if (mkdirat(od->fd, stage, 0700) == 0)
			have_stage = true;
		else if (errno != EEXIST)
			break;
	}
	if (!have_stage || (sfd = openat(od->fd, stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    flock(sfd, LOCK_EX) < 0) {
		io_error(diags, od->path, STAGE_PREFIX "*", "cannot create a staging directory", errno);
		st = UCP_EIO;
		goto done;
	}
	dc_init(&sdc, sfd);
	for (i = 0; i < c.len; i++) {
		const struct change *ch = &c.items[i];
		const char *leaf, *data;
		char *staged;
		size_t len;
		int pfd;

		if (ch->kind == CH_REMOVE)
			continue;
		if ((data = ucp_output_bytes(ch->file, &scratch, &len)) == NULL) {
			st = UCP_ENOMEM;
			goto done;
		}
		if (asprintf(&staged, "new/%s", ch->path) < 0)
			ucp_oom();
		pfd = open_parent(&sdc, staged, CREATE, NULL, &leaf);
		if (pfd < 0 || write_at(pfd, leaf, data, len) < 0) {
			io_error(diags, od->path, staged, "cannot write the staged file", errno);
			free(staged);
			st = UCP_EIO;
			goto done;
		}
		free(staged);
	}
#ifdef HAVE_SYNCFS
	/* One flush of the file system for all staged files: nothing is renamed before its data is durable. */
	if (syncfs(sfd) < 0) {
		io_error(diags, od->path, stage, "cannot flush the staged files", errno);
		st = UCP_EIO;
		goto done;
	}
#endif
	/* Everything is staged and complete: now rename into place, zones first, removals last. */
	fail_step = injected_failure_step();
	if (c.len > 0)
		qsort(c.items, c.len, sizeof(*c.items), cmp_order);
	for (i = 0; i < c.len; i++) {
		struct change *ch = &c.items[i];

		if (++step == fail_step) {
			errno = EIO;
		} else if (apply(od->dc, &sdc, ch, &created) == 0) {
			ch->done = true;
			if (opts->progress != NULL) {
				opts->progress->written += ch->kind != CH_REMOVE;
				ucp_progress_tick(opts->progress, i + 1, c.len);
			}
			continue;
		}
		io_error(diags, od->path, ch->path, ch->kind == CH_REMOVE ? "cannot remove" : "cannot publish", errno);
		st = UCP_EIO;
		break;
	}
	if (st != UCP_OK) {
		size_t restored = 0, lost = 0;

		for (i = c.len; i-- > 0;) {
			struct change *ch = &c.items[i];

			if (!ch->done)
				continue;	/* at most linked into the stage: the target is intact */
			if (undo(od->dc, &sdc, ch) == 0) {
				restored++;
			} else {
				io_error(diags, od->path, ch->path, "cannot restore the previous file", errno);
				lost++;
			}
		}
		for (i = created.len; i-- > 0;)
			(void)unlinkat(od->fd, created.dirs[i], AT_REMOVEDIR);
		ucp_report(diags, &(struct ucp_loc){ .file = od->path }, UCP_R_OUTPUT,
		    lost == 0 ? "nothing was published: the %zu files already replaced were restored" :
		    "publishing failed and %zu files could not be restored", lost == 0 ? restored : lost);
		goto done;
	}
	remove_empty_dirs(od->fd, &c);
	for (i = 0; !opts->quiet && report != NULL && i < c.len; i++) {
		static const char *const verbs[] = { [CH_CREATE] = "created", [CH_UPDATE] = "updated",
			[CH_REMOVE] = "removed" };

		fprintf(report, "%s %s\n", verbs[c.items[i].kind], c.items[i].path);
	}
done:
	ucp_buf_clear(&scratch);
	ucp_preview_free(pv);
	if (sfd >= 0) {
		if (sdc.base == sfd)
			dc_clear(&sdc);
		close(sfd);
	}
	if (have_stage)
		remove_at(od->fd, stage);
	for (i = 0; i < c.len; i++)
		free(c.items[i].path);
	free(c.items);
	for (i = 0; i < created.len; i++)
		free(created.dirs[i]);
	free(created.dirs);
	return st;
}
