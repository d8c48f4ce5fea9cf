/*
 * A line diff: common prefix and suffix are trimmed, the middle is aligned by
 * a longest-common-subsequence table when small enough, else by Myers' O(ND)
 * algorithm when it differs in few lines (one tenant added to a
 * named.conf.views of 100,000), else replaced whole.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "ucplan/buf.h"

struct line {
	const char	*s;
	size_t		 len;	/* without the newline */
};

struct op {
	char	 kind;	/* ' ', '-', '+' */
	size_t	 a, b;	/* line indexes in old / new */
};

#define CONTEXT 3
#define MAX_CELLS (4u * 1024 * 1024)
#define MAX_D 2048	/* Myers: at most this many lines inserted or deleted (16 MiB of paths) */

static struct line *
split(const char *text, size_t len, size_t *count)
{
	struct line *lines;
	size_t n = 0, i, start = 0;

	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			n++;
	if (len > 0 && text[len - 1] != '\n')
		n++;
	if ((lines = calloc(n + 1, sizeof(*lines))) == NULL)
		ucp_oom();
	n = 0;
	for (i = 0; i <= len; i++) {
		if (i == len ? i > start : text[i] == '\n') {
			lines[n].s = text + start;
			lines[n].len = i - start;
			n++;
			start = i + 1;
		}
	}
	*count = n;
	return lines;
}

static bool
same(const struct line *x, const struct line *y)
{
	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/*
 * Myers' greedy O(ND) diff of A (NA lines) and B (NB lines), whose indexes
 * start at OFF in the whole files. Appends the script to OPS at *NP and
 * returns true, or returns false when more than MAX_D lines differ.
 */
static bool
myers(const struct line *a, size_t na, const struct line *b, size_t nb, size_t off, struct op *ops, size_t *np)
{
	long n = (long)na, m = (long)nb, max = n + m < MAX_D ? n + m : MAX_D, d, k, x, y, found = -1;
	int32_t **v = calloc((size_t)max + 1, sizeof(*v));
	size_t start = *np, i;

	if (v == NULL)
		ucp_oom();
	/* v[d][k + d]: the furthest x on diagonal k after d edits. */
	for (d = 0; d <= max && found < 0; d++) {
		if ((v[d] = calloc(2 * (size_t)d + 1, sizeof(**v))) == NULL)
			ucp_oom();
		for (k = -d; k <= d; k += 2) {
			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && v[d - 1][k - 1 + d - 1] < v[d - 1][k + 1 + d - 1]))
				x = v[d - 1][k + 1 + d - 1];		/* down: an insertion */
			else
				x = v[d - 1][k - 1 + d - 1] + 1;	/* right: a deletion */
			y = x - k;
			while (x < n && y < m && same(&a[x], &b[y]))
				x++, y++;
			v[d][k + d] = (int32_t)x;
			if (x >= n && y >= m) {
				found = d;
				break;
			}
		}
	}
	if (found >= 0) {
		/* Back from (n, m), the script in reverse. */
		x = n;
		y = m;
		for (d = found; d >= 0; d--) {
			long px = 0, py = 0, lx = 0, ly = 0;
			bool insert = false;

			k = x - y;
			if (d > 0) {
				insert = k == -d || (k != d && v[d - 1][k - 1 + d - 1] < v[d - 1][k + 1 + d - 1]);
				px = v[d - 1][(insert ? k + 1 : k - 1) + d - 1];
				py = px - (insert ? k + 1 : k - 1);
				/* Where the edit landed: one line down (insertion) or right (deletion). */
				lx = insert ? px : px + 1;
				ly = insert ? py + 1 : py;
			}
			while (x > lx && y > ly) {	/* the snake from there to (x, y) */
				x--, y--;
				ops[(*np)++] = (struct op){ ' ', off + (size_t)x, off + (size_t)y };
			}
			if (d == 0)
				break;
			ops[(*np)++] = (struct op){ insert ? '+' : '-', off + (size_t)px, off + (size_t)py };
			x = px;
			y = py;
		}
		for (i = 0; i < (*np - start) / 2; i++) {
			struct op t = ops[start + i];

			ops[start + i] = ops[*np - 1 - i];
			ops[*np - 1 - i] = t;
		}
	}
	for (d = 0; d <= max; d++)
		free(v[d]);
	free(v);
	return found >= 0;
}

