/*
 * detectors.c - the detection engine behind redaction: rules from JSON, one
 * Hyperscan database, PCRE2 confirmation anchored at Hyperscan's end offset,
 * each value passed to its rule's validator (detect_checks.c, detect_phone.c,
 * detect_ip.c), context words, and partial-match analysis for streams. See
 * detectors.h for the model.
 */
#include "detectors.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hs/hs.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "detect_checks.h"
#include "detect_ip.h"
#include "detect_phone.h"
#include "holdback.h"
#include "regex_compile.h"
#include "jsonfile.h"

#define WINDOW_CAP 16384          /* widest confirmation window (unbounded rules) */
#define MAX_STARTS 64             /* starts tried per hit while validators refuse */
#define CONFIRM_AHEAD 64          /* text after a hit's end a confirmation may look at */
#define MATCH_LIMIT 2000000
#define JIT_MODES (PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD) /* confirmations match whole and partly */
#define LABEL_MAX 8               /* longest "context_labels" word */
#define PLACEHOLDER_PATTERN "<[A-Z][A-Z0-9_]{0,22}_[0-9]{1,6}>"
#define PEM_END_PATTERN "-----END[ A-Z0-9_-]{0,40}PRIVATE KEY[ A-Z]{0,12}-----"

enum validator {
	V_NONE = 0, V_LUHN, V_CARD, V_IBAN, V_SSN, V_EMAIL, V_IPV4, V_IPV6, V_PHONE,
	V_DATE, V_PASSPORT, V_NINO, V_DNI, V_CODICE_FISCALE, V_SECRET, V_ID, V_BASE64_SECRET,
	V_PHONE_NATIONAL, V_PHONE_INTL, V_PHONE_ALONE,
};

static const char *const validator_names[] = {
	"", "luhn", "card", "iban", "ssn", "email", "ipv4", "ipv6", "phone",
	"date", "passport", "nino", "dni", "codice_fiscale", "secret", "id", "base64_secret",
	"phone_national", "phone_intl", "phone_alone", NULL,
};

struct entity {
	char name[TG_ENTITY_LEN];
	int priority;
};

struct rule {
	char id[TG_RULE_ID_LEN];
	char *pattern;
	char *trigger;            /* what Hyperscan looks for, if not the pattern (see detectors.h) */
	int entity;
	int priority;
	unsigned hs_flags;
	uint32_t pcre_opts;
	char flags[4];
	int group;                /* -1: every group that took part */
	enum validator validator;
	char **context, **deny, **deny_after;  /* as written; compiled into the word bitmaps */
	size_t ncontext, ndeny, ndeny_after;
	char **labels;            /* "context_labels": words that name a value as its line's label */
	size_t nlabels;
	char **fieldw;            /* "context_fields" as a list: the context words that name a field */
	size_t nfieldw;           /* (0: all of them) */
	uint64_t *ctx_words, *deny_words, *deny_after_words;
	uint32_t ctx_before, ctx_after;
	double min_entropy;
	bool pem;
	bool nearest;             /* "context_nearest": a word names the nearest number */
	bool optional;            /* "context_optional": context words only outrank deny words and name TG_WEAK values */
	bool local;               /* "context_local": its words are looked for by hand around its values only */
	uint16_t *own;            /* ... those words (indexes into d->words), each once, by their first byte */
	uint16_t *own_at;         /* own[own_at[c], own_at[c + 1]): the words beginning with byte c */
	size_t nown;
	uint8_t fields;           /* "context_fields": the rule's bit in what a field name names (tablectx.h) */
	uint32_t initials;        /* ... and the letters its context words start with (bit 26: other bytes) */
	bool prefilter;           /* Hyperscan could only approximate it */
	unsigned max_width;
	pcre2_code *confirm;      /* (?:P)(?C1): a match forced to end where Hyperscan said */
	pcre2_code *plain;        /* P, for prefilter rules */
};

struct scanner {
	hs_scratch_t *scratch;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	size_t want_end;          /* the callout's target */
	size_t word_base;         /* Hyperscan ids from here on are context words */
	size_t glued_base;        /* ... and from here on context words glued to a name (end one byte later) */
	struct hit { uint32_t rule, end; } *hits;
	size_t nhits, caphits;
	struct hit *words;        /* context word hits (rule = word index), by end */
	size_t nwords, capwords;
	struct cand {
		uint32_t start, end, rstart, rend, rule;
		int prio;
		uint8_t entity;
	} *cands;
	size_t ncands, capcands;
	struct scanner *next;
};

struct tg_detectors {
	struct entity entities[TG_MAX_ENTITIES];
	size_t nentities;
	struct rule *rules;       /* rules[nrules] is the placeholder pseudo-rule once compiled */
	size_t nrules, caprules;
	size_t nprefilter;
	hs_database_t *db;        /* every rule (or its trigger), the placeholder and the context words */
	hs_scratch_t *proto;
	struct tg_holdback *holdback; /* every rule's partial matching, for streams (holdback.h) */
	pcre2_code *pem_end;
	char **words;             /* context and deny words of every rule, each once */
	uint8_t *word_len;
	uint8_t *word_min;        /* the shortest text a word matches (its spaces may be left out) */
	uint8_t *word_names;      /* per word: the "context_fields" rules it is a context word of (their bits) */
	uint8_t *word_whole;      /* ... and those it names only as a whole table header cell ("| Cell |"): a
				   * context word not in their "context_fields" list */
	bool *word_scanned;       /* per word: Hyperscan looks for it (a word of a rule without "context_local") */
	bool fields;              /* some rule has "context_fields" */
	size_t nwords;
	size_t history;
	bool compiled;
	bool placeholder;         /* rules[nrules] holds the placeholder pseudo-rule */
	pthread_mutex_t lock;
	struct scanner *pool;
};

/* ---- building ---------------------------------------------------------- */

struct tg_detectors *tg_detectors_new(void)
{
	struct tg_detectors *d = calloc(1, sizeof(*d));

	if (d)
		pthread_mutex_init(&d->lock, NULL);
	return d;
}

