/*
 * redact.c - the redaction stage: per-call state (actions, pseudonyms,
 * counts), request and response rewriting, policy events, admin routes.
 * See redact.h.
 *
 * What a call remembers of the values it found:
 *   request   each pseudonymized value, as sent (the reply uses its
 *             placeholder and the agent must get the value back), and a
 *             keyed hash of each distinct value, for the counts;
 *   response  a keyed hash of each distinct value, for the counts and for
 *             the placeholders of values the model made up (the same value
 *             gets the same placeholder within the call; they are never put
 *             back, so the value itself is not kept). At most
 *             MAX_REPLY_VALUES of them; past that a value to pseudonymize
 *             gets [REDACTED:TYPE] and each further detection counts once.
 * The hash is SipHash-2-4 (OpenSSL) under a random key made per call, on
 * first use: nothing kept can be matched against a list of candidates.
 */
#include "redact.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "jsonfile.h"
#include "jsonrw.h"
#include "redact_sse.h"

#define MAX_RESPONSE_BODY (64u << 20) /* non-streamed bodies are held whole to rewrite them */
#define MAX_NESTED_JSON 4             /* JSON inside "arguments" strings, inside ... */
#define MAX_SEEN 32                   /* distinct request values remembered for counting; beyond, each detection counts */
#define MAX_REPLY_VALUES 32           /* distinct response values remembered (counts, placeholders of made-up values) */
#define REPLY_N_MASK 0xFFFFull        /* a reply entry: 48 bits of keyed hash, 16 bits of placeholder number */
#define MAX_TEST_TEXT (1u << 20)

struct tg_redact {
	pthread_mutex_t lock;
	struct tg_redact_policy *pol;     /* in force; swapped by reload */
	char policy_path[PATH_MAX];
	bool enabled;
	size_t index;
	struct tg_events *events;
	struct tg_audit *audit;
	EVP_MAC *siphash;                 /* the keyed hash of remembered values */
	atomic_uint_fast64_t calls, req_changed, res_changed, blocked, refused, skipped, restored;
	atomic_uint_fast64_t found[2][TG_MAX_ENTITIES];
};

/* A value the agent sent, pseudonymized in the request. */
struct pseudo {
	uint64_t hash;     /* of (entity, normal form), for the index */
	uint8_t entity;
	uint32_t n;        /* <EMAIL_n> */
	char *value;       /* the original, as first seen */
	size_t len;
};

struct tg_redactor {
	struct tg_redact *mod;
	struct tg_redact_policy *pol;
	uint64_t mask[2];
	uint32_t blocked[2];                 /* entity bits */
	uint64_t *seen;                      /* request: keyed hashes of the values counted */
	uint64_t *reply;                     /* response: hash bits | placeholder number (0: none) */
	struct pseudo *ps;                   /* request: pseudonymized values */
	uint32_t *index;                     /* open addressing over ps by hash: slot = 1 + position */
	uint32_t nps, capps, index_cap;
	uint32_t restored;
	enum tg_redact_dir dir;              /* of the rewrite in progress */
	int nested;
	unsigned char key[16];               /* of the keyed hashes, made on first use */
	bool keyed;
	bool changed;                        /* the rewrite in progress changed something */
	uint8_t nseen, capseen, nreply, capreply;
	uint8_t nent;                        /* the policy's entity types */
	/* Per entity type, sized to the policy (see COUNT, NEXT, ACT): distinct
	 * values found per direction, the last placeholder number given, and
	 * the action per direction. */
	uint16_t tab[];
};

#define COUNT(x, dir, e) ((x)->tab[(dir) * (x)->nent + (e)])
#define NEXT(x, e) ((x)->tab[2 * (x)->nent + (e)])
#define ACT(x, dir, e) (((uint8_t *)((x)->tab + 3 * (x)->nent))[(dir) * (x)->nent + (e)])

/* ---- values ------------------------------------------------------------ */

/* Normal form for "same value": e-mail case-insensitive, phone digits only. */
static size_t normalize(const struct tg_redactor *x, int entity, const char *v, size_t n, char *out,
			size_t size)
{
	const char *name = tg_detectors_entity_name(x->pol->det, entity);
	size_t k = 0;

	for (size_t i = 0; i < n && k < size; i++) {
		unsigned char c = (unsigned char)v[i];

		if (strcmp(name, "PHONE") == 0 && !isdigit(c) && c != '+')
			continue;
		if (strcmp(name, "CARD") == 0 && !isdigit(c))
			continue;
		out[k++] = strcmp(name, "EMAIL") == 0 ? (char)tolower(c) : (char)c;
	}
	return k;
}

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

int tg_redactor_hash(struct tg_redactor *x, const void *a, size_t an, const void *b, size_t bn, uint64_t *out)
{
	unsigned char h[8];
	unsigned int size = sizeof(h);
	OSSL_PARAM params[] = {OSSL_PARAM_construct_uint(OSSL_MAC_PARAM_SIZE, &size), OSSL_PARAM_END};
	size_t outl = 0;
	EVP_MAC_CTX *c;
	int ok;

	if (!x->keyed) {
		if (RAND_bytes(x->key, sizeof(x->key)) != 1)
			return -1;
		x->keyed = true;
	}
	c = EVP_MAC_CTX_new(x->mod->siphash);
	ok = c && EVP_MAC_init(c, x->key, sizeof(x->key), params) && EVP_MAC_update(c, a, an) &&
	     EVP_MAC_update(c, b, bn) && EVP_MAC_final(c, h, &outl, sizeof(h)) && outl == sizeof(h);
	EVP_MAC_CTX_free(c);
	if (!ok)
		return -1;
	memcpy(out, h, sizeof(h));
	return 0;
}

/* The keyed hash of (direction, entity, normal form of the value). */
static int keyed_hash(struct tg_redactor *x, int dir, int entity, const char *v, size_t n, uint64_t *out)
{
	char norm[512];
	size_t k = normalize(x, entity, v, n, norm, sizeof(norm));
	unsigned char tag[2] = {(unsigned char)dir, (unsigned char)entity};

	return tg_redactor_hash(x, tag, sizeof(tag), norm, k, out);
}

/* Room for one more uint64_t in *v (cap doubling from 4 up to max). */
static bool grow(uint64_t **v, uint8_t n, uint8_t *cap, uint8_t max)
{
	uint8_t c = *cap ? (uint8_t)(*cap * 2 > max ? max : *cap * 2) : 4;
	uint64_t *nv;

	if (n < *cap)
		return true;
	if (n >= max)
		return false;
	nv = realloc(*v, c * sizeof(**v));
	if (!nv)
		return false;
	*v = nv;
	*cap = c;
	return true;
}

