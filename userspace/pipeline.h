/*
 * pipeline.h - the per-call context and the stages that act on it.
 *
 * The proxy knows nothing of what the stages do. For each request it calls,
 * in order, every stage's hooks:
 *   on_request        request head and whole body are known; a stage may
 *                     rewrite the body or stop the call with a reply
 *   on_response_head  the upstream status and headers are known
 *   on_response_data  response body bytes, in order, as they arrive
 *                     (decoded from the transfer coding); a stage that
 *                     rewrites must set call->rewrites_body in on_response_head
 *   on_complete       the call is over (for whatever reason): settle, log
 * Stages that return TG_STAGE_STOP from on_request must have filled
 * call->reply_status / reply_type / reply_message; the proxy then answers
 * with an error body in the provider's shape and never contacts upstream.
 *
 * Holding back response bytes: a stage that must not let the client have
 * some bytes yet, because it waits for work done off the worker thread (the
 * meter: until the call's spend is durable in the ledger), keeps them in
 * on_response_data and sets its bit in call->holding (1 << its index).
 * Stages after it see neither those bytes nor `last` until it lets go, and
 * the proxy does not finish the call. To let go, on the call's worker
 * thread (tg_loop_post to call->loop), it clears its bit and calls
 * call->resume() with its own index and the bytes it kept: they go through the stages after it and
 * out to the client, and the call finishes if the response is complete.
 * resume() may end the call (on_complete runs inside it). A stage still
 * holding when the call ends (the client went away) drops the bytes in
 * on_complete.
 */
#ifndef TG_PIPELINE_H
#define TG_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "http1.h"
#include "providers.h"
#include "tollgate.h"

struct tg_loop;

enum tg_stage_result { TG_STAGE_CONTINUE = 0, TG_STAGE_STOP = 1 };

#define TG_MAX_STAGES 16
#define TG_KEY_FP_LEN 24

/* Token usage of a call, as the provider reported it (or estimated). */
struct tg_call_usage {
	bool known;                   /* the provider reported usage */
	bool estimated;               /* usage (or part) is tollgate's estimate */
	uint64_t input_tokens;        /* all input tokens, cached ones included */
	uint64_t cached_input_tokens; /* input tokens read from a cache */
	uint64_t cache_write_tokens;  /* input tokens written to a cache */
	uint64_t output_tokens;       /* reasoning tokens included */
	uint64_t reasoning_tokens;
	char finish_reasons[64];      /* comma-separated */
};

enum tg_call_outcome {
	TG_OUTCOME_OK = 0,        /* a response was relayed to the end */
	TG_OUTCOME_REFUSED,       /* a stage or the proxy answered itself */
	TG_OUTCOME_UPSTREAM_ERROR,/* connect, TLS or protocol failure upstream */
	TG_OUTCOME_CLIENT_GONE,   /* client went away before the end */
	TG_OUTCOME_TUNNEL,        /* upgraded to a tunnel (WebSocket) */
};

struct tg_call {
	/* who: fixed for the connection */
	const struct tg_origin *origin;
	const char *cgroup_path;
	const struct tg_provider *provider;
	const char *host;             /* TLS server name */

	/* request: head parsed from a private copy, so pointers stay valid */
	struct tg_http_msg req;
	struct tg_buf req_head;
	struct tg_buf req_body;       /* decoded (de-chunked) body; stages may rewrite it */

	/* response */
	struct tg_http_msg res;
	struct tg_buf res_head;
	bool rewrites_body;

	/* Identity of the credential, filled before on_request: a fingerprint
	 * of the API key (see identity.h), "" when the request carried none.
	 * The raw key is never stored anywhere. */
	char key_fp[TG_KEY_FP_LEN];

	/* What the stages learned, for the request log, metrics and traces.
	 * Each field is written by the stage that owns it (noted). */
	char operation[32];           /* meter: "chat", "responses", "embeddings", ... */
	char model[128];              /* meter: requested model */
	char response_model[128];     /* meter: model the provider says it used */
	bool stream;                  /* meter: streamed response */
	struct tg_call_usage usage;   /* meter */
	double cost_usd;              /* meter: settled (or estimated) cost */
	char budgets[256];            /* budget: scopes charged, comma-separated */
	struct {
		char type[24];
		uint32_t count;
	} redactions[16];             /* redact: matches by entity type */
	size_t nredactions;

	/* Private per-call state of each stage, by its index in the pipeline;
	 * the stage frees it in on_complete. */
	void *stage_data[TG_MAX_STAGES];

	/* Holding back response bytes (see the top of this file); the first
	 * three are set by the proxy. */
	struct tg_loop *loop;         /* the worker loop the call runs on */
	void (*resume)(struct tg_call *call, size_t stage, const char *data, size_t len, bool last);
	void *proxy;                  /* the proxy's connection, for resume */
	uint32_t holding;             /* stages holding bytes back now: bit i = stage i */

	/* a stage's refusal */
	int reply_status;
	const char *reply_type;
	char reply_message[512];
	uint32_t reply_retry_after_s; /* sent as Retry-After (429/503) when non-zero */

	/* trace identity (W3C ids in hex) */
	char trace_id[33];
	char span_id[17];
	char parent_span_id[17];

	/* measurements */
	int64_t start_wall_ms;
	uint64_t start_us;
	uint64_t upstream_sent_us;
	uint64_t first_byte_us;       /* first response byte from upstream */
	uint64_t end_us;
	uint64_t bytes_from_client;   /* request bytes on the wire, head + body */
	uint64_t bytes_to_upstream;
	uint64_t bytes_from_upstream;
	uint64_t bytes_to_client;
	int status;                   /* status sent to the client */
	enum tg_call_outcome outcome;
	char error[256];              /* why it failed, for the log */
	bool upstream_reused;
};

struct tg_stage {
	const char *name;
	void *ctx;
	enum tg_stage_result (*on_request)(void *ctx, struct tg_call *call);
	void (*on_response_head)(void *ctx, struct tg_call *call);
	/* Append the (possibly rewritten) bytes to out. last is set once, at the end. */
	int (*on_response_data)(void *ctx, struct tg_call *call, const char *in, size_t len,
				bool last, struct tg_buf *out);
	void (*on_complete)(void *ctx, struct tg_call *call);
};

struct tg_pipeline {
	struct tg_stage stages[TG_MAX_STAGES];
	size_t n;
};

int tg_pipeline_add(struct tg_pipeline *p, const struct tg_stage *s);
enum tg_stage_result tg_pipeline_request(const struct tg_pipeline *p, struct tg_call *call);
void tg_pipeline_response_head(const struct tg_pipeline *p, struct tg_call *call);
int tg_pipeline_response_data(const struct tg_pipeline *p, struct tg_call *call,
			      const char *in, size_t len, bool last, struct tg_buf *out);
/* The same, from stage `from` on: for bytes a stage held back and lets go. */
int tg_pipeline_response_resume(const struct tg_pipeline *p, struct tg_call *call, size_t from,
				const char *in, size_t len, bool last, struct tg_buf *out);
/* Does any stage look at response bytes? (If not, they are forwarded as they are.) */
bool tg_pipeline_sees_response_data(const struct tg_pipeline *p);
void tg_pipeline_complete(const struct tg_pipeline *p, struct tg_call *call);

/* Fill in a refusal. Returns TG_STAGE_STOP. */
/* The outcome as the request log, metrics and traces name it ("ok", "refused" ...). */
const char *tg_call_outcome_name(enum tg_call_outcome o);

enum tg_stage_result tg_call_refuse(struct tg_call *call, int status, const char *type,
				    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