static void free_words(char **w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static void rule_free(struct rule *r)
{
	free(r->pattern);
	free(r->trigger);
	free_words(r->context, r->ncontext);
	free_words(r->deny, r->ndeny);
	free_words(r->deny_after, r->ndeny_after);
	free_words(r->labels, r->nlabels);
	free_words(r->fieldw, r->nfieldw);
	free(r->ctx_words);
	free(r->deny_words);
	free(r->deny_after_words);
	free(r->own);
	free(r->own_at);
	pcre2_code_free(r->confirm);
	pcre2_code_free(r->plain);
	memset(r, 0, sizeof(*r));
}

int tg_detectors_entity(const struct tg_detectors *d, const char *name)
{
	for (size_t i = 0; i < d->nentities; i++)
		if (strcmp(d->entities[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool entity_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= TG_ENTITY_LEN || !isupper((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

int tg_detectors_add_entities(struct tg_detectors *d, const cJSON *obj, const char *where, tg_err *err)
{
	static const char *const keys[] = {"priority", "description", NULL};
	const cJSON *e;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "%s: \"entities\": expected an object, got %s", where,
			       tg_json_type_name(obj));
	if (tg_json_check_keys(obj, NULL, err) < 0)
		return tg_err_prefix(err, "%s: \"entities\"", where);
	cJSON_ArrayForEach(e, obj) {
		const cJSON *p;
		uint64_t prio = 50;
		int idx;

		if (tg_json_is_comment(e->string))
			continue;
		if (!entity_name_ok(e->string))
			return tg_errf(err, "%s: \"entities\": \"%.40s\" is not an entity name "
				       "(upper-case letters, digits and _, at most %d characters)",
				       where, e->string, TG_ENTITY_LEN - 1);
		if (!cJSON_IsObject(e))
			return tg_errf(err, "%s: \"entities.%s\": expected an object, got %s", where,
				       e->string, tg_json_type_name(e));
		if (tg_json_check_keys(e, keys, err) < 0)
			return tg_err_prefix(err, "%s: \"entities.%s\"", where, e->string);
		p = cJSON_GetObjectItemCaseSensitive(e, "priority");
		if (p && tg_json_uint(p, 0, 1000, &prio, err) < 0)
			return tg_err_prefix(err, "%s: \"entities.%s.priority\"", where, e->string);
		p = cJSON_GetObjectItemCaseSensitive(e, "description");
		if (p && !cJSON_IsString(p))
			return tg_errf(err, "%s: \"entities.%s.description\": expected a string", where,
				       e->string);
		idx = tg_detectors_entity(d, e->string);
		if (idx < 0) {
			if (d->nentities >= TG_MAX_ENTITIES)
				return tg_errf(err, "%s: more than %d entity types", where, TG_MAX_ENTITIES);
			idx = (int)d->nentities++;
			tg_strlcpy(d->entities[idx].name, e->string, TG_ENTITY_LEN);
		}
		d->entities[idx].priority = (int)prio;
	}
	return 0;
}

/* An array of non-empty strings, lower-cased. */
static int parse_words(const cJSON *arr, char ***out, size_t *n, tg_err *err)
{
	const cJSON *w;
	size_t i = 0, cnt;

	if (!cJSON_IsArray(arr))
		return tg_errf(err, "expected an array of words, got %s", tg_json_type_name(arr));
	cnt = (size_t)cJSON_GetArraySize(arr);
	*out = calloc(cnt ? cnt : 1, sizeof(char *));
	if (!*out)
		return tg_errf(err, "out of memory");
	*n = 0;
	cJSON_ArrayForEach(w, arr) {
		char *s;

		if (!cJSON_IsString(w) || !w->valuestring[0] || strlen(w->valuestring) > 64)
			return tg_errf(err, "[%zu]: expected a word of 1 to 64 characters", i);
		s = strdup(w->valuestring);
		if (!s)
			return tg_errf(err, "out of memory");
		for (char *p = s; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		(*out)[(*n)++] = s;
		i++;
	}
	return 0;
}

/* An optional unsigned member of o, at most max: 1 given (in *v), 0 absent,
 * -1 invalid (err names the key). */
static int opt_uint(const cJSON *o, const char *key, uint64_t max, uint64_t *v, tg_err *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!it)
		return 0;
	if (tg_json_uint(it, 0, max, v, err) < 0)
		return tg_err_prefix(err, "\"%s\"", key);
	return 1;
}

/* An optional true/false key: 1 and *v set if present, 0 if absent, -1 on error. */
static int opt_bool(const cJSON *o, const char *key, bool *v, tg_err *err)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!it)
		return 0;
	if (!cJSON_IsBool(it))
		return tg_errf(err, "\"%s\": expected true or false", key);
	*v = cJSON_IsTrue(it);
	return 1;
}

static int parse_rule(struct tg_detectors *d, const cJSON *o, struct rule *r, tg_err *err)
{
	static const char *const keys[] = {
		"id", "name", "entity", "pattern", "flags", "group", "validator", "context",
		"context_before", "context_after", "deny_context", "deny_context_after", "min_entropy", "kind",
		"priority", "trigger", "examples", "negative_examples", "context_nearest", "context_fields",
		"context_optional", "context_labels", "context_local", NULL};
	const cJSON *it;
	const char *s;
	uint64_t v;
	int rc;

	if (!cJSON_IsObject(o))
		return tg_errf(err, "expected an object, got %s", tg_json_type_name(o));
	if (tg_json_check_keys(o, keys, err) < 0)
		return -1;
	it = cJSON_GetObjectItemCaseSensitive(o, "id");
	if (!it || tg_json_string(it, &s, err) < 0 || !s[0] || strlen(s) >= TG_RULE_ID_LEN)
		return tg_errf(err, "\"id\": a string of 1 to %d characters is required", TG_RULE_ID_LEN - 1);
	tg_strlcpy(r->id, s, sizeof(r->id));
	it = cJSON_GetObjectItemCaseSensitive(o, "name");
	if (it && !cJSON_IsString(it))
		return tg_errf(err, "\"name\": expected a string");
	it = cJSON_GetObjectItemCaseSensitive(o, "entity");
	if (!it || tg_json_string(it, &s, err) < 0)
		return tg_errf(err, "\"entity\": a string is required");
	r->entity = tg_detectors_entity(d, s);
	if (r->entity < 0)
		return tg_errf(err, "\"entity\": unknown entity type \"%.40s\" (declare it under \"entities\")", s);
	r->priority = d->entities[r->entity].priority;
	if ((rc = opt_uint(o, "priority", 1000, &v, err)) < 0)
		return -1;
	if (rc)
		r->priority = (int)v;
	it = cJSON_GetObjectItemCaseSensitive(o, "pattern");
	if (!it || tg_json_string(it, &s, err) < 0 || !s[0])
		return tg_errf(err, "\"pattern\": a non-empty string is required");
	r->pattern = strdup(s);
	if (!r->pattern)
		return tg_errf(err, "out of memory");
	it = cJSON_GetObjectItemCaseSensitive(o, "trigger");
	if (it) {
		if (tg_json_string(it, &s, err) < 0 || !s[0])
			return tg_errf(err, "\"trigger\": expected a non-empty string");
		r->trigger = strdup(s);
		if (!r->trigger)
			return tg_errf(err, "out of memory");
	}
	it = cJSON_GetObjectItemCaseSensitive(o, "flags");
	if (it) {
		if (tg_json_string(it, &s, err) < 0)
			return tg_err_prefix(err, "\"flags\"");
		for (const char *p = s; *p; p++) {
			if (*p == 'i') {
				r->hs_flags |= HS_FLAG_CASELESS;
				r->pcre_opts |= PCRE2_CASELESS;
			} else if (*p == 'm') {
				r->hs_flags |= HS_FLAG_MULTILINE;
				r->pcre_opts |= PCRE2_MULTILINE;
			} else if (*p == 's') {
				r->hs_flags |= HS_FLAG_DOTALL;
				r->pcre_opts |= PCRE2_DOTALL;
			} else {
				return tg_errf(err, "\"flags\": unknown flag '%c' (use i, m, s)", *p);
			}
		}
		tg_strlcpy(r->flags, s, sizeof(r->flags));
	}
	r->group = -1;
	if ((rc = opt_uint(o, "group", 32, &v, err)) < 0)
		return -1;
	if (rc)
		r->group = (int)v;
	it = cJSON_GetObjectItemCaseSensitive(o, "validator");
	if (it) {
		size_t i;

		if (tg_json_string(it, &s, err) < 0)
			return tg_err_prefix(err, "\"validator\"");
		for (i = 1; validator_names[i]; i++)
			if (strcmp(s, validator_names[i]) == 0)
				break;
		if (!validator_names[i])
			return tg_errf(err, "\"validator\": unknown validator \"%.32s\" (card, luhn, iban, ssn, "
				       "email, ipv4, ipv6, phone, phone_alone, phone_national, phone_intl, date, passport, nino, dni, "
				       "codice_fiscale, secret, id, base64_secret)", s);
		r->validator = (enum validator)i;
	}
	it = cJSON_GetObjectItemCaseSensitive(o, "context");
	if (it && parse_words(it, &r->context, &r->ncontext, err) < 0)
		return tg_err_prefix(err, "\"context\"");
	it = cJSON_GetObjectItemCaseSensitive(o, "deny_context");
	if (it && parse_words(it, &r->deny, &r->ndeny, err) < 0)
		return tg_err_prefix(err, "\"deny_context\"");
	it = cJSON_GetObjectItemCaseSensitive(o, "deny_context_after");
	if (it && parse_words(it, &r->deny_after, &r->ndeny_after, err) < 0)
		return tg_err_prefix(err, "\"deny_context_after\"");
	it = cJSON_GetObjectItemCaseSensitive(o, "context_labels");
	if (it && parse_words(it, &r->labels, &r->nlabels, err) < 0)
		return tg_err_prefix(err, "\"context_labels\"");
	for (size_t i = 0; i < r->nlabels; i++)
		if (strlen(r->labels[i]) > LABEL_MAX)
			return tg_errf(err, "\"context_labels\": \"%s\" is longer than %d bytes", r->labels[i], LABEL_MAX);
	r->ctx_before = (r->ncontext || r->ndeny) ? 40 : 0;
	if ((rc = opt_uint(o, "context_before", 64, &v, err)) < 0)
		return -1;
	if (rc)
		r->ctx_before = (uint32_t)v;
	if ((rc = opt_uint(o, "context_after", 64, &v, err)) < 0)
		return -1;
	if (rc)
		r->ctx_after = (uint32_t)v;
	it = cJSON_GetObjectItemCaseSensitive(o, "min_entropy");
	if (it) {
		if (!cJSON_IsNumber(it) || it->valuedouble < 0 || it->valuedouble > 8)
			return tg_errf(err, "\"min_entropy\": expected bits per character, 0 to 8");
		r->min_entropy = it->valuedouble;
	}
	if (opt_bool(o, "context_nearest", &r->nearest, err) < 0 ||
	    opt_bool(o, "context_optional", &r->optional, err) < 0 ||
	    opt_bool(o, "context_local", &r->local, err) < 0)
		return -1;
	if (r->optional && !r->ncontext)
		return tg_errf(err, "\"context_optional\": the rule has no \"context\" words");
	it = cJSON_GetObjectItemCaseSensitive(o, "context_fields");
	if (it) {
		if (cJSON_IsArray(it)) {
			if (parse_words(it, &r->fieldw, &r->nfieldw, err) < 0)
				return tg_err_prefix(err, "\"context_fields\"");
			for (size_t i = 0; i < r->nfieldw; i++) {
				size_t k = 0;

				while (k < r->ncontext && strcmp(r->context[k], r->fieldw[i]) != 0)
					k++;
				if (k == r->ncontext)
					return tg_errf(err, "\"context_fields\": \"%s\" is not one of the \"context\" words",
						       r->fieldw[i]);
			}
		} else if (!cJSON_IsBool(it)) {
			return tg_errf(err, "\"context_fields\": expected true, false or a list of context words");
		}
		r->fields = cJSON_IsTrue(it) || r->nfieldw > 0;
		if (r->fields && !r->ncontext)
			return tg_errf(err, "\"context_fields\": the rule has no \"context\" words");
		if (r->fields && r->local)
			return tg_errf(err, "\"context_fields\": not with \"context_local\"");
	}
	it = cJSON_GetObjectItemCaseSensitive(o, "kind");
	if (it) {
		if (tg_json_string(it, &s, err) < 0)
			return tg_err_prefix(err, "\"kind\"");
		if (strcmp(s, "pem") == 0)
			r->pem = true;
		else if (strcmp(s, "regex") != 0)
			return tg_errf(err, "\"kind\": expected \"regex\" or \"pem\", got \"%.32s\"", s);
	}
	for (const char *key = "examples"; key; key = strcmp(key, "examples") == 0 ? "negative_examples" : NULL) {
		const cJSON *ex;

		it = cJSON_GetObjectItemCaseSensitive(o, key);
		if (!it)
			continue;
		if (!cJSON_IsArray(it))
			return tg_errf(err, "\"%s\": expected an array of strings", key);
		cJSON_ArrayForEach(ex, it)
			if (!cJSON_IsString(ex))
				return tg_errf(err, "\"%s\": expected an array of strings", key);
	}
	return 0;
}

int tg_detectors_add_rules(struct tg_detectors *d, const cJSON *arr, const char *where, tg_err *err)
{
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return tg_errf(err, "%s: \"rules\": expected an array, got %s", where, tg_json_type_name(arr));
	cJSON_ArrayForEach(o, arr) {
		struct rule r = {0};
		size_t at;

		if (parse_rule(d, o, &r, err) < 0) {
			const cJSON *id = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, "id") : NULL;

			rule_free(&r);
			if (cJSON_IsString(id))
				return tg_err_prefix(err, "%s: rule \"%.64s\"", where, id->valuestring);
			return tg_err_prefix(err, "%s: \"rules[%zu]\"", where, i);
		}
		for (at = 0; at < d->nrules; at++)
			if (strcmp(d->rules[at].id, r.id) == 0)
				break;
		if (at < d->nrules) {
			rule_free(&d->rules[at]);
		} else {
			if (d->nrules + 2 > d->caprules) {
				size_t cap = d->caprules ? d->caprules * 2 : 64;
				struct rule *v = realloc(d->rules, cap * sizeof(*v));

				if (!v) {
					rule_free(&r);
					return tg_errf(err, "out of memory");
				}
				d->rules = v;
				d->caprules = cap;
			}
			at = d->nrules++;
		}
		d->rules[at] = r;
		i++;
	}
	return 0;
}

int tg_detectors_disable(struct tg_detectors *d, const char *id, tg_err *err)
{
	for (size_t i = 0; i < d->nrules; i++) {
		if (strcmp(d->rules[i].id, id) == 0) {
			rule_free(&d->rules[i]);
			memmove(&d->rules[i], &d->rules[i + 1], (d->nrules - i - 1) * sizeof(d->rules[0]));
			d->nrules--;
			return 0;
		}
	}
	return tg_errf(err, "no rule with id \"%.64s\"", id);
}

/* ---- compiling --------------------------------------------------------- */

/* "(?flags:P)" as text, for alternations. */
static char *inline_flags(const struct rule *r, const char *tail)
{
	size_t n = strlen(r->pattern) + strlen(tail) + 16;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "(?%s:%s%s)", r->flags, r->pattern, tail);
	return s;
}

/* The stream holdback: every rule (and the placeholder pseudo-rule) as PCRE2
 * matches it partially; a PEM block's value runs on to its END marker. */
static int compile_partial(struct tg_detectors *d, size_t n, tg_err *err)
{
	d->holdback = tg_holdback_new();
	if (!d->holdback)
		return tg_errf(err, "out of memory");
	for (size_t i = 0; i < n; i++) {
		char *one = inline_flags(&d->rules[i], d->rules[i].pem ? "[\\s\\S]*?" PEM_END_PATTERN : "");
		int rc;

		if (!one)
			return tg_errf(err, "out of memory");
		rc = tg_holdback_add(d->holdback, d->rules[i].id, one, err);
		free(one);
		if (rc < 0)
			return -1;
	}
	return tg_holdback_compile(d->holdback, err);
}

static int add_placeholder_rule(struct tg_detectors *d, tg_err *err)
{
	struct rule *r = &d->rules[d->nrules];

	memset(r, 0, sizeof(*r));
	tg_strlcpy(r->id, "tollgate.placeholder", sizeof(r->id));
	r->pattern = strdup(PLACEHOLDER_PATTERN);
	if (!r->pattern)
		return tg_errf(err, "out of memory");
	r->entity = TG_ENTITY_PLACEHOLDER;
	r->priority = 2000;
	r->group = -1;
	d->placeholder = true;
	return 0;
}

static int word_index(struct tg_detectors *d, const char *w)
{
	char **v;

	for (size_t i = 0; i < d->nwords; i++)
		if (strcmp(d->words[i], w) == 0)
			return (int)i;
	v = realloc(d->words, (d->nwords + 1) * sizeof(*v));
	if (!v)
		return -1;
	d->words = v;
	d->words[d->nwords] = strdup(w);
	if (!d->words[d->nwords])
		return -1;
	return (int)d->nwords++;
}

/* The words that name a field for a "context_fields" rule: its list, or
 * else every context word. */
static size_t field_count(const struct rule *r)
{
	return r->nfieldw ? r->nfieldw : r->ncontext;
}

static const char *field_word(const struct rule *r, size_t k)
{
	return r->nfieldw ? r->fieldw[k] : r->context[k];
}

/* Collect every rule's words into d->words and give each rule its bitmaps. */
static int build_words(struct tg_detectors *d, tg_err *err)
{
	for (size_t i = 0; i < d->nrules; i++) {
		struct rule *r = &d->rules[i];
		char **lists[3] = {r->context, r->deny, r->deny_after};
		size_t counts[3] = {r->ncontext, r->ndeny, r->ndeny_after};
		uint64_t **maps[3] = {&r->ctx_words, &r->deny_words, &r->deny_after_words};

		for (int l = 0; l < 3; l++)
			for (size_t k = 0; k < counts[l]; k++)
				if (word_index(d, lists[l][k]) < 0)
					return tg_errf(err, "out of memory");
		(void)maps;
	}
	if (d->nwords > 4096)
		return tg_errf(err, "more than 4096 distinct context words");
	d->word_len = calloc(d->nwords ? d->nwords : 1, 1);
	d->word_min = calloc(d->nwords ? d->nwords : 1, 1);
	if (!d->word_len || !d->word_min)
		return tg_errf(err, "out of memory");
	for (size_t k = 0; k < d->nwords; k++)
		d->word_len[k] = d->word_min[k] = (uint8_t)strlen(d->words[k]);
	for (size_t i = 0; i < d->nrules; i++) {
		struct rule *r = &d->rules[i];
		char **lists[3] = {r->context, r->deny, r->deny_after};
		size_t counts[3] = {r->ncontext, r->ndeny, r->ndeny_after};
		uint64_t **maps[3] = {&r->ctx_words, &r->deny_words, &r->deny_after_words};

		for (int l = 0; l < 3; l++) {
			if (!counts[l])
				continue;
			*maps[l] = calloc((d->nwords + 63) / 64, sizeof(uint64_t));
			if (!*maps[l])
				return tg_errf(err, "out of memory");
			for (size_t k = 0; k < counts[l]; k++) {
				int w = word_index(d, lists[l][k]);

				(*maps[l])[w / 64] |= 1ull << (w % 64);
			}
		}
	}
	/* Hyperscan looks for the words of the rules without "context_local";
	 * a rule with it keeps the list of its words, to look for them by hand */
	d->word_scanned = calloc(d->nwords ? d->nwords : 1, sizeof(*d->word_scanned));
	if (!d->word_scanned)
		return tg_errf(err, "out of memory");
	for (size_t i = 0; i < d->nrules; i++) {
		struct rule *r = &d->rules[i];
		char **lists[3] = {r->context, r->deny, r->deny_after};
		size_t counts[3] = {r->ncontext, r->ndeny, r->ndeny_after};

		if (r->local) {
			r->own = calloc(r->ncontext + r->ndeny + r->ndeny_after + 1, sizeof(*r->own));
			if (!r->own)
				return tg_errf(err, "out of memory");
		}
		for (int l = 0; l < 3; l++) {
			for (size_t k = 0; k < counts[l]; k++) {
				int w = word_index(d, lists[l][k]);
				size_t j = 0;

				if (!r->local) {
					d->word_scanned[w] = true;
					continue;
				}
				while (j < r->nown && r->own[j] != w)
					j++;
				if (j == r->nown)
					r->own[r->nown++] = (uint16_t)w;
			}
		}
		if (r->local) {
			/* by first byte (words are lower case), and where each byte's words begin */
			r->own_at = calloc(257, sizeof(*r->own_at));
			if (!r->own_at)
				return tg_errf(err, "out of memory");
			for (size_t a = 1; a < r->nown; a++)
				for (size_t b = a; b > 0 && (unsigned char)d->words[r->own[b - 1]][0] >
								 (unsigned char)d->words[r->own[b]][0]; b--) {
					uint16_t x = r->own[b];

					r->own[b] = r->own[b - 1];
					r->own[b - 1] = x;
				}
			for (size_t k = 0; k < r->nown; k++)
				r->own_at[(unsigned char)d->words[r->own[k]][0] + 1]++;
			for (int c = 0; c < 256; c++)
				r->own_at[c + 1] += r->own_at[c];
		}
	}
	/* "context_fields" rules: a bit each, and each of their words names them */
	d->word_names = calloc(d->nwords ? d->nwords : 1, sizeof(*d->word_names));
	d->word_whole = calloc(d->nwords ? d->nwords : 1, sizeof(*d->word_whole));
	if (!d->word_names || !d->word_whole)
		return tg_errf(err, "out of memory");
	for (size_t i = 0, bit = 0; i < d->nrules; i++) {
		struct rule *r = &d->rules[i];

		if (!r->fields)
			continue;
		if (bit == 8)
			return tg_errf(err, "rule \"%s\": more than 8 rules with \"context_fields\"", r->id);
		r->fields = (uint8_t)(1u << bit++);
		d->fields = true;
		for (size_t k = 0; k < field_count(r); k++) {
			const char *w = field_word(r, k);
			unsigned char c = (unsigned char)w[0];

			d->word_names[word_index(d, w)] |= r->fields;
			r->initials |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
		}
		for (size_t k = 0; r->nfieldw && k < r->ncontext; k++)
			d->word_whole[word_index(d, r->context[k])] |= r->fields;
	}
	for (size_t k = 0; k < d->nwords; k++)
		if (d->word_names[k])
			d->word_whole[k] = 0; /* found as a name, its length varies: not looked at as a cell */
	/* the words found in names may leave their spaces out */
	for (size_t k = 0; k < d->nwords; k++)
		for (const char *c = d->words[k]; d->word_names[k] && *c; c++)
			d->word_min[k] -= *c == ' ';
	return 0;
}

/* Bytes of a context word as pattern text: letters and digits as they are,
 * a space as a space (names: an optional space, '_' or '-'), anything else
 * escaped. */
static char *word_bytes(char *o, const char *w, bool names)
{
	for (size_t i = 0; w[i]; i++) {
		if (isalnum((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80)
			*o++ = w[i];
		else if (w[i] == ' ')
			o += sprintf(o, names ? "[ _-]?" : " ");
		else
			o += sprintf(o, "\\x%02x", (unsigned char)w[i]);
	}
	return o;
}

/* Does a context word end with a letter or digit (so it can be glued to a
 * name that goes on: "ssn_full")? */
static bool word_glues(const char *w)
{
	return isalnum((unsigned char)w[strlen(w) - 1]);
}

/*
 * A context word as a Hyperscan pattern, caseless: the word, with \b where
 * it starts or ends with a letter or digit. A word of a "context_fields"
 * rule (names) is also found as a part of a snake_case name: after or
 * before '_' ("user_ssn", "ssn_full"), its spaces written as '_', '-' or
 * nothing ("social_security_number", "socialsecurity"). In camelCase
 * ("customerSsn", "ssnLast4") it is looked for by hand, only where a value
 * needs it (field_word_in): as a pattern, a case change costs the whole
 * database speed.
 * glued: the pattern for the word followed by '_' or a digit (a numbered
 * field: "phone2", "tel_1"), which the match takes in: the word ends one
 * byte before the match (on_hit). Only for a word of names that ends with a
 * letter or digit.
 */
static char *word_pattern(const char *w, bool names, bool glued)
{
	size_t n = strlen(w);
	char *p = malloc(n * 8 + 32), *o = p;

	if (!p)
		return NULL;
	if (isalnum((unsigned char)w[0]))
		o += sprintf(o, names ? "(?:\\b|_)" : "\\b");
	o = word_bytes(o, w, names);
	if (glued)
		o += sprintf(o, "[_0-9]");
	else if (isalnum((unsigned char)w[n - 1]))
		o += sprintf(o, "\\b");
	*o = 0;
	return p;
}

/*
 * What Hyperscan looks for: the rule's trigger, or else its pattern, either
 * without a leading \b. A boundary before a match does not move where the
 * match ends, so Hyperscan still finds every end (a few more, which PCRE2
 * refuses), and its engines are faster and steadier without one there.
 */
static const char *hs_expression(const struct rule *r)
{
	const char *p = r->trigger ? r->trigger : r->pattern;

	if (p[0] == '\\' && p[1] == 'b' && p[2] && !strchr("|*+?{", p[2]))
		return p + 2;
	return p;
}

/* Compile the database; a rule Hyperscan rejects is retried in prefilter mode. */
static int compile_db(struct tg_detectors *d, const char **pats, unsigned *flags, const unsigned *ids,
		      size_t m, hs_database_t **db, tg_err *err)
{
	hs_compile_error_t *cerr = NULL;

	for (;;) {
		struct rule *r;

		if (hs_compile_multi(pats, flags, ids, (unsigned)m, HS_MODE_BLOCK, NULL, db, &cerr) == HS_SUCCESS)
			return 0;
		r = cerr->expression >= 0 && (size_t)cerr->expression < m && ids[cerr->expression] < d->nrules
		    ? &d->rules[ids[cerr->expression]] : NULL;
		if (!r || r->prefilter) {
			tg_errf(err, "%s%s%sHyperscan: %s", r ? "rule \"" : "", r ? r->id : "", r ? "\": " : "",
				cerr->message);
			hs_free_compile_error(cerr);
			return -1;
		}
		r->prefilter = true;
		flags[cerr->expression] |= HS_FLAG_PREFILTER;
		d->nprefilter++;
		hs_free_compile_error(cerr);
		cerr = NULL;
	}
}

int tg_detectors_compile(struct tg_detectors *d, tg_err *err)
{
	size_t n = d->nrules + 1; /* + the placeholder pseudo-rule */
	size_t total;
	const char **pats = NULL;
	char **wpats = NULL;
	unsigned *flags = NULL, *ids = NULL;
	hs_compile_error_t *cerr = NULL;
	char why[200];
	int rc = -1;

	if (d->compiled)
		return tg_errf(err, "already compiled");
	if (d->nrules == 0)
		return tg_errf(err, "no detector rules");
	if (d->caprules < n) {
		struct rule *v = realloc(d->rules, n * sizeof(*v));

		if (!v)
			return tg_errf(err, "out of memory");
		d->rules = v;
		d->caprules = n;
	}
	if (add_placeholder_rule(d, err) < 0)
		return -1;
	if (build_words(d, err) < 0)
		return -1;
	total = n + 2 * d->nwords;
	pats = calloc(total, sizeof(*pats));
	flags = calloc(total, sizeof(*flags));
	ids = calloc(total, sizeof(*ids));
	wpats = calloc(2 * d->nwords + 1, sizeof(*wpats));
	if (!pats || !flags || !ids || !wpats) {
		tg_errf(err, "out of memory");
		goto out;
	}
	d->history = 8;
	for (size_t i = 0; i < d->nrules; i++)
		if (d->rules[i].ctx_before + 8 > d->history)
			d->history = d->rules[i].ctx_before + 8;
	for (size_t i = 0; i < n; i++) {
		struct rule *r = &d->rules[i];
		hs_expr_info_t *info = NULL;
		char *wrapped;

		if (hs_expression_info(r->pattern, r->hs_flags, &info, &cerr) != HS_SUCCESS) {
			/* Hyperscan cannot take it as it is: PCRE2 will decide. */
			hs_free_compile_error(cerr);
			cerr = NULL;
			r->max_width = UINT_MAX;
		} else {
			r->max_width = info->max_width;
			free(info);
		}
		wrapped = malloc(strlen(r->pattern) + 16);
		if (!wrapped) {
			tg_errf(err, "out of memory");
			goto out;
		}
		sprintf(wrapped, "(?:%s)(?C1)", r->pattern);
		r->confirm = tg_regex_compile(wrapped, r->pcre_opts, JIT_MODES, NULL, why, sizeof(why));
		free(wrapped);
		if (!r->confirm) {
			tg_errf(err, "rule \"%s\": pattern does not compile: %s", r->id, why);
			goto out;
		}
		r->plain = tg_regex_compile(r->pattern, r->pcre_opts, JIT_MODES, NULL, why, sizeof(why));
		if (!r->plain) {
			tg_errf(err, "rule \"%s\": pattern does not compile: %s", r->id, why);
			goto out;
		}
		if (r->group > 0) {
			uint32_t groups = 0;

			pcre2_pattern_info(r->plain, PCRE2_INFO_CAPTURECOUNT, &groups);
			if ((uint32_t)r->group > groups) {
				tg_errf(err, "rule \"%s\": \"group\" %d, but the pattern has %u groups",
					r->id, r->group, groups);
				goto out;
			}
		}
	}
	/*
	 * One database: every rule, by its trigger where it has one, and the
	 * context words (literals, looked for everywhere). ^ and $ at every
	 * line: Hyperscan only has to find a superset (PCRE2 confirms with the
	 * rule's own flags), and so finds the ends of texts laid end to end
	 * with "\n" (tg_detect_many).
	 */
	for (size_t i = 0; i < n; i++) {
		pats[i] = hs_expression(&d->rules[i]);
		flags[i] = d->rules[i].hs_flags | HS_FLAG_MULTILINE;
		ids[i] = (unsigned)i;
	}
	/* context word k: id n + k, and n + nwords + k glued to a name (word_pattern) */
	total = n;
	for (size_t k = 0; k < 2 * d->nwords; k++) {
		bool glued = k >= d->nwords;
		const char *w = d->words[glued ? k - d->nwords : k];

		bool names = d->word_names[glued ? k - d->nwords : k] != 0;

		if (!d->word_scanned[glued ? k - d->nwords : k] || (glued && !(names && word_glues(w))))
			continue;
		wpats[k] = word_pattern(w, names, glued);
		if (!wpats[k]) {
			tg_errf(err, "out of memory");
			goto out;
		}
		pats[total] = wpats[k];
		flags[total] = HS_FLAG_CASELESS;
		ids[total] = (unsigned)(n + k);
		total++;
	}
	if (compile_db(d, pats, flags, ids, total, &d->db, err) < 0)
		goto out;
	if (hs_alloc_scratch(d->db, &d->proto) != HS_SUCCESS) {
		tg_errf(err, "Hyperscan: cannot allocate scratch space");
		goto out;
	}
	if (compile_partial(d, n, err) < 0)
		goto out;
	d->pem_end = tg_regex_compile(PEM_END_PATTERN, 0, JIT_MODES, NULL, why, sizeof(why));
	if (!d->pem_end) {
		tg_errf(err, "PEM end marker: %s", why);
		goto out;
	}
	d->compiled = true;
	rc = 0;
out:
	if (wpats)
		free_words(wpats, 2 * d->nwords);
	free(pats);
	free(flags);
	free(ids);
	return rc;
}

void tg_detectors_free(struct tg_detectors *d)
{
	struct scanner *s, *next;

	if (!d)
		return;
	for (size_t i = 0; i < d->nrules + (d->placeholder ? 1 : 0); i++)
		rule_free(&d->rules[i]);
	free(d->rules);
	tg_holdback_free(d->holdback);
	pcre2_code_free(d->pem_end);
	free_words(d->words, d->nwords);
	free(d->word_len);
	free(d->word_min);
	free(d->word_names);
	free(d->word_whole);
	free(d->word_scanned);
	for (s = d->pool; s; s = next) {
		next = s->next;
		hs_free_scratch(s->scratch);
		pcre2_match_data_free(s->md);
		pcre2_match_context_free(s->mctx);
		pcre2_jit_stack_free(s->jit);
		free(s->hits);
		free(s->words);
		free(s->cands);
		free(s);
	}
	hs_free_scratch(d->proto);
	hs_free_database(d->db);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

size_t tg_detectors_nrules(const struct tg_detectors *d) { return d->nrules; }
size_t tg_detectors_nentities(const struct tg_detectors *d) { return d->nentities; }
size_t tg_detectors_nprefilter(const struct tg_detectors *d) { return d->nprefilter; }
size_t tg_detectors_history(const struct tg_detectors *d) { return d->history; }

const char *tg_detectors_entity_name(const struct tg_detectors *d, int entity)
{
	if (entity == TG_ENTITY_PLACEHOLDER)
		return "PLACEHOLDER";
	return entity >= 0 && (size_t)entity < d->nentities ? d->entities[entity].name : "?";
}

const char *tg_detectors_rule_id(const struct tg_detectors *d, size_t rule)
{
	return rule <= d->nrules ? d->rules[rule].id : "?";
}

void tg_spans_free(struct tg_spans *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* ---- scanners (per-call scratch) -------------------------------------- */

static int on_callout(pcre2_callout_block *cb, void *arg)
{
	const struct scanner *s = arg;

	return cb->current_position == s->want_end ? 0 : 1;
}

static struct scanner *scanner_get(struct tg_detectors *d)
{
	struct scanner *s;

	pthread_mutex_lock(&d->lock);
	s = d->pool;
	if (s)
		d->pool = s->next;
	pthread_mutex_unlock(&d->lock);
	if (s)
		return s;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	if (hs_clone_scratch(d->proto, &s->scratch) != HS_SUCCESS)
		goto fail;
	s->md = pcre2_match_data_create(40, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	s->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!s->md || !s->mctx || !s->jit)
		goto fail;
	pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
	pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
	pcre2_set_callout(s->mctx, on_callout, s);
	return s;
fail:
	hs_free_scratch(s->scratch);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_jit_stack_free(s->jit);
	free(s);
	return NULL;
}

static void scanner_put(struct tg_detectors *d, struct scanner *s)
{
	pthread_mutex_lock(&d->lock);
	s->next = d->pool;
	d->pool = s;
	pthread_mutex_unlock(&d->lock);
}

/* ---- validators (detect_checks.h, detect_phone.h, detect_ip.h) --------- */

static enum tg_validity validate(const struct rule *r, const char *t, size_t len, size_t st, size_t en,
				 bool final)
{
	const char *s = t + st;
	size_t n = en - st;

	if (r->min_entropy > 0 && tg_entropy(s, n) < r->min_entropy)
		return TG_NO;
	switch (r->validator) {
	case V_NONE: return TG_YES;
	case V_LUHN: return tg_valid_luhn(s, n) ? TG_YES : TG_NO;
	case V_CARD: return tg_valid_card_in_text(t, len, st, en, final);
	case V_IBAN: return tg_valid_iban(s, n) ? TG_YES : TG_NO;
	case V_SSN: return tg_valid_ssn(s, n) ? TG_YES : TG_NO;
	case V_EMAIL: return tg_valid_email_in_text(t, len, st, en, final);
	case V_IPV4: return tg_valid_ipv4(t, len, st, en, final);
	case V_IPV6: return tg_valid_ipv6(t, len, st, en, final);
	case V_PHONE: return tg_valid_phone_in_text(t, st, en);
	case V_PHONE_NATIONAL: return tg_valid_phone_national(t, len, st, en, final);
	case V_PHONE_INTL: return tg_valid_phone_intl(t, len, st, en, final);
	case V_PHONE_ALONE: return tg_valid_phone_alone(t, len, st, en, final);
	case V_DATE: return tg_valid_date_in_text(t, len, st, en, final);
	case V_PASSPORT: return tg_valid_passport(s, n) ? TG_YES : TG_NO;
	case V_NINO: return tg_valid_nino(s, n) ? TG_YES : TG_NO;
	case V_DNI: return tg_valid_dni(s, n) ? TG_YES : TG_NO;
	case V_CODICE_FISCALE: return tg_valid_codice_fiscale(s, n) ? TG_YES : TG_NO;
	case V_SECRET: return tg_valid_secret(s, n) ? TG_YES : TG_NO;
	case V_ID: return tg_valid_id(s, n) ? TG_YES : TG_NO;
	case V_BASE64_SECRET: return tg_valid_base64_secret(s, n) ? TG_YES : TG_NO;
	}
	return TG_NO;
}

/* ---- context words ----------------------------------------------------- */

/* Index of the first word hit ending after lo. */
static size_t first_word_after(const struct scanner *s, size_t lo)
{
	size_t a = 0, b = s->nwords;

	while (a < b) {
		size_t m = (a + b) / 2;

		if (s->words[m].end <= lo)
			a = m + 1;
		else
			b = m;
	}
	return a;
}

/*
 * Is one of the words in map found (by the scan) wholly inside t[lo..hi)?
 * In a stream the text received so far ends at open_end (SIZE_MAX when the
 * text is final): a word ending there with a letter or digit may still go on
 * ("st" may be the start of "status"), so it is not found but sets *open
 * (when open is not NULL): undecided until more text arrives. With open NULL
 * such a word counts as found.
 */
static bool has_word(const struct tg_detectors *d, const struct scanner *s, const uint64_t *map,
		     size_t lo, size_t hi, size_t open_end, bool *open)
{
	if (!map)
		return false;
	for (size_t i = first_word_after(s, lo); i < s->nwords && s->words[i].end <= hi; i++) {
		const struct hit *h = &s->words[i];

		if (h->end < lo + d->word_min[h->rule] || !(map[h->rule / 64] >> (h->rule % 64) & 1))
			continue;
		if (open && h->end == open_end && isalnum((unsigned char)d->words[h->rule][d->word_len[h->rule] - 1])) {
			*open = true;
			continue;
		}
		return true;
	}
	return false;
}

static size_t last_word_end(const struct tg_detectors *d, const struct scanner *s, const uint64_t *map,
			    size_t lo, size_t hi);
static bool sentence_end(const char *t, size_t from, size_t to);
static bool order_idiom(const char *t, size_t lo, size_t e);

/* Where the table cell holding t[st] starts, not before lo: in a cell,
 * deny words in other cells (or rows) do not count. */
static size_t cell_start(const char *t, size_t lo, size_t st)
{
	while (st > lo && !memchr("\n|\t;,", t[st - 1], 5))
		st--;
	return st;
}

/* Where the cell of a table's row (a CSV or markdown cell, an item of an
 * INSERT's row, an HTML cell) holding t[st] starts, not before lo; lo if
 * cell is false (the value is not in such a row). */
static size_t row_cell_start(const char *t, size_t lo, size_t st, bool cell)
{
	while (cell && st > lo && !memchr("\n|\t;,(>", t[st - 1], 7))
		st--;
	return cell ? st : lo;
}

/*
 * Where the line holding t[st] starts when the value is its own key's
 * ("  primary: 634137223", "+   ident: \"099075536\"": a key at the
 * line's start, ':' or '=', maybe a quote), else lo: a word on an earlier
 * line names that line's value ("ssn_full: 269284212\n  primary:
 * 634137223" names the first number only). Not before lo.
 */
static size_t key_line_start(const char *t, size_t lo, size_t st)
{
	size_t i = st, k;

	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '"' || t[i - 1] == '\''))
		i--;
	if (i == lo || (t[i - 1] != ':' && t[i - 1] != '='))
		return lo;
	k = --i;
	while (i > lo && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-' || t[i - 1] == '.'))
		i--;
	if (i == k)
		return lo;
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '"' || t[i - 1] == '-' || t[i - 1] == '+'))
		i--;
	return i > lo && t[i - 1] == '\n' ? i : lo;
}

/* Is w (lower case) at t[i] as a word or a part of a name: caseless, its
 * spaces written as ' ', '_', '-' or left out, ending where a word or a
 * name's part does (not before a lower-case letter going on; before a
 * digit, a numbered name: "phone2")? */
static bool field_word_at(const char *t, size_t len, size_t i, size_t hi, const char *w)
{
	size_t j = i;
	const char *p;

	for (p = w; *p; p++) {
		if (*p == ' ') {
			if (j < hi && (t[j] == ' ' || t[j] == '_' || t[j] == '-'))
				j++;
			continue;
		}
		if (j >= hi || tolower((unsigned char)t[j]) != (unsigned char)*p)
			return false;
		j++;
	}
	if (j >= len || !isalnum((unsigned char)p[-1]) || !isalpha((unsigned char)t[j]))
		return true; /* ... or a number goes on: "phone2" */
	return isupper((unsigned char)t[j]) && islower((unsigned char)t[j - 1]);
}

/*
 * Is one of the words that name a field for a "context_fields" rule
 * (field_word) wholly inside t[lo, hi) as a word or as a part of a name, in any of the forms
 * word_pattern() lets Hyperscan find and also after a lower-case letter
 * ("customerSsn")? By hand: only where a value needs it.
 */
static bool field_word_in(const struct rule *r, const char *t, size_t len, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++) {
		unsigned char prev = i > 0 ? (unsigned char)t[i - 1] : ' ', c = (unsigned char)t[i];
		unsigned char lc = (unsigned char)tolower(c);

		/* a word starts here, or a name's part ('_' is no letter or digit),
		 * with a letter one of the words starts with */
		if ((isalnum(prev) && !(islower(prev) && isupper(c))) ||
		    !(r->initials >> (lc >= 'a' && lc <= 'z' ? lc - 'a' : 26) & 1))
			continue;
		for (size_t k = 0; k < field_count(r); k++)
			if (field_word_at(t, len, i, hi, field_word(r, k)))
				return true;
	}
	return false;
}

/*
 * A context word of rule r in a camelCase name in t[lo, hi) ("contactPhone",
 * "phoneNumber": Hyperscan finds the other forms). Only the names with a
 * hump (a lower-case letter, then an upper-case one) are searched by hand,
 * which keeps this cheap for a rule with many words.
 */
static bool camel_word_in(const struct rule *r, const char *t, size_t len, size_t lo, size_t hi)
{
	for (size_t i = lo + 1; i < hi; i++) {
		size_t a = i, b = i;

		if (!isupper((unsigned char)t[i]) || !islower((unsigned char)t[i - 1]))
			continue;
		while (a > lo && (isalnum((unsigned char)t[a - 1]) || t[a - 1] == '_'))
			a--;
		while (b < hi && (isalnum((unsigned char)t[b]) || t[b] == '_'))
			b++;
		if (field_word_in(r, t, len, a, b))
			return true;
		i = b;
	}
	return false;
}

/* Is t[i, i + n) one of the rule's "context_labels" words, caseless? */
static bool is_label(const struct rule *r, const char *t, size_t i, size_t n)
{
	for (size_t k = 0; k < r->nlabels; k++) {
		const char *w = r->labels[k];
		size_t j = 0;

		while (j < n && w[j] && tolower((unsigned char)t[i + j]) == (unsigned char)w[j])
			j++;
		if (j == n && !w[j])
			return true;
	}
	return false;
}

/* The bytes of a typographic opening quote ending at t[i] (“ ‘ „ « ‹), or 0. */
static size_t opening_quote(const char *t, size_t lo, size_t i)
{
	static const char *const quotes[] = {"\xe2\x80\x9c", "\xe2\x80\x98", "\xe2\x80\x9e", "\xc2\xab",
					     "\xe2\x80\xb9", NULL};

	for (size_t k = 0; quotes[k]; k++) {
		size_t n = strlen(quotes[k]);

		if (i >= lo + n && memcmp(t + i - n, quotes[k], n) == 0)
			return n;
	}
	return 0;
}

/*
 * A label of the value starting at st ("context_labels"): a short word that
 * opens the value's line, or a table cell, or follows a '·' or '•' of a
 * one-line signature, with nothing between it and the value but spaces,
 * '.', ':', '=', '|' and opening quotes, brackets or markup: "T 030
 * 1234567", "M: 06 12345678", "| F | (030) 1234567 |", "- Tel. '030
 * 1234567'", "T **06 5396 3106**", "T “0471672742”".
 * Where the label ends, 0 if there is none. Looks back at most LABEL_BACK
 * bytes and one more, well within the history a stream keeps.
 */
#define LABEL_BACK 24

static size_t label_before(const struct rule *r, const char *t, size_t st)
{
	size_t lo = st > LABEL_BACK ? st - LABEL_BACK : 0, i = st, e;

	if (!r->nlabels)
		return 0;
	while (i > lo && st - i < 4 && (memchr("'\"([{<*_`", t[i - 1], 9) || opening_quote(t, lo, i)))
		i -= memchr("'\"([{<*_`", t[i - 1], 9) ? 1 : opening_quote(t, lo, i);
	while (i > lo && memchr(" \t.:=|", t[i - 1], 6))
		i--;
	e = i;
	while (i > lo && e - i <= LABEL_MAX && (isalpha((unsigned char)t[i - 1]) || (unsigned char)t[i - 1] >= 0x80))
		i--;
	if (i == e || e - i > LABEL_MAX || !is_label(r, t, i, e - i))
		return 0;
	/* before it: the line's start, a cell's, a signature's dot; spaces and a list's bullet */
	while (i > lo && memchr(" \t-*>", t[i - 1], 5))
		i--;
	if (i == 0 || t[i - 1] == '\n' || t[i - 1] == '|' || t[i - 1] == '\t' ||
	    (i >= 2 && memcmp(t + i - 2, "\xc2\xb7", 2) == 0) || (i >= 3 && memcmp(t + i - 3, "\xe2\x80\xa2", 3) == 0))
		return e;
	return 0;
}

/*
 * A label (label_before) of some number starting in t[lo, hi)? Looked for
 * only after where a line or a cell starts near enough (a newline, '|', a
 * tab, '·' or '•', or the text's start): most text has few.
 */
static bool label_in(const struct rule *r, const char *t, size_t lo, size_t hi)
{
	size_t p = lo > LABEL_BACK + 1 ? lo - LABEL_BACK - 1 : 0;

	if (!r->nlabels)
		return false;
	for (bool start = p == 0; p < hi; p++, start = false) {
		size_t i = p, e;

		if (!start && t[p] != '\n' && t[p] != '|' && t[p] != '\t' && (unsigned char)t[p] != 0xb7 &&
		    (unsigned char)t[p] != 0xa2)
			continue;
		i += !start;
		while (i < hi && memchr(" \t-*>", t[i], 5))
			i++;
		for (e = i; e < hi && e - i <= LABEL_MAX && (isalpha((unsigned char)t[e]) || (unsigned char)t[e] >= 0x80); e++)
			;
		while (e < hi && !isdigit((unsigned char)t[e]) && e - i <= LABEL_BACK)
			e++;
		if (e < hi && e >= lo && label_before(r, t, e))
			return true;
	}
	return false;
}

/*
 * Context words decide a value (within context_before bytes before it or
 * context_after after it), or, for a "context_fields" rule, a field name
 * (field: its JSON key or its table column's header names it; or a name
 * written with a context word before it, "customerSsn: ..."). A deny word
 * before it refuses it, unless one of the rule's context words stands
 * nearer ("routing 021000021" is refused, "routing 021000021, SSN
 * 460899847" keeps the SSN) or the deny word is in an earlier sentence and
 * a context word after the value names it; in a table's cell, only a deny
 * word in it.
 * cell: the value is in a row of a table (or an INSERT, or an HTML table)
 * whose header names other columns than its own: the words before it count
 * only in its own cell ("ssn;acct_no\n460899847;501234567" names the first
 * number only).
 * need: a context word must name the value (false for the values of a
 * "context_optional" rule its validator does not call TG_WEAK).
 */
static enum tg_validity context_check(const struct tg_detectors *d, const struct scanner *s, const struct rule *r,
				      const char *t, size_t len, size_t st, size_t en, bool final, bool field, bool cell,
				      bool need)
{
	size_t lo = key_line_start(t, row_cell_start(t, st > r->ctx_before ? st - r->ctx_before : 0, st, cell), st);
	size_t hi = en + r->ctx_after;
	bool after_known = hi <= len || final;
	size_t open_end = final ? SIZE_MAX : len;
	size_t label = label_before(r, t, st), ctx_end = last_word_end(d, s, r->ctx_words, lo, st), deny_end;
	bool open = false; /* a word touches the end of a stream's text so far: it may go on */

	if (hi > len)
		hi = len;
	deny_end = last_word_end(d, s, r->deny_words, field ? cell_start(t, lo, st) : lo, st);
	if (deny_end > (label > ctx_end ? label : ctx_end) && !order_idiom(t, lo, deny_end)) {
		/* a deny word in a sentence or on a line before the value's,
		 * which a context word after it names ("(verified by phone).
		 * 507297914 is the SSN on file", "0561-575790, my mobile\nand
		 * the other is 600 57 9454, sorry, the SSN"), does not refuse it */
		if (!r->ctx_words || !(sentence_end(t, deny_end, st) || memchr(t + deny_end, '\n', st - deny_end)))
			return TG_NO;
		if (!has_word(d, s, r->ctx_words, en, hi, open_end, &open))
			return after_known && !open ? TG_NO : TG_MORE;
	}
	if (r->deny_after_words) {
		if (has_word(d, s, r->deny_after_words, en, hi, open_end, &open))
			return TG_NO;
		if (!after_known || open)
			return TG_MORE;
	}
	if (open)
		return TG_MORE;
	if (!r->ctx_words || field || !need || label || has_word(d, s, r->ctx_words, lo, st, open_end, &open) ||
	    has_word(d, s, r->ctx_words, en, hi, open_end, &open) || (r->fields && camel_word_in(r, t, len, lo, st)))
		return TG_YES;
	return after_known && !open ? TG_NO : TG_MORE;
}

/* Where the last word of map wholly inside [lo, hi) ends; 0 if there is none. */
static size_t last_word_end(const struct tg_detectors *d, const struct scanner *s, const uint64_t *map,
			    size_t lo, size_t hi)
{
	size_t last = 0;

	if (!map)
		return 0;
	for (size_t i = first_word_after(s, lo); i < s->nwords && s->words[i].end <= hi; i++) {
		const struct hit *h = &s->words[i];

		if (h->end >= lo + d->word_min[h->rule] && (map[h->rule / 64] >> (h->rule % 64) & 1))
			last = h->end;
	}
	return last;
}

/* Is the word ending at t[e] the first of a person's role: the next word
 * (before hi) a noun for one ("account manager", "order team")? Such a deny
 * word names a person, not a number ("New phone number for the account
 * manager: 5015550189"). */
static bool role_after(const char *t, size_t e, size_t hi)
{
	static const char *const roles[] = {
		"manager", "managers", "executive", "executives", "director", "officer", "representative", "rep",
		"specialist", "coordinator", "administrator", "assistant", "clerk", "team", "lead", "owner",
		"supervisor", "contact", NULL};
	size_t a = e, b;

	if (a < hi && (t[a] == ' ' || t[a] == '-' || t[a] == '_'))
		a++;
	for (b = a; b < hi && isalpha((unsigned char)t[b]); b++)
		;
	if (b == a || (b < hi && isalnum((unsigned char)t[b])))
		return false;
	return tg_word_in(t + a, b - a, roles);
}

/* Is the word ending at t[e] "order" in an idiom, not the name of an
 * order's number: after "in" or "of", maybe with up to two words between
 * ("in order:", "out of order", "in the following order: ...")? */
static bool order_idiom(const char *t, size_t lo, size_t e)
{
	static const char *const before[] = {"in", "of", NULL};
	size_t a, words = 0;

	if (e < lo + 5 || strncasecmp(t + e - 5, "order", 5) != 0)
		return false;
	a = e - 5;
	while (words < 3) {
		size_t b;

		while (a > lo && t[a - 1] == ' ')
			a--;
		for (b = a; a > lo && isalpha((unsigned char)t[a - 1]); a--)
			;
		if (a == b)
			return false;
		if (tg_word_in(t + a, b - a, before))
			return true;
		words++;
	}
	return false;
}

/* The length of the item number of an ordered list at t[i] ("3. ", "12) "
 * at a line's start, after blanks): 1 to 3 digits, '.' or ')', a blank; 0
 * if there is none, SIZE_MAX if the text ends before that is known. */
static size_t list_number_at(const char *t, size_t len, size_t i)
{
	size_t a = i, j = i;

	while (a > 0 && i - a < 8 && (t[a - 1] == ' ' || t[a - 1] == '\t'))
		a--;
	if (a > 0 && t[a - 1] != '\n')
		return 0;
	while (j < len && j - i < 4 && isdigit((unsigned char)t[j]))
		j++;
	if (j == i || j - i > 3)
		return 0;
	if (j + 1 >= len)
		return SIZE_MAX;
	return (t[j] == '.' || t[j] == ')') && (t[j + 1] == ' ' || t[j + 1] == '\t') ? j + 2 - i : 0;
}

/* The bytes of a separator of a line's items at t[i]: '·' or '•' (not
 * '|', which also parts a table's cells: they hold values of other kinds). */
static size_t item_separator_at(const char *t, size_t len, size_t i)
{
	if (i + 2 <= len && memcmp(t + i, "\xc2\xb7", 2) == 0)
		return 2;
	return i + 3 <= len && memcmp(t + i, "\xe2\x80\xa2", 3) == 0 ? 3 : 0;
}

/*
 * Is the value at t[st, en) an item of a line of items (a letterhead's or
 * a signature's contact line), and the word at t[ws] the label of the next
 * item ("ACME SAS · 06 33 19 12 56 · Fax 06 34 94 70 39"): the same kind of
 * separator before the value and between it and the word, with blanks
 * only? Then the value is a number of the same kind as the next, which
 * went without its label. Looks at most 8 bytes before the value.
 */
static bool item_before_label(const char *t, size_t len, size_t st, size_t en, size_t ws)
{
	size_t a = st, b = en, k, m;

	while (a > 0 && st - a < 8 && t[a - 1] == ' ')
		a--;
	while (b < ws && t[b] == ' ')
		b++;
	if (b >= ws || a == 0 || !(k = item_separator_at(t, len, b)))
		return false;
	for (m = k; m > 0 && a > 0; m--, a--)
		if (t[a - 1] != t[b + m - 1])
			return false;
	if (m > 0)
		return false;
	for (b += k; b < ws && t[b] == ' '; b++)
		;
	return b == ws;
}

/*
 * Does a word of map after the value (ending at en) name it: within [en, hi)
 * (hi: the next digit, or as far as the rule looks), not a label of the
 * number after it ("landline: 05.41.07.96.47"), and no number following it
 * sooner than the value precedes it ("0301234567 (mobile)" names it;
 * "ISBN 7870996297 | Tel.: 2135550145" names the next number), unless the
 * value and that number are items of one line of them, the value's label
 * left out (item_before_label; st: where the value starts, SIZE_MAX: not
 * looked at). A word that may still go on, or whose next bytes have not
 * come, sets *open.
 */
static bool word_after(const struct tg_detectors *d, const struct scanner *s, const uint64_t *map, const char *t,
		       size_t len, size_t st, size_t en, size_t hi, bool final, bool *open)
{
	size_t open_end = final ? SIZE_MAX : len;

	for (size_t k = first_word_after(s, en); k < s->nwords && s->words[k].end <= hi; k++) {
		const struct hit *h = &s->words[k];
		const char *w = d->words[h->rule];
		size_t e = h->end, gap, look, j = e;
		bool item;

		if (e < en + d->word_min[h->rule] || !(map[h->rule / 64] >> (h->rule % 64) & 1))
			continue;
		item = st != SIZE_MAX && d->word_min[h->rule] == d->word_len[h->rule] &&
		       item_before_label(t, len, st, en, e - d->word_len[h->rule]);
		if (e == open_end && isalnum((unsigned char)w[d->word_len[h->rule] - 1])) {
			*open = true;
			continue;
		}
		/* a label of the number after it: "landline: 05.41.07.96.47" */
		while (j < len && j < e + 12 && (t[j] == ' ' || t[j] == '\t'))
			j++;
		if (j < len && (t[j] == ':' || t[j] == '=')) {
			j++;
			while (j < len && j < e + 12 && memchr(" \t\"'(", t[j], 5))
				j++;
			if (j < len && (isdigit((unsigned char)t[j]) || t[j] == '+')) {
				if (item)
					return true;
				continue;
			}
		}
		if (j == len && !final) {
			*open = true;
			continue;
		}
		/* a number sooner after the word than the value before it (a
		 * list's item number is none: "in the phone field\n3. Submit") */
		gap = e - d->word_min[h->rule] - en;
		look = gap < 12 ? gap : 12;
		for (j = e; j < e + look && j < len; j++) {
			size_t m;

			if (!isdigit((unsigned char)t[j]) && t[j] != '+')
				continue;
			m = list_number_at(t, len, j);
			if (m == 0 || m == SIZE_MAX)
				break;
			j += m - 1;
		}
		if (j < e + look && j < len && list_number_at(t, len, j) == SIZE_MAX && !final) {
			*open = true;
			continue;
		}
		if (j < e + look && j < len) {
			if (item)
				return true;
			continue;
		}
		if (j < e + look && !final) {
			*open = true;
			continue;
		}
		return true;
	}
	return false;
}

/* Is t[a, b) one connective between two numbers ("to", "or", "und" ...),
 * or the word of a phone number's extension ("+44 7529 055520 ext 1689 /
 * 7818319224": a list goes on), and nothing else but spaces and
 * punctuation? */
static bool connective_only(const char *t, size_t a, size_t b)
{
	static const char *const words[] = {"to", "and", "or", "und", "oder", "bzw", "bis", "et", "ou", "e", "o", "y",
					    "en", "of", "a", "naar", "auf", "vers", "ext", "extn", "extension", "x",
					    "int", "interno", "poste", "durchwahl", "toestel", NULL};
	size_t ws = a, we;

	while (ws < b && !isalpha((unsigned char)t[ws]))
		ws++;
	for (we = ws; we < b && isalpha((unsigned char)t[we]); we++)
		;
	for (size_t j = we; j < b; j++)
		if (isalnum((unsigned char)t[j]) || (unsigned char)t[j] >= 0x80)
			return false;
	return tg_word_in(t + ws, we - ws, words);
}

/*
 * Is the digit at t[p] a piece of a name, not of a number: a token of
 * letters and digits (joined by '.', '-' or '_') with a letter and at most
 * 4 digits ("E.164", "IPv4", "H.323", "mp3", "3rd", "24h", "2FA")? Where
 * the token starts if so (not before lo), else p + 1. Looks at most 16
 * bytes either side, not at hi or after.
 */
static size_t name_with_digits(const char *t, size_t lo, size_t p, size_t hi)
{
	size_t a = p, e = p + 1, digits = 0;
	bool letter = false;

	while (a > lo && p - a < 16 && (isalnum((unsigned char)t[a - 1]) ||
					(a - 1 > lo && t[a - 1] && strchr(".-_", t[a - 1]) &&
					 isalnum((unsigned char)t[a - 2]))))
		a--;
	while (e < hi && e - p < 16 && (isalnum((unsigned char)t[e]) ||
					(e + 1 < hi && t[e] && strchr(".-_", t[e]) && isalnum((unsigned char)t[e + 1]))))
		e++;
	for (size_t j = a; j < e; j++) {
		digits += isdigit((unsigned char)t[j]) != 0;
		letter |= isalpha((unsigned char)t[j]) != 0;
	}
	return letter && digits <= 4 && p - a < 16 && e - p < 16 ? a : p + 1;
}

/* Is t[j] a table's cell delimiter c, as tablectx.h reads one? */
static bool cell_delim_at(const char *t, size_t j, char c)
{
	return t[j] == c && tg_table_delim(c, t[j + 1]);
}

/*
 * A value at st in a row of a table, past its first cell: the column it is
 * in (*col, cells delimited by *delim) and where its row starts. Words on
 * earlier lines (a header) name it only in that column. Returns lo and
 * sets *delim to 0 when the value has no earlier line within [lo, st) or
 * is in its row's first cell.
 */
static size_t value_row(const char *t, size_t lo, size_t st, char *delim, size_t *col)
{
	size_t nl = st;

	*delim = 0;
	while (nl > lo && t[nl - 1] != '\n')
		nl--;
	if (nl == lo)
		return lo;
	for (size_t j = nl; j < st && !*delim; j++)
		if (tg_table_delim(t[j], t[j + 1]))
			*delim = t[j];
	*col = 0;
	for (size_t j = nl; j < st; j++)
		*col += *delim && cell_delim_at(t, j, *delim);
	return *delim ? nl : lo;
}

/* The column (as value_row counts) of a place p on an earlier line, counted
 * from the line's start or from lo if that is nearer. */
static size_t column_of(const char *t, size_t lo, size_t p, char delim)
{
	size_t n = 0;

	for (size_t j = p; j > lo && t[j - 1] != '\n'; j--)
		n += cell_delim_at(t, j - 1, delim);
	return n;
}

/* last_word_end, where a word on a line before nl counts only in column
 * col of cells delimited by delim (value_row; delim 0: every word counts). */
static size_t last_word_in_column(const struct tg_detectors *d, const struct scanner *s, const uint64_t *map,
				  const char *t, size_t lo, size_t hi, size_t nl, char delim, size_t col)
{
	size_t last = 0;

	if (!map)
		return 0;
	for (size_t i = first_word_after(s, lo); i < s->nwords && s->words[i].end <= hi; i++) {
		const struct hit *h = &s->words[i];

		if (h->end < lo + d->word_min[h->rule] || !(map[h->rule / 64] >> (h->rule % 64) & 1))
			continue;
		if (delim && h->end <= nl && column_of(t, lo, h->end, delim) != col)
			continue;
		last = h->end;
	}
	return last;
}

/* Is there a digit in t[from, to)? */
static bool digit_in(const char *t, size_t from, size_t to)
{
	for (size_t j = from; j < to; j++)
		if (isdigit((unsigned char)t[j]))
			return true;
	return false;
}

/* Where the run of digit groups (single spaces between them) that ends
 * with the value at st starts, not before lo: "RIB : 13075 18805
 * 77597082535 23" is one number to the word before it. */
static size_t run_start(const char *t, size_t lo, size_t st)
{
	size_t i = st;

	while (i > lo + 1 && t[i - 1] == ' ' && isdigit((unsigned char)t[i - 2])) {
		i -= 2;
		while (i > lo && isdigit((unsigned char)t[i - 1]))
			i--;
	}
	return i;
}

/* Does the word ending at e label nothing: ':' or '=' and a word that says
 * there is no value ("none", "n/a", "keine", "aucun" ...) or an empty
 * string ({"phone": "", "amount": 12345678}), before to? */
static bool labels_nothing(const char *t, size_t e, size_t to)
{
	static const char *const nothing[] = {"none", "n/a", "na", "null", "nil", "unknown", "-", "--", "tbd",
					      "keine", "aucun", "aucune", "nessuno", "ninguno", "geen", NULL};
	size_t i = e, w;

	while (i < to && (t[i] == ' ' || t[i] == '.' || t[i] == '"' || t[i] == '\''))
		i++;
	if (i == to || (t[i] != ':' && t[i] != '='))
		return false;
	for (i++; i < to && t[i] == ' '; i++)
		;
	if (i + 2 < to && (t[i] == '"' || t[i] == '\'') && t[i + 1] == t[i] && !isalnum((unsigned char)t[i + 2]) &&
	    t[i + 2] != '+' && t[i + 2] != '(')
		return true; /* an empty string: {"phone": "", ...} */
	if (i < to && (t[i] == '"' || t[i] == '\''))
		i++;
	for (w = i; w < to && !isspace((unsigned char)t[w]) && !memchr(",;|\"'", t[w], 5); w++)
		;
	while (w > i && (t[w - 1] == '.' || t[w - 1] == ')'))
		w--;
	return tg_word_in(t + i, w - i, nothing);
}

/* Is t[a, b) digits only? */
static bool digits_only(const char *t, size_t a, size_t b)
{
	for (size_t j = a; j < b; j++)
		if (!isdigit((unsigned char)t[j]))
			return false;
	return true;
}

/* The length of a sentence's stop at t[j], before to: '.', '!' or '?'
 * (and ';' if semi) and a space, or an ideographic full stop or a
 * fullwidth '!' or '?', which need no space ("谢谢。订单号 ..."); 0 if none. */
static size_t stop_at(const char *t, size_t j, size_t to, bool semi)
{
	const unsigned char *u = (const unsigned char *)t + j;

	if (j + 1 < to && (memchr(".!?", u[0], 3) || (semi && u[0] == ';')) && isspace(u[1]))
		return 1;
	if (j + 3 <= to && ((u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x82) ||
			    (u[0] == 0xef && u[1] == 0xbc && (u[2] == 0x81 || u[2] == 0x9f))))
		return 3;
	return 0;
}

/* Does t[j] begin a letter: an ASCII one, or the lead byte of one in a
 * script beyond it (Latin, Greek, Cyrillic ..., Indic, kana, CJK, Hangul;
 * not the punctuation and spaces of 0xc2, 0xe2 and 0xe3 0x80)? */
static bool letter_at(const char *t, size_t j, size_t to)
{
	unsigned char c = (unsigned char)t[j];

	if (c < 0x80)
		return isalpha(c);
	if (c >= 0xc3 && c <= 0xdf)
		return true;
	if (c == 0xe3)
		return j + 1 < to && (unsigned char)t[j + 1] >= 0x81;
	return c == 0xe0 || c == 0xe1 || (c >= 0xe4 && c <= 0xed);
}

/* Does a sentence end between a word ending at from and a value at to
 * ('.', '!', '?' or ';' and a space, or a CJK stop) after other words
 * ("Call me back later. 091566757", "电话 ...，谢谢。6450038226"; not
 * "Tel. 030 ...", nor "phone). 507297914")? */
static bool sentence_ends_after_words(const char *t, size_t from, size_t to)
{
	bool words = false;

	for (size_t j = from; j < to; j++) {
		if (words && stop_at(t, j, to, true))
			return true;
		if (letter_at(t, j, to))
			words = true;
	}
	return false;
}

/* Does a number after a word ending at from end its sentence (a digit,
 * then a stop), with only numbers after it up to a value at to ("telefon
 * 0561 763 36 48.\n\n6541385792865584 09/29 474"; not "Call 030 1234567.
 * Or 0171 2345678")? The word named that number. */
static bool number_ends_sentence(const char *t, size_t from, size_t to)
{
	size_t end = 0;

	for (size_t j = from + 1; j + 1 < to; j++) {
		if (isdigit((unsigned char)t[j - 1]) && stop_at(t, j, to, false))
			end = j;
		else if (end && letter_at(t, j, to))
			end = 0;
	}
	return end != 0;
}

/* Is there a blank line at t[j] (a newline, spaces or tabs, a newline): a
 * paragraph ends? TG_MORE if the text so far ends before that is known. */
static enum tg_validity blank_line_at(const char *t, size_t len, size_t j, bool final)
{
	if (t[j] != '\n')
		return TG_NO;
	for (j++; j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'); j++)
		;
	if (j == len)
		return final ? TG_NO : TG_MORE;
	return t[j] == '\n' ? TG_YES : TG_NO;
}

/* Does a sentence end between a word ending at from and a value at to: a
 * stop (stop_at), not the dot right after the word ("Tel. 030 ...": an
 * abbreviation)? */
static bool sentence_end(const char *t, size_t from, size_t to)
{
	for (size_t j = from + 1; j + 1 < to; j++)
		if (stop_at(t, j, to, false))
			return true;
	return false;
}

/*
 * Context words of a rule with "context_nearest": a word names the nearest
 * number, not every number around it.
 * - Before the value, a word counts only when no other number with words
 *   after it stands between them ("Tel.: 030 1234567, routing 212149241":
 *   "Tel" names the first number only).
 * - Of the words before the value, the nearest decides: a deny word nearer
 *   than every context word refuses it ("phone ... part 4155552671"), a
 *   context word nearer than every deny word lets it through. A deny word
 *   with another number after it names that one ("ref 009410000 |
 *   678-457-9607" keeps the phone number), but not a group of the value's
 *   own run of digit groups ("RIB : 13075 18805 77597082535 23"). A label
 *   of the value's line ("context_labels": "T 030 1234567") is a context
 *   word. A digit in a name is no number ("phone, as E.164: ...").
 * - A value that opens a sentence after the one with the context word is
 *   refused by a deny word after it that names it ("(verified by phone).
 *   507297914 is the social security #"); a bare run of digits is not
 *   named by a word in a sentence before its own that goes on with other
 *   words ("Call me back later. 091566757"); no value is named by a word
 *   whose own number ended its sentence, with only numbers after it
 *   ("telefon 0561 763 36 48. 6541385792865584 09/29 474": a card's expiry
 *   and code); a word that
 *   labels nothing ("mobile: none", "Tel.: n/a") names no number after it.
 * - After the value, a context word counts when no digit and no blank line
 *   comes between them, the word is not a label of the number after it
 *   ("landline: 0541..."), and no number follows it sooner than the value
 *   precedes it ("0301234567 (mobile)" counts; in "ISBN 7870996297 | Tel.:
 *   2135550145" and "ref 964052527 please call back 1 303 507 8366" the
 *   word names the next number).
 * - field: its JSON key or its table column's header names it ("context_fields");
 *   then only a deny word in the value's own cell refuses it (a camelCase
 *   name nearer than a deny word counts as a context word). In a table's
 *   row, past its first cell, a word on an earlier line (a header) names
 *   the value in its own column only ("id,order_id,phone\n1,1234567890,030
 *   1234567": "phone" names the third column, not "order_id"'s). A name with a
 *   context word in camelCase before the value counts too ("contactPhone").
 * All of it is looked at within context_before / context_after bytes, plus
 * up to 12 bytes after a word: a stream holds the value until they are there.
 * cell, need: as for context_check.
 */
static enum tg_validity context_nearest(const struct tg_detectors *d, const struct scanner *s, const struct rule *r,
					const char *t, size_t len, size_t st, size_t en, bool final, bool field, bool cell,
					bool need)
{
	size_t lo = row_cell_start(t, st > r->ctx_before ? st - r->ctx_before : 0, st, cell);
	size_t hi = en + r->ctx_after, i = st, ctx_end, deny_end, label = label_before(r, t, st), nl, col = 0;
	char delim;
	bool after_known = hi <= len || final;
	size_t open_end = final ? SIZE_MAX : len;
	bool open = false;

	/* back to the last letter before the value, then to the digit before
	 * that; past a number joined to this one by a connective alone ("phone
	 * 030 1234567 to 030 7654321", "Tel. 030 1234567 oder 0171 2345678"),
	 * and past digits in a name ("phone to E.164: ...") */
	for (;;) {
		size_t w, a;

		while (i > lo && !isalpha((unsigned char)t[i - 1]))
			i--;
		w = i;
		while (i > lo && !isdigit((unsigned char)t[i - 1]))
			i--;
		if (i > lo && (a = name_with_digits(t, lo, i - 1, st)) < i) {
			i = a;
			continue;
		}
		if (i == lo || !connective_only(t, i, w))
			break;
	}
	lo = i;
	nl = value_row(t, lo, st, &delim, &col);
	ctx_end = last_word_in_column(d, s, r->ctx_words, t, lo, st, nl, delim, col);
	if (label > ctx_end)
		ctx_end = label; /* a line's label: a context word */
	deny_end = field ? last_word_end(d, s, r->deny_words, cell_start(t, lo, st), st)
			 : last_word_in_column(d, s, r->deny_words, t, lo, st, nl, delim, col);
	if (deny_end > ctx_end && !digit_in(t, deny_end, run_start(t, deny_end, st)) &&
	    !(r->fields && camel_word_in(r, t, len, deny_end, st)) && !role_after(t, deny_end, st) &&
	    !order_idiom(t, lo, deny_end))
		return TG_NO;
	if (hi > len)
		hi = len;
	if (r->deny_after_words) {
		if (has_word(d, s, r->deny_after_words, en, hi, open_end, &open))
			return TG_NO;
		if (!after_known || open)
			return TG_MORE;
	}
	/* a word after the value counts up to the next digit, and not past a
	 * blank line: a paragraph's words name its own numbers ("Stückzahl: 98
	 * 459 134\n\nMy phone number changed to ...") */
	for (size_t j = en; j < hi; j++) {
		enum tg_validity blank = blank_line_at(t, len, j, final);

		if (isdigit((unsigned char)t[j]) || blank == TG_YES) {
			hi = j;
			after_known = true;
			break;
		}
		if (blank == TG_MORE) {
			hi = j;
			after_known = false;
			break;
		}
	}
	/* a number that opens a sentence, named by a deny word of its own: the
	 * sentence before it ends in a context word ("(verified by phone).
	 * 507297914 is the social security #") */
	if (ctx_end && r->deny_words && sentence_end(t, ctx_end, st)) {
		if (word_after(d, s, r->deny_words, t, len, SIZE_MAX, en, hi, final, &open))
			return TG_NO;
		if (!after_known || open)
			return TG_MORE;
	}
	/* a label of nothing ("mobile: none", "Tel.: n/a") names no number after it */
	if (ctx_end && ctx_end != label && labels_nothing(t, ctx_end, st))
		ctx_end = 0;
	/* a bare run of digits is named by a word of its own sentence, not by
	 * one in a sentence before it that goes on with other words ("Call me
	 * back later. 091566757": as often a routing or an order number) */
	if (ctx_end && ctx_end != label && digits_only(t, st, en) && sentence_ends_after_words(t, ctx_end, st))
		ctx_end = 0;
	/* nor by one whose own number after it ended its sentence ("telefon
	 * 0561 763 36 48.\n\n6541385792865584 09/29 474": a card's expiry and
	 * code) */
	if (ctx_end && ctx_end != label && number_ends_sentence(t, ctx_end, st))
		ctx_end = 0;
	if (ctx_end || !r->ctx_words || field || !need || (r->fields && camel_word_in(r, t, len, lo, st)))
		return TG_YES;
	if (word_after(d, s, r->ctx_words, t, len, st, en, hi, final, &open))
		return TG_YES;
	return after_known && !open ? TG_NO : TG_MORE;
}

#define LOCAL_HITS 32       /* words of a "context_local" rule kept around one value */

/*
 * The words of a "context_local" rule starting in t[lo, hi), found by hand
 * as the scan finds the others (word_pattern: caseless, and as words where
 * they begin or end with a letter or digit), as hits sorted by end, at most
 * cap (the first found). Only around a value of the rule: however long its
 * word lists, the scan of the whole text does not slow down.
 */
static size_t local_words(const struct tg_detectors *d, const struct rule *r, const char *t, size_t len,
			  size_t lo, size_t hi, struct hit *out, size_t cap)
{
	size_t n = 0;

	for (size_t i = lo; i < hi; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)t[i]);
		bool starts = i == 0 || !(isalnum((unsigned char)t[i - 1]) || t[i - 1] == '_');

		if (isalnum(c) && !starts)
			continue;
		for (size_t k = r->own_at[c]; k < r->own_at[c + 1] && n < cap; k++) {
			const char *w = d->words[r->own[k]];
			size_t m = d->word_len[r->own[k]], j;

			if (i + m > len || strncasecmp(t + i, w, m) != 0)
				continue;
			if (isalnum((unsigned char)w[m - 1]) && i + m < len &&
			    (isalnum((unsigned char)t[i + m]) || t[i + m] == '_'))
				continue;
			for (j = n++; j > 0 && out[j - 1].end > i + m; j--)
				out[j] = out[j - 1];
			out[j].rule = r->own[k];
			out[j].end = (uint32_t)(i + m);
		}
	}
	return n;
}

#define LINE_BACK 48        /* how far back deny_on_line looks: within a stream's history */

/*
 * A weak value of a "context_optional" rule (one its validator doubts) with
 * a deny word of the rule before it on its line, however far (up to
 * LINE_BACK bytes; s: the scan's words, or r's found by hand): a tool or a
 * topic that its whole line is about ("snmpget -v2c -c public router
 * 2.5.4.47"), which a context word nearer to the value does not outweigh
 * for such a value.
 */
static bool deny_on_line(const struct tg_detectors *d, const struct scanner *s, const struct rule *r, const char *t,
			 size_t st)
{
	struct hit found[LOCAL_HITS];
	size_t lo = st, n;

	while (lo > 0 && st - lo < LINE_BACK && t[lo - 1] != '\n')
		lo--;
	if (!r->local)
		return last_word_end(d, s, r->deny_words, lo, st) != 0;
	n = local_words(d, r, t, st, lo, st, found, LOCAL_HITS);
	for (size_t k = 0; k < n; k++)
		if (r->deny_words[found[k].rule / 64] >> (found[k].rule % 64) & 1)
			return true;
	return false;
}

/* ---- detection --------------------------------------------------------- */

static int on_hit(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
	struct scanner *s = ctx;

	(void)from;
	(void)flags;
	if (id >= s->word_base) {
		if (s->nwords == s->capwords) {
			size_t cap = s->capwords ? s->capwords * 2 : 64;
			struct hit *v;

			if (cap > (1u << 22))
				return 1;
			v = realloc(s->words, cap * sizeof(*v));
			if (!v)
				return 1;
			s->words = v;
			s->capwords = cap;
		}
		s->words[s->nwords].rule = id - (id >= s->glued_base ? s->glued_base : s->word_base);
		s->words[s->nwords].end = (uint32_t)(id >= s->glued_base ? to - 1 : to);
		s->nwords++;
		return 0;
	}
	if (s->nhits == s->caphits) {
		size_t cap = s->caphits ? s->caphits * 2 : 256;
		struct hit *v;

		if (cap > (1u << 22))
			return 1; /* absurd hit counts: stop (reported as an error) */
		v = realloc(s->hits, cap * sizeof(*v));
		if (!v)
			return 1;
		s->hits = v;
		s->caphits = cap;
	}
	s->hits[s->nhits].rule = id;
	s->hits[s->nhits].end = (uint32_t)to;
	s->nhits++;
	return 0;
}

static int add_cand(struct scanner *s, const struct rule *r, size_t st, size_t en, size_t rs, size_t re)
{
	if (s->ncands == s->capcands) {
		size_t cap = s->capcands ? s->capcands * 2 : 64;
		struct cand *v = realloc(s->cands, cap * sizeof(*v));

		if (!v)
			return -1;
		s->cands = v;
		s->capcands = cap;
	}
	s->cands[s->ncands++] = (struct cand){
		.start = (uint32_t)st, .end = (uint32_t)en, .rstart = (uint32_t)rs, .rend = (uint32_t)re,
		.rule = 0, .prio = r->priority, .entity = (uint8_t)r->entity,
	};
	return 0;
}

/* Widen [st, en) to whole UTF-8 sequences. */
static void utf8_align(const char *t, size_t len, size_t *st, size_t *en)
{
	while (*st > 0 && ((unsigned char)t[*st] & 0xC0) == 0x80)
		(*st)--;
	while (*en < len && ((unsigned char)t[*en] & 0xC0) == 0x80)
		(*en)++;
}

struct ctx {
	const struct tg_detectors *d;
	struct scanner *s;
	const char *t;
	size_t len;
	struct tg_scan_opts *o;
	size_t hold;
	struct tg_table tab;      /* the table context (column_names) of the text up to tab_pos */
	size_t tab_pos;
	bool tab_set;
	size_t colword;           /* ... and the first word of a column rule not read into it yet */
	const char *key;          /* the text's key, if it has one (tg_detect_many) */
	size_t nkey;
};

static void hold_at(struct ctx *c, size_t at)
{
	if (at < c->hold)
		c->hold = at;
}

/* Is the word at t[a, e) the whole of its table cell, as a header's is
 * ("| Cell |", ",contact,", "<th>Cell</th>")? After a cell delimiter, a
 * line's start or a tag, and before one or a line's end, with only blanks,
 * quotes and '*' or '`' (markup) between. Looks at most 2 bytes after the
 * word: a stream reads its table context short of that (decide). */
static bool whole_cell(const char *t, size_t len, size_t a, size_t e)
{
	size_t lo = a > 16 ? a - 16 : 0;

	while (a > lo && (t[a - 1] == ' ' || t[a - 1] == '"' || t[a - 1] == '\'' || t[a - 1] == '*' || t[a - 1] == '`'))
		a--;
	if (a > 0 && t[a - 1] != '\n' && t[a - 1] != '>' && !tg_table_delim(t[a - 1], t[a]))
		return false;
	if (e >= len)
		return false;
	if (t[e] == ' ')
		return e + 1 < len && (t[e + 1] == ' ' || t[e + 1] == '\n' || t[e + 1] == '\r' || t[e + 1] == '|' ||
				       t[e + 1] == '\t' || t[e + 1] == ',' || t[e + 1] == ';');
	return t[e] == '\n' || t[e] == '\r' || t[e] == '<' || t[e] == '"' || t[e] == '\'' || t[e] == '*' ||
	       t[e] == '`' || tg_table_delim(t[e], e + 1 < len ? t[e + 1] : 0);
}

/* What a word the scan found names in a table: the "context_fields" rules
 * it names as a field, and those it names as the whole of a header cell. */
static uint8_t word_names_cell(const struct ctx *c, const struct hit *w)
{
	const struct tg_detectors *d = c->d;

	if (d->word_whole[w->rule] && w->end >= d->word_len[w->rule] &&
	    whole_cell(c->t, c->len, w->end - d->word_len[w->rule], w->end))
		return d->word_whole[w->rule];
	return d->word_names[w->rule];
}

/* Read the text from from to to into a table context, with the words the
 * scan found (each told where it ends, once: those ending in [from, to)). */
static void table_read(const struct ctx *c, struct tg_table *tab, size_t from, size_t to)
{
	const struct scanner *s = c->s;

	for (size_t i = from ? first_word_after(s, from - 1) : 0; i < s->nwords && s->words[i].end < to; i++) {
		uint8_t names = word_names_cell(c, &s->words[i]);

		if (names) {
			tg_table_read(tab, c->t, from, s->words[i].end);
			tg_table_word(tab, names);
			from = s->words[i].end;
		}
	}
	tg_table_read(tab, c->t, from, to);
}

/*
 * The "context_fields" rules the header of the table column at pos names
 * (a bit each). Read from the text's start, or in a stream from the table
 * context it keeps (opts.table), and on from there as the hits come (in
 * order of their end: read again from the start only for one that ends
 * before the last).
 */
static uint8_t column_names(struct ctx *c, size_t pos)
{
	const struct scanner *s = c->s;

	if (!c->d->fields)
		return 0;
	if (!c->tab_set || pos < c->tab_pos) {
		if (c->o->table) {
			c->tab = *c->o->table;
			c->tab_pos = c->o->from - c->tab.lag;
		} else {
			memset(&c->tab, 0, sizeof(c->tab));
			c->tab_pos = 0;
		}
		c->tab_set = true;
		c->colword = 0;
	}
	/* no word of a column rule kept or to read before pos: nothing to read */
	while (c->colword < s->nwords &&
	       (s->words[c->colword].end < c->tab_pos ||
		(!c->d->word_names[s->words[c->colword].rule] && !c->d->word_whole[s->words[c->colword].rule])))
		c->colword++;
	if (!tg_table_has_words(&c->tab) && (c->colword == s->nwords || s->words[c->colword].end >= pos))
		return 0;
	table_read(c, &c->tab, c->tab_pos, pos);
	c->tab_pos = pos;
	return tg_table_names(&c->tab);
}

/* Is the key k (n bytes) one of the rule's context words, whole ("contact",
 * "cell": a word that names a field only as the whole of its name, where
 * "contact_email" or "cell_id" name something else)? Caseless, a space in
 * the word written as ' ', '_' or '-'. */
static bool key_is_word(const struct rule *r, const char *k, size_t n)
{
	for (size_t i = 0; i < r->ncontext; i++) {
		const char *w = r->context[i];
		size_t j = 0;

		while (j < n && w[j] && (tolower((unsigned char)k[j]) == (unsigned char)w[j] ||
					 (w[j] == ' ' && (k[j] == '_' || k[j] == '-'))))
			j++;
		if (j == n && !w[j])
			return true;
	}
	return false;
}

/*
 * Is the value at st inside a JSON object or array whose key names it as
 * a field does ("phone": {"old": "030 1234567", "new": "030 7654321"}: a
 * record of changes; "phones": ["030 1234567", ...])? Back from st to the
 * '{' or '[' that opens what it is in (past whole objects and arrays in
 * it), then "key": before it, a key that names a field (not a generic
 * word that does so only as a whole key: "contact": {...} holds ids too).
 * Looks back at most context_before bytes: the text a stream keeps.
 */
static bool object_key_names(const struct rule *r, const char *t, size_t len, size_t st)
{
	size_t lo = st > r->ctx_before ? st - r->ctx_before : 0, i = st, ke;
	int depth = 0;

	while (i > lo) {
		char c = t[--i];

		if (c == '}' || c == ']')
			depth++;
		else if ((c == '{' || c == '[') && depth-- == 0)
			break;
	}
	if (depth >= 0)
		return false;
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	if (i == lo || t[--i] != ':')
		return false;
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	if (i == lo || t[--i] != '"')
		return false;
	ke = i;
	while (i > lo && t[i - 1] != '"' && t[i - 1] != '\n')
		i--;
	if (i == lo || t[i - 1] != '"')
		return false;
	return field_word_in(r, t, len, i, ke);
}

/* What a field says of a value of a "context_fields" rule (field_names). */
enum field {
	FIELD_NONE = 0,
	FIELD_NAMES,      /* its JSON key or the header of its table column names it */
	FIELD_OTHER,      /* it is in a row of a table whose header names other columns */
};

/* Does a field name a value of rule r ("context_fields") ending at pos: the
 * text's JSON key, or the header of its table column? */
static enum field field_names(struct ctx *c, const struct rule *r, size_t pos)
{
	if (!r->fields)
		return FIELD_NONE;
	if (c->key && (field_word_in(r, c->key, c->nkey, 0, c->nkey) || key_is_word(r, c->key, c->nkey)))
		return FIELD_NAMES;
	if (column_names(c, pos) & r->fields)
		return FIELD_NAMES;
	return c->tab_set && tg_table_in_row(&c->tab) ? FIELD_OTHER : FIELD_NONE;
}

/*
 * A regex match [rs, re) of rule r was found: turn it into candidates
 * (its value spans), or decide it is not one. Returns TG_YES (accepted), TG_NO
 * (refused: try another start), TG_MORE (undecided: held), or -1 on error.
 */
static int take_match(struct ctx *c, const struct rule *r, size_t ri, size_t rs, size_t re,
		      const PCRE2_SIZE *ov, uint32_t npairs)
{
	size_t spans[16][2], nsp = 0;
	int verdict = TG_YES, field = -1; /* field: what a field says of the value (enum field), once known */

	if (r->pem) {
		/* the value runs to the END marker, or to the end of the text */
		int m = pcre2_match(c->d->pem_end, (PCRE2_SPTR)c->t, c->len, re, 0, c->s->md, c->s->mctx);

		if (m > 0) {
			re = pcre2_get_ovector_pointer(c->s->md)[1];
		} else {
			if (!c->o->final)
				return TG_MORE;
			re = c->len;
		}
		spans[nsp][0] = rs;
		spans[nsp][1] = re;
		nsp++;
	} else if (r->group >= 0) {
		if ((uint32_t)r->group < npairs && ov[2 * r->group] != PCRE2_UNSET) {
			spans[nsp][0] = ov[2 * r->group];
			spans[nsp][1] = ov[2 * r->group + 1];
			nsp++;
		}
	} else {
		for (uint32_t g = 1; g < npairs && nsp < 16; g++) {
			if (ov[2 * g] == PCRE2_UNSET || ov[2 * g] == ov[2 * g + 1])
				continue;
			spans[nsp][0] = ov[2 * g];
			spans[nsp][1] = ov[2 * g + 1];
			nsp++;
		}
		if (nsp == 0) {
			spans[0][0] = rs;
			spans[0][1] = re;
			nsp = 1;
		}
	}
	if (nsp == 0)
		return TG_NO;
	for (size_t i = 0; i < nsp; i++) {
		enum tg_validity v = validate(r, c->t, c->len, spans[i][0], spans[i][1], c->o->final);
		bool need = !r->optional || v == TG_WEAK;
		struct scanner near;
		struct hit found[LOCAL_HITS];
		const struct scanner *ws = c->s; /* where the rule's words are: the scan's, or found by hand */

		if (v == TG_SURE)
			continue; /* its form names it: no word to look for */
		if (v == TG_WEAK)
			v = TG_YES;
		if (v == TG_YES && r->fields && field < 0) {
			field = field_names(c, r, re);
			if (field != FIELD_NAMES && object_key_names(r, c->t, c->len, spans[i][0]))
				field = FIELD_NAMES;
		}
		if (v == TG_YES && r->local) {
			size_t st = spans[i][0], en = spans[i][1];

			near = *c->s;
			near.words = found;
			near.nwords = local_words(c->d, r, c->t, c->len, st > r->ctx_before ? st - r->ctx_before : 0,
						  en + r->ctx_after < c->len ? en + r->ctx_after : c->len, found, LOCAL_HITS);
			ws = &near;
		}
		if (v == TG_YES)
			v = r->nearest ? context_nearest(c->d, ws, r, c->t, c->len, spans[i][0], spans[i][1], c->o->final,
							 field == FIELD_NAMES, field == FIELD_OTHER, need)
				       : context_check(c->d, ws, r, c->t, c->len, spans[i][0], spans[i][1], c->o->final,
						       field == FIELD_NAMES, field == FIELD_OTHER, need);
		if (v == TG_YES && r->optional && need && deny_on_line(c->d, c->s, r, c->t, spans[i][0]))
			v = TG_NO;
		if (v == TG_NO)
			return TG_NO;
		if (v == TG_MORE)
			verdict = TG_MORE;
	}
	if (verdict == TG_MORE)
		return TG_MORE;
	for (size_t i = 0; i < nsp; i++) {
		size_t st = spans[i][0], en = spans[i][1];

		if (en <= st)
			continue;
		utf8_align(c->t, c->len, &st, &en);
		if (add_cand(c->s, r, st, en, rs, re) < 0)
			return -1;
		c->s->cands[c->s->ncands - 1].rule = (uint32_t)ri;
	}
	return TG_YES;
}

/* Confirm a Hyperscan hit of rule ri ending at end. */
static int confirm_hit(struct ctx *c, size_t ri, size_t end)
{
	const struct rule *r = &c->d->rules[ri];
	size_t width = r->max_width == UINT_MAX || r->max_width > WINDOW_CAP ? WINDOW_CAP : r->max_width;
	size_t lo = end > width ? end - width : 0;

	if (r->ctx_words && !r->optional && !r->local) {
		/* no context word anywhere near: nothing to confirm */
		size_t clo = lo > r->ctx_before ? lo - r->ctx_before : 0;
		size_t chi = end + r->ctx_after;

		if ((chi <= c->len || c->o->final) && !has_word(c->d, c->s, r->ctx_words, clo, chi, SIZE_MAX, NULL) &&
		    field_names(c, r, end) != FIELD_NAMES && !(r->fields && camel_word_in(r, c->t, c->len, clo, end)) &&
		    !label_in(r, c->t, lo, end))
			return 0;
	}

	if (lo < c->o->from)
		lo = c->o->from;
	/* the subject stops shortly after end: what follows the match is all its
	 * boundaries and lookarounds need, and no start past end is tried */
	size_t subject = end + CONFIRM_AHEAD < c->len ? end + CONFIRM_AHEAD : c->len;

	c->s->want_end = end;
	for (int tries = 0; tries < MAX_STARTS && lo <= end; tries++) {
		int m = pcre2_match(r->confirm, (PCRE2_SPTR)c->t, subject, lo, 0, c->s->md, c->s->mctx);
		PCRE2_SIZE *ov;
		int v;

		if (m == PCRE2_ERROR_NOMATCH)
			return 0;
		if (m < 0) {
			/* too complex to confirm: hold (streams) rather than guess */
			if (!c->o->final)
				hold_at(c, lo);
			return 0;
		}
		ov = pcre2_get_ovector_pointer(c->s->md);
		if (!c->o->final && end >= c->len) {
			/* ends where the text does for now: it may still grow or change */
			hold_at(c, ov[0]);
			return 0;
		}
		v = take_match(c, r, ri, ov[0], ov[1], ov, (uint32_t)m);
		if (v < 0)
			return -1;
		if (v == TG_YES)
			return 0;
		if (v == TG_MORE) {
			hold_at(c, ov[0]);
			return 0;
		}
		lo = ov[0] + 1;
	}
	return 0;
}

/* A rule Hyperscan could only approximate: let PCRE2 find every match. */
static int scan_prefilter_rule(struct ctx *c, size_t ri)
{
	const struct rule *r = &c->d->rules[ri];
	size_t at = c->o->from;

	while (at <= c->len) {
		int m = pcre2_match(r->plain, (PCRE2_SPTR)c->t, c->len, at, 0, c->s->md, c->s->mctx);
		PCRE2_SIZE *ov;
		int v;

		if (m < 0)
			return 0;
		ov = pcre2_get_ovector_pointer(c->s->md);
		if (ov[1] >= c->len && !c->o->final) {
			hold_at(c, ov[0]);
			return 0;
		}
		v = take_match(c, r, ri, ov[0], ov[1], ov, (uint32_t)m);
		if (v < 0)
			return -1;
		if (v == TG_MORE)
			hold_at(c, ov[0]);
		at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return 0;
}

/* Streams: the first offset >= from where some rule could still match text
 * that has not come (holdback.h); before c->hold only, as nothing after it
 * can lower the hold. */
static void partial_holdback(struct ctx *c)
{
	size_t start = c->o->hold_from > c->o->from ? c->o->hold_from : c->o->from;

	hold_at(c, tg_holdback_find(c->d->holdback, c->t, c->len, start, c->hold, c->s->md, c->s->mctx));
}

static int cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Hyperscan reports in order of end offset (rules at one offset in any
 * order, which nothing depends on): sort only if that ever changes. */
static void sort_hits(struct hit *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (v[i - 1].end > v[i].end) {
			qsort(v, n, sizeof(*v), cmp_hit);
			return;
		}
	}
}

static int cmp_start(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static int cmp_rank(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->prio != y->prio)
		return x->prio > y->prio ? -1 : 1;
	if (x->end - x->start != y->end - y->start)
		return x->end - x->start > y->end - y->start ? -1 : 1;
	return cmp_start(a, b);
}

static int cmp_entity_start(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->entity != y->entity)
		return x->entity < y->entity ? -1 : 1;
	return cmp_start(a, b);
}