/*
 * Count a detection once per distinct value. For a response, returns the
 * value's entry in the reply table (NULL when the table is full: then each
 * further detection counts once, and the value gets no placeholder).
 */
static uint64_t *note_seen(struct tg_redactor *x, int dir, int entity, const char *v, size_t n)
{
	uint64_t h;

	if (keyed_hash(x, dir, entity, v, n, &h) < 0) {
		if (COUNT(x, dir, entity) < UINT16_MAX)
			COUNT(x, dir, entity)++;
		return NULL;
	}
	if (dir == TG_DIR_RESPONSE) {
		h &= ~REPLY_N_MASK;
		for (size_t i = 0; i < x->nreply; i++)
			if ((x->reply[i] & ~REPLY_N_MASK) == h)
				return &x->reply[i];
	} else {
		for (size_t i = 0; i < x->nseen; i++)
			if (x->seen[i] == h)
				return NULL;
	}
	if (COUNT(x, dir, entity) < UINT16_MAX)
		COUNT(x, dir, entity)++;
	if (dir == TG_DIR_RESPONSE) {
		if (!grow(&x->reply, x->nreply, &x->capreply, MAX_REPLY_VALUES))
			return NULL;
		x->reply[x->nreply] = h;
		return &x->reply[x->nreply++];
	}
	if (grow(&x->seen, x->nseen, &x->capseen, MAX_SEEN))
		x->seen[x->nseen++] = h;
	return NULL;
}

static uint64_t value_hash(const struct tg_redactor *x, int entity, const char *v, size_t n)
{
	char norm[512];
	size_t k = normalize(x, entity, v, n, norm, sizeof(norm));

	return fnv1a(0xcbf29ce484222325ull ^ (uint64_t)entity, norm, k);
}

static struct pseudo *find_value(struct tg_redactor *x, int entity, const char *v, size_t n)
{
	char a[512], b[512];
	size_t na;
	uint64_t h;

	if (!x->index_cap)
		return NULL;
	h = value_hash(x, entity, v, n);
	na = normalize(x, entity, v, n, a, sizeof(a));
	for (size_t i = h & (x->index_cap - 1); x->index[i]; i = (i + 1) & (x->index_cap - 1)) {
		struct pseudo *p = &x->ps[x->index[i] - 1];

		if (p->hash == h && p->entity == entity &&
		    normalize(x, entity, p->value, p->len, b, sizeof(b)) == na && memcmp(a, b, na) == 0)
			return p;
	}
	return NULL;
}

/* Put ps[pos] in the index, growing it to stay at most half full. */
static int index_add(struct tg_redactor *x, size_t pos)
{
	size_t i;

	if ((pos + 1) * 2 > x->index_cap) {
		uint32_t cap = x->index_cap ? x->index_cap * 2 : 16;
		uint32_t *v = calloc(cap, sizeof(*v));

		if (!v)
			return -1;
		free(x->index);
		x->index = v;
		x->index_cap = cap;
		for (size_t k = 0; k < pos; k++) {
			for (i = x->ps[k].hash & (cap - 1); v[i]; i = (i + 1) & (cap - 1))
				;
			v[i] = (uint32_t)k + 1;
		}
	}
	for (i = x->ps[pos].hash & (x->index_cap - 1); x->index[i]; i = (i + 1) & (x->index_cap - 1))
		;
	x->index[i] = (uint32_t)pos + 1;
	return 0;
}

static struct pseudo *add_value(struct tg_redactor *x, int entity, const char *v, size_t n)
{
	struct pseudo *p;

	if (x->nps == x->capps) {
		uint32_t cap = x->capps ? x->capps * 2 : 4;
		struct pseudo *ps = realloc(x->ps, cap * sizeof(*ps));

		if (!ps)
			return NULL;
		x->ps = ps;
		x->capps = cap;
	}
	p = &x->ps[x->nps];
	p->value = malloc(n ? n : 1);
	if (!p->value)
		return NULL;
	memcpy(p->value, v, n);
	p->len = n;
	p->entity = (uint8_t)entity;
	p->hash = value_hash(x, entity, v, n);
	if (NEXT(x, entity) == UINT16_MAX || index_add(x, x->nps) < 0) {
		free(p->value);
		return NULL;
	}
	p->n = ++NEXT(x, entity);
	x->nps++;
	return p;
}

/* "<EMAIL_3>" -> the value it stands for in this call. */
static struct pseudo *find_placeholder(struct tg_redactor *x, const char *v, size_t n)
{
	const char *us = NULL;
	char name[TG_ENTITY_LEN];
	unsigned long num;
	int entity;

	for (size_t i = n - 1; i > 1; i--)
		if (v[i] == '_') {
			us = v + i;
			break;
		}
	if (!us || (size_t)(us - v - 1) >= sizeof(name))
		return NULL;
	memcpy(name, v + 1, (size_t)(us - v - 1));
	name[us - v - 1] = 0;
	entity = tg_detectors_entity(x->pol->det, name);
	num = strtoul(us + 1, NULL, 10);
	if (entity < 0)
		return NULL;
	for (size_t i = 0; i < x->nps; i++)
		if (x->ps[i].entity == entity && x->ps[i].n == num)
			return &x->ps[i];
	return NULL;
}

static int replace(void *ctx, const char *text, size_t len, const struct tg_span *sp, struct tg_buf *out)
{
	struct tg_redactor *x = ctx;
	const char *v = text + sp->start;
	size_t n = sp->end - sp->start;
	int dir = x->dir, e = sp->entity;
	const char *name;
	struct pseudo *p;
	uint64_t *seen;

	(void)len;
	if (e == TG_ENTITY_PLACEHOLDER) {
		p = find_placeholder(x, v, n);
		if (!p)
			return tg_buf_append(out, v, n);
		x->changed = true;
		x->restored++;
		return tg_buf_append(out, p->value, p->len);
	}
	name = tg_detectors_entity_name(x->pol->det, e);
	seen = note_seen(x, dir, e, v, n);
	switch ((enum tg_redact_action)ACT(x, dir, e)) {
	case TG_ACT_OFF:
	case TG_ACT_MONITOR:
		return tg_buf_append(out, v, n);
	case TG_ACT_REDACT:
		x->changed = true;
		return tg_buf_printf(out, "[REDACTED:%s]", name);
	case TG_ACT_BLOCK:
		x->changed = true;
		x->blocked[dir] |= 1u << e;
		return tg_buf_printf(out, "[BLOCKED:%s]", name);
	case TG_ACT_PSEUDONYMIZE:
		p = find_value(x, e, v, n);
		if (p && dir == TG_DIR_RESPONSE)
			return tg_buf_append(out, v, n); /* the agent's own value: nothing to hide from it */
		x->changed = true;
		if (dir == TG_DIR_RESPONSE) {
			/* made up by the model: a placeholder of its own, never put back */
			if (seen && !(*seen & REPLY_N_MASK) && NEXT(x, e) < UINT16_MAX)
				*seen |= ++NEXT(x, e);
			if (!seen || !(*seen & REPLY_N_MASK)) /* past the bound: never let the value through */
				return tg_buf_printf(out, "[REDACTED:%s]", name);
			return tg_buf_printf(out, "<%s_%u>", name, (unsigned)(*seen & REPLY_N_MASK));
		}
		if (!p)
			p = add_value(x, e, v, n);
		if (!p) /* out of pseudonyms (or memory): never let the value through */
			return tg_buf_printf(out, "[REDACTED:%s]", name);
		return tg_buf_printf(out, "<%s_%u>", name, p->n);
	}
	return -1;
}

