/*
 * test_sse.c - the SSE splitter: line endings, events split at every byte,
 * raw bytes preserved, oversized events, end of stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sse.h"

struct collect {
	char raw[65536];
	size_t raw_len;
	char datas[64][256];
	char types[64][64];
	char ids[64][64];
	int n, oversized, incomplete;
};

static int on_event(void *arg, const struct tg_sse_event *ev)
{
	struct collect *c = arg;

	memcpy(c->raw + c->raw_len, ev->raw, ev->raw_len);
	c->raw_len += ev->raw_len;
	if (ev->oversized) {
		c->oversized++;
		return 0;
	}
	if (!ev->complete)
		c->incomplete++;
	if (c->n < 64) {
		snprintf(c->datas[c->n], sizeof(c->datas[0]), "%s%s", ev->has_data ? "" : "(none)", ev->data);
		snprintf(c->types[c->n], sizeof(c->types[0]), "%s", ev->type);
		snprintf(c->ids[c->n], sizeof(c->ids[0]), "%s", ev->id);
	}
	c->n++;
	return 0;
}

/* Feed text in pieces of size step (0 = all at once). */
static void run(const char *text, size_t step, struct collect *c, size_t max)
{
	struct tg_sse s;
	size_t len = strlen(text);

	memset(c, 0, sizeof(*c));
	tg_sse_init(&s, max);
	if (!step)
		step = len ? len : 1;
	for (size_t off = 0; off < len; off += step)
		tg_sse_feed(&s, text + off, len - off < step ? len - off : step, on_event, c);
	tg_sse_finish(&s, on_event, c);
	tg_sse_free(&s);
}

int main(void)
{
	static const char *stream =
		": hello\n\n"
		"data: {\"a\":1}\n\n"
		"event: message_start\r\ndata: {\"b\":2}\r\n\r\n"
		"event: ping\rdata: x\rdata: y\rid: 7\r\r"
		"\n\ndata:no-space\n\n"
		"data: [DONE]\n\n";
	struct collect c;
	size_t len = strlen(stream);
	int ok_all = 1;

	run(stream, 0, &c, 0);
	CHECK(c.n == 6, "six events (comment-only event included), got %d", c.n);
	CHECK(strcmp(c.datas[0], "(none)") == 0, "comment-only event has no data");
	CHECK(strcmp(c.datas[1], "{\"a\":1}") == 0, "LF event data");
	CHECK(strcmp(c.types[2], "message_start") == 0 && strcmp(c.datas[2], "{\"b\":2}") == 0,
	      "CRLF event type and data");
	CHECK(strcmp(c.types[3], "ping") == 0 && strcmp(c.datas[3], "x\ny") == 0 && strcmp(c.ids[3], "7") == 0,
	      "CR-only event: type, joined data lines, id");
	CHECK(strcmp(c.datas[4], "no-space") == 0, "data without a space after the colon");
	CHECK(strcmp(c.datas[5], "[DONE]") == 0, "[DONE] event");
	CHECK(c.raw_len == len && memcmp(c.raw, stream, len) == 0, "raw bytes concatenate to the input");

	for (size_t step = 1; step <= len; step++) {
		struct collect d;

		run(stream, step, &d, 0);
		if (d.n != 6 || d.raw_len != len || memcmp(d.raw, stream, len) != 0 ||
		    strcmp(d.datas[3], "x\ny") != 0 || strcmp(d.types[2], "message_start") != 0 ||
		    strcmp(d.datas[5], "[DONE]") != 0) {
			ok_all = 0;
			printf("# step %zu: %d events\n", step, d.n);
		}
	}
	CHECK(ok_all, "same events and raw bytes for every read size from 1 to %zu", len);

	/* every split point into two reads */
	ok_all = 1;
	for (size_t cut = 0; cut <= len; cut++) {
		struct collect d;
		struct tg_sse s;

		memset(&d, 0, sizeof(d));
		tg_sse_init(&s, 0);
		tg_sse_feed(&s, stream, cut, on_event, &d);
		tg_sse_feed(&s, stream + cut, len - cut, on_event, &d);
		tg_sse_finish(&s, on_event, &d);
		tg_sse_free(&s);
		if (d.n != 6 || d.raw_len != len || memcmp(d.raw, stream, len) != 0 || d.incomplete)
			ok_all = 0;
	}
	CHECK(ok_all, "same events for every split into two reads");

	run("data: a\n\ndata: cut mid-way", 0, &c, 0);
	CHECK(c.n == 2 && c.incomplete == 1 && strcmp(c.datas[1], "cut mid-way") == 0,
	      "an unterminated last event is handed out at finish, marked incomplete");

	{
		char big[3000];
		char text[3100];

		memset(big, 'x', sizeof(big) - 1);
		big[sizeof(big) - 1] = 0;
		snprintf(text, sizeof(text), "data: %s\n\ndata: small\n\n", big);
		for (size_t step = 1; step <= 1024; step *= 4) {
			run(text, step, &c, 1024);
			CHECK(c.oversized >= 1 && c.n == 1 && strcmp(c.datas[0], "small") == 0 &&
				      c.raw_len == strlen(text) && memcmp(c.raw, text, c.raw_len) == 0,
			      "oversized event passed through in pieces, next event intact (read size %zu)", step);
		}
	}
	CHECK_DONE();
}
