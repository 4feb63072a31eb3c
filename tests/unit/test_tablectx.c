/*
 * test_tablectx.c - the table context: which column a place in a text is
 * in and what the header names for it, across CSV, TSV, markdown, pipe,
 * psql and MySQL tables, tables that end or change, SQL INSERT column
 * lists, HTML tables, and the same read piece by piece.
 */
#include <string.h>

#include "check.h"
#include "tablectx.h"

#define SSN 1
#define PHONE 2

/*
 * Read text up to the first '@', which stands for a value ("9": the
 * detectors ask where a value ends), with the words "ssn" and "phone"
 * naming SSN and PHONE; piece > 0 reads in pieces of that many bytes,
 * forgetting each (as a stream does).
 */
static uint8_t names_at(const char *marked, size_t piece)
{
	char text[1024];
	const char *at = strchr(marked, '@');
	size_t n = (size_t)(at - marked) + 1, step = piece ? piece : n;
	struct tg_table t = {0};
	size_t pos = 0;

	memcpy(text, marked, n - 1);
	text[n - 1] = '9';
	text[n] = 0;
	for (size_t to = 0; to < n;) {
		size_t next = to + step < n ? to + step : n;

		/* words are told where they end, as they are read */
		for (size_t i = to; i < next; i++) {
			bool ssn = i >= 3 && memcmp(text + i - 3, "ssn", 3) == 0;
			bool phone = i >= 5 && memcmp(text + i - 5, "phone", 5) == 0;

			if (ssn || phone) {
				tg_table_read(&t, text, pos, i);
				pos = i;
				tg_table_word(&t, ssn ? SSN : PHONE);
			}
		}
		tg_table_read(&t, text, pos, next);
		pos = to = next;
	}
	return tg_table_names(&t);
}

static void check(const char *name, const char *marked, uint8_t want)
{
	uint8_t got = names_at(marked, 0);
	bool same = true;

	for (size_t piece = 1; piece < 9; piece++)
		same &= names_at(marked, piece) == got;
	CHECK(got == want && same, "%s: names %u (want %u), the same read in pieces: %s", name, got, want,
	      same ? "yes" : "no");
}