static uint64_t mask_for(const struct tg_redactor *x, enum tg_redact_dir dir)
{
	uint64_t m = x->mask[dir];

	if (dir == TG_DIR_RESPONSE && x->nps)
		m |= 1ull << TG_ENTITY_PLACEHOLDER;
	return m;
}

/* ---- the per-call redactor --------------------------------------------- */

uint64_t tg_redactor_mask(const struct tg_redactor *x, enum tg_redact_dir dir)
{
	return mask_for(x, dir);
}

const struct tg_detectors *tg_redactor_detectors(const struct tg_redactor *x)
{
	return x->pol->det;
}

int tg_redactor_replace(struct tg_redactor *x, enum tg_redact_dir dir, const char *text, size_t len,
			const struct tg_span *span, struct tg_buf *out)
{
	bool before = x->changed;
	int rc;

	x->dir = dir;
	x->changed = false;
	rc = replace(x, text, len, span, out);
	rc = rc < 0 ? -1 : x->changed ? 1 : 0;
	x->changed = before || rc > 0;
	return rc;
}

struct tg_redactor *tg_redactor_new(struct tg_redact *r, const struct tg_redact_who *who)
{
	struct tg_redact_policy *pol;
	uint8_t act[2][TG_MAX_ENTITIES];
	struct tg_redactor *x;
	size_t n;

	pthread_mutex_lock(&r->lock);
	pol = r->pol;
	tg_redact_policy_ref(pol);
	pthread_mutex_unlock(&r->lock);
	n = tg_detectors_nentities(pol->det);
	x = calloc(1, sizeof(*x) + n * (3 * sizeof(uint16_t) + 2));
	if (!x) {
		tg_redact_policy_unref(pol);
		return NULL;
	}
	x->mod = r;
	x->pol = pol;
	x->nent = (uint8_t)n;
	tg_redact_policy_actions(x->pol, who, act);
	for (int d = 0; d < 2; d++)
		for (size_t e = 0; e < n; e++) {
			ACT(x, d, e) = act[d][e];
			if (act[d][e] != TG_ACT_OFF)
				x->mask[d] |= 1ull << e;
		}
	return x;
}

void tg_redactor_free(struct tg_redactor *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nps; i++)
		free(x->ps[i].value);
	free(x->ps);
	free(x->index);
	free(x->seen);
	free(x->reply);
	OPENSSL_cleanse(x->key, sizeof(x->key));
	tg_redact_policy_unref(x->pol);
	free(x);
}

bool tg_redactor_active(const struct tg_redactor *x, enum tg_redact_dir dir)
{
	return mask_for(x, dir) != 0;
}

bool tg_redactor_skip_key(const struct tg_redactor *x, const char *key)
{
	const struct tg_redact_policy *p = x->pol;

	if (!p->nskip_keys)
		return false;
	for (size_t i = tg_redact_key_hash(key) & (p->skip_slots - 1); p->skip_keys[i]; i = (i + 1) & (p->skip_slots - 1))
		if (strcmp(p->skip_keys[i], key) == 0)
			return true;
	return false;
}

int tg_redactor_text(struct tg_redactor *x, enum tg_redact_dir dir, const char *text, size_t len,
		     struct tg_buf *out, tg_err *err)
{
	uint64_t m = mask_for(x, dir);

	x->dir = dir;
	x->changed = false;
	if (!m || !len)
		return tg_buf_append(out, text, len) < 0 ? tg_errf(err, "out of memory") : 0;
	if (tg_text_rewrite(x->pol->det, m, text, len, replace, x, out, err) < 0)
		return -1;
	return x->changed ? 1 : 0;
}

static bool is_data_uri(const char *t, size_t n)
{
	return n > 5 && memcmp(t, "data:", 5) == 0 && memmem(t, n < 256 ? n : 256, ";base64,", 8);
}

int tg_redactor_json_value(void *ctx, const struct tg_json_path *path, const char *text, size_t len,
			   struct tg_buf *out)
{
	struct tg_redactor *x = ctx;
	const char *key = path->depth ? path->keys[path->depth - 1] : NULL, *name;
	bool before = x->changed, changed;
	int rc;

	if (!len || (key && tg_redactor_skip_key(x, key)) || is_data_uri(text, len))
		return 0;
	if (key && strcmp(key, "arguments") == 0 && x->nested < MAX_NESTED_JSON) {
		/* tool call arguments: JSON in a string; rewrite it as JSON when it is */
		size_t i = 0;

		while (i < len && isspace((unsigned char)text[i]))
			i++;
		if (i < len && (text[i] == '{' || text[i] == '[')) {
			x->nested++;
			x->changed = false;
			rc = tg_json_rewrite(text, len, tg_redactor_json_value, x, out, NULL);
			x->nested--;
			changed = x->changed;
			x->changed = before || changed;
			if (rc == 0)
				return changed ? 1 : 0;
			tg_buf_reset(out);
		}
	}
	/* the key naming the string (an array's, for its elements) goes with it */
	name = tg_json_path_name(path);
	x->changed = false;
	rc = tg_text_rewrite_named(x->pol->det, mask_for(x, x->dir), name, text, len, replace, x, out, NULL);
	changed = x->changed;
	x->changed = before || changed;
	if (rc < 0)
		return -1;
	return changed ? 1 : 0;
}

void tg_redactor_json_begin(struct tg_redactor *x, enum tg_redact_dir dir)
{
	x->dir = dir;
	x->changed = false;
}

/*
 * A whole JSON document is redacted in two walks: the first lays every
 * string to scan end to end (one Hyperscan scan for all of them, instead of
 * one per string, which short chat messages would pay for), the second puts
 * each string's values through replace(), in document order.
 */
