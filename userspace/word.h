/*
 * word.h - look at text eight bytes at a time, in portable C.
 *
 * tg_word_eq(w, b) sets the high bit of each byte of w that is b, and no
 * other bit: x = w ^ b...b has a zero byte there, and adding 0x7f to the
 * low 7 bits of a byte carries into its high bit unless they are all zero.
 * tg_word_below(w, b) does the same for the bytes below b (b <= 0x80).
 * Neither lets a carry cross from one byte to the next, so the first hit
 * is exact: tg_word_first() gives its offset (the lowest set bit on a
 * little-endian machine, the highest on a big-endian one).
 * tg_word_find2() finds the first of two bytes in a buffer with them;
 * tg_word_json_special() marks what ends a plain run in a JSON string.
 */
#ifndef TG_WORD_H
#define TG_WORD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TG_WORD_ONES 0x0101010101010101ull
#define TG_WORD_LOWS 0x7f7f7f7f7f7f7f7full

static inline uint64_t tg_word_load(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static inline uint64_t tg_word_eq(uint64_t w, unsigned char b)
{
	uint64_t x = w ^ (TG_WORD_ONES * b);

	return ~(((x & TG_WORD_LOWS) + TG_WORD_LOWS) | x | TG_WORD_LOWS);
}

static inline uint64_t tg_word_below(uint64_t w, unsigned char b)
{
	return ~(((w & TG_WORD_LOWS) + TG_WORD_ONES * (0x80 - b)) | w | TG_WORD_LOWS);
}

/* The bytes of w that a JSON string cannot hold as they are: '"', '\\'
 * and the controls below 0x20 (an escape, or the end of the string). */
static inline uint64_t tg_word_json_special(uint64_t w)
{
	return tg_word_eq(w, '"') | tg_word_eq(w, '\\') | tg_word_below(w, 0x20);
}

/* The offset of the first hit in m (not 0). */
static inline size_t tg_word_first(uint64_t m)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(m) / 8;
#else
	return (size_t)__builtin_ctzll(m) / 8;
#endif
}

/* The first offset at or after i in p[..n) holding a or b (n if none). */
static inline size_t tg_word_find2(const char *p, size_t n, size_t i, char a, char b)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t w = tg_word_load(p + i), m = tg_word_eq(w, (unsigned char)a) | tg_word_eq(w, (unsigned char)b);

		if (m)
			return i + tg_word_first(m);
	}
	while (i < n && p[i] != a && p[i] != b)
		i++;
	return i;
}

#endif
