/*
 * redact_policy.c - load, resolve and release redaction policies. See
 * redact_policy.h and the annotated policies/redaction.json.
 */
#include "redact_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonfile.h"

static const char *const action_names[] = {"off", "monitor", "redact", "pseudonymize", "block", NULL};

const char *tg_redact_action_name(enum tg_redact_action a)
{
	return a <= TG_ACT_BLOCK ? action_names[a] : "?";
}

static int parse_action(const cJSON *item, int8_t *out, tg_err *err)
{
	if (!cJSON_IsString(item))
		return tg_errf(err, "expected an action (off, monitor, redact, pseudonymize, block), got %s",
			       tg_json_type_name(item));
	for (int i = 0; action_names[i]; i++) {
		if (strcmp(item->valuestring, action_names[i]) == 0) {
			*out = (int8_t)i;
			return 0;
		}
	}
	return tg_errf(err, "unknown action \"%.32s\" (off, monitor, redact, pseudonymize, block)",
		       item->valuestring);
}

/* "actions": {"ENTITY" | "*": action | {"request": action, "response": action}} into act[dir][entity]. */
static int parse_actions(const struct tg_detectors *det, const cJSON *obj, int8_t act[2][TG_MAX_ENTITIES],
			 tg_err *err)
{
	static const char *const dirs[] = {"request", "response", NULL};
	const cJSON *e;

	if (!cJSON_IsObject(obj))
		return tg_errf(err, "expected an object of entity type -> action, got %s", tg_json_type_name(obj));
	if (tg_json_check_keys(obj, NULL, err) < 0)
		return -1;
	/* "*" first, so that named types override it whatever the key order */
	for (int pass = 0; pass < 2; pass++) {
		cJSON_ArrayForEach(e, obj) {
			int8_t v[2];
			int ent = -1;

			if (tg_json_is_comment(e->string) || (strcmp(e->string, "*") == 0) != (pass == 0))
				continue;
			if (pass == 1) {
				ent = tg_detectors_entity(det, e->string);
				if (ent < 0)
					return tg_errf(err, "\"%.40s\": unknown entity type", e->string);
			}
			if (cJSON_IsObject(e)) {
				const cJSON *x;

				if (tg_json_check_keys(e, dirs, err) < 0)
					return tg_err_prefix(err, "\"%.40s\"", e->string);
				v[0] = v[1] = -1;
				for (int d = 0; d < 2; d++) {
					x = cJSON_GetObjectItemCaseSensitive(e, dirs[d]);
					if (x && parse_action(x, &v[d], err) < 0)
						return tg_err_prefix(err, "\"%.40s.%s\"", e->string, dirs[d]);
				}
			} else if (parse_action(e, &v[0], err) < 0) {
				return tg_err_prefix(err, "\"%.40s\"", e->string);
			} else {
				v[1] = v[0];
			}
			for (int d = 0; d < 2; d++) {
				if (v[d] < 0)
					continue;
				if (pass == 0) {
					for (int k = 0; k < TG_MAX_ENTITIES; k++)
						act[d][k] = v[d];
				} else {
					act[d][ent] = v[d];
				}
			}
		}
	}
	return 0;
}

static void free_skip_keys(struct tg_redact_policy *p)
{
	for (size_t i = 0; i < p->skip_slots; i++)
		free(p->skip_keys[i]);
	free(p->skip_keys);
	p->skip_keys = NULL;
	p->skip_slots = p->nskip_keys = 0;
}

