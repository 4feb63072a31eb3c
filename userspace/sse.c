/*
 * sse.c - incremental Server-Sent Events splitter (see sse.h).
 *
 * Bytes are collected in s->buf until a blank line ends the event; then the
 * event's lines are parsed into s->fields and handed out, and the buffer
 * drops them. Scanning resumes where the previous feed stopped, so every
 * byte is looked at once.
 */
#include "sse.h"

#include <string.h>

#include "word.h"

void tg_sse_init(struct tg_sse *s, size_t max_event)
{
	memset(s, 0, sizeof(*s));
	s->max_event = max_event ? max_event : TG_SSE_DEFAULT_MAX_EVENT;
}

void tg_sse_free(struct tg_sse *s)
{
	tg_buf_free(&s->buf);
	tg_buf_free(&s->fields);
}

/* The offset of the first CR or LF in p[i..n), or n. */
static size_t line_end(const char *p, size_t i, size_t n)
{
	return tg_word_find2(p, n, i, '\n', '\r');
}

struct fields {
	size_t data_len;
	bool has_data;
	const char *type, *id;
	size_t type_len, id_len;
};

/* One line of an event: "name: value", "name:value", "name", or ": comment". */
static int field_line(struct tg_sse *s, const char *line, size_t n, struct fields *f)
{
	const char *colon = memchr(line, ':', n);
	size_t name_len = colon ? (size_t)(colon - line) : n;
	const char *value = colon ? colon + 1 : line + n;
	size_t vlen = colon ? n - name_len - 1 : 0;

	if (name_len == 0)
		return 0; /* a comment (or an empty line) */
	if (vlen && value[0] == ' ') {
		value++;
		vlen--;
	}
	if (name_len == 4 && memcmp(line, "data", 4) == 0) {
		if (f->has_data && tg_buf_append(&s->fields, "\n", 1))
			return -1;
		if (tg_buf_append(&s->fields, value, vlen))
			return -1;
		f->data_len += (f->has_data ? 1 : 0) + vlen;
		f->has_data = true;
	} else if (name_len == 5 && memcmp(line, "event", 5) == 0) {
		f->type = value;
		f->type_len = vlen;
	} else if (name_len == 2 && memcmp(line, "id", 2) == 0) {
		f->id = value;
		f->id_len = vlen;
	}
	return 0;
}

/* Parse the lines of the first n bytes of s->buf into s->fields and ev. */
static int parse(struct tg_sse *s, size_t n, struct tg_sse_event *ev)
{
	const char *raw = tg_buf_start(&s->buf);
	struct fields f = {0};
	size_t i, start = 0;
	char *p;

	tg_buf_reset(&s->fields);
	for (i = line_end(raw, 0, n); i < n; i = line_end(raw, i + 1, n)) {
		if (field_line(s, raw + start, i - start, &f))
			return -1;
		if (raw[i] == '\r' && i + 1 < n && raw[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	if (start < n && field_line(s, raw + start, n - start, &f))
		return -1;
	/* s->fields: data NUL type NUL id NUL */
	if (tg_buf_append(&s->fields, "", 1) ||
	    tg_buf_append(&s->fields, f.type ? f.type : "", f.type_len) ||
	    tg_buf_append(&s->fields, "", 1) ||
	    tg_buf_append(&s->fields, f.id ? f.id : "", f.id_len) ||
	    tg_buf_append(&s->fields, "", 1))
		return -1;
	p = tg_buf_start(&s->fields);
	ev->data = p;
	ev->data_len = f.data_len;
	ev->has_data = f.has_data;
	ev->type = p + f.data_len + 1;
	ev->type_len = f.type_len;
	ev->id = ev->type + f.type_len + 1;
	ev->id_len = f.id_len;
	return 0;
}

/* Hand out the first n bytes of s->buf as an event and drop them. */
static int emit(struct tg_sse *s, size_t n, bool complete, bool oversized, tg_sse_fn fn, void *arg)
{
	struct tg_sse_event ev = {0};
	int rc;

	ev.raw = tg_buf_start(&s->buf);
	ev.raw_len = n;
	ev.complete = complete;
	ev.oversized = oversized;
	if (oversized)
		ev.data = ev.type = ev.id = "";
	else if (parse(s, n, &ev))
		return -1;
	rc = fn(arg, &ev);
	tg_buf_consume(&s->buf, n);
	s->scan -= n;
	tg_buf_release_if_empty(&s->buf);
	return rc;
}

int tg_sse_feed(struct tg_sse *s, const char *in, size_t len, tg_sse_fn fn, void *arg)
{
	int rc;

	if (len && tg_buf_append(&s->buf, in, len))
		return -1;
	while (s->scan < tg_buf_used(&s->buf)) {
		size_t i = s->scan;
		char c;

		/* within a line, only its end matters */
		if (s->in_line && !s->skip_lf) {
			i = line_end(tg_buf_start(&s->buf), i, tg_buf_used(&s->buf));
			if (i == tg_buf_used(&s->buf)) {
				s->scan = i;
				break;
			}
		}
		s->scan = i + 1;
		c = tg_buf_start(&s->buf)[i];

		if (s->skip_lf) {
			s->skip_lf = false;
			if (c == '\n')
				continue; /* the second half of a CRLF */
		}
		if (c != '\r' && c != '\n') {
			s->in_line = true;
			continue;
		}
		s->skip_lf = c == '\r';
		if (s->in_line) {
			s->in_line = false;
			s->seen_line = true;
			continue;
		}
		if (!s->seen_line)
			continue; /* a blank line before any field: part of the next event */
		s->seen_line = false;
		rc = emit(s, i + 1, true, s->overflow, fn, arg);
		s->overflow = false;
		if (rc)
			return rc;
	}
	if (tg_buf_used(&s->buf) > s->max_event || (s->overflow && tg_buf_used(&s->buf))) {
		/* Too big to hold: pass on what we have, keep looking for its end. */
		s->overflow = true;
		s->seen_line = true;
		rc = emit(s, tg_buf_used(&s->buf), false, true, fn, arg);
		if (rc)
			return rc;
	}
	return 0;
}

int tg_sse_finish(struct tg_sse *s, tg_sse_fn fn, void *arg)
{
	size_t n = tg_buf_used(&s->buf);
	bool oversized = s->overflow;

	s->overflow = s->seen_line = s->in_line = s->skip_lf = false;
	if (!n)
		return 0;
	return emit(s, n, false, oversized, fn, arg);
}