/*
 * Merge overlapping values of one entity, then let the best of overlapping
 * entities win: within each cluster of overlapping values (values in
 * different clusters never interact), by priority, then length, then
 * position.
 */
static size_t resolve(struct scanner *s)
{
	size_t n = 0, kept = 0;

	if (s->ncands == 0)
		return 0;
	qsort(s->cands, s->ncands, sizeof(s->cands[0]), cmp_entity_start);
	for (size_t i = 0; i < s->ncands; i++) {
		struct cand *c = &s->cands[i];

		if (n > 0 && s->cands[n - 1].entity == c->entity && c->start < s->cands[n - 1].end) {
			struct cand *p = &s->cands[n - 1];

			if (c->end > p->end)
				p->end = c->end;
			if (c->prio > p->prio)
				p->prio = c->prio;
			if (c->rstart < p->rstart)
				p->rstart = c->rstart;
			continue;
		}
		s->cands[n++] = *c;
	}
	qsort(s->cands, n, sizeof(s->cands[0]), cmp_start);
	for (size_t a = 0; a < n;) {
		size_t b = a + 1, first = kept;
		uint32_t end = s->cands[a].end;

		while (b < n && s->cands[b].start < end) {
			if (s->cands[b].end > end)
				end = s->cands[b].end;
			b++;
		}
		if (b - a > 1)
			qsort(s->cands + a, b - a, sizeof(s->cands[0]), cmp_rank);
		for (size_t i = a; i < b; i++) {
			bool clash = false;

			for (size_t j = first; j < kept && !clash; j++)
				clash = s->cands[i].start < s->cands[j].end && s->cands[j].start < s->cands[i].end;
			if (!clash)
				s->cands[kept++] = s->cands[i];
		}
		a = b;
	}
	qsort(s->cands, kept, sizeof(s->cands[0]), cmp_start);
	return kept;
}

