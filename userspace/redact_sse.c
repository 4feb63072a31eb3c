/*
 * redact_sse.c - event-by-event redaction of streamed responses. See
 * redact_sse.h.
 *
 * Each text field that streams (a "channel") is one text to the detectors,
 * fed piece by piece as its delta events arrive. An event is held, in
 * arrival order with everything after it, only while some of its channel
 * text is undecided (a value could still be forming there); once decided it
 * goes out, byte for byte as it came when nothing in it changed, otherwise
 * with its delta text rewritten: a value's replacement goes in the event
 * where the value starts, and the events it spills into lose those bytes.
 * Strings that are not channels are redacted whole as the event leaves.
 */
#include "redact_sse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonspan.h"
#include "sse.h"

#define MAX_CHANNELS 16
#define CHAN_KEY 64
#define MAX_EVENT (4u << 20)
#define MAX_QUEUE_BYTES (8u << 20) /* held events; past this what is held is decided as it stands */
#define NO_CHANNEL UINT32_MAX

struct value {
	uint64_t start, end;        /* whole-channel offsets of a decided value */
	struct tg_span span;        /* its entity and rule */
};

struct channel {
	uint32_t id;
	char key[CHAN_KEY];
	struct tg_textstream ts;
	uint64_t fed;               /* bytes fed so far */
	uint64_t hold;              /* everything before this is decided */
	struct value *v;            /* decided values not yet fully sent */
	size_t nv, capv;
	bool closing, closed;
	size_t queued;              /* segments of held events that refer to it */
};

struct seg {
	uint32_t ch;                /* channel id, or NO_CHANNEL: redact the string whole */
	uint64_t a, b;              /* its piece of the channel text */
};

struct held {
	char *raw;                  /* the event as received */
	size_t raw_len;
	bool has_data;              /* it has "data:" lines (read again from raw when sent) */
	char type[48];              /* its JSON "type" member */
	bool json;
	bool oversized;             /* a piece of an event too big to parse: raw only */
	struct seg *segs;
	size_t nsegs;
};

struct tg_redact_sse {
	struct tg_redactor *x;
	enum tg_api_shape shape;
	char trace_id[33];
	struct tg_sse sse;
	struct channel *ch;
	size_t nch, capch;
	uint32_t next_id;
	struct held *q;             /* held events, oldest first */
	size_t nq, capq, qbytes;
	struct tg_buf *out;
	struct tg_buf data;         /* an event's rewritten data */
	struct tg_spans spans;      /* scratch for the detector */
	char eol[3];                /* line ending the stream uses */
	char type[48];              /* JSON "type" of the event being walked */
	const char *doc;            /* the event data being walked */
	size_t doc_len;
	bool close_all;
	struct held *cur;           /* the event being inspected or written */
	size_t cur_seg;
	bool dead;                  /* a blocked value ended the stream */
};

/* ---- channels ------------------------------------------------------------- */

/* The raw text of member key of the object at obj, for channel names ("" if absent). */
static void member_text(const struct tg_redact_sse *s, size_t obj, const char *key, char *out, size_t size)
{
	struct tg_jmember m;
	size_t a, b;

	out[0] = 0;
	if (tg_json_member(s->doc, s->doc_len, obj, key, &m) != 1)
		return;
	a = m.value;
	b = m.value_end;
	if (b > a && s->doc[a] == '"') {
		a++;
		b--;
	}
	if (b - a >= size)
		b = a + size - 1;
	memcpy(out, s->doc + a, b - a);
	out[b - a] = 0;
}

/* An item id for a channel name: short ids as they are, long ones hashed. */
static void member_id(const struct tg_redact_sse *s, size_t obj, const char *key, char *out, size_t size)
{
	char raw[256];
	uint64_t h = 0xcbf29ce484222325ull;

	member_text(s, obj, key, raw, sizeof(raw));
	if (strlen(raw) < 17) {
		tg_strlcpy(out, raw, size);
		return;
	}
	for (const char *p = raw; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 0x100000001b3ull;
	}
	snprintf(out, size, "%016llx", (unsigned long long)h);
}

