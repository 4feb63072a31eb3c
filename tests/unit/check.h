/*
 * check.h - the unit tests' tiny harness.
 *
 * CHECK(cond, name...) prints "PASS name" or "FAIL name (file:line)" and
 * counts; tests/run.sh adds up those lines across every test program.
 * CHECK_DONE() ends main() with a non-zero status if anything failed.
 */
#ifndef TG_CHECK_H
#define TG_CHECK_H

#include <stdio.h>

static int check_failed_;

#define CHECK(cond, ...)                                                      \
	do {                                                                  \
		if (cond) {                                                   \
			printf("PASS ");                                      \
			printf(__VA_ARGS__);                                  \
			printf("\n");                                         \
		} else {                                                      \
			check_failed_++;                                      \
			printf("FAIL ");                                      \
			printf(__VA_ARGS__);                                  \
			printf(" (%s:%d: %s)\n", __FILE__, __LINE__, #cond); \
		}                                                             \
		fflush(stdout);                                               \
	} while (0)

#define CHECK_DONE() return check_failed_ ? 1 : 0

#endif