static int spans_push(struct tg_spans *out, const struct cand *c)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct tg_span *v = realloc(out->v, cap * sizeof(*v));

		if (!v)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n++] = (struct tg_span){.start = c->start, .end = c->end, .rule = c->rule,
					    .entity = c->entity};
	return 0;
}

/*
 * Does the character before t[i] (i > 0) read as a letter outside ASCII:
 * Latin-1's and the Latin extensions' letters, Greek, Cyrillic and the
 * other alphabets up to U+1FFF, the scripts from U+2C00 on; not the spaces,
 * punctuation, symbols and currency signs among them (NBSP, '«', '·', '–',
 * '“', '€')?
 */
static bool letter_before(const char *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t k = i - 1, n;
	uint32_t cp;

	if (u[k] < 0x80)
		return false;
	while (k > 0 && i - k < 4 && (u[k] & 0xC0) == 0x80)
		k--;
	n = i - k;
	if (n == 2 && (u[k] & 0xE0) == 0xC0)
		cp = (uint32_t)(u[k] & 0x1F) << 6 | (u[k + 1] & 0x3F);
	else if (n == 3 && (u[k] & 0xF0) == 0xE0)
		cp = (uint32_t)(u[k] & 0x0F) << 12 | (uint32_t)(u[k + 1] & 0x3F) << 6 | (u[k + 2] & 0x3F);
	else
		return false;
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp < 0x2000) ||
	       (cp >= 0x2C00 && cp < 0xD800 && (cp < 0x3000 || cp >= 0x3040));
}

