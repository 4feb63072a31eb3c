/*
 * audit.h - the tamper-evident audit log of administrative actions.
 *
 * Every mutating admin action (budgets, policies, prices, CA rotation,
 * modes) is appended as one record: time, the caller's uid/pid/comm (from
 * SO_PEERCRED), the action, and the state before and after. Each record
 * carries the SHA-256 of the previous record, so editing, deleting or
 * reordering records breaks the chain at that point; tg_audit_verify names
 * the first record that was altered, removed or reordered.
 *
 * Appends take an exclusive flock and continue the chain from the file's
 * last record, so the daemon and CLI commands that act without it (`ca
 * rotate`) can both append. After each append the head (seq and hash) is
 * written to <log>.head, which catches records cut from the end, and logged
 * by the daemon, so a copy of the head lives outside the state directory.
 */
#ifndef TG_AUDIT_H
#define TG_AUDIT_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "admin.h"
#include "common.h"

#define TG_AUDIT_FILE "audit.log"

struct tg_audit;

struct tg_audit *tg_audit_open(const char *state_dir, tg_err *err);
void tg_audit_close(struct tg_audit *a);

/* Append a record. before/after are JSON values owned by the callee (NULL =
 * null). Returns -1 (err set) if the record could not be written durably:
 * the caller must then refuse the action. */
int tg_audit_append(struct tg_audit *a, const struct tg_admin_req *req, const char *action,
		    cJSON *before, cJSON *after, tg_err *err);

struct tg_audit_check {
	uint64_t records;      /* records read */
	uint64_t head_seq;     /* the last good record */
	char head_hash[65];
	uint64_t bad_seq;      /* the first bad record (0 if none, or unknown) */
	uint64_t bad_line;
	char why[512];         /* what is wrong, naming the record */
};

/* Verify the chain of the log at path. Returns 0 when intact, 1 when it is
 * broken (check->why names the first record altered, removed or
 * reordered), -1 when the file cannot be read (err set). */
int tg_audit_verify(const char *path, struct tg_audit_check *check, tg_err *err);

#endif