static int parse_skip_keys(struct tg_redact_policy *p, const cJSON *arr, tg_err *err)
{
	const cJSON *k;
	size_t n = 0, slots = 8;

	if (!cJSON_IsArray(arr))
		return tg_errf(err, "expected an array of key names, got %s", tg_json_type_name(arr));
	free_skip_keys(p);
	while (slots < 2 * (size_t)cJSON_GetArraySize(arr))
		slots *= 2;
	p->skip_keys = calloc(slots, sizeof(char *));
	if (!p->skip_keys)
		return tg_errf(err, "out of memory");
	p->skip_slots = slots;
	cJSON_ArrayForEach(k, arr) {
		size_t i;

		if (!cJSON_IsString(k) || !k->valuestring[0] || strlen(k->valuestring) > 63)
			return tg_errf(err, "[%zu]: expected a key name of 1 to 63 bytes", n);
		n++;
		for (i = tg_redact_key_hash(k->valuestring) & (slots - 1); p->skip_keys[i]; i = (i + 1) & (slots - 1))
			if (strcmp(p->skip_keys[i], k->valuestring) == 0)
				break;
		if (p->skip_keys[i])
			continue; /* listed twice */
		p->skip_keys[i] = strdup(k->valuestring);
		if (!p->skip_keys[i])
			return tg_errf(err, "out of memory");
		p->nskip_keys++;
	}
	return 0;
}