/* Hyperscan over text: the rules' hits and the context words, sorted by end. */
static int scan_text(const struct tg_detectors *d, struct scanner *sc, const char *text, size_t len)
{
	size_t kept = 0;

	sc->nhits = 0;
	sc->nwords = 0;
	sc->word_base = d->nrules + 1;
	sc->glued_base = sc->word_base + d->nwords;
	if (len > 0 && hs_scan(d->db, text, (unsigned)len, 0, sc->scratch, on_hit, sc) != HS_SUCCESS)
		return -1;
	sort_hits(sc->hits, sc->nhits);
	sort_hits(sc->words, sc->nwords);
	/* \b knows only ASCII: a word right after a letter outside it is a piece
	 * of a longer word ("ln" in "Köln", "tel" in "Hôtel"); so is a word of
	 * an alphabet with spaces between words (Latin, Greek, Cyrillic, Hebrew,
	 * Arabic: "моб" in "автомобиль"; not Chinese, Japanese or Thai) */
	for (size_t i = 0; i < sc->nwords; i++) {
		const struct hit *h = &sc->words[i];
		size_t start = h->end - d->word_len[h->rule];
		unsigned char c = (unsigned char)d->words[h->rule][0];

		if (d->word_min[h->rule] == d->word_len[h->rule] && h->end >= d->word_len[h->rule] && start > 0 &&
		    (isalnum(c) || (c >= 0xC3 && c <= 0xDF)) && letter_before(text, start))
			continue;
		sc->words[kept++] = *h;
	}
	sc->nwords = kept;
	return 0;
}