static bool key_is(const struct tg_json_path *p, size_t level, const char *k)
{
	return level < p->depth && p->keys[level] && strcmp(p->keys[level], k) == 0;
}

static bool in_array(const struct tg_json_path *p, size_t level)
{
	return level < p->depth && !p->keys[level];
}

/*
 * Is the string at path a streamed text field? If so, its channel name.
 * The names start with a prefix that closing events use: "c<choice>/",
 * "g<candidate>/", "a<block>", "r<item>/", "f<item>".
 */
static bool channel_of(const struct tg_redact_sse *s, const struct tg_json_path *p, char *key, size_t size)
{
	char a[20], b[12];
	size_t d = p->depth;

	if (s->shape == TG_API_ANTHROPIC) {
		if (strcmp(s->type, "content_block_delta") != 0 || d != 2 || !key_is(p, 0, "delta"))
			return false;
		if (!key_is(p, 1, "text") && !key_is(p, 1, "partial_json") && !key_is(p, 1, "thinking"))
			return false;
		member_text(s, p->at[0], "index", a, sizeof(a));
		snprintf(key, size, "a%s", a);
		return true;
	}
	if (s->shape == TG_API_GEMINI) {
		/* candidates[i].content.parts[j].text */
		if (d != 6 || !key_is(p, 0, "candidates") || !in_array(p, 1) || !key_is(p, 2, "content") ||
		    !key_is(p, 3, "parts") || !in_array(p, 4) || !key_is(p, 5, "text"))
			return false;
		member_text(s, p->at[2], "index", a, sizeof(a));
		snprintf(key, size, "g%s/%zu", a[0] ? a : "0", p->idx[4]);
		return true;
	}
	/* OpenAI and the compatible APIs */
	if (strncmp(s->type, "response.", 9) == 0) {
		size_t n = strlen(s->type);

		if (d != 1 || !key_is(p, 0, "delta") || n < 15 || strcmp(s->type + n - 6, ".delta") != 0)
			return false;
		member_id(s, p->at[0], "item_id", a, sizeof(a));
		member_text(s, p->at[0], "content_index", b, sizeof(b));
		if (strcmp(s->type, "response.function_call_arguments.delta") == 0)
			snprintf(key, size, "f%s", a);
		else
			snprintf(key, size, "r%s/%.*s/%s", a, (int)(n - 15 > 20 ? 20 : n - 15), s->type + 9, b);
		return true;
	}
	if (!key_is(p, 0, "choices") || !in_array(p, 1))
		return false;
	member_text(s, p->at[2], "index", a, sizeof(a));
	if (d == 3 && key_is(p, 2, "text")) {
		snprintf(key, size, "c%s/text", a);
		return true;
	}
	if (d == 4 && key_is(p, 2, "delta") &&
	    (key_is(p, 3, "content") || key_is(p, 3, "refusal") || key_is(p, 3, "reasoning_content") ||
	     key_is(p, 3, "reasoning"))) {
		snprintf(key, size, "c%s/%s", a, p->keys[3]);
		return true;
	}
	/* choices[i].delta.tool_calls[j].function.arguments */
	if (d == 7 && key_is(p, 2, "delta") && key_is(p, 3, "tool_calls") && in_array(p, 4) &&
	    key_is(p, 5, "function") && key_is(p, 6, "arguments")) {
		member_text(s, p->at[5], "index", b, sizeof(b));
		snprintf(key, size, "c%s/t%s", a, b);
		return true;
	}
	return false;
}

static struct channel *channel_by_id(struct tg_redact_sse *s, uint32_t id)
{
	for (size_t i = 0; i < s->nch; i++)
		if (s->ch[i].id == id)
			return &s->ch[i];
	return NULL;
}

