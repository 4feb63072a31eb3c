/*
 * tablectx.h - which column of a table a place in a text is in, and what
 * the table's header row says that column holds. A CSV, TSV, markdown or
 * pipe table with an "ssn" column names every value in that column, however
 * many rows below the header it is; the detectors take the header's words
 * as context words for a rule with "context_fields" (detectors.h).
 *
 * A line's delimiter is the first '|', tab, ';' or ',' it has; a ';' or ','
 * followed by a space is prose, not a delimiter (CSV writes "a,b,c"). A
 * table is a run of lines with the same delimiter, as many times; its first
 * line is the header. A line without any ends the table; a line with
 * another delimiter or another count starts the next one (as its header).
 * Quoted delimiters are not told apart.
 *
 * The state is small and fixed (14 bytes: the first TG_TABLE_WORDS words
 * of a header are kept, and of the line being read), so a text can be read
 * piece by piece, each piece forgotten once read: that tells the same as
 * reading the whole text at once, which is how a stream keeps it. Where the
 * text is read up to is the caller's to keep.
 *
 * The words are the caller's: read up to where a word ends, then say what
 * the word names with tg_table_word() (up to 8 bits of the caller's
 * choosing).
 */
#ifndef TG_TABLECTX_H
#define TG_TABLECTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TG_TABLE_WORDS 2   /* words kept of a header, and of the line being read */

struct tg_table {
	uint8_t delim;                /* the table's delimiter ('|', '\t', ';', ','), 0: not in a table */
	uint8_t ndelim;               /* how many its lines have */
	uint8_t kind;                 /* the line being read: its delimiter so far, 0: none yet */
	uint8_t count;                /* ... how many of it so far */
	uint8_t nline : 2, nhead : 2;
	uint8_t pending : 2;          /* the last byte read was ';' (1) or ',' (2): a delimiter unless a space follows */
	uint8_t lag;                  /* the caller's: streams keep here how far short of a place it is read */
	struct {
		uint8_t col, names;
	} line[TG_TABLE_WORDS],       /* words in the line being read: their column, what they name */
	  head[TG_TABLE_WORDS];       /* ... in the table's header */
};

/* Is c, with next the byte after it, a cell delimiter: '|' and tab always,
 * ';' and ',' unless a space follows (then it is prose)? */
static inline bool tg_table_delim(char c, char next)
{
	return c == '|' || c == '\t' || ((c == ';' || c == ',') && next != ' ');
}

/* Read text[from, to). */
void tg_table_read(struct tg_table *t, const char *text, size_t from, size_t to);
/* A word that names what names stands for ends where the text is read up to. */
void tg_table_word(struct tg_table *t, uint8_t names);
/* What the header names for the column the text read so far ends in (0:
 * not in a row of a table, or nothing). */
uint8_t tg_table_names(const struct tg_table *t);
/* Whether any word is kept: if not, and no word comes, tg_table_names() is 0. */
static inline bool tg_table_has_words(const struct tg_table *t)
{
	return t->nline || t->nhead;
}

#endif
