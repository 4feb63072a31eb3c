/*
 * ledger_rows.h - for the ledger's tests: read one number from the ledger
 * database in dir (a count, a sum) the way another process would, through
 * a read-only connection of its own.
 */
#ifndef TG_TEST_LEDGER_ROWS_H
#define TG_TEST_LEDGER_ROWS_H

#include <stdio.h>

#include <sqlite3.h>

/* The first column of sql's first row, or -1. */
static long long count_rows(const char *dir, const char *sql)
{
	char path[256];
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long n = -1;

	snprintf(path, sizeof(path), "%s/ledger.db", dir);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

#endif
