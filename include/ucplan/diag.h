/* Diagnostics: located messages with a severity and a rule id, collected and printed sorted. */
#ifndef UCPLAN_DIAG_H
#define UCPLAN_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum ucp_severity {
	UCP_SEV_IGNORE = 0,
	UCP_SEV_NOTE,
	UCP_SEV_WARNING,
	UCP_SEV_ERROR,
};

/* Where a diagnostic points: a configuration setting or a line of a generated file. */
struct ucp_loc {
	const char	*file;	/* borrowed; NULL when unknown */
	unsigned	 line;	/* 0 when unknown */
	/*
	 * An element of the list at path: its index + 1, the setting then
	 * "path[index]" (0: the setting at path itself). A hoster's list of
	 * 100,000 domains keeps no string per element this way.
	 */
	unsigned	 elem;
	const char	*path;	/* setting path such as "sip.pool.fqdn"; may be NULL */
};

struct ucp_diag {
	enum ucp_severity	 severity;
	const char		*rule;	/* static rule id, e.g. "D3" or "config-type" */
	char			*file;
	unsigned		 line;
	char			*setting;	/* may be NULL */
	char			*message;
	size_t			 seq;	/* insertion order, keeps sorting stable */
};

struct ucp_diags {
	struct ucp_diag	*items;
	size_t		 len;
	size_t		 cap;
	size_t		 errors;
	size_t		 warnings;
	bool		 verbose;	/* keep notes (-v) */
	bool		 quiet;		/* print errors only (-q); the list keeps everything */
	/* Per-rule severity overrides from the `lint` group (rule -> severity). */
	const char	**override_rule;
	enum ucp_severity *override_sev;
	size_t		 noverrides;
};

/* Initialises an empty list. */
void ucp_diags_init(struct ucp_diags *d);
/* Initialises an empty list that keeps and rates diagnostics as LIKE does (verbosity, quiet, overrides). */
void ucp_diags_like(struct ucp_diags *d, const struct ucp_diags *like);
/* Frees every diagnostic and the override table. */
void ucp_diags_clear(struct ucp_diags *d);
/* Overrides the severity of RULE (borrowed string, must outlive D). */
void ucp_diags_override(struct ucp_diags *d, const char *rule, enum ucp_severity sev);
/*
 * Adds a diagnostic for RULE at LOC. SEVERITY is the rule's default; an override
 * from the configuration replaces it unless FIXED is set. Ignored severities and,
 * unless verbose, notes are dropped. Callers report through ucp_report()
 * (ucplan/rules.h), which takes all three from the rule table.
 */
void ucp_diags_vadd(struct ucp_diags *d, const struct ucp_loc *loc, enum ucp_severity severity,
    bool fixed, const char *rule, const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* Sorts by file, then line, then insertion order. */
void ucp_diags_sort(struct ucp_diags *d);
/* Moves FROM's diagnostics to the end of D, in their order (FROM keeps its overrides, and no diagnostic). */
void ucp_diags_append(struct ucp_diags *d, struct ucp_diags *from);
/* Prints each as "FILE:LINE: SEVERITY: SETTING: MESSAGE [RULE]" (only errors when quiet). */
void ucp_diags_print(const struct ucp_diags *d, FILE *fp);
/* Returns "error", "warning", "note" or "ignore". */
const char *ucp_severity_name(enum ucp_severity sev);
/* Parses a severity name; returns false when NAME is not one. */
bool ucp_severity_parse(const char *name, enum ucp_severity *sev);

#endif
