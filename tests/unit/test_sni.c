/*
 * test_sni.c - the ClientHello reader: real ClientHellos captured from
 * OpenSSL (one record, and the same split across records and TCP
 * segments), missing SNI, non-TLS input, truncation at every length, and
 * hostile length fields.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/ssl.h>

#include "check.h"
#include "sni.h"

/* Produce a real ClientHello for name (NULL = no SNI) with OpenSSL. */
static size_t client_hello(const char *name, uint8_t *out, size_t size)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	SSL *ssl = SSL_new(ctx);
	BIO *rbio = BIO_new(BIO_s_mem()), *wbio = BIO_new(BIO_s_mem());
	int n;

	SSL_set_bio(ssl, rbio, wbio);
	if (name)
		SSL_set_tlsext_host_name(ssl, name);
	SSL_set_connect_state(ssl);
	SSL_do_handshake(ssl);
	n = BIO_read(wbio, out, (int)size);
	SSL_free(ssl);
	SSL_CTX_free(ctx);
	return n > 0 ? (size_t)n : 0;
}

/* Re-frame a single-record ClientHello into records of at most chunk bytes. */
static size_t split_records(const uint8_t *in, size_t len, size_t chunk, uint8_t *out)
{
	size_t body = len - 5, o = 0;

	for (size_t off = 0; off < body; off += chunk) {
		size_t n = body - off < chunk ? body - off : chunk;

		out[o++] = 0x16;
		out[o++] = 0x03;
		out[o++] = 0x01;
		out[o++] = (uint8_t)(n >> 8);
		out[o++] = (uint8_t)n;
		memcpy(out + o, in + 5 + off, n);
		o += n;
	}
	return o;
}

int main(void)
{
	uint8_t hello[4096], split[8192];
	char name[256];
	size_t len = client_hello("API.OpenAI.com", hello, sizeof(hello));
	enum tg_sni_result r;
	int all_more = 1;

	CHECK(len > 100, "OpenSSL produced a ClientHello (%zu bytes)", len);
	r = tg_sni_parse(hello, len, name, sizeof(name));
	CHECK(r == TG_SNI_FOUND && strcmp(name, "api.openai.com") == 0, "SNI found and lowercased");
	for (size_t i = 0; i < len; i++)
		if (tg_sni_parse(hello, i, name, sizeof(name)) != TG_SNI_MORE)
			all_more = 0;
	CHECK(all_more, "every truncation asks for more bytes");

	size_t slen = split_records(hello, len, 7, split);
	r = tg_sni_parse(split, slen, name, sizeof(name));
	CHECK(r == TG_SNI_FOUND && strcmp(name, "api.openai.com") == 0,
	      "ClientHello split across %zu records", slen / 12);

	len = client_hello(NULL, hello, sizeof(hello));
	CHECK(tg_sni_parse(hello, len, name, sizeof(name)) == TG_SNI_ABSENT, "no SNI extension");

	CHECK(tg_sni_parse((const uint8_t *)"GET / HTTP/1.1\r\n", 16, name, sizeof(name)) == TG_SNI_NOT_TLS,
	      "plain HTTP is not TLS");
	CHECK(tg_sni_parse((const uint8_t *)"\x16\x03\x01\x00\x00", 5, name, sizeof(name)) == TG_SNI_NOT_TLS,
	      "empty record rejected");
	CHECK(tg_sni_parse((const uint8_t *)"\x16\x03\x01\xff\xff", 5, name, sizeof(name)) == TG_SNI_NOT_TLS,
	      "oversized record rejected");
	CHECK(tg_sni_parse((const uint8_t *)"\x17\x03\x03\x00\x10", 5, name, sizeof(name)) == TG_SNI_NOT_TLS,
	      "application data is not a ClientHello");

	/* A name with characters no DNS name has is treated as absent. */
	len = client_hello("bad_name!.example", hello, sizeof(hello));
	CHECK(tg_sni_parse(hello, len, name, sizeof(name)) == TG_SNI_ABSENT, "invalid host name treated as absent");

	/* Random corruption never crashes and never reports a name past the buffer. */
	len = client_hello("api.anthropic.com", hello, sizeof(hello));
	srand(7);
	int ok = 1;
	for (int i = 0; i < 20000; i++) {
		uint8_t copy[4096];

		memcpy(copy, hello, len);
		for (int k = 0; k < 1 + rand() % 4; k++)
			copy[5 + rand() % (len - 5)] = (uint8_t)rand();
		if (tg_sni_parse(copy, len, name, sizeof(name)) == TG_SNI_FOUND && strlen(name) > 253)
			ok = 0;
	}
	CHECK(ok, "20000 corrupted ClientHellos handled");
	CHECK_DONE();
}