int main(void)
{
	check("CSV: the header's column", "name;ssn;city\nA;@", SSN);
	check("CSV: another column", "name;ssn;city\nA;1;@", 0);
	check("CSV: many rows below", "name,ssn,city\n"
	      "a,1,x\nb,2,y\nc,3,z\nd,4,w\ne,5,v\nf,6,u\ng,7,t\nh,8,s\ni,9,r\nj,10,q\nk,11,p\nl,12,o\nm,@", SSN);
	check("CSV: first column", "ssn,name\n@", SSN);
	check("TSV", "name\tphone\tssn\nA\t1\t@", SSN);
	check("markdown: header, rule, rows", "| name | ssn | city |\n|---|---|---|\n| A | 1 | x |\n| B | @", SSN);
	check("markdown: two named columns", "| phone | ssn |\n|---|---|\n| @", PHONE);
	check("a line's first delimiter is its own", "| name, first | ssn |\n| Doe, Jane | @", SSN);
	check("... the others are text", "name,first;ssn\nDoe,Jane;@", SSN);
	check("... so a row that starts with another is another table's", "name,first;ssn\nDoe;@", 0);
	check("a comma or semicolon and a space is prose", "Hi, my ssn changed\nThanks, @", 0);
	check("... also at the end of what was read", "Hi; my ssn changed\nThanks;@", 0);
	check("... a trailing delimiter is one", "name;ssn;\nA;@", SSN);
	check("not a table: no delimiter in the line before", "ssn\n@", 0);
	check("a blank line ends the table", "name;ssn\nA;1\n\nB;@", 0);
	check("a line without delimiters ends it", "name;ssn\nA;1\nthat was all\nB;@", 0);
	check("another count starts another table", "name;ssn\nA;1\nx;y;z\nB;@", 0);
	check("... whose header is that line", "name;ssn\nx;ssn;z\nB;@", SSN);
	check("another delimiter in the row: not a row", "name;ssn\nA|@", 0);
	check("past the last column", "name;ssn\nA;1;@", 0);
	check("a header word in the row itself does not count", "name;city\nssn;@", 0);
	check("the header's header words only", "name;city\nA;B\nssn;x\nC;@", 0);
	check("psql: a rule under the header", "  name | phone | city\n-------+-------+------\n A | 1 | x\n B | @", PHONE);
	check("MySQL: rules around the header",
	      "+----+-------+\n| id | phone |\n+----+-------+\n| 1  | 2     |\n| 2  | @", PHONE);
	check("a rule with '=' and ':'", "ssn,name\n===,:==\n@", SSN);
	check("a line of blanks is no rule: it ends the table", "name;ssn\n   \nA;@", 0);
	check("two words of one column take one place (\"phone_number\")", "phone phone;id;ssn\n1;2;@", SSN);
	check("INSERT: the column list names its item", "INSERT INTO t (id, ssn, city) VALUES (1, '@", SSN);
	check("... two words of one item take one place",
	      "INSERT INTO t (id, phone phone, ssn) VALUES (1, '2', '@", SSN);
	check("... not another item", "INSERT INTO t (id, ssn, city) VALUES (1, 'x', '@", 0);
	check("... in each row, on lines of their own",
	      "INSERT INTO t (id, name, ssn)\nVALUES\n  (1, 'Doe, Jane', '1'),\n  (2, 'Roe', '@", SSN);
	check("... a quote doubled in a string", "INSERT INTO t (id, name, ssn) VALUES (1, 'O''Brien, J', '@", SSN);
	check("... commas in nested parentheses", "INSERT INTO t (id, ts, ssn) VALUES (1, NOW(1, 2), '@", SSN);
	check("... written compact", "insert into t(id,ssn) values(1,@", SSN);
	check("... an apostrophe before it is no string",
	      "Note (it's the ssn, isn't it)\nINSERT INTO t (id, ssn) VALUES (1, '@", SSN);
	check("a list without VALUES names nothing", "call f(id, ssn) then (1, @", 0);
	check("a ';' ends the rows", "INSERT INTO t (id, ssn) VALUES (1, '2'); SELECT (1, @", 0);
	check("... so does a blank line", "INSERT INTO t (id, ssn) VALUES (1, '2'),\n\n(1, @", 0);
	check("a word in a row names nothing", "INSERT INTO t (a, b) VALUES ('ssn', 1), (2, @", 0);
	check("HTML: the header row's cell", "<table><tr><th>name</th><th>phone</th></tr><tr><td>A</td><td>@", PHONE);
	check("... not another cell", "<table><tr><th>name</th><th>phone</th></tr><tr><td>@", 0);
	check("... over many lines, rows below",
	      "<table>\n  <tr>\n    <th>name</th>\n    <th>ssn</th>\n  </tr>\n  <tr>\n    <td>A</td>\n"
	      "    <td>1</td>\n  </tr>\n  <tr>\n    <td>B</td>\n    <td>@", SSN);
	check("... thead and tbody, attributes, upper case",
	      "<TABLE><THEAD><TR><TH class=\"c\">x</TH><TH>ssn</TH></TR></THEAD>\n<TBODY><TR><TD>1</TD><TD align=right>@",
	      SSN);
	check("... parentheses in a cell", "<tr><th>name</th><th>phone</th></tr><tr><td>Doe (J, K)</td><td>@", PHONE);
	check("... a row with a header cell first is no header row for the rows below",
	      "<tr><th>name</th><th>phone</th></tr><tr><th>phone</th><td>1</td></tr><tr><td>x</td><td>@", PHONE);
	check("... a row of a header cell and a data cell is no header row", "<tr><th>phone</th><td>1</td></tr><tr><td>@",
	      0);
	check("... it ends with the table", "<table><tr><th>ssn</th></tr></table>\n<tr><td>@", 0);
	CHECK_DONE();
}
