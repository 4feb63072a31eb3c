/*
 * sni.h - read the server name from a TLS ClientHello without consuming it.
 *
 * The proxy peeks at the first bytes a client sends and decides from the
 * SNI whether to terminate TLS (a provider hostname) or splice the bytes
 * unchanged to the original destination (anything else).
 */
#ifndef TG_SNI_H
#define TG_SNI_H

#include <stddef.h>
#include <stdint.h>

#define TG_SNI_MAX_PEEK (32 * 1024) /* a ClientHello larger than this is not read */

enum tg_sni_result {
	TG_SNI_FOUND = 0,   /* a ClientHello with a host_name: name filled in, lowercased */
	TG_SNI_ABSENT,      /* a complete ClientHello without a usable server name */
	TG_SNI_MORE,        /* looks like TLS; need more bytes */
	TG_SNI_NOT_TLS,     /* not a TLS handshake (or malformed) */
};

/* Parse buf[0..len). name must hold at least 256 bytes. */
enum tg_sni_result tg_sni_parse(const uint8_t *buf, size_t len, char *name, size_t name_size);

#endif
