/*
 * detect_check.h - what the detector unit tests share (header-only, like
 * check.h): the built-in rules compiled into detectors, a rewrite callback
 * that writes each value as [TYPE], and the check that a text streamed in
 * pieces gives the whole text's result.
 */
#ifndef TG_DETECT_CHECK_H
#define TG_DETECT_CHECK_H

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "detectors.h"
#include "redact_policy.h"
#include "textrw.h"

/* The rules tollgate ships (redaction-rules.json + the Nosey Parker port). */
static inline struct tg_detectors *dc_load_builtin(void)
{
	tg_err err = {{0}};
	struct tg_detectors *d = tg_detectors_new();
	cJSON *a = cJSON_Parse(tg_builtin_redaction_rules);
	cJSON *b = cJSON_Parse(tg_builtin_redaction_noseyparker);
	int rc = tg_detectors_add_entities(d, cJSON_GetObjectItem(a, "entities"), "rules", &err) ||
		 tg_detectors_add_rules(d, cJSON_GetObjectItem(a, "rules"), "rules", &err) ||
		 tg_detectors_add_rules(d, cJSON_GetObjectItem(b, "rules"), "np", &err) ||
		 tg_detectors_compile(d, &err);

	CHECK(rc == 0, "built-in rules compile (%s)", err.msg);
	cJSON_Delete(a);
	cJSON_Delete(b);
	return d;
}

/* A rewrite callback (ctx: the detectors): each value becomes [TYPE]. */
static inline int dc_bracket(void *ctx, const char *text, size_t len, const struct tg_span *s, struct tg_buf *out)
{
	(void)text;
	(void)len;
	return tg_buf_printf(out, "[%s]", tg_detectors_entity_name(ctx, s->entity));
}

/* s as a stream, in two pieces cut at every byte and byte by byte: how many
 * of those streams differ from the whole text's result (the first is shown). */
static inline int dc_stream_differs(struct tg_detectors *d, uint64_t entities, const char *s, int *streams)
{
	size_t n = strlen(s);
	struct tg_buf whole = {0};
	tg_err err = {{0}};
	int bad = 0;

	tg_text_rewrite(d, entities, s, n, dc_bracket, d, &whole, &err);
	for (size_t cut = 0; cut <= n; cut++) {
		struct tg_textstream ts = {0};
		struct tg_buf out = {0};

		if (cut == 0) {
			for (size_t i = 0; i < n; i++)
				tg_textstream_feed(&ts, d, entities, s + i, 1, false, dc_bracket, d, &out, &err);
		} else {
			tg_textstream_feed(&ts, d, entities, s, cut, false, dc_bracket, d, &out, &err);
			tg_textstream_feed(&ts, d, entities, s + cut, n - cut, false, dc_bracket, d, &out, &err);
		}
		tg_textstream_feed(&ts, d, entities, NULL, 0, true, dc_bracket, d, &out, &err);
		(*streams)++;
		if (tg_buf_used(&out) != tg_buf_used(&whole) ||
		    memcmp(tg_buf_start(&out), tg_buf_start(&whole), tg_buf_used(&out)) != 0) {
			if (bad++ == 0)
				printf("# cut %zu of \"%s\": \"%.*s\" vs \"%.*s\"\n", cut, s, (int)tg_buf_used(&out),
				       tg_buf_start(&out), (int)tg_buf_used(&whole), tg_buf_start(&whole));
		}
		tg_buf_free(&out);
		tg_textstream_free(&ts);
	}
	tg_buf_free(&whole);
	return bad;
}

/* A text and the values of one type it must give, "|"-separated, in order. */
struct dc_case {
	const char *text, *want;
};

/* The values of entity that d finds in text, "|"-separated, in order. */
static inline const char *dc_values(struct tg_detectors *d, const char *entity, const char *text)
{
	static char buf[512];
	struct tg_spans sp = {0};
	struct tg_scan_opts o = {.entities = ~0ull >> 1, .final = true};
	tg_err err = {{0}};
	int e = tg_detectors_entity(d, entity);
	size_t n = 0;

	buf[0] = 0;
	if (tg_detect(d, text, strlen(text), &o, &sp, &err) < 0)
		return "ERROR";
	for (size_t i = 0; i < sp.n; i++)
		if (sp.v[i].entity == e && n < sizeof(buf))
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%.*s", n ? "|" : "",
					      (int)(sp.v[i].end - sp.v[i].start), text + sp.v[i].start);
	tg_spans_free(&sp);
	return buf;
}

/* Each case, whole (what: the check's name) and then streamed at every cut. */
static inline void dc_check_cases(struct tg_detectors *d, const char *entity, const struct dc_case *cases, size_t n,
				  const char *what)
{
	int bad = 0, streams = 0;

	for (size_t i = 0; i < n; i++) {
		const char *got = dc_values(d, entity, cases[i].text);

		if (strcmp(got, cases[i].want) != 0) {
			bad++;
			printf("# \"%s\": found \"%s\", want \"%s\"\n", cases[i].text, got, cases[i].want);
		}
	}
	CHECK(bad == 0, "%s (%d of %zu cases wrong)", what, bad, n);
	bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += dc_stream_differs(d, ~0ull >> 1, cases[i].text, &streams);
	CHECK(bad == 0, "%s cases streamed in pieces = whole text, for %d streams (%d differ)", entity, streams, bad);
}

#endif
