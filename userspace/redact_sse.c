/*
 * redact_sse.c - event-by-event redaction of streamed responses (SSE, and
 * Gemini's JSON array stream). See redact_sse.h.
 *
 * Each text field that streams (a "channel") is one text to the detectors,
 * fed piece by piece as its delta events arrive. An event is held, in
 * arrival order with everything after it, while some of its channel text is
 * undecided (a value could still be forming there); once decided it goes
 * out, byte for byte as it came when nothing in it changed, otherwise with
 * its delta text rewritten: a value's replacement goes in the event where
 * the value starts, and the events it spills into lose those bytes.
 *
 * Held events are bounded: when the stream's whole state (this rewriter's
 * and the call's redactor's) would pass STATE_BUDGET, the oldest go out as
 * soon as a later event of each of their channels has arrived, carrying
 * only their decided text; the undecided rest moves on to that later
 * event. So what a stream must hold is the text the detectors still need
 * plus, per channel, its latest delta event (the one that will carry that
 * text); no event is ever merged, split, reordered or made up.
 *
 * Strings that are not channels are redacted whole as the event leaves.
 *
 * The detectors run once per read, not once per event: a read that brings
 * a burst of events (a provider's backlog, a busy worker) appends each
 * channel's pieces and scans them together at the end of the read, which
 * decides exactly what scanning piece by piece would (textrw.h). The
 * burst is held till then, as events wait for their decision anyway; a
 * burst flushes early, at an event boundary, once it holds BATCH_BYTES or
 * half the channel table.
 */
#include "redact_sse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonarray.h"
#include "jsonspan.h"
#include "sse.h"

#define MAX_CHANNELS 16
#define CHAN_KEY 48
#define MAX_EVENT (4u << 20)
/* A stream's state past which held events go out early: 2 KB, less 64
 * bytes for what the allocator adds when it splits blocks (measured: 16-32) */
#define STATE_BUDGET (2048 - 64)
#define MAX_QUEUE_BYTES (8u << 20) /* held events; past this what is held is decided as it stands */
#define NO_CHANNEL UINT32_MAX
#define CLEAN_MEMO 4               /* strings other than channels remembered as clean */
#define BATCH_BYTES (64u << 10)    /* held events of one read past which it is scanned and released early */

enum framing { FRAME_SSE, FRAME_ARRAY };

struct value {
	uint64_t start, end;        /* whole-channel offsets of a decided value */
	struct tg_span span;        /* its entity and rule */
};

struct channel {
	struct tg_textstream ts;
	uint64_t hold;              /* everything before this is decided */
	uint64_t sent;              /* everything before this has gone out */
	struct value *v;            /* decided values not yet fully sent */
	uint32_t nv, capv;
	uint32_t id;
	uint32_t last;              /* serial of the latest event with a piece of it */
	uint32_t queued;            /* pieces of held events that refer to it */
	bool closing, closed;
	bool unscanned;             /* text appended since the detectors last ran over it */
	char kind;                  /* the name's first letter: c (OpenAI chat), a, g, r, f */
	uint64_t name;              /* hash of the channel's name ("c0/content", see channel_of) */
	uint64_t group;             /* ... of its first part, up to its first '/' included (the whole name without one) */
};

/* A piece of a channel's text in an event: it ends at channel offset b. */
struct seg {
	uint64_t b;
	uint32_t ch;                /* channel id, or NO_CHANNEL: redact the string whole */
	uint32_t len;               /* its length: it starts at b - len */
};

struct held {
	char *raw;                  /* the event (array: the element and what precedes it) as received */
	size_t raw_len;
	uint32_t data_off, data_len; /* array: the element within raw */
	uint32_t serial;
	uint16_t nsegs;
	bool has_data;              /* SSE: it has "data:" lines (read again from raw when sent); array: an element */
	bool json;                  /* ... that is valid JSON */
	bool as_text;               /* no fields to go by (a piece of an oversized event): raw redacted as text */
	bool whole;                 /* array: the body was no array, this is all of it */
	bool clean;                 /* JSON: every string not a channel's was known clean as it came (see as_is) */
	struct seg first;           /* segs 0 and 1.. */
	struct seg *more;
};

struct tg_redact_sse {
	struct tg_redactor *x;
	enum tg_api_shape shape;
	enum framing framing;
	const char *trace_id;       /* the call's (it outlives the stream) */
	union {
		struct tg_sse sse;
		struct tg_jarray arr;
	} split;
	struct channel *ch;
	uint32_t nch, capch;
	uint32_t next_id, serial;
	struct held *q;             /* held events, oldest first */
	uint32_t nq, capq;
	size_t qbytes;
	struct walk *w;             /* during a feed */
	uint64_t clean[CLEAN_MEMO]; /* keyed hashes of (key, string) of other strings found clean lately */
	uint8_t next_clean;
	char eol[3];                /* line ending the stream uses */
	bool dead;                  /* a blocked value ended the stream */
	bool opened;                /* array: its '[' has gone out */
};

