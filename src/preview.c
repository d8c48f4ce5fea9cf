/*
 * generate --check, record by record (spec 10.5). A zone file is read by ldns
 * on both sides and compared as sets of records, so adding one tenant among
 * 100,000 prints that tenant's records, not a diff of zone text; files that
 * are not zones keep a unified diff.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "generators/zone-delta.h"
#include "preview.h"
#include "ucplan/buf.h"

struct zone_change {
	char		*view, *zone, *path;
	const char	*status;		/* "changed", "new", "deleted" */
	unsigned long	 old_serial, new_serial;
	struct ucp_buf	 lines;			/* "+ ..." / "- ..." lines */
	json_t		*added, *removed;	/* JSON only */
	size_t		 nadded, nremoved;
};

struct file_change {
	char		*path;
	const char	*status;		/* "created", "updated", "deleted" */
	char		*diff;			/* NULL when deleted */
};

struct ucp_preview {
	bool			 json;
	struct zone_change	*zones;
	size_t			 nzones, capzones;
	struct file_change	*files;
	size_t			 nfiles, capfiles;
};

static char *
xstrndup(const char *s, size_t n)
{
	char *d = ucp_xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

struct ucp_preview *
ucp_preview_new(bool json)
{
	struct ucp_preview *pv = ucp_xrealloc(NULL, sizeof(*pv));

	memset(pv, 0, sizeof(*pv));
	pv->json = json;
	return pv;
}

void
ucp_preview_free(struct ucp_preview *pv)
{
	size_t i;

	if (pv == NULL)
		return;
	for (i = 0; i < pv->nzones; i++) {
		free(pv->zones[i].view);
		free(pv->zones[i].zone);
		free(pv->zones[i].path);
		ucp_buf_clear(&pv->zones[i].lines);
		json_decref(pv->zones[i].added);
		json_decref(pv->zones[i].removed);
	}
	for (i = 0; i < pv->nfiles; i++) {
		free(pv->files[i].path);
		free(pv->files[i].diff);
	}
	free(pv->zones);
	free(pv->files);
	free(pv);
}

/* ---- collecting changes ------------------------------------------------------ */

/* The SOA line with serial 0 shows only when more than the serial changed: put its real serial back. */
static void
note_record(void *arg, char sign, const char *line)
{
	struct zone_change *z = arg;
	char *shown = NULL;

	if (ucp_line_is_soa(line)) {
		/* "owner TTL IN SOA mname rname 0 refresh ...": the serial is the seventh word. */
		const char *p = line;
		int field;

		for (field = 0; field < 6 && (p = strchr(p, ' ')) != NULL; field++)
			p++;
		if (p != NULL && strncmp(p, "0 ", 2) == 0 &&
		    asprintf(&shown, "%.*s%lu%s", (int)(p - line), line, sign == '-' ? z->old_serial : z->new_serial,
		    p + 1) < 0)
			ucp_oom();
	}
	if (z->added != NULL)
		json_array_append_new(sign == '+' ? z->added : z->removed, json_string(shown != NULL ? shown : line));
	else
		ucp_buf_printf(&z->lines, "%c %s\n", sign, shown != NULL ? shown : line);
	if (sign == '+')
		z->nadded++;
	else
		z->nremoved++;
	free(shown);
}

/* "bind/VIEW/db.ZONE": true with VIEW and ZONE pointed into PATH. */
static bool
zone_path(const char *path, const char **view, size_t *viewlen, const char **zone)
{
	const char *slash, *db;

	if (strncmp(path, "bind/", 5) != 0 || (slash = strchr(path + 5, '/')) == NULL ||
	    strncmp(slash, "/db.", 4) != 0 || strchr(slash + 1, '/') != NULL)
		return false;
	db = slash + 4;
	if (*db == '\0')
		return false;
	*view = path + 5;
	*viewlen = (size_t)(slash - (path + 5));
	*zone = db;
	return true;
}

void
ucp_preview_add(struct ucp_preview *pv, const char *path, const char *old, size_t oldlen, const char *new,
    size_t newlen)
{
	const char *view, *zone;
	size_t viewlen;

	if (zone_path(path, &view, &viewlen, &zone)) {
		struct zone_change *z;
		char **a, **b;
		size_t na, nb;

		if (pv->nzones == pv->capzones) {
			pv->capzones = pv->capzones ? pv->capzones * 2 : 16;
			pv->zones = ucp_xrealloc(pv->zones, pv->capzones * sizeof(*pv->zones));
		}
		z = &pv->zones[pv->nzones++];
		memset(z, 0, sizeof(*z));
		z->view = xstrndup(view, viewlen);
		z->zone = xstrndup(zone, strlen(zone));
		z->path = xstrndup(path, strlen(path));
		z->status = old == NULL ? "new" : new == NULL ? "deleted" : "changed";
		ucp_buf_init(&z->lines);
		if (pv->json) {
			z->added = json_array();
			z->removed = json_array();
		}
		na = ucp_zone_lines(old, oldlen, zone, &a, &z->old_serial);
		nb = ucp_zone_lines(new, newlen, zone, &b, &z->new_serial);
		ucp_lines_delta(a, na, b, nb, note_record, z);
		ucp_zone_lines_free(a, na);
		ucp_zone_lines_free(b, nb);
		return;
	}
	if (pv->nfiles == pv->capfiles) {
		pv->capfiles = pv->capfiles ? pv->capfiles * 2 : 16;
		pv->files = ucp_xrealloc(pv->files, pv->capfiles * sizeof(*pv->files));
	}
	{
		struct file_change *f = &pv->files[pv->nfiles++];
		size_t len;
		FILE *fp;

		f->path = xstrndup(path, strlen(path));
		f->status = old == NULL ? "created" : new == NULL ? "deleted" : "updated";
		f->diff = NULL;
		if (new == NULL)
			return;
		if ((fp = open_memstream(&f->diff, &len)) == NULL)
			ucp_oom();
		ucp_diff_print(fp, path, old, oldlen, new, newlen, old == NULL);
		if (fclose(fp) != 0)
			ucp_oom();
	}
}

/* ---- printing ------------------------------------------------------------------ */

static void
print_json(const struct ucp_preview *pv, FILE *fp, size_t added, size_t removed, size_t files)
{
	json_t *doc = json_object(), *zones = json_array(), *fl = json_array();
	size_t i;

	for (i = 0; i < pv->nzones; i++) {
		const struct zone_change *z = &pv->zones[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "view", z->view, "zone", z->zone, "file", z->path,
		    "status", z->status);

		if (z->old_serial != 0)
			json_object_set_new(o, "old_serial", json_integer((json_int_t)z->old_serial));
		if (z->new_serial != 0)
			json_object_set_new(o, "new_serial", json_integer((json_int_t)z->new_serial));
		json_object_set(o, "added", z->added);
		json_object_set(o, "removed", z->removed);
		json_array_append_new(zones, o);
	}
	for (i = 0; i < pv->nfiles; i++) {
		const struct file_change *f = &pv->files[i];
		json_t *o = json_pack("{s:s, s:s}", "path", f->path, "status", f->status);

		if (f->diff != NULL)
			json_object_set_new(o, "diff", json_string(f->diff));
		json_array_append_new(fl, o);
	}
	json_object_set_new(doc, "zones", zones);
	json_object_set_new(doc, "files", fl);
	json_object_set_new(doc, "summary", json_pack("{s:I, s:I, s:I, s:I}", "zones", (json_int_t)pv->nzones,
	    "added", (json_int_t)added, "removed", (json_int_t)removed, "files", (json_int_t)files));
	if (json_dumpf(doc, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
		ucp_oom();
	fputc('\n', fp);
	json_decref(doc);
}

void
ucp_preview_print(struct ucp_preview *pv, FILE *fp)
{
	size_t i, added = 0, removed = 0;

	for (i = 0; i < pv->nzones; i++) {
		added += pv->zones[i].nadded;
		removed += pv->zones[i].nremoved;
	}
	if (pv->json) {
		print_json(pv, fp, added, removed, pv->nfiles);
		return;
	}
	for (i = 0; i < pv->nzones; i++) {
		const struct zone_change *z = &pv->zones[i];

		if (strcmp(z->status, "deleted") == 0)
			continue;
		fprintf(fp, "@ %s %s (%s", z->view, z->zone, z->path);
		if (strcmp(z->status, "new") == 0)
			fprintf(fp, ", new, serial %lu", z->new_serial);
		else if (z->old_serial != z->new_serial)
			fprintf(fp, ", serial %lu -> %lu", z->old_serial, z->new_serial);
		fprintf(fp, ")\n%s", ucp_buf_str(&z->lines));
	}
	for (i = 0; i < pv->nzones; i++)
		if (strcmp(pv->zones[i].status, "deleted") == 0)
			fprintf(fp, "deleted %s (zone %s, %s view, %zu records)\n", pv->zones[i].path, pv->zones[i].zone,
			    pv->zones[i].view, pv->zones[i].nremoved);
	for (i = 0; i < pv->nfiles; i++)
		if (pv->files[i].diff == NULL)
			fprintf(fp, "deleted %s\n", pv->files[i].path);
	for (i = 0; i < pv->nfiles; i++)
		if (pv->files[i].diff != NULL)
			fputs(pv->files[i].diff, fp);
	fprintf(fp, "%zu zone%s: +%zu -%zu records; %zu other file%s\n", pv->nzones, pv->nzones == 1 ? "" : "s",
	    added, removed, pv->nfiles, pv->nfiles == 1 ? "" : "s");
}
