/*
 * audit.h - the tamper-evident audit log of administrative actions.
 *
 * Every mutating admin action (budgets, policies, prices, CA rotation,
 * modes) is appended as one record: time, the caller's uid/pid/comm (from
 * SO_PEERCRED), the action, and the state before and after. Each record
 * carries the SHA-256 of the previous record, so editing, deleting or
 * reordering records breaks the chain at that point.
 */
#ifndef TG_AUDIT_H
#define TG_AUDIT_H

#include <cjson/cJSON.h>

#include "admin.h"
#include "common.h"

struct tg_audit;

struct tg_audit *tg_audit_open(const char *state_dir, tg_err *err);
void tg_audit_close(struct tg_audit *a);

/* Append a record. before/after are JSON values owned by the callee (NULL =
 * null). Returns -1 (err set) if the record could not be written durably:
 * the caller must then refuse the action. */
int tg_audit_append(struct tg_audit *a, const struct tg_admin_req *req, const char *action,
		    cJSON *before, cJSON *after, tg_err *err);

#endif