/* From the hits in c->s: confirm, decide the hold, resolve, and append the
 * decided values to out, their offsets shifted by shift. */
static int decide(struct ctx *c, struct tg_spans *out, size_t shift, tg_err *err)
{
	const struct tg_detectors *d = c->d;
	struct tg_scan_opts *o = c->o;
	uint32_t prefilter_done[32];
	size_t nprefilter_done = 0, kept;
	int rc = 0;

	c->s->ncands = 0;
	for (size_t i = 0; i < c->s->nhits && rc == 0; i++) {
		const struct hit *h = &c->s->hits[i];
		const struct rule *r = &d->rules[h->rule];
		uint64_t bit = r->entity == TG_ENTITY_PLACEHOLDER ? 1ull << 63 : 1ull << r->entity;

		if (!(o->entities & bit) || h->end <= o->from)
			continue;
		if (i > 0 && h->rule == c->s->hits[i - 1].rule && h->end == c->s->hits[i - 1].end)
			continue;
		if (r->prefilter) {
			bool done = false;

			for (size_t k = 0; k < nprefilter_done && !done; k++)
				done = prefilter_done[k] == h->rule;
			if (!done) {
				if (nprefilter_done < TG_ARRAY_LEN(prefilter_done))
					prefilter_done[nprefilter_done++] = h->rule;
				rc = scan_prefilter_rule(c, h->rule);
			}
			continue;
		}
		rc = confirm_hit(c, h->rule, h->end);
	}
	if (rc < 0)
		return tg_errf(err, "out of memory (detection)");
	if (!o->final)
		partial_holdback(c);
	kept = resolve(c->s);
	if (!o->final) {
		/* a value that does not go out now waits with its whole match
		 * (leading context, other groups): the next call must find it again */
		for (bool moved = true; moved;) {
			moved = false;
			for (size_t i = 0; i < kept; i++)
				if (c->s->cands[i].end > c->hold && c->s->cands[i].rstart < c->hold) {
					c->hold = c->s->cands[i].rstart;
					moved = true;
				}
		}
		if (c->hold < o->from)
			c->hold = o->from;
		o->hold = c->hold;
		if (o->table && d->fields && c->len > 0) {
			/* a stream's table context moves on to the new hold (the next
			 * call's from), short of the last byte so far (a word ending
			 * there may go on): lag says by how much */
			size_t pos = o->from - o->table->lag, to = o->hold < c->len ? o->hold : c->len - 1;

			if (to > pos) {
				table_read(c, o->table, pos, to);
				pos = to;
			}
			o->table->lag = (uint8_t)(o->hold - pos);
		}
	} else {
		o->hold = c->len;
	}
	for (size_t i = 0; i < kept; i++) {
		struct cand k = c->s->cands[i];

		if (k.start < o->from || k.end > o->hold)
			continue;
		k.start += (uint32_t)shift;
		k.end += (uint32_t)shift;
		if (spans_push(out, &k) < 0)
			return tg_errf(err, "out of memory");
	}
	return 0;
}