/* What a feed works with (on its stack: nothing of it is kept between reads). */
struct walk {
	struct tg_buf *out;
	struct tg_buf data;         /* an event's rewritten data */
	struct tg_spans spans;      /* scratch for the detector */
	const char *type;           /* JSON "type" of the event being walked */
	const char *doc;            /* the event data being walked */
	size_t doc_len;
	bool close_all;
	struct held *cur;           /* the event being inspected or written */
	size_t cur_seg;
};

/* ---- channels ------------------------------------------------------------- */

/* The raw text of member key of the object at obj, for channel names ("" if absent). */
static void member_text(const struct tg_redact_sse *s, size_t obj, const char *key, char *out, size_t size)
{
	struct tg_jmember m;
	size_t a, b;

	out[0] = 0;
	if (tg_json_member(s->w->doc, s->w->doc_len, obj, key, &m) != 1)
		return;
	a = m.value;
	b = m.value_end;
	if (b > a && s->w->doc[a] == '"') {
		a++;
		b--;
	}
	if (b - a >= size)
		b = a + size - 1;
	memcpy(out, s->w->doc + a, b - a);
	out[b - a] = 0;
}

/* Can JSON text hold a member named key? Not if key is nowhere in it and no
 * escape could spell it (most chat chunks have no "type"). */
