/*
 * tablectx.c - the column a place in a text is in, and what its table's
 * header (or an INSERT's column list, or an HTML table's header row) names
 * for it. See tablectx.h.
 */
#include "tablectx.h"

#include <ctype.h>

#define ITEM_MAX 31 /* t->item's largest value */

/* The TG_DELIM_* code of a delimiter. */
static uint8_t delim_code(char c)
{
	return c == '|' ? TG_DELIM_PIPE : c == '\t' ? TG_DELIM_TAB : c == ';' ? TG_DELIM_SEMICOLON : TG_DELIM_COMMA;
}

/* An INSERT's rows end (or what might have been one): its column list is forgotten. */
static void sql_end(struct tg_table *t)
{
	t->sql = TG_SQL_NONE;
	if (t->head_of == TG_HEAD_SQL) {
		t->head_of = TG_HEAD_LINE;
		t->nhead = 0;
	}
}

/* A line ends: it continues the table, or starts one (as its header), or
 * ends it; a rule line does none of that, nor does a line while an INSERT's
 * or an HTML table's header is kept; a blank line ends an INSERT. */
static void line_end(struct tg_table *t)
{
	if ((!t->prose && t->dashes) || t->head_of != TG_HEAD_LINE) {
		/* a rule, or no table of lines: the header stays */
	} else if (!t->kind) {
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
	if (!t->prose && !t->dashes) {
		t->depth = 0;
		sql_end(t);
	}
	t->quoted = 0; /* a string does not span lines */
	t->kind = 0;
	t->count = 0;
	t->nline = 0;
	t->mark = 0;
	t->prose = 0;
	t->dashes = 0;
}

/* A delimiter c is read. */
static void delimiter(struct tg_table *t, char c)
{
	uint8_t code = delim_code(c);

	if (!t->kind)
		t->kind = code;
	if (code == t->kind && t->count < UINT8_MAX)
		t->count++;
}

/* Is every byte needed to follow an INSERT: between its column list and
 * VALUES, or between its rows? */
static bool sql_between(const struct tg_table *t)
{
	return t->sql != TG_SQL_NONE && t->depth == 0 && !t->quoted;
}

/*
 * c is read between an INSERT's column list and its rows, or between rows
 * (sql_between): blanks, one word starting with 'v' after the column list
 * ("VALUES"), ',' between rows. Anything else ends the INSERT. Returns
 * whether c is done with ('(' and what ends the INSERT are read on as
 * usual).
 */
static bool sql_gap(struct tg_table *t, char c)
{
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
		if (t->values == 1)
			t->values = 2;
		return c != '\n';
	}
	if (t->sql == TG_SQL_ROWS && c == ',')
		return true;
	if (t->sql == TG_SQL_COLS && ((t->values == 0 && tolower((unsigned char)c) == 'v') ||
				      (t->values == 1 && isalpha((unsigned char)c)))) {
		t->values = 1;
		return true;
	}
	if (c == '(' && t->sql == TG_SQL_COLS && t->values) {
		t->sql = TG_SQL_ROWS;
		return false;
	}
	if (c != '(' || t->sql != TG_SQL_ROWS)
		sql_end(t);
	return false;
}

/* A parenthesis, quote, comma or semicolon of an INSERT is read; lead:
 * right after '(' or ',' (and a space). */
