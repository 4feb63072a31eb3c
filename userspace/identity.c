/*
 * identity.c - find the API key in a request and fingerprint it.
 */
#include "identity.h"

#include <string.h>

#include <openssl/evp.h>

#include "common.h"

void tg_key_fingerprint(const EVP_MD *sha256, const char *key, size_t len, char *out, size_t size)
{
	static const char hexdigits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char fp[16];                  /* 8 hex digits, "-", 4 characters, NUL */
	size_t n = 0;

	EVP_Digest(key, len, md, &mdlen, sha256, NULL);
	for (size_t i = 0; i < 4; i++) {
		fp[n++] = hexdigits[md[i] >> 4];
		fp[n++] = hexdigits[md[i] & 15];
	}
	fp[n++] = '-';
	for (size_t i = 0; i < 4 && len >= 4; i++) {
		char c = key[len - 4 + i];

		/* keys are printable; anything else is shown as '?' */
		fp[n++] = (c >= 0x21 && c <= 0x7e) ? c : '?';
	}
	fp[n] = 0;
	tg_strlcpy(out, fp, size);
}

static bool header_value(const struct tg_http_msg *req, const char *name, const char **v, size_t *n)
{
	const struct tg_http_header *h = tg_http_find(req, name);

	if (!h || h->value_len == 0)
		return false;
	*v = h->value;
	*n = h->value_len;
	return true;
}

/* "?key=..." in the request target (Gemini). */
static bool query_key(const struct tg_http_msg *req, const char **v, size_t *n)
{
	const char *q = memchr(req->target, '?', req->target_len);
	const char *end = req->target + req->target_len;

	while (q && q < end) {
		const char *p = q + 1;
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;

		if (stop - p > 4 && memcmp(p, "key=", 4) == 0) {
			*v = p + 4;
			*n = (size_t)(stop - p - 4);
			return true;
		}
		q = amp;
	}
	return false;
}

void tg_request_key_fp(const EVP_MD *sha256, const struct tg_http_msg *req, char *out, size_t size)
{
	const char *v = NULL;
	size_t n = 0;

	out[0] = 0;
	if (header_value(req, "authorization", &v, &n)) {
		if (n > 7 && tg_http_token_eq(v, 7, "bearer ")) {
			v += 7;
			n -= 7;
			while (n && *v == ' ') {
				v++;
				n--;
			}
		}
	} else if (!header_value(req, "x-api-key", &v, &n) && !header_value(req, "api-key", &v, &n) &&
		   !header_value(req, "x-goog-api-key", &v, &n) && !query_key(req, &v, &n)) {
		return;
	}
	if (n)
		tg_key_fingerprint(sha256, v, n, out, size);
}