struct batch {
	struct tg_redactor *x;
	struct tg_buf arena;         /* the strings, each after its key (if it has one), each followed by "\n" */
	struct tg_segment *segs;
	size_t nsegs, capsegs;
	struct tg_spans spans;       /* what the scan found, in arena offsets */
	size_t seg, span;            /* second walk: next string, next value */
	int nested;
};

static bool scannable(const struct tg_redactor *x, const struct tg_json_path *path, const char *text, size_t len)
{
	const char *key = path->depth ? path->keys[path->depth - 1] : NULL;

	return len && !(key && tg_redactor_skip_key(x, key)) && !is_data_uri(text, len);
}

/* Tool call arguments: JSON in a string, rewritten as JSON when it is. */
static bool nested_json(const struct batch *b, const struct tg_json_path *path, const char *text, size_t len)
{
	const char *key = path->depth ? path->keys[path->depth - 1] : NULL;
	size_t i = 0;

	if (!key || strcmp(key, "arguments") != 0 || b->nested >= MAX_NESTED_JSON)
		return false;
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	return i < len && (text[i] == '{' || text[i] == '[') && tg_json_valid(text, len);
}

static int collect(void *ctx, const struct tg_json_path *path, const char *text, size_t len, struct tg_buf *out)
{
	struct batch *b = ctx;
	const char *key;
	size_t klen;
	char *w;
	int rc;

	if (!scannable(b->x, path, text, len))
		return 0;
	if (nested_json(b, path, text, len)) {
		b->nested++;
		rc = tg_json_rewrite(text, len, collect, b, NULL, NULL);
		b->nested--;
		return rc < 0 ? -1 : 0;
	}
	(void)out;
	if (b->nsegs == b->capsegs) {
		size_t cap = b->capsegs ? b->capsegs * 2 : 16;
		struct tg_segment *v = realloc(b->segs, cap * sizeof(*v));

		if (!v)
			return -1;
		b->segs = v;
		b->capsegs = cap;
	}
	/* the key naming the string (an array's, for its elements) goes with it:
	 * {"ssn": "460899847"} is an SSN (detectors.h, tg_detect_many) */
	key = tg_json_path_name(path);
	klen = key ? strlen(key) : 0;
	if (tg_buf_used(&b->arena) + klen + 1 + len + 1 > UINT32_MAX / 2 ||
	    !(w = tg_buf_reserve(&b->arena, klen + 1 + len + 1)))
		return -1;
	b->segs[b->nsegs].key_off = (uint32_t)tg_buf_used(&b->arena);
	b->segs[b->nsegs].key_len = (uint32_t)klen;
	b->segs[b->nsegs].off = (uint32_t)(tg_buf_used(&b->arena) + (klen ? klen + 1 : 0));
	b->segs[b->nsegs].len = (uint32_t)len;
	b->nsegs++;
	if (klen) {
		memcpy(w, key, klen);
		w[klen] = '\n';
		w += klen + 1;
	}
	memcpy(w, text, len);
	w[len] = '\n';
	tg_buf_commit(&b->arena, (klen ? klen + 1 : 0) + len + 1);
	return 0;
}

static int apply(void *ctx, const struct tg_json_path *path, const char *text, size_t len, struct tg_buf *out)
{
	struct batch *b = ctx;
	const struct tg_segment *g;
	size_t at = 0;
	bool changed = false;
	int rc;

	if (!scannable(b->x, path, text, len))
		return 0;
	if (nested_json(b, path, text, len)) {
		bool before = b->x->changed;

		b->nested++;
		b->x->changed = false;
		rc = tg_json_rewrite(text, len, apply, b, out, NULL);
		b->nested--;
		changed = b->x->changed;
		b->x->changed = before || changed;
		return rc < 0 ? -1 : changed;
	}
	if (b->seg >= b->nsegs)
		return -1;
	g = &b->segs[b->seg++];
	for (; b->span < b->spans.n && b->spans.v[b->span].start < g->off + g->len; b->span++) {
		struct tg_span one = b->spans.v[b->span];
		bool before = b->x->changed;

		one.start -= g->off;
		one.end -= g->off;
		if (tg_buf_append(out, text + at, one.start - at) < 0)
			return -1;
		b->x->changed = false;
		if (replace(b->x, text, len, &one, out) < 0)
			return -1;
		changed |= b->x->changed;
		b->x->changed = before || b->x->changed;
		at = one.end;
	}
	if (!changed)
		return 0;
	return tg_buf_append(out, text + at, len - at) < 0 ? -1 : 1;
}

int tg_redactor_json(struct tg_redactor *x, enum tg_redact_dir dir, const char *doc, size_t len,
		     struct tg_buf *out, tg_err *err)
{
	size_t mark = tg_buf_used(out);
	struct batch b = {.x = x};
	int rc = -1;

	x->dir = dir;
	x->changed = false;
	if (!mask_for(x, dir)) {
		if (!tg_json_valid(doc, len))
			return tg_errf(err, "not valid JSON");
		return tg_buf_append(out, doc, len) < 0 ? tg_errf(err, "out of memory") : 0;
	}
	/* first walk: validate, and gather the strings to scan */
	if (tg_json_rewrite(doc, len, collect, &b, NULL, err) < 0)
		goto out;
	if (b.nsegs && tg_detect_many(x->pol->det, tg_buf_start(&b.arena), tg_buf_used(&b.arena), b.segs, b.nsegs,
				      mask_for(x, dir), &b.spans, err) < 0)
		goto out;
	if (b.spans.n == 0) {
		/* nothing found: the document as it came */
		rc = tg_buf_append(out, doc, len) < 0 ? tg_errf(err, "out of memory") : 0;
		goto out;
	}
	if (tg_json_rewrite(doc, len, apply, &b, out, err) < 0) {
		out->len = out->off + mark;
		goto out;
	}
	rc = x->changed ? 1 : 0;
out:
	tg_buf_free(&b.arena);
	tg_spans_free(&b.spans);
	free(b.segs);
	return rc;
}

int tg_redactor_stream(struct tg_redactor *x, struct tg_textstream *ts, const char *in, size_t len,
		       bool final, struct tg_buf *out, tg_err *err)
{
	x->dir = TG_DIR_RESPONSE;
	x->changed = false;
	return tg_textstream_feed(ts, x->pol->det, mask_for(x, TG_DIR_RESPONSE), in, len, final, replace,
				  x, out, err);
}