static void sql_byte(struct tg_table *t, char c, bool lead)
{
	if (t->quoted) {
		t->quoted = c != '\'';
		t->lead = !t->quoted; /* a quote right after it: doubled, the string goes on */
		return;
	}
	t->lead = c == '(' || c == ',';
	switch (c) {
	case '(':
		if (t->depth == 0) {
			t->item = 0;
			if (t->sql != TG_SQL_ROWS) {
				sql_end(t);
				t->mark = t->nline; /* a list that may be a column list: its words follow */
			}
		}
		if (t->depth < 3)
			t->depth++;
		break;
	case ')':
		if (t->depth == 1 && t->sql == TG_SQL_NONE && t->nline > t->mark &&
		    !(t->head_of == TG_HEAD_LINE && t->delim && t->nhead)) {
			/* a list with words, not in a row of a table with a header:
			 * the column list, if VALUES follows */
			t->nhead = 0;
			for (uint8_t i = t->mark; i < t->nline; i++)
				t->head[t->nhead++] = t->line[i];
			t->nline = t->mark;
			t->head_of = TG_HEAD_SQL;
			t->delim = 0;
			t->sql = TG_SQL_COLS;
			t->values = 0;
		}
		if (t->depth > 0)
			t->depth--;
		break;
	case ',':
		if (t->depth == 1 && t->item < ITEM_MAX)
			t->item++;
		break;
	case '\'':
		t->quoted = t->depth > 0 && lead; /* a string's quote, not an apostrophe ("it's") */
		break;
	case ';':
		if (t->depth == 0)
			sql_end(t);
		break;
	}
}

/* How much of an HTML table's tag has come after its '<'. */
enum { TAG_LT = 1, TAG_T, TAG_TR, TAG_TD, TAG_TH, TAG_END, TAG_END_T };

/* A tag of an HTML table opens: a row (TAG_TR) or a cell (TAG_TD, TAG_TH). */
static void html_open(struct tg_table *t, int tag)
{
	if (tag == TAG_TR) {
		t->headed |= t->rowhead;
		t->html = TG_HTML_ROW;
		t->item = 0;
		t->rowhead = 0;
		t->depth = 0;
		t->quoted = 0;
		sql_end(t);
		return;
	}
	if (t->html != TG_HTML_ROW)
		return;
	if (tag == TAG_TH && t->item == 0 && !t->headed) {
		t->rowhead = 1; /* the header row, if only <th> cells follow: its words name the columns */
		t->head_of = TG_HEAD_HTML;
		t->nhead = 0;
	} else if (tag == TAG_TD && t->rowhead) {
		t->rowhead = 0; /* a row with a header cell of its own */
		t->nhead = 0;
	}
	if (t->item < ITEM_MAX)
		t->item++;
}

/* c is read after a '<' (t->tag says how much of a tag came before it). */
static void html_tag(struct tg_table *t, char c)
{
	int lc = tolower((unsigned char)c);

	switch (t->tag) {
	case TAG_LT:
		t->tag = lc == 't' ? TAG_T : lc == '/' ? TAG_END : 0;
		break;
	case TAG_T:
		t->tag = lc == 'r' ? TAG_TR : lc == 'd' ? TAG_TD : lc == 'h' ? TAG_TH : 0;
		break;
	case TAG_TR:
	case TAG_TD:
	case TAG_TH:
		/* "<tr>", "<td class=...>", not "<thead>" or "<track>" */
		if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
			html_open(t, t->tag);
		t->tag = 0;
		break;
	case TAG_END:
		t->tag = lc == 't' ? TAG_END_T : 0;
		break;
	default:
		if (lc == 'r' && t->html == TG_HTML_ROW) {
			t->html = TG_HTML_TABLE;
			t->headed |= t->rowhead;
			t->rowhead = 0;
		} else if (lc == 'a' && t->html != TG_HTML_NONE) {
			t->html = TG_HTML_NONE; /* </table> */
			t->headed = 0;
			t->rowhead = 0;
			if (t->head_of == TG_HEAD_HTML) {
				t->head_of = TG_HEAD_LINE;
				t->nhead = 0;
			}
		}
		t->tag = 0;
		break;
	}
}

/* The bytes that matter: line ends, delimiters, an INSERT's lists, tags. */
static const bool SPECIAL[256] = {['\n'] = true, ['|'] = true, ['\t'] = true, [';'] = true, [','] = true,
				  ['('] = true, [')'] = true, ['\''] = true, ['<'] = true};