/* The open channel of that name, made if need be (NULL: too many). */
static struct channel *channel_get(struct tg_redact_sse *s, const char *key)
{
	for (size_t i = 0; i < s->nch; i++)
		if (!s->ch[i].closed && strcmp(s->ch[i].key, key) == 0)
			return &s->ch[i];
	if (s->nch >= MAX_CHANNELS)
		return NULL;
	if (s->nch == s->capch) {
		size_t cap = s->capch ? s->capch * 2 : 1;
		struct channel *v = realloc(s->ch, cap * sizeof(*v));

		if (!v)
			return NULL;
		s->ch = v;
		s->capch = cap;
	}
	memset(&s->ch[s->nch], 0, sizeof(s->ch[0]));
	s->ch[s->nch].id = s->next_id++;
	tg_strlcpy(s->ch[s->nch].key, key, CHAN_KEY);
	return &s->ch[s->nch++];
}

/* Forget closed channels no held event refers to. */
static void channels_gc(struct tg_redact_sse *s)
{
	for (size_t i = 0; i < s->nch;) {
		struct channel *c = &s->ch[i];

		if (c->closed && !c->queued) {
			tg_textstream_free(&c->ts);
			free(c->v);
			memmove(c, c + 1, (s->nch - i - 1) * sizeof(*c));
			s->nch--;
			continue;
		}
		i++;
	}
}

/* Feed a piece of channel text (or the end); keep the values it decides. */
static int channel_feed(struct tg_redact_sse *s, struct channel *c, const char *text, size_t len, bool final)
{
	const struct tg_detectors *d = tg_redactor_detectors(s->x);
	uint64_t base, hold;
	tg_err err = {{0}};

	if (c->closed)
		return 0;
	if (tg_textstream_scan(&c->ts, d, tg_redactor_mask(s->x, TG_DIR_RESPONSE), text, len, final, &s->spans,
			       &base, &hold, &err) < 0)
		return -1;
	for (size_t i = 0; i < s->spans.n; i++) {
		if (c->nv == c->capv) {
			size_t cap = c->capv ? c->capv * 2 : 2;
			struct value *v = realloc(c->v, cap * sizeof(*v));

			if (!v)
				return -1;
			c->v = v;
			c->capv = cap;
		}
		c->v[c->nv].start = base + s->spans.v[i].start;
		c->v[c->nv].end = base + s->spans.v[i].end;
		c->v[c->nv].span = s->spans.v[i];
		c->nv++;
	}
	c->fed += len;
	c->hold = hold;
	if (final)
		c->closed = true;
	return 0;
}

static bool prefix_closes(const char *prefix, const char *key)
{
	size_t n = strlen(prefix);

	return strncmp(key, prefix, n) == 0 && (prefix[n - 1] == '/' || key[n] == 0 || key[n] == '/');
}

static void close_prefix(struct tg_redact_sse *s, const char *prefix)
{
	for (size_t i = 0; i < s->nch; i++)
		if (!s->ch[i].closed && prefix_closes(prefix, s->ch[i].key))
			s->ch[i].closing = true;
}