bool tg_redactor_blocked(const struct tg_redactor *x, enum tg_redact_dir dir, char *buf, size_t size)
{
	size_t n = 0;

	if (!x->blocked[dir])
		return false;
	if (buf && size) {
		buf[0] = 0;
		for (int e = 0; e < TG_MAX_ENTITIES; e++)
			if (x->blocked[dir] >> e & 1)
				n += (size_t)snprintf(buf + (n < size ? n : size - 1), n < size ? size - n : 1,
						      "%s%s", n ? ", " : "", tg_detectors_entity_name(x->pol->det, e));
	}
	return true;
}

cJSON *tg_redactor_summary(const struct tg_redactor *x, enum tg_redact_dir dir)
{
	cJSON *o = NULL;

	for (size_t e = 0; e < tg_detectors_nentities(x->pol->det); e++) {
		cJSON *one;

		if (!COUNT(x, dir, e))
			continue;
		if (!o)
			o = cJSON_CreateObject();
		one = cJSON_AddObjectToObject(o, tg_detectors_entity_name(x->pol->det, (int)e));
		cJSON_AddNumberToObject(one, "count", COUNT(x, dir, e));
		cJSON_AddStringToObject(one, "action", tg_redact_action_name(ACT(x, dir, e)));
	}
	return o;
}

size_t tg_redactor_bytes(const struct tg_redactor *x)
{
	return tg_heap_bytes(sizeof(*x) + x->nent * (3 * sizeof(uint16_t) + 2)) +
	       tg_heap_bytes(x->capreply * sizeof(uint64_t));
}

size_t tg_redactor_request_bytes(const struct tg_redactor *x)
{
	size_t n = tg_heap_bytes(x->capseen * sizeof(uint64_t)) + tg_heap_bytes(x->capps * sizeof(struct pseudo)) +
		   tg_heap_bytes(x->index_cap * sizeof(uint32_t));

	for (size_t i = 0; i < x->nps; i++)
		n += tg_heap_bytes(x->ps[i].len ? x->ps[i].len : 1);
	return n;
}

/* ---- the stage ------------------------------------------------------------ */

enum res_mode { RES_PASS = 0, RES_JSON, RES_SSE, RES_TEXT };

struct call_state {
	struct tg_redactor *x;
	enum res_mode mode;
	bool res_changed;
	union {
		struct tg_buf body;            /* RES_JSON: the response, held whole */
		struct tg_textstream *text;    /* RES_TEXT: streamed */
		struct tg_redact_sse *sse;     /* RES_SSE: streamed event by event */
	} u;
};

static struct call_state *state_of(struct tg_redact *r, struct tg_call *call)
{
	return call->stage_data[r->index];
}

size_t tg_redact_stage_call_bytes(void)
{
	return tg_heap_bytes(sizeof(struct call_state));
}

static bool header_has(const struct tg_http_msg *m, const char *name, const char *needle)
{
	const struct tg_http_header *h = tg_http_find(m, name);
	size_t n = strlen(needle);

	if (!h)
		return false;
	for (size_t i = 0; i + n <= h->value_len; i++)
		if (tg_http_caseeq(h->value + i, needle, n))
			return true;
	return false;
}

/* Gemini's streamGenerateContent without alt=sse: a JSON array, element by element. */
static bool array_stream(const struct tg_call *call)
{
	static const char method[] = ":streamGenerateContent";
	const struct tg_http_msg *m = &call->req;
	size_t n = 0;

	while (n < m->target_len && m->target[n] != '?')
		n++;
	return n >= sizeof(method) - 1 && memcmp(m->target + n - (sizeof(method) - 1), method, sizeof(method) - 1) == 0;
}

static bool compressed(const struct tg_http_msg *m)
{
	const struct tg_http_header *h = tg_http_find(m, "content-encoding");

	return h && h->value_len && !tg_http_token_eq(h->value, h->value_len, "identity");
}

enum body_kind { BODY_JSON, BODY_TEXT, BODY_BINARY };

static enum body_kind body_kind(const struct tg_http_msg *m, const char *body, size_t len)
{
	const struct tg_http_header *ct = tg_http_find(m, "content-type");
	size_t i = 0;

	if (!ct) {
		while (i < len && isspace((unsigned char)body[i]))
			i++;
		return i < len && (body[i] == '{' || body[i] == '[') ? BODY_JSON : BODY_TEXT;
	}
	if (header_has(m, "content-type", "json"))
		return BODY_JSON;
	if (tg_http_token_eq(ct->value, ct->value_len > 5 ? 5 : ct->value_len, "text/") ||
	    header_has(m, "content-type", "x-www-form-urlencoded") || header_has(m, "content-type", "xml"))
		return BODY_TEXT;
	return BODY_BINARY;
}

static void fill_call_counts(const struct tg_redactor *x, struct tg_call *call)
{
	call->nredactions = 0;
	for (size_t e = 0; e < tg_detectors_nentities(x->pol->det); e++) {
		uint32_t n = (uint32_t)COUNT(x, 0, e) + COUNT(x, 1, e);

		if (!n || call->nredactions >= TG_ARRAY_LEN(call->redactions))
			continue;
		tg_strlcpy(call->redactions[call->nredactions].type, tg_detectors_entity_name(x->pol->det, (int)e),
			   sizeof(call->redactions[0].type));
		call->redactions[call->nredactions].count = n;
		call->nredactions++;
	}
}

static void emit_event(struct tg_redact *r, struct tg_call *call, struct tg_redactor *x,
		       enum tg_redact_dir dir, bool changed)
{
	cJSON *ents = tg_redactor_summary(x, dir), *detail;
	bool blocked = x->blocked[dir] != 0;

	for (size_t e = 0; e < tg_detectors_nentities(x->pol->det); e++)
		if (COUNT(x, dir, e))
			atomic_fetch_add(&r->found[dir][e], COUNT(x, dir, e));
	if (!ents)
		return;
	detail = cJSON_CreateObject();
	cJSON_AddStringToObject(detail, "direction", dir == TG_DIR_REQUEST ? "request" : "response");
	cJSON_AddItemToObject(detail, "entities", ents);
	cJSON_AddBoolToObject(detail, "changed", changed);
	if (dir == TG_DIR_RESPONSE && x->restored)
		cJSON_AddNumberToObject(detail, "pseudonyms_restored", x->restored);
	cJSON_AddStringToObject(detail, "policy", x->pol->source);
	if (r->events)
		tg_event_emit(r->events, call, blocked ? "block" : "redact", detail);
	else
		cJSON_Delete(detail);
}

