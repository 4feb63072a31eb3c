/*
 * jsonarray.c - incremental splitter for a JSON array streamed element by
 * element (see jsonarray.h).
 *
 * Bytes are collected in j->buf. Outside elements only '[', ',', ']' and
 * whitespace are expected; an element starts at any other byte and ends
 * where its brackets close (containers), at its closing quote (strings) or
 * before the next delimiter (numbers, true, false, null). Scanning resumes
 * where the previous feed stopped, so every byte is looked at once.
 */
#include "jsonarray.h"

#include <string.h>

enum {
	ST_START = 0,  /* before the body's first byte that is not whitespace */
	ST_BETWEEN,    /* inside the array, between elements */
	ST_ELEMENT,    /* inside an object, array or string element */
	ST_SCALAR,     /* inside a number or literal element */
	ST_AFTER,      /* after the closing ']' */
	ST_WHOLE,      /* the body is no array */
};

void tg_jarray_init(struct tg_jarray *j, size_t max)
{
	memset(j, 0, sizeof(*j));
	j->max = max ? max : TG_JARRAY_DEFAULT_MAX;
}

void tg_jarray_free(struct tg_jarray *j)
{
	tg_buf_free(&j->buf);
}

bool tg_jarray_closed(const struct tg_jarray *j)
{
	return j->state == ST_AFTER;
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Hand out the first n bytes of j->buf as p (raw filled in here) and drop them. */
static int emit(struct tg_jarray *j, size_t n, struct tg_jarray_piece *p, tg_jarray_fn fn, void *arg)
{
	int rc;

	p->raw = tg_buf_start(&j->buf);
	p->raw_len = n;
	rc = fn(arg, p);
	tg_buf_consume(&j->buf, n);
	j->scan -= n;
	j->value = j->value > n ? j->value - n : 0;
	tg_buf_release_if_empty(&j->buf);
	return rc;
}

/* The element that started at j->value ends just before buf offset end. */
static int emit_element(struct tg_jarray *j, size_t end, bool complete, tg_jarray_fn fn, void *arg)
{
	struct tg_jarray_piece p = {0};

	if (j->overflow) {
		/* the last piece of an oversized element */
		p.oversized = true;
		j->overflow = false;
	} else {
		p.value_off = j->value;
		p.value_len = end - j->value;
		p.complete = complete;
	}
	j->state = ST_BETWEEN;
	return emit(j, end, &p, fn, arg);
}

/* Past the bound: hand out what was scanned, so memory stays bounded. */
static int overflow(struct tg_jarray *j, tg_jarray_fn fn, void *arg)
{
	struct tg_jarray_piece p = {0};

	if (j->state == ST_ELEMENT || j->state == ST_SCALAR || j->state == ST_WHOLE) {
		p.oversized = true;
		j->overflow = true;
	}
	return emit(j, j->scan, &p, fn, arg);
}

/* Walk an object, array or string element from j->scan; returns the offset
 * just past its end, or 0 if it has not ended in the bytes there are. */
static size_t walk_element(struct tg_jarray *j)
{
	const char *b = tg_buf_start(&j->buf);
	size_t n = tg_buf_used(&j->buf);

	for (size_t i = j->scan; i < n; i++) {
		char c = b[i];

		if (j->in_string) {
			if (j->escape)
				j->escape = false;
			else if (c == '\\')
				j->escape = true;
			else if (c == '"') {
				j->in_string = false;
				if (j->depth == 0)
					return i + 1;
			}
		} else if (c == '"') {
			j->in_string = true;
		} else if (c == '{' || c == '[') {
			j->depth++;
		} else if ((c == '}' || c == ']') && --j->depth == 0) {
			return i + 1;
		}
	}
	j->scan = n;
	return 0;
}

static int run(struct tg_jarray *j, tg_jarray_fn fn, void *arg)
{
	int rc = 0;

	while (rc == 0 && j->scan < tg_buf_used(&j->buf)) {
		const char *b = tg_buf_start(&j->buf);
		size_t i = j->scan, end;
		char c = b[i];

		switch (j->state) {
		case ST_START:
			if (c == '[')
				j->state = ST_BETWEEN;
			else if (!is_ws(c))
				j->state = ST_WHOLE;
			j->scan++;
			break;
		case ST_BETWEEN:
			j->scan++;
			if (is_ws(c) || c == ',')
				break;
			if (c == ']') {
				struct tg_jarray_piece p = {.end = true};

				j->state = ST_AFTER;
				rc = emit(j, j->scan, &p, fn, arg);
				break;
			}
			j->value = i;
			j->depth = c == '{' || c == '[' ? 1 : 0;
			j->in_string = c == '"';
			j->escape = false;
			j->state = c == '{' || c == '[' || c == '"' ? ST_ELEMENT : ST_SCALAR;
			break;
		case ST_ELEMENT:
			end = walk_element(j);
			if (end) {
				j->scan = end;
				rc = emit_element(j, end, true, fn, arg);
			}
			break;
		case ST_SCALAR:
			if (is_ws(c) || c == ',' || c == ']')
				rc = emit_element(j, i, true, fn, arg);
			else
				j->scan++;
			break;
		case ST_AFTER:
		case ST_WHOLE:
			j->scan = tg_buf_used(&j->buf);
			break;
		}
		if (rc == 0 && j->state != ST_AFTER && j->scan && tg_buf_used(&j->buf) > j->max)
			rc = overflow(j, fn, arg);
	}
	if (rc == 0 && j->state == ST_AFTER && tg_buf_used(&j->buf)) {
		/* what follows the array goes out as it comes */
		struct tg_jarray_piece p = {0};

		rc = emit(j, tg_buf_used(&j->buf), &p, fn, arg);
	}
	return rc;
}

int tg_jarray_feed(struct tg_jarray *j, const char *in, size_t len, tg_jarray_fn fn, void *arg)
{
	if (len && tg_buf_append(&j->buf, in, len))
		return -1;
	return run(j, fn, arg);
}

int tg_jarray_finish(struct tg_jarray *j, tg_jarray_fn fn, void *arg)
{
	struct tg_jarray_piece p = {0};
	size_t n = tg_buf_used(&j->buf);

	if (n == 0)
		return 0;
	j->scan = n;
	switch (j->state) {
	case ST_WHOLE:
		if (j->overflow) {
			p.oversized = true;
		} else {
			p.whole = true;
			p.complete = true;
			p.value_len = n;
		}
		j->overflow = false;
		return emit(j, n, &p, fn, arg);
	case ST_ELEMENT:
		return emit_element(j, n, false, fn, arg);
	case ST_SCALAR:
		return emit_element(j, n, true, fn, arg);
	default:
		return emit(j, n, &p, fn, arg);
	}
}