/* Closing by event type (Anthropic, Responses). */
static void close_by_type(struct tg_redact_sse *s, size_t root)
{
	const char *t = s->type;
	char a[20], b[12], pre[CHAN_KEY];

	if (!t[0])
		return;
	if (strcmp(t, "content_block_stop") == 0) {
		member_text(s, root, "index", a, sizeof(a));
		snprintf(pre, sizeof(pre), "a%s", a);
		close_prefix(s, pre);
	} else if (strcmp(t, "message_delta") == 0 || strcmp(t, "message_stop") == 0 || strcmp(t, "error") == 0 ||
		   strcmp(t, "response.completed") == 0 || strcmp(t, "response.incomplete") == 0 ||
		   strcmp(t, "response.failed") == 0) {
		s->close_all = true;
	} else if (strncmp(t, "response.", 9) == 0 && strlen(t) > 14 && strcmp(t + strlen(t) - 5, ".done") == 0) {
		size_t n = strlen(t);

		member_id(s, root, "item_id", a, sizeof(a));
		if (!a[0]) {
			/* response.output_item.done names its item inside "item" */
			struct tg_jmember m;

			if (tg_json_member(s->doc, s->doc_len, root, "item", &m) == 1 && s->doc[m.value] == '{')
				member_id(s, m.value, "id", a, sizeof(a));
		}
		if (!a[0])
			return;
		if (strcmp(t, "response.function_call_arguments.done") == 0 ||
		    strcmp(t, "response.output_item.done") == 0) {
			snprintf(pre, sizeof(pre), "f%s", a);
			close_prefix(s, pre);
		}
		if (strcmp(t, "response.output_item.done") == 0) {
			snprintf(pre, sizeof(pre), "r%s/", a);
			close_prefix(s, pre);
		} else {
			/* response.output_text.done closes r<item>/output_text/<index> */
			member_text(s, root, "content_index", b, sizeof(b));
			snprintf(pre, sizeof(pre), "r%s/%.*s/%s", a, (int)(n - 14 > 20 ? 20 : n - 14), t + 9, b);
			close_prefix(s, pre);
		}
	}
}

/* ---- arrival: feed the channels, note what closes -------------------------- */

static int add_seg(struct held *h, uint32_t ch, uint64_t a, uint64_t b)
{
	struct seg *v = realloc(h->segs, (h->nsegs + 1) * sizeof(*v));

	if (!v)
		return -1;
	h->segs = v;
	h->segs[h->nsegs++] = (struct seg){.ch = ch, .a = a, .b = b};
	return 0;
}

static int inspect(void *ctx, const struct tg_json_path *p, const char *text, size_t len, struct tg_buf *out)
{
	struct tg_redact_sse *s = ctx;
	char a[12], key[CHAN_KEY];
	struct channel *c;
	uint64_t start;

	(void)out;
	/* a finish reason ends that choice's (candidate's) channels */
	if (len && p->depth == 3 && key_is(p, 0, "choices") && key_is(p, 2, "finish_reason")) {
		member_text(s, p->at[2], "index", a, sizeof(a));
		snprintf(key, sizeof(key), "c%s/", a);
		close_prefix(s, key);
	}
	if (len && p->depth == 3 && key_is(p, 0, "candidates") && key_is(p, 2, "finishReason")) {
		member_text(s, p->at[2], "index", a, sizeof(a));
		snprintf(key, sizeof(key), "g%s/", a[0] ? a : "0");
		close_prefix(s, key);
	}
	if (!channel_of(s, p, key, sizeof(key)))
		return 0;
	c = channel_get(s, key);
	if (!c)
		return add_seg(s->cur, NO_CHANNEL, 0, 0);
	start = c->fed;
	if (channel_feed(s, c, text, len, false) < 0 || add_seg(s->cur, c->id, start, c->fed) < 0)
		return -1;
	c->queued++;
	return 0;
}

/* ---- departure: write an event out ------------------------------------------ */

/* The text of a segment with the values in it replaced. */
static int segment_text(struct tg_redact_sse *s, const struct seg *g, struct tg_buf *out)
{
	struct channel *c = channel_by_id(s, g->ch);
	uint64_t at = g->a;

	if (!c)
		return -1;
	for (size_t i = 0; i < c->nv; i++) {
		const struct value *v = &c->v[i];
		struct tg_span one = v->span;

		if (v->end <= g->a || v->start >= g->b)
			continue;
		if (v->start >= at) {
			/* the value starts here: its replacement goes here */
			if (tg_buf_append(out, tg_textstream_at(&c->ts, at), (size_t)(v->start - at)) < 0)
				return -1;
			one.start = 0;
			one.end = (uint32_t)(v->end - v->start);
			if (tg_redactor_replace(s->x, TG_DIR_RESPONSE, tg_textstream_at(&c->ts, v->start),
						(size_t)(v->end - v->start), &one, out) < 0)
				return -1;
		}
		/* its bytes in this piece are gone either way */
		at = v->end < g->b ? v->end : g->b;
	}
	return tg_buf_append(out, tg_textstream_at(&c->ts, at), (size_t)(g->b - at));
}

