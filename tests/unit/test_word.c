/*
 * test_word.c - word.h: the eight-bytes-at-a-time byte tests the JSON
 * walkers and the SSE splitter scan with. Every byte value at every place
 * in a word, with every other byte value before and after it: a hit is
 * reported exactly where the byte is (no carry leaks into a neighbour), by
 * tg_word_eq, tg_word_below and tg_word_json_special, and tg_word_first()
 * gives the first one; and tg_word_find2() finds what a byte-by-byte
 * search finds, from every start, in texts of every length.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "word.h"

static void test_exact(void)
{
	const unsigned char targets[] = {'"', '\\', '\n', '\r', '{', 0, 0x7f, 0x80, 0xff};
	const unsigned char limits[] = {0x20, 0x01, 0x80};
	size_t eq_wrong = 0, below_wrong = 0, first_wrong = 0, json_wrong = 0, words = 0;

	for (unsigned x = 0; x < 256; x++) {
		for (unsigned y = 0; y < 256; y += 7) {
			for (size_t at = 0; at < 8; at++) {
				unsigned char b[8];
				uint64_t w;

				/* x at place at, y everywhere else */
				memset(b, (int)y, sizeof(b));
				b[at] = (unsigned char)x;
				w = tg_word_load((const char *)b);
				words++;
				for (size_t t = 0; t < sizeof(targets); t++) {
					uint64_t m = tg_word_eq(w, targets[t]);
					uint64_t want = 0;

					for (size_t k = 0; k < 8; k++)
						if (b[k] == targets[t])
							want |= 1ull << k;
					/* compare hit by hit, in memory order */
					for (size_t k = 0; k < 8; k++) {
						unsigned char one[8] = {0};
						uint64_t probe;

						memcpy(one, &m, 8);
						probe = one[k] == 0x80;
						eq_wrong += probe != ((want >> k) & 1) || (one[k] & 0x7f);
					}
					if (m && tg_word_first(m) != (size_t)__builtin_ctzll(want))
						first_wrong++;
				}
				{
					uint64_t m = tg_word_json_special(w);
					unsigned char one[8];

					memcpy(one, &m, 8);
					for (size_t k = 0; k < 8; k++)
						json_wrong += (one[k] == 0x80) !=
							      (b[k] == '"' || b[k] == '\\' || b[k] < 0x20) ||
							      (one[k] & 0x7f);
				}
				for (size_t l = 0; l < sizeof(limits); l++) {
					uint64_t m = tg_word_below(w, limits[l]);
					unsigned char one[8];

					memcpy(one, &m, 8);
					for (size_t k = 0; k < 8; k++)
						below_wrong += (one[k] == 0x80) != (b[k] < limits[l]) || (one[k] & 0x7f);
				}
			}
		}
	}
	CHECK(eq_wrong == 0, "tg_word_eq: a hit exactly at each byte equal to the target (%zu words, %zu wrong)", words,
	      eq_wrong);
	CHECK(below_wrong == 0, "tg_word_below: a hit exactly at each byte below the limit (%zu wrong)", below_wrong);
	CHECK(first_wrong == 0, "tg_word_first: the offset of the first hit (%zu wrong)", first_wrong);
	CHECK(json_wrong == 0, "tg_word_json_special: a hit exactly at each quote, backslash and control (%zu wrong)",
	      json_wrong);
}

static void test_find2(void)
{
	char t[40];
	size_t wrong = 0, runs = 0;
	unsigned seed = 1;

	for (int k = 0; k < 2000; k++) {
		size_t n = (size_t)k % sizeof(t);

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			t[i] = "ab\n\r\"\\\x80\xff"[(seed >> 16) % 8];
		}
		for (size_t from = 0; from <= n; from++) {
			size_t want = from;

			while (want < n && t[want] != '\n' && t[want] != '\r')
				want++;
			runs++;
			wrong += tg_word_find2(t, n, from, '\n', '\r') != want;
		}
	}
	CHECK(wrong == 0, "tg_word_find2: the first of two bytes, as a byte-by-byte search finds it (%zu searches, %zu "
	      "wrong)", runs, wrong);
}

int main(void)
{
	test_exact();
	test_find2();
	CHECK_DONE();
}