static enum tg_stage_result on_request(void *ctx, struct tg_call *call)
{
	struct tg_redact *r = ctx;
	struct tg_redact_who who = {
		.cgroup = call->cgroup_path, .uid = call->origin ? call->origin->uid : 0, .key_fp = call->key_fp,
	};
	struct call_state *st;
	struct tg_buf out = {0};
	const char *body = call->req_body.data ? tg_buf_start(&call->req_body) : "";
	size_t len = tg_buf_used(&call->req_body);
	char types[256];
	tg_err err = {{0}};
	int rc = 0;

	if (!r->enabled)
		return TG_STAGE_CONTINUE;
	st = calloc(1, sizeof(*st));
	if (!st || !(st->x = tg_redactor_new(r, &who))) {
		free(st);
		return tg_call_refuse(call, 503, "tollgate_internal_error",
				      "tollgate: out of memory in the redaction stage");
	}
	call->stage_data[r->index] = st;
	atomic_fetch_add(&r->calls, 1);
	if (!len || !tg_redactor_active(st->x, TG_DIR_REQUEST))
		return TG_STAGE_CONTINUE;
	if (compressed(&call->req)) {
		if (!st->x->pol->refuse_compressed)
			return TG_STAGE_CONTINUE;
		atomic_fetch_add(&r->refused, 1);
		return tg_call_refuse(call, 415, "tollgate_redaction_error",
				      "tollgate: compressed request bodies cannot be inspected for redaction; "
				      "send it uncompressed");
	}
	switch (body_kind(&call->req, body, len)) {
	case BODY_JSON:
		rc = tg_redactor_json(st->x, TG_DIR_REQUEST, body, len, &out, &err);
		if (rc >= 0)
			break;
		if (st->x->pol->malformed_json == TG_MALFORMED_PASS) {
			rc = 0;
			tg_buf_free(&out);
			return TG_STAGE_CONTINUE;
		}
		if (st->x->pol->malformed_json == TG_MALFORMED_REFUSE) {
			tg_buf_free(&out);
			atomic_fetch_add(&r->refused, 1);
			return tg_call_refuse(call, 400, "invalid_request_error",
					      "tollgate: the request body is not valid JSON (%s)", err.msg);
		}
		rc = tg_redactor_text(st->x, TG_DIR_REQUEST, body, len, &out, &err);
		break;
	case BODY_TEXT:
		if (st->x->pol->scan_other_bodies)
			rc = tg_redactor_text(st->x, TG_DIR_REQUEST, body, len, &out, &err);
		break;
	case BODY_BINARY:
		break;
	}
	if (rc < 0) {
		tg_buf_free(&out);
		return tg_call_refuse(call, 500, "tollgate_internal_error", "tollgate: redaction failed: %s",
				      err.msg);
	}
	fill_call_counts(st->x, call);
	emit_event(r, call, st->x, TG_DIR_REQUEST, rc > 0);
	if (tg_redactor_blocked(st->x, TG_DIR_REQUEST, types, sizeof(types))) {
		tg_buf_free(&out);
		atomic_fetch_add(&r->blocked, 1);
		return tg_call_refuse(call, 403, "tollgate_redaction_blocked",
				      "tollgate: the redaction policy blocks requests that contain %s "
				      "(the values are not shown)", types);
	}
	if (rc > 0) {
		tg_buf_free(&call->req_body);
		call->req_body = out;
		atomic_fetch_add(&r->req_changed, 1);
	} else {
		tg_buf_free(&out);
	}
	return TG_STAGE_CONTINUE;
}

static void on_response_head(void *ctx, struct tg_call *call)
{
	struct tg_redact *r = ctx;
	struct call_state *st = state_of(r, call);

	if (!st || !tg_redactor_active(st->x, TG_DIR_RESPONSE) || call->res.body == TG_BODY_NONE)
		return;
	if (compressed(&call->res)) {
		cJSON *detail = cJSON_CreateObject();

		/* we asked for identity; this upstream did not listen */
		atomic_fetch_add(&r->skipped, 1);
		cJSON_AddStringToObject(detail, "direction", "response");
		cJSON_AddStringToObject(detail, "reason", "compressed response body");
		if (r->events)
			tg_event_emit(r->events, call, "redact_skipped", detail);
		else
			cJSON_Delete(detail);
		return;
	}
	if (header_has(&call->res, "content-type", "text/event-stream")) {
		st->u.sse = tg_redact_sse_new(st->x, call->provider ? call->provider->shape : TG_API_OPENAI,
					      call->trace_id);
		if (st->u.sse)
			st->mode = RES_SSE;
	} else if (array_stream(call) && body_kind(&call->res, "", 0) == BODY_JSON) {
		/* redacted element by element as it streams, like SSE events */
		st->u.sse = tg_redact_sse_new_array(st->x, call->provider ? call->provider->shape : TG_API_GEMINI,
						    call->trace_id);
		if (st->u.sse)
			st->mode = RES_SSE;
	} else {
		switch (body_kind(&call->res, "", 0)) {
		case BODY_JSON: st->mode = RES_JSON; break;
		case BODY_TEXT:
			st->u.text = calloc(1, sizeof(*st->u.text));
			if (st->u.text)
				st->mode = RES_TEXT;
			break;
		case BODY_BINARY: break;
		}
	}
	if (st->mode != RES_PASS)
		call->rewrites_body = true;
}

static int on_response_data(void *ctx, struct tg_call *call, const char *in, size_t len, bool last,
			    struct tg_buf *out)
{
	struct tg_redact *r = ctx;
	struct call_state *st = state_of(r, call);
	tg_err err = {{0}};
	size_t before = tg_buf_used(out);
	const char *body;
	int rc = 0;

	if (!st || st->mode == RES_PASS)
		return tg_buf_append(out, in, len);
	switch (st->mode) {
	case RES_JSON:
		if (tg_buf_used(&st->u.body) + len > MAX_RESPONSE_BODY) {
			snprintf(call->error, sizeof(call->error),
				 "response body over %u bytes: too large to redact", MAX_RESPONSE_BODY);
			return -1;
		}
		if (tg_buf_append(&st->u.body, in, len) < 0)
			return -1;
		if (!last)
			return 0;
		body = st->u.body.data ? tg_buf_start(&st->u.body) : "";
		rc = tg_redactor_json(st->x, TG_DIR_RESPONSE, body, tg_buf_used(&st->u.body), out, &err);
		if (rc < 0) /* not JSON after all: as text */
			rc = tg_redactor_text(st->x, TG_DIR_RESPONSE, body, tg_buf_used(&st->u.body), out, &err);
		tg_buf_free(&st->u.body);
		break;
	case RES_TEXT:
		rc = tg_redactor_stream(st->x, st->u.text, in, len, last, out, &err);
		if (rc == 0 && tg_buf_used(out) - before != len)
			rc = 1;
		break;
	case RES_SSE:
		rc = tg_redact_sse_feed(st->u.sse, in, len, last, out);
		break;
	case RES_PASS:
		break;
	}
	if (rc < 0) {
		snprintf(call->error, sizeof(call->error), "redaction of the response failed: %.200s", err.msg);
		return -1;
	}
	if (rc > 0 || st->x->restored)
		st->res_changed = true;
	return 0;
}