static size_t
edit_script(const struct line *a, size_t na, const struct line *b, size_t nb, struct op *ops)
{
	size_t pre = 0, suf = 0, n = 0, i, j, ma, mb;

	while (pre < na && pre < nb && same(&a[pre], &b[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && same(&a[na - 1 - suf], &b[nb - 1 - suf]))
		suf++;
	for (i = 0; i < pre; i++)
		ops[n++] = (struct op){ ' ', i, i };
	ma = na - pre - suf;
	mb = nb - pre - suf;
	if ((ma + 1) * (mb + 1) <= MAX_CELLS && ma > 0 && mb > 0) {
		uint32_t *t = calloc((ma + 1) * (mb + 1), sizeof(*t));

		if (t == NULL)
			ucp_oom();
#define T(x, y) t[(x) * (mb + 1) + (y)]
		for (i = ma; i-- > 0;)
			for (j = mb; j-- > 0;)
				T(i, j) = same(&a[pre + i], &b[pre + j]) ? T(i + 1, j + 1) + 1
				    : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
		i = j = 0;
		while (i < ma || j < mb) {
			if (i < ma && j < mb && same(&a[pre + i], &b[pre + j])) {
				ops[n++] = (struct op){ ' ', pre + i, pre + j };
				i++, j++;
			} else if (i < ma && (j == mb || T(i + 1, j) >= T(i, j + 1))) {
				ops[n++] = (struct op){ '-', pre + i, pre + j };
				i++;
			} else {
				ops[n++] = (struct op){ '+', pre + i, pre + j };
				j++;
			}
		}
#undef T
		free(t);
	} else if (ma == 0 || mb == 0 || !myers(a + pre, ma, b + pre, mb, pre, ops, &n)) {
		for (i = 0; i < ma; i++)
			ops[n++] = (struct op){ '-', pre + i, pre };
		for (j = 0; j < mb; j++)
			ops[n++] = (struct op){ '+', pre + ma, pre + j };
	}
	for (i = 0; i < suf; i++)
		ops[n++] = (struct op){ ' ', na - suf + i, nb - suf + i };
	return n;
}

void
ucp_diff_print(FILE *fp, const char *path, const char *old, size_t oldlen, const char *new, size_t newlen,
    bool old_missing)
{
	struct line *a, *b;
	struct op *ops;
	size_t na, nb, n, i, j;

	a = split(old != NULL ? old : "", old != NULL ? oldlen : 0, &na);
	b = split(new != NULL ? new : "", new != NULL ? newlen : 0, &nb);
	if ((ops = calloc(na + nb + 1, sizeof(*ops))) == NULL)
		ucp_oom();
	n = edit_script(a, na, b, nb, ops);
	fprintf(fp, "--- %s%s\n+++ %s%s\n", old_missing ? "" : "a/", old_missing ? "/dev/null" : path,
	    new == NULL ? "" : "b/", new == NULL ? "/dev/null" : path);
	for (i = 0; i < n;) {
		size_t start, end, last, la = 0, lb = 0, k;

		while (i < n && ops[i].kind == ' ')
			i++;
		if (i == n)
			break;
		start = i > CONTEXT ? i - CONTEXT : 0;
		/* Extend the hunk while changes are within 2 * CONTEXT lines of each other. */
		last = i;
		for (end = i; end < n; end++) {
			if (ops[end].kind != ' ')
				last = end;
			else if (end - last > 2 * CONTEXT)
				break;
		}
		end = last + CONTEXT + 1 < n ? last + CONTEXT + 1 : n;
		for (k = start; k < end; k++) {
			if (ops[k].kind != '+')
				la++;
			if (ops[k].kind != '-')
				lb++;
		}
		fprintf(fp, "@@ -%zu,%zu +%zu,%zu @@\n", la ? ops[start].a + 1 : ops[start].a, la,
		    lb ? ops[start].b + 1 : ops[start].b, lb);
		for (j = start; j < end; j++) {
			const struct line *l = ops[j].kind == '+' ? &b[ops[j].b] : &a[ops[j].a];

			fprintf(fp, "%c%.*s\n", ops[j].kind, (int)l->len, l->s);
		}
		i = end;
	}
	free(ops);
	free(a);
	free(b);
}
