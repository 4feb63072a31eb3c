/*
 * pipeline.c - run the stages of a call in order.
 */
#include "pipeline.h"

#include <stdarg.h>
#include <stdio.h>

int tg_pipeline_add(struct tg_pipeline *p, const struct tg_stage *s)
{
	if (p->n >= TG_MAX_STAGES)
		return -1;
	p->stages[p->n++] = *s;
	return 0;
}

enum tg_stage_result tg_pipeline_request(const struct tg_pipeline *p, struct tg_call *call)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->stages[i].on_request &&
		    p->stages[i].on_request(p->stages[i].ctx, call) == TG_STAGE_STOP)
			return TG_STAGE_STOP;
	return TG_STAGE_CONTINUE;
}

void tg_pipeline_response_head(const struct tg_pipeline *p, struct tg_call *call)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->stages[i].on_response_head)
			p->stages[i].on_response_head(p->stages[i].ctx, call);
}

/*
 * Each rewriting stage reads what the previous one produced. With no
 * rewriting stage the bytes go straight to out. While a stage holds bytes
 * back (call->holding), the stages after it do not see `last` yet.
 */
static int run_data(const struct tg_pipeline *p, struct tg_call *call, size_t from,
		    const char *in, size_t len, bool last, struct tg_buf *out)
{
	struct tg_buf a = {0}, b = {0};
	const char *cur = in;
	size_t cur_len = len;
	size_t last_stage = p->n;
	int rc = 0;

	for (size_t i = from; i < p->n; i++)
		if (p->stages[i].on_response_data)
			last_stage = i;
	if (last_stage == p->n)
		return tg_buf_append(out, in, len);
	for (size_t i = from; i <= last_stage && rc == 0; i++) {
		struct tg_buf *dst;

		if (!p->stages[i].on_response_data)
			continue;
		if (i == last_stage) {
			dst = out;
		} else {
			dst = (a.data && cur == tg_buf_start(&a)) ? &b : &a;
			tg_buf_reset(dst);
		}
		/* `last` only if no stage before this one holds bytes back */
		rc = p->stages[i].on_response_data(p->stages[i].ctx, call, cur, cur_len,
						   last && !(call->holding & ((1u << i) - 1)), dst);
		cur = tg_buf_start(dst);
		cur_len = tg_buf_used(dst);
	}
	tg_buf_free(&a);
	tg_buf_free(&b);
	return rc;
}

int tg_pipeline_response_data(const struct tg_pipeline *p, struct tg_call *call,
			      const char *in, size_t len, bool last, struct tg_buf *out)
{
	return run_data(p, call, 0, in, len, last, out);
}

int tg_pipeline_response_resume(const struct tg_pipeline *p, struct tg_call *call, size_t from,
				const char *in, size_t len, bool last, struct tg_buf *out)
{
	return run_data(p, call, from, in, len, last, out);
}

bool tg_pipeline_sees_response_data(const struct tg_pipeline *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->stages[i].on_response_data)
			return true;
	return false;
}

void tg_pipeline_complete(const struct tg_pipeline *p, struct tg_call *call)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->stages[i].on_complete)
			p->stages[i].on_complete(p->stages[i].ctx, call);
}

enum tg_stage_result tg_call_refuse(struct tg_call *call, int status, const char *type,
				    const char *fmt, ...)
{
	va_list ap;

	call->reply_status = status;
	call->reply_type = type;
	va_start(ap, fmt);
	vsnprintf(call->reply_message, sizeof(call->reply_message), fmt, ap);
	va_end(ap);
	return TG_STAGE_STOP;
}

const char *tg_call_outcome_name(enum tg_call_outcome o)
{
	switch (o) {
	case TG_OUTCOME_OK: return "ok";
	case TG_OUTCOME_REFUSED: return "refused";
	case TG_OUTCOME_UPSTREAM_ERROR: return "upstream_error";
	case TG_OUTCOME_CLIENT_GONE: return "client_gone";
	case TG_OUTCOME_TUNNEL: return "tunnel";
	}
	return "unknown";
}
