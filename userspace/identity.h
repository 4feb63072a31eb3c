/*
 * identity.h - which credential a request carries, without keeping it.
 *
 * The API key is looked for where each provider expects it:
 * "Authorization: Bearer KEY" (OpenAI and the compatible APIs), "x-api-key"
 * (Anthropic), "api-key" (Azure OpenAI), "x-goog-api-key" or "?key=" (Gemini).
 * It is reduced at once to a fingerprint: the first 8 hex digits of its
 * SHA-256, a dash, and its last 4 characters ("3f9a1c2e-wxyz"), which is
 * what budgets, logs and traces use. The raw key is never copied.
 */
#ifndef TG_IDENTITY_H
#define TG_IDENTITY_H

#include <stddef.h>

#include <openssl/evp.h>

#include "http1.h"

/* Fingerprint of a key (out: at least TG_KEY_FP_LEN bytes). sha256 is the
 * digest fetched once (EVP_MD_fetch): looking it up on each call would cost
 * OpenSSL 3 several times the hashing itself. */
void tg_key_fingerprint(const EVP_MD *sha256, const char *key, size_t len, char *out, size_t size);

/* Fingerprint the key of a request; "" if it has none. */
void tg_request_key_fp(const EVP_MD *sha256, const struct tg_http_msg *req, char *out, size_t size);

#endif
