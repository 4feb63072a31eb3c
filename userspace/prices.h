/*
 * prices.h - model prices (policies/prices.json) and the cost of a call.
 *
 * Each row prices one model of one provider in USD per million tokens:
 * input, cached input (read from a prompt cache), cache writes, output; an
 * optional long-context tier (prices above a prompt size, as Gemini 2.5 Pro
 * charges); the model's largest output (the worst case when a request sets
 * no max_tokens); and where the price came from and when.
 *
 * Lookup tries, in order: the exact (provider, model); an alias; the model
 * with a dated snapshot suffix taken off (gpt-4o-2024-08-06 -> gpt-4o,
 * claude-sonnet-4-20250514 -> claude-sonnet-4, mistral-large-2411 ->
 * mistral-large, ...-latest, ...-001); the same under a parent provider
 * (azure-openai prices as openai; openrouter's "vendor/model" as that
 * vendor's model). Unknown models get the fallback row, or none.
 *
 * Money is counted in nano-dollars (int64): exact for every price with up
 * to three decimals per million tokens, and good for 9 billion dollars.
 */
#ifndef TG_PRICES_H
#define TG_PRICES_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "common.h"
#include "pipeline.h"

#define TG_NUSD_PER_USD 1000000000LL

struct tg_price {
	char provider[64];
	char model[128];
	double input, cached_input, cache_write, output; /* USD per 1M tokens */
	uint64_t long_threshold;       /* 0 = one tier; else prompts above it use the *_long prices */
	double input_long, cached_input_long, cache_write_long, output_long;
	uint64_t max_output_tokens;    /* 0 = unknown */
	char source[256];
	char date[16];
	bool fallback;                 /* this is the fallback row */
};

struct tg_price_alias {
	char from[160];                /* "model" or "provider:model" */
	char to[128];
};

struct tg_prices {
	struct tg_price *v;            /* in the file's order */
	size_t n;
	size_t *by_name;               /* indexes into v, by model then provider (case-insensitive) */
	struct tg_price_alias *aliases;
	size_t naliases;
	size_t *aliases_by_name;       /* indexes into aliases, by from (case-insensitive), then file order */
	struct tg_price fallback;
	bool have_fallback;
	char path[4096];
};

/* Load a prices file (strict: errors name the file, the row and the key). */
int tg_prices_load(const char *path, struct tg_prices *p, tg_err *err);
/* Parse a prices document already read (name is used in messages). */
int tg_prices_parse(const cJSON *root, const char *name, struct tg_prices *p, tg_err *err);
void tg_prices_free(struct tg_prices *p);
/* Add or replace rows of over (by provider + model) into p. */
int tg_prices_merge(struct tg_prices *p, const struct tg_prices *over, tg_err *err);

/* The row for a model (NULL if none: the caller decides about the fallback).
 * how (may be NULL) gets "exact", "alias", "snapshot", "parent". */
const struct tg_price *tg_prices_find(const struct tg_prices *p, const char *provider,
				      const char *model, const char **how);

/* Cost of usage at a price, in nano-dollars. */
int64_t tg_price_cost(const struct tg_price *p, const struct tg_call_usage *u);
/* Worst-case price of one input token and one output token (USD per 1M). */
double tg_price_max_input(const struct tg_price *p);
double tg_price_max_output(const struct tg_price *p);

/* Convert LiteLLM's model_prices_and_context_window.json into a prices
 * document ({"version":1,"models":[...]}) holding the rows of the providers
 * named in providers (NULL-terminated registry names). Returns NULL (err
 * set) on a malformed file. *skipped counts entries left out. */
cJSON *tg_prices_from_litellm(const cJSON *litellm, const char *const *providers, const char *date,
			      size_t *skipped, tg_err *err);

/* "$1.2345" style formatting of nano-dollars (at least 2 decimals, up to 6). */
void tg_usd_format(int64_t nusd, char *out, size_t size);

#endif