void tg_table_read(struct tg_table *t, const char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		size_t first = i;
		char c = text[i];
		bool lead = t->lead;

		if (t->pending) {
			char p = t->pending == 1 ? ';' : ',';

			if (tg_table_delim(p, c))
				delimiter(t, p);
			t->pending = 0;
		}
		if (lead && c == ' ')
			continue; /* "(1, 'x')": the quote still leads */
		t->lead = 0;
		/* the bulk of a text: skip to the next byte that matters (once
		 * the line is no rule, and no tag or INSERT needs every byte) */
		if (t->prose && !t->tag && !sql_between(t))
			while (!SPECIAL[(unsigned char)c] && i + 1 < to)
				c = text[++i];
		lead &= i == first;
		if (t->tag)
			html_tag(t, c);
		if (c == '<')
			t->tag = TAG_LT;
		if (!t->prose && c != '\n') {
			if (c == '-' || c == '=')
				t->dashes = 1;
			else if (c != '+' && c != ':' && c != '|' && c != ' ' && c != '\t' && c != '\r')
				t->prose = 1;
		}
		if (sql_between(t) && sql_gap(t, c))
			continue;
		if (SPECIAL[(unsigned char)c] && c != '\n' && c != '|' && c != '\t' && c != '<' && !t->html)
			sql_byte(t, c, lead);
		if (c == '\n')
			line_end(t);
		else if (c == '|' || c == '\t')
			delimiter(t, c);
		else if (c == ';' || c == ',')
			t->pending = c == ';' ? 1 : 2;
	}
}

/* Keep a word at column col in v (n kept): with a word kept from v[from]
 * on at the same column, as one ("phone_number" holds the words "phone"
 * and "phone number": they take one place, not the next column's). */
static void keep_word(uint8_t col, uint8_t names, struct tg_table_word *v, uint8_t *n, uint8_t from)
{
	for (uint8_t i = from; i < *n; i++)
		if (v[i].col == col) {
			v[i].names |= names;
			return;
		}
	if (*n < TG_TABLE_WORDS) {
		v[*n].col = col;
		v[*n].names = names;
		(*n)++;
	}
}

void tg_table_word(struct tg_table *t, uint8_t names)
{
	uint8_t n;

	if (!names)
		return;
	if (t->html == TG_HTML_ROW && t->rowhead) {
		n = t->nhead;
		keep_word(t->item, names, t->head, &n, 0);
		t->nhead = n;
		return;
	}
	/* in a list that may be an INSERT's column list: its item (one of the
	 * list's words, not of those before it) */
	n = t->nline;
	if (t->depth && t->sql != TG_SQL_ROWS && !t->html)
		keep_word(t->item, names, t->line, &n, t->mark);
	else
		keep_word(t->count, names, t->line, &n, 0);
	t->nline = n;
}

/* What the header's words at column col name. */
static uint8_t head_names(const struct tg_table *t, uint8_t col)
{
	uint8_t names = 0;

	for (uint8_t i = 0; i < t->nhead; i++)
		if (t->head[i].col == col)
			names |= t->head[i].names;
	return names;
}

uint8_t tg_table_names(const struct tg_table *t)
{
	if (t->head_of == TG_HEAD_SQL)
		return t->sql == TG_SQL_ROWS && t->depth > 0 ? head_names(t, t->item) : 0;
	if (t->head_of == TG_HEAD_HTML)
		return t->html == TG_HTML_ROW && !t->rowhead ? head_names(t, t->item) : 0;
	/* a line with another delimiter is another table's */
	if (!t->delim || (t->kind && t->kind != t->delim) || t->count > t->ndelim)
		return 0;
	return head_names(t, t->count);
}

bool tg_table_in_row(const struct tg_table *t)
{
	if (t->head_of == TG_HEAD_SQL)
		return t->sql == TG_SQL_ROWS && t->depth > 0 && t->nhead;
	if (t->head_of == TG_HEAD_HTML)
		return t->html == TG_HTML_ROW && !t->rowhead && t->headed && t->nhead;
	return t->delim && t->kind == t->delim && t->count <= t->ndelim && t->nhead; /* past a row's first cell */
}
