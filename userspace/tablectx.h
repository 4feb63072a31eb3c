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
 * A rule between a table's lines ("----+----" under a psql header,
 * "+----+----+" around a MySQL one, "|---|---|" in markdown: '-' or '='
 * with only '+', ':', '|' and blanks) neither ends nor starts one.
 * Quoted delimiters are not told apart.
 *
 * SQL: the column list of an INSERT names the values in the same place of
 * each row after VALUES ("INSERT INTO t (id, ssn) VALUES (1, '123456789'),
 * (2, ...)"): a parenthesised list on one line, then VALUES, then one or
 * more lists, their items counted by the commas outside '...' strings and
 * nested parentheses (up to 31). A ';' or anything else between the rows
 * ends them; so does a blank line.
 *
 * HTML: a <table>'s header row (its first <tr> of <th> cells only) names
 * the cells in the same place of the rows after it (<td> or <th> counted
 * from the row's <tr>; a row may open with a <th> of its own), up to
 * </table>. An INSERT inside one is not followed.
 *
 * The state is small and fixed (15 bytes: the first TG_TABLE_WORDS words
 * of a header, an INSERT's column list or an HTML header row are kept, and
 * of the line being read), so a text can be read piece by piece, each
 * piece forgotten once read: that tells the same as reading the whole text
 * at once, which is how a stream keeps it. Where the text is read up to is
 * the caller's to keep.
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
	uint8_t delim : 3;            /* the table's delimiter (TG_DELIM_*), 0: not in a table */
	uint8_t kind : 3;             /* the line being read: its delimiter so far, 0: none yet */
	uint8_t pending : 2;          /* the last byte read was ';' (1) or ',' (2): a delimiter unless a space follows */
	uint8_t ndelim;               /* how many the table's lines have */
	uint8_t count;                /* ... the line being read so far */
	uint8_t nline : 2, nhead : 2;
	uint8_t prose : 1;            /* the line being read has a byte no rule line has */
	uint8_t dashes : 1;           /* ... it has a '-' or '=' */
	uint8_t lag : 2;              /* the caller's: streams keep here how far short of a place it is read (0-3) */
	struct tg_table_word {
		uint8_t col, names;
	} line[TG_TABLE_WORDS],       /* words in the line being read: their column (their item in a list), what they
				       * name (the words of one column kept as one) */
	  head[TG_TABLE_WORDS];       /* ... in the header (head: TG_HEAD_*) */
	/* SQL and HTML */
	uint8_t head_of : 2;          /* what the header is of: TG_HEAD_* */
	uint8_t sql : 2;              /* TG_SQL_*: where in an INSERT */
	uint8_t depth : 2;            /* parentheses open (up to 3) */
	uint8_t quoted : 1;           /* in a '...' string inside them */
	uint8_t lead : 1;             /* the last bytes read were '(' or ',' (and a space): a quote there opens a string */
	uint8_t values : 2;           /* TG_SQL_COLS: a word starting with 'v' is being read (1), has been (2) */
	uint8_t mark : 2;             /* the line's words before the list that may be a column list */
	uint8_t html : 2;             /* TG_HTML_*: where in an HTML table */
	uint8_t rowhead : 1;          /* ... the row may be its header (<th> cells only so far, none before) */
	uint8_t headed : 1;           /* ... it has a header row */
	uint8_t tag : 3;              /* how much of "<tr", "<td", "<th", "</tr" or "</ta" has come */
	uint8_t item : 5;             /* the item of the list being read (its commas so far), the cells of the row */
};

enum { TG_DELIM_NONE = 0, TG_DELIM_PIPE, TG_DELIM_TAB, TG_DELIM_SEMICOLON, TG_DELIM_COMMA };

enum {
	TG_HEAD_LINE = 0,             /* a table's first line (or none) */
	TG_HEAD_SQL,                  /* an INSERT's column list */
	TG_HEAD_HTML,                 /* an HTML table's header row */
};

enum {
	TG_SQL_NONE = 0,
	TG_SQL_COLS,                  /* a list has closed: VALUES may follow */
	TG_SQL_ROWS,                  /* in the rows after VALUES */
};

enum {
	TG_HTML_NONE = 0,
	TG_HTML_TABLE,                /* between a table's rows */
	TG_HTML_ROW,                  /* in a row */
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
/* What the header (or an INSERT's column list, or an HTML table's header
 * row) names for the column the text read so far ends in (0: not in a row
 * of a table, or nothing). */
uint8_t tg_table_names(const struct tg_table *t);
/* Whether the text read so far ends in a row of a table whose header (or
 * column list, or header row) names some column, past the row's first
 * cell if it is a CSV, TSV or markdown table: what is there is named by its
 * own column's header only. */
bool tg_table_in_row(const struct tg_table *t);
/* Whether any word is kept: if not, and no word comes, tg_table_names() is 0. */
static inline bool tg_table_has_words(const struct tg_table *t)
{
	return t->nline || t->nhead;
}

#endif