static void on_complete(void *ctx, struct tg_call *call)
{
	struct tg_redact *r = ctx;
	struct call_state *st = state_of(r, call);

	if (!st)
		return;
	if (st->mode != RES_PASS) {
		emit_event(r, call, st->x, TG_DIR_RESPONSE, st->res_changed);
		if (st->res_changed)
			atomic_fetch_add(&r->res_changed, 1);
		if (st->x->blocked[TG_DIR_RESPONSE])
			atomic_fetch_add(&r->blocked, 1);
		atomic_fetch_add(&r->restored, st->x->restored);
	}
	fill_call_counts(st->x, call);
	switch (st->mode) {
	case RES_SSE: tg_redact_sse_free(st->u.sse); break;
	case RES_TEXT:
		tg_textstream_free(st->u.text);
		free(st->u.text);
		break;
	case RES_JSON: tg_buf_free(&st->u.body); break;
	case RES_PASS: break;
	}
	tg_redactor_free(st->x);
	free(st);
	call->stage_data[r->index] = NULL;
}

struct tg_stage tg_redact_stage(struct tg_redact *r, size_t index)
{
	struct tg_stage s = {
		.name = "redact", .ctx = r, .on_request = on_request, .on_response_head = on_response_head,
		.on_response_data = on_response_data, .on_complete = on_complete,
	};

	r->index = index;
	return s;
}

/* ---- the module ---------------------------------------------------------- */

struct tg_redact *tg_redact_open(const char *policy_path, bool enabled, struct tg_events *events,
				 struct tg_audit *audit, tg_err *err)
{
	struct tg_redact *r = calloc(1, sizeof(*r));

	if (!r) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	pthread_mutex_init(&r->lock, NULL);
	tg_strlcpy(r->policy_path, policy_path ? policy_path : "", sizeof(r->policy_path));
	r->enabled = enabled;
	r->events = events;
	r->audit = audit;
	r->siphash = EVP_MAC_fetch(NULL, "SIPHASH", NULL);
	if (!r->siphash) {
		tg_errf(err, "redaction: OpenSSL has no SipHash (EVP_MAC \"SIPHASH\")");
		pthread_mutex_destroy(&r->lock);
		free(r);
		return NULL;
	}
	r->pol = tg_redact_policy_load(r->policy_path, err);
	if (!r->pol) {
		tg_err_prefix(err, "redaction policy");
		EVP_MAC_free(r->siphash);
		pthread_mutex_destroy(&r->lock);
		free(r);
		return NULL;
	}
	tg_info("redaction %s: policy %s, %zu rules, %zu entity types%s", enabled ? "on" : "OFF",
		r->pol->source, tg_detectors_nrules(r->pol->det), tg_detectors_nentities(r->pol->det),
		tg_detectors_nprefilter(r->pol->det) ? " (some rules in Hyperscan prefilter mode)" : "");
	return r;
}

void tg_redact_close(struct tg_redact *r)
{
	if (!r)
		return;
	tg_redact_policy_unref(r->pol);
	EVP_MAC_free(r->siphash);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

/* ---- admin --------------------------------------------------------------- */

static cJSON *policy_json(const struct tg_redact_policy *p)
{
	cJSON *o = cJSON_CreateObject(), *a;

	cJSON_AddStringToObject(o, "source", p->source);
	cJSON_AddNumberToObject(o, "loaded_ms", (double)p->loaded_wall_ms);
	cJSON_AddNumberToObject(o, "rules", (double)tg_detectors_nrules(p->det));
	cJSON_AddNumberToObject(o, "prefilter_rules", (double)tg_detectors_nprefilter(p->det));
	cJSON_AddNumberToObject(o, "scopes", (double)p->nscopes);
	cJSON_AddStringToObject(o, "malformed_json",
				p->malformed_json == TG_MALFORMED_REFUSE ? "refuse" :
				p->malformed_json == TG_MALFORMED_PASS ? "pass" : "scan");
	cJSON_AddStringToObject(o, "other_bodies", p->scan_other_bodies ? "scan" : "pass");
	cJSON_AddStringToObject(o, "compressed_bodies", p->refuse_compressed ? "refuse" : "pass");
	a = cJSON_AddObjectToObject(o, "actions");
	for (size_t e = 0; e < tg_detectors_nentities(p->det); e++) {
		cJSON *x = cJSON_AddObjectToObject(a, tg_detectors_entity_name(p->det, (int)e));

		cJSON_AddStringToObject(x, "request", tg_redact_action_name(p->act[0][e]));
		cJSON_AddStringToObject(x, "response", tg_redact_action_name(p->act[1][e]));
	}
	return o;
}

static int admin_status(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_redact *r = ctx;
	cJSON *o = cJSON_CreateObject(), *c, *f;

	(void)req;
	cJSON_AddBoolToObject(o, "enabled", r->enabled);
	cJSON_AddStringToObject(o, "policy_file", r->policy_path[0] ? r->policy_path : "(built-in)");
	pthread_mutex_lock(&r->lock);
	cJSON_AddItemToObject(o, "policy", policy_json(r->pol));
	c = cJSON_AddObjectToObject(o, "counters");
	cJSON_AddNumberToObject(c, "calls", (double)atomic_load(&r->calls));
	cJSON_AddNumberToObject(c, "requests_changed", (double)atomic_load(&r->req_changed));
	cJSON_AddNumberToObject(c, "responses_changed", (double)atomic_load(&r->res_changed));
	cJSON_AddNumberToObject(c, "blocked", (double)atomic_load(&r->blocked));
	cJSON_AddNumberToObject(c, "refused_bodies", (double)atomic_load(&r->refused));
	cJSON_AddNumberToObject(c, "skipped_compressed", (double)atomic_load(&r->skipped));
	cJSON_AddNumberToObject(c, "pseudonyms_restored", (double)atomic_load(&r->restored));
	for (int d = 0; d < 2; d++) {
		f = cJSON_AddObjectToObject(c, d == 0 ? "found_in_requests" : "found_in_responses");
		for (size_t e = 0; e < tg_detectors_nentities(r->pol->det); e++)
			if (atomic_load(&r->found[d][e]))
				cJSON_AddNumberToObject(f, tg_detectors_entity_name(r->pol->det, (int)e),
							(double)atomic_load(&r->found[d][e]));
	}
	pthread_mutex_unlock(&r->lock);
	return tg_admin_reply_json(out, o, 200, true);
}

static cJSON *policy_brief(const struct tg_redact_policy *p)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "source", p->source);
	cJSON_AddNumberToObject(o, "rules", (double)tg_detectors_nrules(p->det));
	cJSON_AddNumberToObject(o, "scopes", (double)p->nscopes);
	return o;
}