static int rewrite(void *ctx, const struct tg_json_path *p, const char *text, size_t len, struct tg_buf *out)
{
	struct tg_redact_sse *s = ctx;
	char key[CHAN_KEY];
	const struct seg *g;

	if (!channel_of(s, p, key, sizeof(key)) || s->cur_seg >= s->cur->nsegs)
		return tg_redactor_json_value(s->x, p, text, len, out);
	g = &s->cur->segs[s->cur_seg++];
	if (g->ch == NO_CHANNEL)
		return tg_redactor_json_value(s->x, p, text, len, out);
	if (segment_text(s, g, out) < 0)
		return -1;
	return tg_buf_used(out) == len && (len == 0 || memcmp(tg_buf_start(out), text, len) == 0) ? 0 : 1;
}

/*
 * Append an event: its lines as received, the data lines replaced by data
 * (one "data:" line per line of it, where the first data line was). Lines
 * end the way the event's own lines do (CR LF if it has any, else LF, else
 * CR: SDKs split events on their stream's own blank lines); the blank lines
 * it starts with and its terminating one are kept as they came, so the CR
 * LF pairs a splitter cut across events still pair up.
 */
static int put_event(struct tg_redact_sse *s, const char *raw, size_t raw_len, const char *data, size_t dlen)
{
	const char *r = raw, *end = raw + raw_len, *tail = end;
	const char *eol = memmem(raw, raw_len, "\r\n", 2) ? "\r\n" : memchr(raw, '\n', raw_len) ? "\n" : "\r";
	size_t eol_len = strlen(eol);
	bool data_done = false;
	int rc = 0;

	/* leading blank lines (the rest of the previous event's terminator) */
	while (r < end && (*r == '\n' || *r == '\r'))
		r++;
	rc |= tg_buf_append(s->out, raw, (size_t)(r - raw));
	/* the terminating blank line: its bytes as received */
	if (tail > r && (tail[-1] == '\n' || tail[-1] == '\r')) {
		tail--;
		if (tail > r && tail[0] == '\n' && tail[-1] == '\r')
			tail--;
	}
	while (r < tail) {
		const char *e = r;

		while (e < tail && *e != '\n' && *e != '\r')
			e++;
		if (e - r >= 5 && memcmp(r, "data:", 5) == 0) {
			const char *d = data, *dend = data + dlen;

			while (!data_done) {
				const char *nl = dend > d ? memchr(d, '\n', (size_t)(dend - d)) : NULL;
				const char *le = nl ? nl : dend;

				rc |= tg_buf_append(s->out, "data: ", 6);
				rc |= tg_buf_append(s->out, d, (size_t)(le - d));
				rc |= tg_buf_append(s->out, eol, eol_len);
				if (!nl)
					data_done = true;
				else
					d = nl + 1;
			}
		} else if (e > r) {
			rc |= tg_buf_append(s->out, r, (size_t)(e - r));
			rc |= tg_buf_append(s->out, eol, eol_len);
		}
		/* past this line's end: CR LF, LF or CR */
		r = e < tail && *e == '\r' && e + 1 < tail && e[1] == '\n' ? e + 2 : e + 1;
	}
	return rc | tg_buf_append(s->out, tail, (size_t)(end - tail));
}