static int parse_choice(const cJSON *item, const char *const *names, int *out, tg_err *err)
{
	if (!cJSON_IsString(item))
		return tg_errf(err, "expected a string, got %s", tg_json_type_name(item));
	for (int i = 0; names[i]; i++) {
		if (strcmp(item->valuestring, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return tg_errf(err, "unknown value \"%.32s\"", item->valuestring);
}

static int parse_scopes(struct tg_redact_policy *p, const cJSON *arr, tg_err *err)
{
	static const char *const keys[] = {"scope", "actions", NULL};
	const cJSON *o;
	size_t i = 0;

	if (!cJSON_IsArray(arr))
		return tg_errf(err, "expected an array, got %s", tg_json_type_name(arr));
	p->scopes = calloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof(*p->scopes));
	if (!p->scopes)
		return tg_errf(err, "out of memory");
	cJSON_ArrayForEach(o, arr) {
		struct tg_redact_scope *s = &p->scopes[i];
		const cJSON *x;

		memset(s->act, -1, sizeof(s->act));
		if (!cJSON_IsObject(o))
			return tg_errf(err, "[%zu]: expected an object", i);
		if (tg_json_check_keys(o, keys, err) < 0)
			return tg_err_prefix(err, "[%zu]", i);
		x = cJSON_GetObjectItemCaseSensitive(o, "scope");
		if (!x || !cJSON_IsString(x))
			return tg_errf(err, "[%zu]: \"scope\" (host, cgroup:/PATH, uid:N, key:FINGERPRINT) is required", i);
		if (tg_scope_parse(x->valuestring, &s->scope, err) < 0)
			return tg_err_prefix(err, "[%zu].scope", i);
		x = cJSON_GetObjectItemCaseSensitive(o, "actions");
		if (!x)
			return tg_errf(err, "[%zu]: \"actions\" is required", i);
		if (parse_actions(p->det, x, s->act, err) < 0)
			return tg_err_prefix(err, "[%zu].actions", i);
		p->nscopes = ++i;
	}
	return 0;
}

static void policy_free(struct tg_redact_policy *p)
{
	if (!p)
		return;
	tg_detectors_free(p->det);
	free(p->scopes);
	free_skip_keys(p);
	free(p);
}

/* Rules and entities of one document into the detectors. */
static int add_rule_doc(struct tg_detectors *det, const cJSON *doc, const char *where, tg_err *err)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(doc, "entities");

	if (x && tg_detectors_add_entities(det, x, where, err) < 0)
		return -1;
	x = cJSON_GetObjectItemCaseSensitive(doc, "rules");
	if (x && tg_detectors_add_rules(det, x, where, err) < 0)
		return -1;
	return 0;
}

static cJSON *parse_builtin(const char *text, const char *name, tg_err *err)
{
	cJSON *doc = cJSON_Parse(text);

	if (!doc)
		tg_errf(err, "built-in %s does not parse (a broken build)", name);
	return doc;
}

/* The options and actions of a policy document (built-in default or file). */
static int apply_policy_doc(struct tg_redact_policy *p, const cJSON *doc, const char *where, tg_err *err)
{
	static const char *const malformed[] = {"refuse", "pass", "scan", NULL};
	static const char *const other[] = {"pass", "scan", NULL};
	static const char *const compressed[] = {"pass", "refuse", NULL};
	const cJSON *x;
	int v;

	x = cJSON_GetObjectItemCaseSensitive(doc, "actions");
	if (x && parse_actions(p->det, x, p->act, err) < 0)
		return tg_err_prefix(err, "%s: \"actions\"", where);
	x = cJSON_GetObjectItemCaseSensitive(doc, "malformed_json");
	if (x) {
		if (parse_choice(x, malformed, &v, err) < 0)
			return tg_err_prefix(err, "%s: \"malformed_json\" (refuse, pass, scan)", where);
		p->malformed_json = (enum tg_malformed)v;
	}
	x = cJSON_GetObjectItemCaseSensitive(doc, "other_bodies");
	if (x) {
		if (parse_choice(x, other, &v, err) < 0)
			return tg_err_prefix(err, "%s: \"other_bodies\" (scan, pass)", where);
		p->scan_other_bodies = v == 1;
	}
	x = cJSON_GetObjectItemCaseSensitive(doc, "compressed_bodies");
	if (x) {
		if (parse_choice(x, compressed, &v, err) < 0)
			return tg_err_prefix(err, "%s: \"compressed_bodies\" (refuse, pass)", where);
		p->refuse_compressed = v == 1;
	}
	x = cJSON_GetObjectItemCaseSensitive(doc, "skip_keys");
	if (x && parse_skip_keys(p, x, err) < 0)
		return tg_err_prefix(err, "%s: \"skip_keys\"", where);
	x = cJSON_GetObjectItemCaseSensitive(doc, "scopes");
	if (x) {
		free(p->scopes);
		p->scopes = NULL;
		p->nscopes = 0;
		if (parse_scopes(p, x, err) < 0)
			return tg_err_prefix(err, "%s: \"scopes\"", where);
	}
	return 0;
}

struct tg_redact_policy *tg_redact_policy_load(const char *path, tg_err *err)
{
	static const char *const keys[] = {
		"builtin_rules", "entities", "rules", "disable_rules", "actions", "scopes",
		"malformed_json", "other_bodies", "compressed_bodies", "skip_keys", NULL};
	struct tg_redact_policy *p = calloc(1, sizeof(*p));
	cJSON *user = NULL, *def = NULL, *rules = NULL, *np = NULL;
	const cJSON *x;
	bool builtin = true;

	if (!p) {
		tg_errf(err, "out of memory");
		return NULL;
	}
	atomic_init(&p->refs, 1);
	p->loaded_wall_ms = tg_wall_ms();
	p->det = tg_detectors_new();
	if (!p->det) {
		tg_errf(err, "out of memory");
		goto fail;
	}
	tg_strlcpy(p->source, path && path[0] ? path : "built-in", sizeof(p->source));
	if (path && path[0]) {
		user = tg_json_load_file(path, err);
		if (!user)
			goto fail;
		if (!cJSON_IsObject(user)) {
			tg_errf(err, "%s: expected a JSON object at the top level", path);
			goto fail;
		}
		if (tg_json_check_keys(user, keys, err) < 0) {
			tg_err_prefix(err, "%s", path);
			goto fail;
		}
		x = cJSON_GetObjectItemCaseSensitive(user, "builtin_rules");
		if (x) {
			if (!cJSON_IsBool(x)) {
				tg_errf(err, "%s: \"builtin_rules\": expected true or false", path);
				goto fail;
			}
			builtin = cJSON_IsTrue(x);
		}
	}
	/* built-in defaults first */
	def = parse_builtin(tg_builtin_redaction_policy, "redaction.json", err);
	if (!def)
		goto fail;
	if (builtin) {
		rules = parse_builtin(tg_builtin_redaction_rules, "redaction-rules.json", err);
		np = parse_builtin(tg_builtin_redaction_noseyparker, "redaction-noseyparker.json", err);
		if (!rules || !np || add_rule_doc(p->det, rules, "built-in redaction-rules.json", err) < 0 ||
		    add_rule_doc(p->det, np, "built-in redaction-noseyparker.json", err) < 0)
			goto fail;
	}
	if (user) {
		if (add_rule_doc(p->det, user, path, err) < 0)
			goto fail;
		x = cJSON_GetObjectItemCaseSensitive(user, "disable_rules");
		if (x) {
			const cJSON *id;

			if (!cJSON_IsArray(x)) {
				tg_errf(err, "%s: \"disable_rules\": expected an array of rule ids", path);
				goto fail;
			}
			cJSON_ArrayForEach(id, x) {
				if (!cJSON_IsString(id) || tg_detectors_disable(p->det, id->valuestring, err) < 0) {
					if (!cJSON_IsString(id))
						tg_errf(err, "expected a rule id");
					tg_err_prefix(err, "%s: \"disable_rules\"", path);
					goto fail;
				}
			}
		}
	}
	/* Every entity is redacted unless an action says otherwise. */
	memset(p->act, TG_ACT_REDACT, sizeof(p->act));
	p->malformed_json = TG_MALFORMED_REFUSE;
	p->scan_other_bodies = true;
	p->refuse_compressed = true;
	if (builtin && apply_policy_doc(p, def, "built-in redaction.json", err) < 0)
		goto fail;
	if (!builtin) {
		/* no built-in entities: only the options and skip keys of the default */
		x = cJSON_GetObjectItemCaseSensitive(def, "skip_keys");
		if (x && parse_skip_keys(p, x, err) < 0)
			goto fail;
	}
	if (user && apply_policy_doc(p, user, path, err) < 0)
		goto fail;
	if (tg_detectors_compile(p->det, err) < 0) {
		tg_err_prefix(err, "%s", p->source);
		goto fail;
	}
	cJSON_Delete(user);
	cJSON_Delete(def);
	cJSON_Delete(rules);
	cJSON_Delete(np);
	return p;
fail:
	cJSON_Delete(user);
	cJSON_Delete(def);
	cJSON_Delete(rules);
	cJSON_Delete(np);
	policy_free(p);
	return NULL;
}

void tg_redact_policy_ref(struct tg_redact_policy *p)
{
	atomic_fetch_add(&p->refs, 1);
}

void tg_redact_policy_unref(struct tg_redact_policy *p)
{
	if (p && atomic_fetch_sub(&p->refs, 1) == 1)
		policy_free(p);
}

/* Rank of a scope: uid and key beat any cgroup; deeper cgroups beat shallower ones. */
static int scope_rank(const struct tg_scope *s)
{
	switch (s->kind) {
	case TG_SCOPE_HOST:
		return 0;
	case TG_SCOPE_CGROUP: {
		int depth = 1;

		for (const char *c = s->value; *c; c++)
			depth += *c == '/' && c[1];
		return depth;
	}
	case TG_SCOPE_UID:
		return 100000;
	case TG_SCOPE_KEY:
		return 200000;
	}
	return 0;
}

void tg_redact_policy_actions(const struct tg_redact_policy *p, const struct tg_redact_who *who,
			      uint8_t out[2][TG_MAX_ENTITIES])
{
	int rank[2][TG_MAX_ENTITIES];
	struct tg_who w = {.cgroup = who->cgroup, .uid = who->uid, .key_fp = who->key_fp};

	for (int d = 0; d < 2; d++)
		for (int e = 0; e < TG_MAX_ENTITIES; e++) {
			out[d][e] = (uint8_t)p->act[d][e];
			rank[d][e] = -1;
		}
	for (size_t i = 0; i < p->nscopes; i++) {
		const struct tg_redact_scope *s = &p->scopes[i];
		int r;

		if (!tg_scope_matches(&s->scope, &w))
			continue;
		r = scope_rank(&s->scope);
		for (int d = 0; d < 2; d++)
			for (int e = 0; e < TG_MAX_ENTITIES; e++)
				if (s->act[d][e] >= 0 && r >= rank[d][e]) {
					out[d][e] = (uint8_t)s->act[d][e];
					rank[d][e] = r;
				}
	}
}
