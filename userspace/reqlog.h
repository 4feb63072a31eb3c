/*
 * reqlog.h - the request log: one JSON line per proxied request, appended
 * to <state_dir>/requests.log (mode 0600). It is a pipeline stage
 * (on_complete) so it sees every call however it ended.
 *
 * Never logged: header values (API keys live there), bodies, and query
 * strings (Gemini accepts ?key=API_KEY): the path is logged without them.
 */
#ifndef TG_REQLOG_H
#define TG_REQLOG_H

#include "common.h"
#include "pipeline.h"

struct tg_reqlog;

struct tg_reqlog *tg_reqlog_open(const char *path, tg_err *err);
void tg_reqlog_close(struct tg_reqlog *log);
/* The stage that writes one line per completed call. */
struct tg_stage tg_reqlog_stage(struct tg_reqlog *log);
/* Append a call's JSON line (no newline) to out. 0, or -1 when out of memory. */
int tg_reqlog_format(const struct tg_call *call, struct tg_buf *out);

#endif