static int admin_reload(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	struct tg_redact *r = ctx;
	struct tg_redact_policy *np, *old;
	tg_err err = {{0}};
	cJSON *o;

	np = tg_redact_policy_load(r->policy_path, &err);
	if (!np)
		return tg_admin_error(out, 400, "the policy was not reloaded (the one in force stays): %s", err.msg);
	pthread_mutex_lock(&r->lock);
	old = r->pol;
	if (r->audit && tg_audit_append(r->audit, req, "redaction.reload", policy_brief(old), policy_brief(np),
					&err) < 0) {
		pthread_mutex_unlock(&r->lock);
		tg_redact_policy_unref(np);
		return tg_admin_error(out, 500, "audit log: %s; the policy was not reloaded", err.msg);
	}
	r->pol = np;
	pthread_mutex_unlock(&r->lock);
	tg_redact_policy_unref(old);
	tg_info("redaction policy reloaded from %s: %zu rules", np->source, tg_detectors_nrules(np->det));
	o = cJSON_CreateObject();
	cJSON_AddBoolToObject(o, "reloaded", 1);
	pthread_mutex_lock(&r->lock);
	cJSON_AddItemToObject(o, "policy", policy_json(r->pol));
	pthread_mutex_unlock(&r->lock);
	return tg_admin_reply_json(out, o, 200, true);
}

/* What a text would become for a given caller, with its detections. */
static int admin_test(void *ctx, const struct tg_admin_req *req, struct tg_buf *out)
{
	static const char *const keys[] = {"text", "direction", "cgroup", "uid", "key_fp", NULL};
	struct tg_redact *r = ctx;
	cJSON *in = cJSON_ParseWithLength(req->body, req->body_len), *o, *a, *x;
	struct tg_redact_who who = {.cgroup = "/", .uid = 0, .key_fp = ""};
	enum tg_redact_dir dir = TG_DIR_REQUEST;
	struct tg_redactor *rx;
	struct tg_buf res = {0};
	struct tg_spans sp = {0};
	struct tg_scan_opts so = {0};
	tg_err err = {{0}};
	char types[256];
	int rc, status = 200;

	if (!in || !cJSON_IsObject(in)) {
		cJSON_Delete(in);
		return tg_admin_error(out, 400, "expected a JSON object {\"text\": ...}");
	}
	if (tg_json_check_keys(in, keys, &err) < 0) {
		cJSON_Delete(in);
		return tg_admin_error(out, 400, "%s", err.msg);
	}
	x = cJSON_GetObjectItemCaseSensitive(in, "text");
	if (!cJSON_IsString(x) || strlen(x->valuestring) > MAX_TEST_TEXT) {
		cJSON_Delete(in);
		return tg_admin_error(out, 400, "\"text\": a string of at most %u bytes is required", MAX_TEST_TEXT);
	}
	a = cJSON_GetObjectItemCaseSensitive(in, "direction");
	if (a && (!cJSON_IsString(a) || (strcmp(a->valuestring, "request") && strcmp(a->valuestring, "response")))) {
		cJSON_Delete(in);
		return tg_admin_error(out, 400, "\"direction\": \"request\" or \"response\"");
	}
	if (a && strcmp(a->valuestring, "response") == 0)
		dir = TG_DIR_RESPONSE;
	a = cJSON_GetObjectItemCaseSensitive(in, "cgroup");
	if (cJSON_IsString(a))
		who.cgroup = a->valuestring;
	a = cJSON_GetObjectItemCaseSensitive(in, "uid");
	if (cJSON_IsNumber(a) && a->valuedouble >= 0)
		who.uid = (uint32_t)a->valuedouble;
	a = cJSON_GetObjectItemCaseSensitive(in, "key_fp");
	if (cJSON_IsString(a))
		who.key_fp = a->valuestring;
	rx = tg_redactor_new(r, &who);
	if (!rx) {
		cJSON_Delete(in);
		return tg_admin_error(out, 500, "out of memory");
	}
	rc = tg_redactor_text(rx, dir, x->valuestring, strlen(x->valuestring), &res, &err);
	o = cJSON_CreateObject();
	if (rc < 0) {
		status = 500;
		cJSON_AddStringToObject(o, "error", err.msg);
	} else {
		tg_buf_append(&res, "", 1);
		cJSON_AddStringToObject(o, "text", tg_buf_start(&res));
		cJSON_AddBoolToObject(o, "changed", rc > 0);
		cJSON_AddBoolToObject(o, "blocked", tg_redactor_blocked(rx, dir, types, sizeof(types)));
		so.entities = rx->mask[dir];
		so.final = true;
		a = cJSON_AddArrayToObject(o, "detections");
		if (tg_detect(rx->pol->det, x->valuestring, strlen(x->valuestring), &so, &sp, &err) == 0) {
			for (size_t i = 0; i < sp.n; i++) {
				cJSON *d = cJSON_CreateObject();

				cJSON_AddStringToObject(d, "entity", tg_detectors_entity_name(rx->pol->det, sp.v[i].entity));
				cJSON_AddStringToObject(d, "rule", tg_detectors_rule_id(rx->pol->det, sp.v[i].rule));
				cJSON_AddNumberToObject(d, "start", sp.v[i].start);
				cJSON_AddNumberToObject(d, "end", sp.v[i].end);
				cJSON_AddStringToObject(d, "action", tg_redact_action_name(ACT(rx, dir, sp.v[i].entity)));
				cJSON_AddItemToArray(a, d);
			}
		}
	}
	tg_spans_free(&sp);
	tg_buf_free(&res);
	tg_redactor_free(rx);
	cJSON_Delete(in);
	return tg_admin_reply_json(out, o, status, true);
}

int tg_redact_routes(struct tg_redact *r, struct tg_admin *admin)
{
	if (tg_admin_route(admin, "GET", "/v1/redaction", admin_status, r) < 0 ||
	    tg_admin_route(admin, "POST", "/v1/redaction/reload", admin_reload, r) < 0 ||
	    tg_admin_route(admin, "POST", "/v1/redaction/test", admin_test, r) < 0)
		return -1;
	return 0;
}