/* A blocked value: end the stream with an error the provider's SDKs raise. */
static int put_block_error(struct tg_redact_sse *s)
{
	char types[256], msg[400];
	char *body;
	int rc = 0;

	tg_redactor_blocked(s->x, TG_DIR_RESPONSE, types, sizeof(types));
	snprintf(msg, sizeof(msg), "tollgate: the redaction policy blocks responses that contain %s "
		 "(the values are not shown); the stream was ended", types);
	body = tg_error_body(s->shape, 403, "tollgate_redaction_blocked", "redaction_blocked", msg, s->trace_id);
	if (!body)
		return -1;
	if (s->shape == TG_API_ANTHROPIC)
		rc |= tg_buf_printf(s->out, "event: error%s", s->eol);
	rc |= tg_buf_printf(s->out, "data: %s%s%s", body, s->eol, s->eol);
	free(body);
	s->dead = true;
	return rc;
}

static void held_free(struct held *h)
{
	free(h->raw);
	free(h->segs);
}

/* The data of an event, from its raw lines: every "data:" line (one leading
 * space dropped), joined by "\n", as the SSE splitter gives it. */
static int event_data(const char *raw, size_t len, struct tg_buf *out)
{
	const char *r = raw, *end = raw + len;
	bool first = true;
	int rc = 0;

	while (r < end) {
		const char *e = r;

		while (e < end && *e != '\n' && *e != '\r')
			e++;
		if (e - r >= 5 && memcmp(r, "data:", 5) == 0) {
			const char *v = r + 5 < e && r[5] == ' ' ? r + 6 : r + 5;

			if (!first)
				rc |= tg_buf_append(out, "\n", 1);
			rc |= tg_buf_append(out, v, (size_t)(e - v));
			first = false;
		}
		r = e < end && *e == '\r' && e + 1 < end && e[1] == '\n' ? e + 2 : e + 1;
	}
	return rc;
}

/* Write out one held event whose channel text is all decided. */
static int send_event(struct tg_redact_sse *s, struct held *h)
{
	struct tg_buf data = {0};
	const char *d;
	size_t dlen;
	tg_err err = {{0}};
	int rc;

	if (h->oversized) {
		/* no fields to go by: the raw bytes as text */
		rc = tg_redactor_text(s->x, TG_DIR_RESPONSE, h->raw, h->raw_len, s->out, &err) < 0;
		return rc ? -1 : 0;
	}
	if (!h->has_data)
		return tg_buf_append(s->out, h->raw, h->raw_len);
	if (event_data(h->raw, h->raw_len, &data) < 0) {
		tg_buf_free(&data);
		return -1;
	}
	d = data.data ? tg_buf_start(&data) : "";
	dlen = tg_buf_used(&data);
	tg_buf_reset(&s->data);
	if (!h->json) {
		/* not JSON: the data as text */
		rc = tg_redactor_text(s->x, TG_DIR_RESPONSE, d, dlen, &s->data, &err);
	} else {
		tg_strlcpy(s->type, h->type, sizeof(s->type));
		s->doc = d;
		s->doc_len = dlen;
		s->cur = h;
		s->cur_seg = 0;
		tg_redactor_json_begin(s->x, TG_DIR_RESPONSE);
		rc = tg_json_rewrite(d, dlen, rewrite, s, &s->data, &err);
		if (rc == 0)
			rc = tg_buf_used(&s->data) != dlen ||
			     (dlen && memcmp(tg_buf_start(&s->data), d, dlen) != 0);
	}
	if (rc > 0)
		rc = put_event(s, h->raw, h->raw_len, s->data.data ? tg_buf_start(&s->data) : "",
			       tg_buf_used(&s->data));
	else if (rc == 0)
		rc = tg_buf_append(s->out, h->raw, h->raw_len);
	tg_buf_free(&data);
	return rc < 0 ? -1 : 0;
}

/* Is all the channel text of h decided? */
static bool decided(struct tg_redact_sse *s, const struct held *h)
{
	for (size_t i = 0; i < h->nsegs; i++) {
		struct channel *c = h->segs[i].ch == NO_CHANNEL ? NULL : channel_by_id(s, h->segs[i].ch);

		if (c && !c->closed && h->segs[i].b > c->hold)
			return false;
	}
	return true;
}