int tg_detect(const struct tg_detectors *cd, const char *text, size_t len,
	      struct tg_scan_opts *o, struct tg_spans *out, tg_err *err)
{
	struct tg_detectors *d = (struct tg_detectors *)cd;
	struct ctx c = {.d = d, .t = text, .len = len, .o = o, .hold = len, .key = o->key, .nkey = o->key_len};
	int rc;

	out->n = 0;
	if (len > UINT32_MAX / 2)
		return tg_errf(err, "text too large to scan");
	c.s = scanner_get(d);
	if (!c.s)
		return tg_errf(err, "out of memory (scanner)");
	if (scan_text(d, c.s, text, len) < 0)
		rc = tg_errf(err, "Hyperscan scan failed");
	else
		rc = decide(&c, out, 0, err);
	scanner_put(d, c.s);
	return rc;
}

int tg_detect_many(const struct tg_detectors *cd, const char *text, size_t len, const struct tg_segment *segs,
		   size_t nsegs, uint64_t entities, struct tg_spans *out, tg_err *err)
{
	struct tg_detectors *d = (struct tg_detectors *)cd;
	struct tg_scan_opts o = {.entities = entities, .final = true};
	struct ctx c = {.d = d, .o = &o};
	struct hit *hits, *words;
	size_t nhits, nwords, a = 0, w = 0;
	int rc = 0;

	out->n = 0;
	if (len > UINT32_MAX / 2)
		return tg_errf(err, "text too large to scan");
	c.s = scanner_get(d);
	if (!c.s)
		return tg_errf(err, "out of memory (scanner)");
	if (scan_text(d, c.s, text, len) < 0) {
		scanner_put(d, c.s);
		return tg_errf(err, "Hyperscan scan failed");
	}
	hits = c.s->hits;
	nhits = c.s->nhits;
	words = c.s->words;
	nwords = c.s->nwords;
	for (size_t i = 0; i < nsegs && rc == 0; i++) {
		size_t off = segs[i].off, n = segs[i].len, b, v;

		/* this text's hits end inside it, or on the separator after it
		 * (a pattern's closing class took the separator for the end) */
		while (a < nhits && hits[a].end <= off)
			a++;
		for (b = a; b < nhits && hits[b].end <= off + n + 1; b++)
			hits[b].end = (uint32_t)(hits[b].end > off + n ? n : hits[b].end - off);
		c.key = segs[i].key_len ? text + segs[i].key_off : NULL;
		c.nkey = segs[i].key_len;
		while (w < nwords && words[w].end <= off)
			w++;
		for (v = w; v < nwords && words[v].end <= off + n; v++)
			words[v].end -= (uint32_t)off;
		/* no arithmetic on NULL arrays (empty hit or word lists) */
		c.s->hits = hits ? hits + a : NULL;
		c.s->nhits = b - a;
		c.s->words = words ? words + w : NULL;
		c.s->nwords = v - w;
		c.t = text + off;
		c.len = n;
		c.hold = n;
		c.tab_set = false;
		if (b > a)
			rc = decide(&c, out, off, err);
		a = b;
		w = v;
	}
	c.s->hits = hits;
	c.s->words = words;
	scanner_put(d, c.s);
	return rc;
}

