/*
 * ledger_journal.h - the spend ledger's journal: settlements written ahead
 * of SQLite, so that a call's spend is durable the moment it is settled.
 *
 * A settlement must be durable before the last bytes of its response reach
 * the client (a crash must never leave a call delivered and unpaid). The
 * SQLite commit that makes it so runs on the ledger's writer thread; waiting
 * for it costs the call two thread hand-offs and the commit. Instead, the
 * settling thread appends the settlement here with one write(): once that
 * returns, the record is in the kernel's page cache and survives kill -9 of
 * the daemon. The writer thread commits it to SQLite later, in a batch, and
 * records in the same transaction the highest journal sequence number it has
 * applied. At start, the records past that number are applied before
 * anything else (tg_ledger_open), so a settlement reaches the database
 * exactly once.
 *
 * Power loss is another matter: the journal is not fsync'd (that would cost
 * more than the commit it replaces), so with "ledger_sync": "full" the
 * ledger waits for its fsync'd commit instead and the journal is not used.
 *
 * The file (<state_dir>/ledger.journal, 0600) is a run of records, each a
 * header (magic, length, CRC-32 of the body) and a body: sequence number,
 * reservation id, the row's numbers and strings. A torn or corrupt tail (a
 * crash of the machine mid-write) ends the replay there. The file is
 * rewritten, keeping only the records not yet committed, when it grows past
 * TG_JOURNAL_ROTATE_BYTES.
 *
 * Not thread-safe: the ledger serialises appends and rewrites under its lock.
 */
#ifndef TG_LEDGER_JOURNAL_H
#define TG_LEDGER_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "ledger.h"

#define TG_JOURNAL_FILE "ledger.journal"
#define TG_JOURNAL_ROTATE_BYTES (1u << 20)

/* One settlement as the journal holds it. */
struct tg_journal_rec {
	uint64_t seq;     /* > 0, increasing */
	int64_t res_id;   /* the reservation it drops (0 = none) */
	struct tg_ledger_row row;
};

struct tg_journal;

/* Open (create, 0600) the journal at path for appending. */
struct tg_journal *tg_journal_open(const char *path, tg_err *err);
void tg_journal_close(struct tg_journal *j);
/* Append one record with a single write(). */
int tg_journal_append(struct tg_journal *j, const struct tg_journal_rec *r, tg_err *err);
/* Bytes in the file now. */
uint64_t tg_journal_size(const struct tg_journal *j);
/* Replace the file's contents with these records (written to a new file,
 * then renamed over it). */
int tg_journal_rewrite(struct tg_journal *j, const struct tg_journal_rec *recs, size_t n, tg_err *err);

/* Read every whole, intact record of the file at path, in order, calling
 * fn for each (its strings valid during the call); fn returning non-zero
 * stops with that value. A missing file has no records. *torn is set to the
 * bytes after the last good record (a torn tail, ignored). */
int tg_journal_replay(const char *path, int (*fn)(void *arg, const struct tg_journal_rec *r), void *arg,
		      uint64_t *torn, tg_err *err);

#endif