/* Send the held events, oldest first, as far as they are decided. */
static int release(struct tg_redact_sse *s)
{
	size_t done = 0;
	int rc = 0;

	while (done < s->nq && !s->dead) {
		struct held *h = &s->q[done];

		if (!decided(s, h))
			break;
		rc = send_event(s, h);
		for (size_t i = 0; i < h->nsegs; i++) {
			struct channel *c = h->segs[i].ch == NO_CHANNEL ? NULL : channel_by_id(s, h->segs[i].ch);
			size_t k = 0;

			if (!c)
				continue;
			c->queued--;
			/* values that end here are fully sent */
			for (size_t j = 0; j < c->nv; j++)
				if (c->v[j].end > h->segs[i].b)
					c->v[k++] = c->v[j];
			c->nv = k;
			tg_textstream_forget(&c->ts, tg_redactor_detectors(s->x), h->segs[i].b);
		}
		s->qbytes -= h->raw_len;
		held_free(h);
		done++;
		if (rc < 0)
			break;
		if (tg_redactor_blocked(s->x, TG_DIR_RESPONSE, NULL, 0))
			rc = put_block_error(s);
	}
	if (done) {
		memmove(s->q, s->q + done, (s->nq - done) * sizeof(*s->q));
		s->nq -= done;
	}
	if (s->dead) {
		for (size_t i = 0; i < s->nq; i++)
			held_free(&s->q[i]);
		s->nq = 0;
		s->qbytes = 0;
	}
	channels_gc(s);
	return rc < 0 ? -1 : 0;
}

static struct held *enqueue(struct tg_redact_sse *s, const struct tg_sse_event *ev, bool json)
{
	struct held *h;

	if (s->nq == s->capq) {
		size_t cap = s->capq ? s->capq * 2 : 2;
		struct held *v = realloc(s->q, cap * sizeof(*v));

		if (!v)
			return NULL;
		s->q = v;
		s->capq = cap;
	}
	h = &s->q[s->nq];
	memset(h, 0, sizeof(*h));
	h->raw = malloc(ev->raw_len ? ev->raw_len : 1);
	if (!h->raw)
		return NULL;
	memcpy(h->raw, ev->raw, ev->raw_len);
	h->raw_len = ev->raw_len;
	h->has_data = ev->has_data;
	h->json = json;
	h->oversized = ev->oversized;
	s->qbytes += h->raw_len;
	s->nq++;
	return h;
}

/* End every channel (or those marked closing): what they held is decided. */
static int close_channels(struct tg_redact_sse *s, bool all)
{
	for (size_t i = 0; i < s->nch; i++) {
		struct channel *c = &s->ch[i];

		if (!c->closed && (all || c->closing) && channel_feed(s, c, NULL, 0, true) < 0)
			return -1;
		c->closing = false;
	}
	return 0;
}

static void learn_eol(struct tg_redact_sse *s, const struct tg_sse_event *ev)
{
	const char *nl = memchr(ev->raw, '\n', ev->raw_len);
	const char *cr = memchr(ev->raw, '\r', ev->raw_len);

	if (cr && cr + 1 < ev->raw + ev->raw_len && cr[1] == '\n')
		strcpy(s->eol, "\r\n");
	else if (nl)
		strcpy(s->eol, "\n");
	else if (cr)
		strcpy(s->eol, "\r");
}