static bool may_name(const char *json, size_t n, const char *key)
{
	return memmem(json, n, key, strlen(key)) || memchr(json, '\\', n);
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
		if (strcmp(s->w->type, "content_block_delta") != 0 || d != 2 || !key_is(p, 0, "delta"))
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
	if (strncmp(s->w->type, "response.", 9) == 0) {
		size_t n = strlen(s->w->type);

		if (d != 1 || !key_is(p, 0, "delta") || n < 15 || strcmp(s->w->type + n - 6, ".delta") != 0)
			return false;
		member_id(s, p->at[0], "item_id", a, sizeof(a));
		member_text(s, p->at[0], "content_index", b, sizeof(b));
		if (strcmp(s->w->type, "response.function_call_arguments.delta") == 0)
			snprintf(key, size, "f%s", a);
		else
			snprintf(key, size, "r%s/%.*s/%s", a, (int)(n - 15 > 20 ? 20 : n - 15), s->w->type + 9, b);
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

static uint64_t name_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* The hash of a name's group: up to its first '/' included, or all of it. */
static uint64_t group_hash(const char *name)
{
	const char *slash = strchr(name, '/');

	return name_hash(name, slash ? (size_t)(slash - name) + 1 : strlen(name));
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
	uint64_t h = name_hash(key, strlen(key));

	for (size_t i = 0; i < s->nch; i++)
		if (!s->ch[i].closed && s->ch[i].name == h)
			return &s->ch[i];
	if (s->nch >= MAX_CHANNELS)
		return NULL;
	if (s->nch == s->capch) {
		uint32_t cap = s->capch ? s->capch * 2 : 1;
		struct channel *v = realloc(s->ch, cap * sizeof(*v));

		if (!v)
			return NULL;
		s->ch = v;
		s->capch = cap;
	}
	memset(&s->ch[s->nch], 0, sizeof(s->ch[0]));
	s->ch[s->nch].id = s->next_id++;
	s->ch[s->nch].kind = key[0];
	s->ch[s->nch].name = h;
	s->ch[s->nch].group = group_hash(key);
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
	if (s->nch == 0) {
		free(s->ch);
		s->ch = NULL;
		s->capch = 0;
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
	c->unscanned = false;
	if (tg_textstream_scan(&c->ts, d, tg_redactor_mask(s->x, TG_DIR_RESPONSE), text, len, final, &s->w->spans,
			       &base, &hold, &err) < 0)
		return -1;
	for (size_t i = 0; i < s->w->spans.n; i++) {
		if (c->nv == c->capv) {
			uint32_t cap = c->capv ? c->capv * 2 : 2;
			struct value *v = realloc(c->v, cap * sizeof(*v));

			if (!v)
				return -1;
			c->v = v;
			c->capv = cap;
		}
		c->v[c->nv].start = base + s->w->spans.v[i].start;
		c->v[c->nv].end = base + s->w->spans.v[i].end;
		c->v[c->nv].span = s->w->spans.v[i];
		c->nv++;
	}
	c->hold = hold;
	if (final)
		c->closed = true;
	return 0;
}

/* Append a piece of channel text, for scan_channels() to decide. */
static int channel_append(struct channel *c, const char *text, size_t len)
{
	tg_err err = {{0}};

	if (c->closed || !len)
		return 0;
	c->unscanned = true;
	return tg_textstream_append(&c->ts, text, len, &err);
}

/* Run the detectors over the text appended to the channels since they last did. */
static int scan_channels(struct tg_redact_sse *s)
{
	for (size_t i = 0; i < s->nch; i++)
		if (s->ch[i].unscanned && channel_feed(s, &s->ch[i], NULL, 0, false) < 0)
			return -1;
	return 0;
}

/* End the channels a name names: "c0/" every channel of its group, "a1"
 * that channel and those of the group "a1/". */
static void close_prefix(struct tg_redact_sse *s, const char *prefix)
{
	size_t n = strlen(prefix);
	uint64_t exact = name_hash(prefix, n), group;
	char with_slash[CHAN_KEY + 1];

	if (prefix[n - 1] == '/') {
		group = exact;
		exact = 0;
	} else {
		snprintf(with_slash, sizeof(with_slash), "%s/", prefix);
		group = name_hash(with_slash, strlen(with_slash));
	}
	for (size_t i = 0; i < s->nch; i++)
		if (!s->ch[i].closed && (s->ch[i].group == group || (exact && s->ch[i].name == exact)))
			s->ch[i].closing = true;
}

/* Closing by event type (Anthropic, Responses). */
static void close_by_type(struct tg_redact_sse *s, size_t root)
{
	const char *t = s->w->type;
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
		s->w->close_all = true;
	} else if (strncmp(t, "response.", 9) == 0 && strlen(t) > 14 && strcmp(t + strlen(t) - 5, ".done") == 0) {
		size_t n = strlen(t);

		member_id(s, root, "item_id", a, sizeof(a));
		if (!a[0]) {
			/* response.output_item.done names its item inside "item" */
			struct tg_jmember m;

			if (tg_json_member(s->w->doc, s->w->doc_len, root, "item", &m) == 1 && s->w->doc[m.value] == '{')
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

/*
 * OpenAI chat: a choice streams its texts one after the other (reasoning,
 * content, then each tool call's arguments), never interleaved. So an
 * event that feeds some of a choice's channels ends the others, and what
 * they hold is decided at once instead of waiting for the finish reason.
 */
static void close_siblings(struct tg_redact_sse *s, uint32_t serial)
{
	for (size_t i = 0; i < s->nch; i++) {
		struct channel *c = &s->ch[i];

		if (c->closed || c->last == serial || c->kind != 'c')
			continue;
		for (size_t k = 0; k < s->nch; k++)
			if (k != i && !s->ch[k].closed && s->ch[k].last == serial && s->ch[k].group == c->group)
				c->closing = true;
	}
}

/* ---- arrival: feed the channels, note what closes -------------------------- */

static struct seg *seg_at(struct held *h, size_t i)
{
	return i == 0 ? &h->first : &h->more[i - 1];
}

static int add_seg(struct held *h, uint32_t ch, uint64_t b, size_t len)
{
	if (h->nsegs == UINT16_MAX)
		return -1;
	if (h->nsegs >= 1) {
		struct seg *v = realloc(h->more, h->nsegs * sizeof(*v));

		if (!v)
			return -1;
		h->more = v;
	}
	*seg_at(h, h->nsegs++) = (struct seg){.b = b, .ch = ch, .len = (uint32_t)len};
	return 0;
}

static bool memo_has(const struct tg_redact_sse *s, uint64_t h)
{
	for (size_t i = 0; i < CLEAN_MEMO; i++)
		if (s->clean[i] == h)
			return true;
	return false;
}

/*
 * A string that is no channel is redacted whole, judged alone by what names
 * it (tg_redactor_json_value()): its key, or for an array's element the key
 * naming its array. Metadata repeated in every event (a model version, a
 * response id, content filter verdicts) is scanned once: a string found
 * clean is remembered by a keyed hash of it and its name (an element's name
 * kept apart from a member's), and the same again is clean again.
 * CLEAN: empty, under a key never redacted, or remembered; UNSEEN: to be
 * redacted, then remembered (*h) if clean; UNHASHED: to be redacted.
 */
enum memo_verdict { CLEAN, UNSEEN, UNHASHED };

static enum memo_verdict memo_lookup(const struct tg_redact_sse *s, const struct tg_json_path *p,
				     const char *text, size_t len, uint64_t *h)
{
	const char *key = p->depth ? p->keys[p->depth - 1] : NULL, *name = tg_json_path_name(p);
	char tag[256]; /* a longer name is not remembered: scanned each time */
	int n;

	if (!len || (key && tg_redactor_skip_key(s->x, key)))
		return CLEAN;
	n = snprintf(tag, sizeof(tag), "%c%s", key ? '.' : '[', name ? name : "");
	if (n < 0 || (size_t)n >= sizeof(tag) || tg_redactor_hash(s->x, tag, (size_t)n, text, len, h))
		return UNHASHED;
	return memo_has(s, *h) ? CLEAN : UNSEEN;
}

/* A string that is no channel, as an event comes: will it go out as it is? */
static bool known_clean(const struct tg_redact_sse *s, const struct tg_json_path *p, const char *text, size_t len)
{
	uint64_t h;

	return memo_lookup(s, p, text, len, &h) == CLEAN;
}

static int inspect(void *ctx, const struct tg_json_path *p, const char *text, size_t len, struct tg_buf *out)
{
	struct tg_redact_sse *s = ctx;
	char a[12], key[CHAN_KEY];
	struct channel *c;

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
	if (!channel_of(s, p, key, sizeof(key))) {
		if (!known_clean(s, p, text, len))
			s->w->cur->clean = false;
		return 0;
	}
	c = channel_get(s, key);
	if (!c) {
		if (!known_clean(s, p, text, len))
			s->w->cur->clean = false;
		return add_seg(s->w->cur, NO_CHANNEL, 0, 0);
	}
	if (channel_append(c, text, len) < 0 || add_seg(s->w->cur, c->id, c->ts.base + c->ts.len, len) < 0)
		return -1;
	c->queued++;
	c->last = s->w->cur->serial;
	return 0;
}

/* ---- departure: write an event out ------------------------------------------ */

/*
 * The channel's text from what went out so far up to offset b, with the
 * values in it replaced: a value's replacement goes where the value starts,
 * and the bytes of a value that started earlier are dropped.
 */
static int carry(struct tg_redact_sse *s, struct channel *c, uint64_t b, struct tg_buf *out)
{
	uint64_t a = c->sent, at = a;

	if (b < a)
		b = a;
	for (size_t i = 0; i < c->nv; i++) {
		const struct value *v = &c->v[i];
		struct tg_span one = v->span;

		if (v->end <= a || v->start >= b)
			continue;
		if (v->start >= at) {
			if (tg_buf_append(out, tg_textstream_at(&c->ts, at), (size_t)(v->start - at)) < 0)
				return -1;
			one.start = 0;
			one.end = (uint32_t)(v->end - v->start);
			if (tg_redactor_replace(s->x, TG_DIR_RESPONSE, tg_textstream_at(&c->ts, v->start),
						(size_t)(v->end - v->start), &one, out) < 0)
				return -1;
		}
		at = v->end < b ? v->end : b;
	}
	if (tg_buf_append(out, tg_textstream_at(&c->ts, at), (size_t)(b - at)) < 0)
		return -1;
	c->sent = b;
	return 0;
}

/* A string that is no channel: redacted whole (see memo_lookup()). */
static int other_string(struct tg_redact_sse *s, const struct tg_json_path *p, const char *text, size_t len,
			struct tg_buf *out)
{
	uint64_t h;
	enum memo_verdict v = memo_lookup(s, p, text, len, &h);
	int rc;

	if (v == CLEAN)
		return 0;
	rc = tg_redactor_json_value(s->x, p, text, len, out);
	if (rc == 0 && v == UNSEEN)
		s->clean[s->next_clean++ % CLEAN_MEMO] = h;
	return rc;
}

static int rewrite(void *ctx, const struct tg_json_path *p, const char *text, size_t len, struct tg_buf *out)
{
	struct tg_redact_sse *s = ctx;
	char key[CHAN_KEY];
	const struct seg *g;
	struct channel *c;

	if (!channel_of(s, p, key, sizeof(key)) || s->w->cur_seg >= s->w->cur->nsegs)
		return other_string(s, p, text, len, out);
	g = seg_at(s->w->cur, s->w->cur_seg++);
	c = g->ch == NO_CHANNEL ? NULL : channel_by_id(s, g->ch);
	if (!c)
		return other_string(s, p, text, len, out);
	/* its own text if that is decided, else what is (the rest goes on with a later event) */
	if (carry(s, c, c->closed || g->b <= c->hold ? g->b : c->hold, out) < 0)
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
	rc |= tg_buf_append(s->w->out, raw, (size_t)(r - raw));
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

				rc |= tg_buf_append(s->w->out, "data: ", 6);
				rc |= tg_buf_append(s->w->out, d, (size_t)(le - d));
				rc |= tg_buf_append(s->w->out, eol, eol_len);
				if (!nl)
					data_done = true;
				else
					d = nl + 1;
			}
		} else if (e > r) {
			rc |= tg_buf_append(s->w->out, r, (size_t)(e - r));
			rc |= tg_buf_append(s->w->out, eol, eol_len);
		}
		/* past this line's end: CR LF, LF or CR */
		r = e < tail && *e == '\r' && e + 1 < tail && e[1] == '\n' ? e + 2 : e + 1;
	}
	return rc | tg_buf_append(s->w->out, tail, (size_t)(end - tail));
}

/* Append an array element: what preceded it as received, then its new JSON. */
static int put_element(struct tg_redact_sse *s, const struct held *h, const char *data, size_t dlen)
{
	size_t tail = (size_t)h->data_off + h->data_len;

	return tg_buf_append(s->w->out, h->raw, h->data_off) | tg_buf_append(s->w->out, data, dlen) |
	       tg_buf_append(s->w->out, h->raw + tail, h->raw_len - tail);
}

/* A blocked value: end the stream with an error the provider's SDKs raise. */
static int put_block_error(struct tg_redact_sse *s, const struct held *h)
{
	char types[256], msg[400];
	char *body;
	int rc = 0;

	s->dead = true;
	if (s->framing == FRAME_ARRAY && h->whole)
		return 0; /* one whole JSON answer: the value withheld is all there is to do */
	tg_redactor_blocked(s->x, TG_DIR_RESPONSE, types, sizeof(types));
	snprintf(msg, sizeof(msg), "tollgate: the redaction policy blocks responses that contain %s "
		 "(the values are not shown); the stream was ended", types);
	body = tg_error_body(s->shape, 403, "tollgate_redaction_blocked", "redaction_blocked", msg, s->trace_id);
	if (!body)
		return -1;
	if (s->framing == FRAME_ARRAY) {
		/* one more element, and the array's end (what follows is dropped) */
		rc |= tg_buf_printf(s->w->out, "%s%s\r\n]", s->opened ? ",\r\n" : "[", body);
	} else {
		if (s->shape == TG_API_ANTHROPIC)
			rc |= tg_buf_printf(s->w->out, "event: error%s", s->eol);
		rc |= tg_buf_printf(s->w->out, "data: %s%s%s", body, s->eol, s->eol);
	}
	free(body);
	return rc;
}

static void held_free(struct held *h)
{
	free(h->raw);
	free(h->more);
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

/* Raw bytes as received; for an array, note when its '[' goes out. */
static int put_raw(struct tg_redact_sse *s, const char *raw, size_t len)
{
	if (s->framing == FRAME_ARRAY && !s->opened && memchr(raw, '[', len))
		s->opened = true;
	return tg_buf_append(s->w->out, raw, len);
}

/*
 * Does a JSON event go out byte for byte as it came, without walking it
 * again? So it does when rewrite() would change none of its strings: each
 * string not a channel's was known clean as it came (h->clean), and each
 * channel piece goes out whole, as it came: decided, following what went
 * out of its channel so far, with no value in it. If so, its channels move
 * on as carry() would move them.
 */
static bool as_is(struct tg_redact_sse *s, struct held *h)
{
	if (!h->clean)
		return false;
	for (size_t i = 0; i < h->nsegs; i++) {
		const struct seg *g = seg_at(h, i);
		struct channel *c;
		uint64_t a;

		if (g->ch == NO_CHANNEL)
			continue;
		c = channel_by_id(s, g->ch);
		if (!c || !(c->closed || g->b <= c->hold))
			return false;
		/* where it starts: after what went out, or after the channel's piece before it in this event */
		a = c->sent;
		for (size_t k = 0; k < i; k++)
			if (seg_at(h, k)->ch == g->ch)
				a = seg_at(h, k)->b;
		if (a + g->len != g->b)
			return false;
		for (uint32_t j = 0; j < c->nv; j++)
			if (c->v[j].end > a && c->v[j].start < g->b)
				return false;
	}
	for (size_t i = 0; i < h->nsegs; i++) {
		const struct seg *g = seg_at(h, i);
		struct channel *c = g->ch == NO_CHANNEL ? NULL : channel_by_id(s, g->ch);

		if (c)
			c->sent = g->b;
	}
	return true;
}

/* Write out one held event that may go. */
static int send_event(struct tg_redact_sse *s, struct held *h)
{
	char type[48];
	struct tg_buf data = {0};
	const char *d;
	size_t dlen;
	tg_err err = {{0}};
	int rc;

	if (h->as_text) {
		/* no fields to go by: the raw bytes as text */
		if (s->framing == FRAME_ARRAY && !s->opened && memchr(h->raw, '[', h->raw_len))
			s->opened = true;
		rc = tg_redactor_text(s->x, TG_DIR_RESPONSE, h->raw, h->raw_len, s->w->out, &err) < 0;
		return rc ? -1 : 0;
	}
	if (!h->has_data)
		return put_raw(s, h->raw, h->raw_len);
	if (h->json && as_is(s, h)) {
		tg_redactor_json_begin(s->x, TG_DIR_RESPONSE);
		return put_raw(s, h->raw, h->raw_len);
	}
	if (s->framing == FRAME_ARRAY) {
		d = h->raw + h->data_off;
		dlen = h->data_len;
	} else {
		if (event_data(h->raw, h->raw_len, &data) < 0) {
			tg_buf_free(&data);
			return -1;
		}
		d = data.data ? tg_buf_start(&data) : "";
		dlen = tg_buf_used(&data);
	}
	tg_buf_reset(&s->w->data);
	if (!h->json) {
		/* not JSON: the data as text */
		rc = tg_redactor_text(s->x, TG_DIR_RESPONSE, d, dlen, &s->w->data, &err);
	} else {
		s->w->doc = d;
		s->w->doc_len = dlen;
		type[0] = 0;
		if (s->shape != TG_API_GEMINI) /* Gemini's objects have no "type" */
			member_text(s, tg_json_skip_ws(d, dlen, 0), "type", type, sizeof(type));
		s->w->type = type;
		s->w->cur = h;
		s->w->cur_seg = 0;
		tg_redactor_json_begin(s->x, TG_DIR_RESPONSE);
		rc = tg_json_rewrite(d, dlen, rewrite, s, &s->w->data, &err);
		s->w->type = "";
		if (rc == 0)
			rc = tg_buf_used(&s->w->data) != dlen ||
			     (dlen && memcmp(tg_buf_start(&s->w->data), d, dlen) != 0);
	}
	if (rc > 0 && s->framing == FRAME_ARRAY) {
		/* what precedes an element has the '[' if no element went out before */
		rc = put_element(s, h, s->w->data.data ? tg_buf_start(&s->w->data) : "", tg_buf_used(&s->w->data));
		s->opened = true;
	} else if (rc > 0) {
		rc = put_event(s, h->raw, h->raw_len, s->w->data.data ? tg_buf_start(&s->w->data) : "",
			       tg_buf_used(&s->w->data));
	} else if (rc == 0) {
		rc = put_raw(s, h->raw, h->raw_len);
	}
	tg_buf_free(&data);
	return rc < 0 ? -1 : 0;
}

/*
 * May h go out now? All its channel text must be decided; or, when the
 * stream holds more than its budget, each undecided piece must have a
 * later event of its channel to carry it on.
 */
static bool ready(struct tg_redact_sse *s, struct held *h, bool pressed)
{
	for (size_t i = 0; i < h->nsegs; i++) {
		const struct seg *g = seg_at(h, i);
		struct channel *c = g->ch == NO_CHANNEL ? NULL : channel_by_id(s, g->ch);

		if (!c || c->closed || g->b <= c->hold || (pressed && c->last != h->serial))
			continue;
		return false;
	}
	return true;
}

/* What a held event takes. */
static size_t held_bytes(const struct held *h)
{
	return tg_heap_bytes(h->raw_len ? h->raw_len : 1) +
	       tg_heap_bytes((h->nsegs > 1 ? h->nsegs - 1 : 0) * sizeof(struct seg));
}

void tg_redact_sse_state(const struct tg_redact_sse *s, struct tg_redact_sse_state *st)
{
	memset(st, 0, sizeof(*st));
	st->stream = tg_heap_bytes(sizeof(*s)) + tg_heap_bytes(s->capch * sizeof(s->ch[0])) +
		     tg_heap_bytes(s->capq * sizeof(s->q[0]));
	for (size_t i = 0; i < s->nch; i++)
		st->text += tg_heap_bytes(s->ch[i].ts.cap) + tg_heap_bytes(s->ch[i].capv * sizeof(struct value));
	for (size_t i = 0; i < s->nq; i++)
		st->held += held_bytes(&s->q[i]);
	st->nheld = s->nq;
	st->splitter = tg_redact_sse_splitter_bytes(s);
	if (s->w) /* inside a feed: its scratch too */
		st->stream += tg_heap_bytes(s->w->data.cap) + tg_heap_bytes(s->w->spans.cap * sizeof(s->w->spans.v[0]));
}

/* What the stream keeps from one read to the next, with the call's
 * redactor and stage record: the state the budget bounds. (The splitter's
 * buffer holds the event being handled, and the scratch is the feed's.) */
static size_t kept_bytes(const struct tg_redact_sse *s)
{
	struct tg_redact_sse_state st;

	tg_redact_sse_state(s, &st);
	if (s->w)
		st.stream -= tg_heap_bytes(s->w->data.cap) + tg_heap_bytes(s->w->spans.cap * sizeof(s->w->spans.v[0]));
	return st.stream + st.text + st.held + tg_redactor_bytes(s->x) + tg_redact_stage_call_bytes();
}

/* Send the held events, oldest first, as far as they may go (extra: bytes
 * kept besides, for the budget). */
static int release(struct tg_redact_sse *s, size_t extra)
{
	size_t done = 0;
	int rc = 0;

	while (done < s->nq && !s->dead) {
		struct held *h = &s->q[done];

		if (!ready(s, h, false)) {
			/* over the budget? (the events let go so far still sit in the queue) */
			size_t kept = kept_bytes(s) + extra;

			for (size_t i = 0; i < done; i++)
				kept -= held_bytes(&s->q[i]);
			if (kept <= STATE_BUDGET || !ready(s, h, true))
				break;
		}
		rc = send_event(s, h);
		for (size_t i = 0; i < h->nsegs; i++) {
			const struct seg *g = seg_at(h, i);
			struct channel *c = g->ch == NO_CHANNEL ? NULL : channel_by_id(s, g->ch);
			uint32_t k = 0;

			if (!c)
				continue;
			c->queued--;
			/* values that went out whole are done with */
			for (uint32_t j = 0; j < c->nv; j++)
				if (c->v[j].end > c->sent)
					c->v[k++] = c->v[j];
			c->nv = k;
			if (!k) {
				free(c->v);
				c->v = NULL;
				c->capv = 0;
			}
			tg_textstream_forget(&c->ts, tg_redactor_detectors(s->x), c->sent);
		}
		s->qbytes -= h->raw_len;
		done++;
		if (rc == 0 && tg_redactor_blocked(s->x, TG_DIR_RESPONSE, NULL, 0))
			rc = put_block_error(s, h);
		held_free(h);
		if (rc < 0)
			break;
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
	if (s->nq == 0) {
		free(s->q);
		s->q = NULL;
		s->capq = 0;
	}
	channels_gc(s);
	return rc < 0 ? -1 : 0;
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

/* What arrives, whatever the framing. */
struct incoming {
	const char *raw;
	size_t raw_len;
	const char *data;           /* the event's data (SSE) or the element (array) */
	size_t data_len, data_off;
	bool has_data, as_text, whole;
	bool ends;                  /* every channel ends before it ([DONE], the array's ']') */
};

static struct held *enqueue(struct tg_redact_sse *s, const struct incoming *in, bool json)
{
	struct held *h;

	if (s->nq == s->capq) {
		uint32_t cap = s->capq ? s->capq * 2 : 1;
		struct held *v = realloc(s->q, cap * sizeof(*v));

		if (!v)
			return NULL;
		s->q = v;
		s->capq = cap;
	}
	h = &s->q[s->nq];
	memset(h, 0, sizeof(*h));
	h->raw = malloc(in->raw_len ? in->raw_len : 1);
	if (!h->raw)
		return NULL;
	memcpy(h->raw, in->raw, in->raw_len);
	h->raw_len = in->raw_len;
	h->data_off = (uint32_t)in->data_off;
	h->data_len = (uint32_t)in->data_len;
	h->has_data = in->has_data;
	h->json = json;
	h->as_text = in->as_text;
	h->whole = in->whole;
	h->clean = json;
	h->serial = ++s->serial;
	s->qbytes += h->raw_len;
	s->nq++;
	return h;
}

static int arrive(struct tg_redact_sse *s, const struct incoming *in)
{
	char type[48];
	size_t root;
	struct held *h;
	tg_err err = {{0}};
	bool json;

	if (s->dead)
		return 0;
	/* a long burst goes out in parts (see the top of this file) */
	if ((s->qbytes > BATCH_BYTES || s->nch >= MAX_CHANNELS / 2) && (scan_channels(s) < 0 || release(s, 0) < 0))
		return -1;
	/* JSON is rewritten string by string, escapes decoded. An event's data
	 * that is no object, array or string is text (numbers included); an
	 * array's element is JSON whatever it is, so the array stays JSON. */
	root = in->has_data ? tg_json_skip_ws(in->data, in->data_len, 0) : 0;
	json = in->has_data && root < in->data_len &&
	       (in->data[root] == '{' || in->data[root] == '[' || in->data[root] == '"' ||
		s->framing == FRAME_ARRAY) &&
	       tg_json_valid(in->data, in->data_len);
	if (in->ends && close_channels(s, true) < 0)
		return -1;
	if (!in->has_data && !in->as_text && s->nq == 0)
		return put_raw(s, in->raw, in->raw_len); /* comments, keep-alives, separators */
	h = enqueue(s, in, json);
	if (!h)
		return -1;
	if (json) {
		s->w->doc = in->data;
		s->w->doc_len = in->data_len;
		type[0] = 0;
		if (s->shape != TG_API_GEMINI && may_name(in->data, in->data_len, "type"))
			member_text(s, root, "type", type, sizeof(type));
		s->w->type = type;
		s->w->close_all = false;
		s->w->cur = h;
		close_by_type(s, root);
		if (tg_json_rewrite(in->data, in->data_len, inspect, s, &s->w->data, &err) < 0)
			return -1;
		s->w->type = "";
		tg_buf_reset(&s->w->data);
		close_siblings(s, h->serial);
		if (close_channels(s, s->w->close_all) < 0)
			return -1;
	}
	if (s->qbytes > MAX_QUEUE_BYTES) {
		/* something undecided for megabytes: decide it as it stands */
		if (scan_channels(s) < 0 || release(s, 0) < 0)
			return -1;
		if (s->qbytes > MAX_QUEUE_BYTES && (close_channels(s, true) < 0 || release(s, 0) < 0))
			return -1;
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
	struct incoming in = {
		.raw = ev->raw, .raw_len = ev->raw_len, .data = ev->data, .data_len = ev->data_len,
		.has_data = ev->has_data && !ev->oversized, .as_text = ev->oversized,
		.ends = ev->has_data && ev->data_len == 6 && memcmp(ev->data, "[DONE]", 6) == 0,
	};

	if (s->dead)
		return 0;
	learn_eol(s, ev);
	return arrive(s, &in);
}

/* Only what may stand between array elements: brackets, commas, whitespace. */
static bool structural(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!p[i] || !strchr("[], \t\r\n", p[i]))
			return false;
	return true;
}

static int on_piece(void *arg, const struct tg_jarray_piece *p)
{
	struct tg_redact_sse *s = arg;
	struct incoming in = {
		.raw = p->raw, .raw_len = p->raw_len, .data = p->raw + p->value_off, .data_len = p->value_len,
		.data_off = p->value_off, .has_data = p->value_len > 0, .whole = p->whole, .ends = p->end,
		.as_text = p->oversized || (!p->value_len && !structural(p->raw, p->raw_len)),
	};

	return arrive(s, &in);
}

/* ---- the stream ------------------------------------------------------------------ */

static struct tg_redact_sse *stream_new(struct tg_redactor *x, enum tg_api_shape shape, const char *trace_id,
					enum framing framing)
{
	struct tg_redact_sse *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->x = x;
	s->shape = shape == TG_API_AZURE_OPENAI ? TG_API_OPENAI : shape;
	s->framing = framing;
	s->trace_id = trace_id ? trace_id : "";
	strcpy(s->eol, "\n");
	if (framing == FRAME_ARRAY)
		tg_jarray_init(&s->split.arr, MAX_EVENT);
	else
		tg_sse_init(&s->split.sse, MAX_EVENT);
	return s;
}

struct tg_redact_sse *tg_redact_sse_new(struct tg_redactor *x, enum tg_api_shape shape, const char *trace_id)
{
	return stream_new(x, shape, trace_id, FRAME_SSE);
}

struct tg_redact_sse *tg_redact_sse_new_array(struct tg_redactor *x, enum tg_api_shape shape,
					      const char *trace_id)
{
	return stream_new(x, shape, trace_id, FRAME_ARRAY);
}

int tg_redact_sse_feed(struct tg_redact_sse *s, const char *in, size_t len, bool last, struct tg_buf *out)
{
	struct walk w = {.out = out, .type = ""};
	size_t before = tg_buf_used(out);
	int rc = 0;

	s->w = &w;
	if (s->framing == FRAME_ARRAY) {
		if (len)
			rc = tg_jarray_feed(&s->split.arr, in, len, on_piece, s);
		if (rc == 0 && last)
			rc = tg_jarray_finish(&s->split.arr, on_piece, s);
	} else {
		if (len)
			rc = tg_sse_feed(&s->split.sse, in, len, on_event, s);
		if (rc == 0 && last)
			rc = tg_sse_finish(&s->split.sse, on_event, s);
		/* between reads a stream keeps only what it must (the splitter's
		 * field scratch is only read inside its callback) */
		tg_buf_reset(&s->split.sse.fields);
		tg_buf_release_if_empty(&s->split.sse.fields);
	}
	if (rc == 0 && last && !s->dead)
		rc = close_channels(s, true);
	if (rc == 0)
		rc = scan_channels(s);
	/* what is kept till the next read includes the splitter's piece of an event */
	if (rc == 0)
		rc = release(s, last ? 0 : tg_redact_sse_splitter_bytes(s));
	s->w = NULL;
	tg_buf_free(&w.data);
	tg_spans_free(&w.spans);
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
	if (s->framing == FRAME_ARRAY)
		tg_jarray_free(&s->split.arr);
	else
		tg_sse_free(&s->split.sse);
	free(s);
}

size_t tg_redact_sse_splitter_bytes(const struct tg_redact_sse *s)
{
	if (s->framing == FRAME_ARRAY)
		return tg_heap_bytes(s->split.arr.buf.cap);
	return tg_heap_bytes(s->split.sse.buf.cap) + tg_heap_bytes(s->split.sse.fields.cap);
}

size_t tg_redact_sse_bytes(const struct tg_redact_sse *s)
{
	struct tg_redact_sse_state st;

	tg_redact_sse_state(s, &st);
	return st.stream + st.text + st.held + st.splitter;
}
