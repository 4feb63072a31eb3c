/*
 * tablectx.c - the column a place in a text is in, and what its table's
 * header names for it. See tablectx.h.
 */
#include "tablectx.h"

/* A line ends: it continues the table, or starts one (as its header), or
 * ends it. */
static void line_end(struct tg_table *t)
{
	if (!t->kind) {
		t->delim = 0;
		t->nhead = 0;
	} else if (t->delim != t->kind || t->ndelim != t->count) {
		t->delim = t->kind;
		t->ndelim = t->count;
		t->nhead = 0;
		for (uint8_t i = 0; i < t->nline; i++) {
			uint8_t j = 0;

			while (j < t->nhead && t->head[j].col != t->line[i].col)
				j++;
			if (j == t->nhead) {
				t->head[j].col = t->line[i].col;
				t->head[j].names = 0;
				t->nhead++;
			}
			t->head[j].names |= t->line[i].names;
		}
	}
	t->kind = 0;
	t->count = 0;
	t->nline = 0;
}

/* A delimiter c is read. */
static void delimiter(struct tg_table *t, char c)
{
	if (!t->kind)
		t->kind = (uint8_t)c;
	if (c == t->kind && t->count < UINT8_MAX)
		t->count++;
}

/* The bytes that matter: line ends and delimiters. */
static const bool SPECIAL[256] = {['\n'] = true, ['|'] = true, ['\t'] = true, [';'] = true, [','] = true};

void tg_table_read(struct tg_table *t, const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		char c = text[i];

		if (t->pending) {
			char p = t->pending == 1 ? ';' : ',';

			if (tg_table_delim(p, c))
				delimiter(t, p);
			t->pending = 0;
		}
		/* the bulk of a text: skip to the next byte that matters */
		while (!SPECIAL[(unsigned char)c] && i + 1 < to)
			c = text[++i];
		if (c == '\n')
			line_end(t);
		else if (c == '|' || c == '\t')
			delimiter(t, c);
		else if (c == ';' || c == ',')
			t->pending = c == ';' ? 1 : 2;
	}
}

void tg_table_word(struct tg_table *t, uint8_t names)
{
	if (!names || t->nline == TG_TABLE_WORDS)
		return;
	t->line[t->nline].col = t->count;
	t->line[t->nline].names = names;
	t->nline++;
}

uint8_t tg_table_names(const struct tg_table *t)
{
	uint8_t names = 0;

	/* a line with another delimiter is another table's */
	if (!t->delim || (t->kind && t->kind != t->delim) || t->count > t->ndelim)
		return 0;
	for (uint8_t i = 0; i < t->nhead; i++)
		if (t->head[i].col == t->count)
			names |= t->head[i].names;
	return names;
}