static int on_event(void *arg, const struct tg_sse_event *ev)
{
	struct tg_redact_sse *s = arg;
	size_t root;
	struct held *h;
	tg_err err = {{0}};
	bool json;

	if (s->dead)
		return 0;
	learn_eol(s, ev);
	root = ev->has_data && !ev->oversized ? tg_json_skip_ws(ev->data, ev->data_len, 0) : 0;
	json = ev->has_data && !ev->oversized && root < ev->data_len &&
	       (ev->data[root] == '{' || ev->data[root] == '[') && tg_json_valid(ev->data, ev->data_len);
	if (ev->has_data && ev->data_len == 6 && memcmp(ev->data, "[DONE]", 6) == 0 &&
	    close_channels(s, true) < 0)
		return -1;
	if (!ev->has_data && s->nq == 0)
		return tg_buf_append(s->out, ev->raw, ev->raw_len); /* comments, keep-alives */
	h = enqueue(s, ev, json);
	if (!h)
		return -1;
	if (json) {
		s->doc = ev->data;
		s->doc_len = ev->data_len;
		member_text(s, root, "type", s->type, sizeof(s->type));
		tg_strlcpy(h->type, s->type, sizeof(h->type));
		s->close_all = false;
		s->cur = h;
		close_by_type(s, root);
		if (tg_json_rewrite(ev->data, ev->data_len, inspect, s, &s->data, &err) < 0)
			return -1;
		tg_buf_reset(&s->data);
		if (close_channels(s, s->close_all) < 0)
			return -1;
	}
	if (release(s) < 0)
		return -1;
	if (s->qbytes > MAX_QUEUE_BYTES) {
		/* something undecided for megabytes: decide it as it stands */
		if (close_channels(s, true) < 0 || release(s) < 0)
			return -1;
	}
	return 0;
}

struct tg_redact_sse *tg_redact_sse_new(struct tg_redactor *x, enum tg_api_shape shape, const char *trace_id)
{
	struct tg_redact_sse *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->x = x;
	s->shape = shape == TG_API_AZURE_OPENAI ? TG_API_OPENAI : shape;
	tg_strlcpy(s->trace_id, trace_id ? trace_id : "", sizeof(s->trace_id));
	strcpy(s->eol, "\n");
	tg_sse_init(&s->sse, MAX_EVENT);
	return s;
}

int tg_redact_sse_feed(struct tg_redact_sse *s, const char *in, size_t len, bool last, struct tg_buf *out)
{
	size_t before = tg_buf_used(out);
	int rc;

	s->out = out;
	rc = len ? tg_sse_feed(&s->sse, in, len, on_event, s) : 0;
	if (rc == 0 && last) {
		rc = tg_sse_finish(&s->sse, on_event, s);
		if (rc == 0 && !s->dead)
			rc = close_channels(s, true);
		if (rc == 0)
			rc = release(s);
	}
	s->out = NULL;
	/* between reads a stream keeps only what it must (the splitter's field
	 * scratch is only read inside its callback) */
	tg_buf_reset(&s->sse.fields);
	tg_buf_release_if_empty(&s->sse.fields);
	tg_buf_reset(&s->data);
	tg_buf_release_if_empty(&s->data);
	tg_spans_free(&s->spans);
	if (rc != 0)
		return -1;
	return tg_buf_used(out) - before != len ? 1 : 0;
}

void tg_redact_sse_free(struct tg_redact_sse *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nq; i++)
		held_free(&s->q[i]);
	free(s->q);
	for (size_t i = 0; i < s->nch; i++) {
		tg_textstream_free(&s->ch[i].ts);
		free(s->ch[i].v);
	}
	free(s->ch);
	tg_spans_free(&s->spans);
	tg_sse_free(&s->sse);
	tg_buf_free(&s->data);
	free(s);
}

size_t tg_redact_sse_bytes(const struct tg_redact_sse *s)
{
	size_t n = sizeof(*s) + s->sse.buf.cap + s->sse.fields.cap + s->data.cap +
		   s->capch * sizeof(s->ch[0]) + s->capq * sizeof(s->q[0]) + s->qbytes +
		   s->spans.cap * sizeof(s->spans.v[0]);

	for (size_t i = 0; i < s->nch; i++)
		n += s->ch[i].ts.cap + s->ch[i].capv * sizeof(struct value);
	for (size_t i = 0; i < s->nq; i++)
		n += s->q[i].nsegs * sizeof(struct seg);
	return n;
}

size_t tg_redact_sse_splitter_bytes(const struct tg_redact_sse *s)
{
	return s->sse.buf.cap;
}
