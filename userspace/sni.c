/*
 * sni.c - a bounded, allocation-free ClientHello reader (RFC 8446 4.1.2,
 * RFC 6066 3). The handshake message may span several TLS records; their
 * payloads are gathered into a local buffer first.
 */
#include "sni.h"

#include <string.h>

struct reader {
	const uint8_t *p;
	size_t left;
};

static int take(struct reader *r, size_t n, const uint8_t **out)
{
	if (r->left < n)
		return -1;
	if (out)
		*out = r->p;
	r->p += n;
	r->left -= n;
	return 0;
}

static int take_u8(struct reader *r, size_t *v)
{
	const uint8_t *p;

	if (take(r, 1, &p))
		return -1;
	*v = p[0];
	return 0;
}

static int take_u16(struct reader *r, size_t *v)
{
	const uint8_t *p;

	if (take(r, 2, &p))
		return -1;
	*v = (size_t)p[0] << 8 | p[1];
	return 0;
}

/* A server name we accept: DNS characters only, no empty labels. */
static int copy_host(const uint8_t *s, size_t n, char *name, size_t size)
{
	if (n == 0 || n > 253 || n >= size || s[0] == '.' || s[n - 1] == '.')
		return -1;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (uint8_t)(c - 'A' + 'a');
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
			   c == '.' || c == '_'))
			return -1;
		if (c == '.' && s[i - 1] == '.')
			return -1;
		name[i] = (char)c;
	}
	name[n] = 0;
	return 0;
}

static enum tg_sni_result parse_hello(const uint8_t *msg, size_t len, char *name, size_t size)
{
	struct reader r = {msg, len}, ext;
	const uint8_t *p;
	size_t n, type, elen;

	if (take(&r, 2 + 32, NULL) ||          /* legacy_version, random */
	    take_u8(&r, &n) || n > 32 || take(&r, n, NULL) ||      /* session id */
	    take_u16(&r, &n) || n < 2 || (n & 1) || take(&r, n, NULL) || /* cipher suites */
	    take_u8(&r, &n) || n < 1 || take(&r, n, NULL))         /* compression */
		return TG_SNI_NOT_TLS;
	if (r.left == 0)
		return TG_SNI_ABSENT; /* no extensions at all */
	if (take_u16(&r, &n) || take(&r, n, &p))
		return TG_SNI_NOT_TLS;
	ext.p = p;
	ext.left = n;
	while (ext.left > 0) {
		if (take_u16(&ext, &type) || take_u16(&ext, &elen) || take(&ext, elen, &p))
			return TG_SNI_NOT_TLS;
		if (type == 0) { /* server_name */
			struct reader list = {p, elen}, names;
			size_t nlen, ntype;

			if (take_u16(&list, &n) || take(&list, n, &p))
				return TG_SNI_NOT_TLS;
			names.p = p;
			names.left = n;
			while (names.left > 0) {
				if (take_u8(&names, &ntype) || take_u16(&names, &nlen) ||
				    take(&names, nlen, &p))
					return TG_SNI_NOT_TLS;
				if (ntype == 0)
					return copy_host(p, nlen, name, size) ? TG_SNI_ABSENT : TG_SNI_FOUND;
			}
			return TG_SNI_ABSENT;
		}
	}
	return TG_SNI_ABSENT;
}

enum tg_sni_result tg_sni_parse(const uint8_t *buf, size_t len, char *name, size_t name_size)
{
	uint8_t hs[TG_SNI_MAX_PEEK];
	size_t hs_len = 0, need = 0, off = 0;

	name[0] = 0;
	if (len >= 1 && buf[0] != 0x16)
		return TG_SNI_NOT_TLS;
	if (len >= 2 && buf[1] != 0x03)
		return TG_SNI_NOT_TLS;
	/* Gather handshake bytes from consecutive handshake records. */
	for (;;) {
		size_t rlen;

		if (len - off < 5)
			return TG_SNI_MORE;
		if (buf[off] != 0x16 || buf[off + 1] != 0x03)
			return TG_SNI_NOT_TLS;
		rlen = (size_t)buf[off + 3] << 8 | buf[off + 4];
		if (rlen == 0 || rlen > 16384)
			return TG_SNI_NOT_TLS;
		if (len - off - 5 < rlen) {
			/* Use what has arrived so far to reject early, but wait for the rest. */
			if (off + 5 + rlen > TG_SNI_MAX_PEEK)
				return TG_SNI_NOT_TLS;
			return TG_SNI_MORE;
		}
		if (hs_len + rlen > sizeof(hs))
			return TG_SNI_NOT_TLS;
		memcpy(hs + hs_len, buf + off + 5, rlen);
		hs_len += rlen;
		off += 5 + rlen;
		if (hs_len >= 4) {
			if (hs[0] != 0x01) /* client_hello */
				return TG_SNI_NOT_TLS;
			need = (size_t)hs[1] << 16 | (size_t)hs[2] << 8 | hs[3];
			if (need + 4 > sizeof(hs))
				return TG_SNI_NOT_TLS;
			if (hs_len >= need + 4)
				break;
		}
	}
	return parse_hello(hs + 4, need, name, name_size);
}
