/*
 * bench/tree CONFIG: reads CONFIG with libconfig alone, as ucplan's loader
 * does, and exits. Its peak memory is the libconfig tree the goal for
 * check's memory is measured against (bench/run builds and runs it).
 */
#include <stdio.h>

#include <libconfig.h>

int
main(int argc, char **argv)
{
	config_t cfg;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: tree CONFIG\n");
		return 2;
	}
	config_init(&cfg);
	if (config_read_file(&cfg, argv[1]) != CONFIG_TRUE) {
		fprintf(stderr, "%s:%d: error: %s\n", argv[1], config_error_line(&cfg), config_error_text(&cfg));
		rc = 1;
	}
	config_destroy(&cfg);
	return rc;
}
