#!/usr/bin/env node
/*
 * prom-parse.js - a strict parser of the Prometheus text exposition format
 * (version 0.0.4), for tollgate's tests. Node built-ins only.
 *
 *   node prom-parse.js < metrics.txt
 *
 * Exits 1 with the first violation on stderr, else prints
 * {"families": {name: {"type", "help", "samples": [{"name", "labels", "value"}]}}}.
 * Checked: line grammar (comments, samples, escapes in label values),
 * metric and label names, numbers (incl. +Inf, -Inf, NaN), one HELP and one
 * TYPE per family, TYPE before its samples, a family's samples contiguous,
 * no duplicate series, counters non-negative, histograms complete (le
 * buckets cumulative and non-decreasing, a +Inf bucket equal to _count,
 * a _sum), and the file ending with a newline.
 */
'use strict';
const fs = require('fs');

const text = fs.readFileSync(0, 'utf8');
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function die(line, msg) {
	console.error(`line ${line}: ${msg}`);
	process.exit(1);
}

function number(s, line) {
	if (s === '+Inf') return Infinity;
	if (s === '-Inf') return -Infinity;
	if (s === 'NaN') return NaN;
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) die(line, `bad number "${s}"`);
	return Number(s);
}

function parseSample(s, line) {
	let i = 0;
	while (i < s.length && /[a-zA-Z0-9_:]/.test(s[i])) i++;
	const name = s.slice(0, i);
	if (!NAME.test(name)) die(line, `bad metric name "${name}"`);
	const labels = {};
	if (s[i] === '{') {
		i++;
		while (s[i] !== '}') {
			let j = i;
			while (j < s.length && /[a-zA-Z0-9_]/.test(s[j])) j++;
			const lname = s.slice(i, j);
			if (!LABEL.test(lname)) die(line, `bad label name "${lname}"`);
			if (s[j] !== '=' || s[j + 1] !== '"') die(line, `expected ="  after label ${lname}`);
			j += 2;
			let v = '';
			for (;;) {
				if (j >= s.length) die(line, 'unterminated label value');
				const c = s[j];
				if (c === '"') break;
				if (c === '\\') {
					const n = s[j + 1];
					if (n === '\\') v += '\\';
					else if (n === '"') v += '"';
					else if (n === 'n') v += '\n';
					else die(line, `bad escape \\${n}`);
					j += 2;
					continue;
				}
				if (c === '\n') die(line, 'newline in label value');
				v += c;
				j++;
			}
			if (lname in labels) die(line, `duplicate label ${lname}`);
			labels[lname] = v;
			j++;
			if (s[j] === ',') j++;
			else if (s[j] !== '}') die(line, `expected , or } after label ${lname}`);
			i = j;
		}
		i++;
	}
	if (s[i] !== ' ') die(line, 'expected a space before the value');
	const rest = s.slice(i + 1).split(' ');
	if (rest.length > 2 || rest[0] === '') die(line, 'expected VALUE [TIMESTAMP]');
	const value = number(rest[0], line);
	if (rest.length === 2 && !/^-?\d+$/.test(rest[1])) die(line, 'bad timestamp');
	return { name, labels, value };
}

function familyOf(name, families) {
	for (const suffix of ['_bucket', '_sum', '_count']) {
		if (name.endsWith(suffix)) {
			const base = name.slice(0, -suffix.length);
			if (families[base] && (families[base].type === 'histogram' || families[base].type === 'summary'))
				return base;
		}
	}
	return name;
}

if (text.length && !text.endsWith('\n')) die('end', 'the text must end with a newline');
const families = {};
const seen = new Set();
const closed = new Set();
let current = null;
text.split('\n').forEach((raw, idx) => {
	const line = idx + 1;
	if (raw === '') return;
	if (raw.startsWith('#')) {
		const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
		if (!m) return; // a plain comment
		const [, kind, name, rest] = m;
		if (!NAME.test(name)) die(line, `bad metric name ${name}`);
		const f = (families[name] = families[name] || { samples: [] });
		if (f.samples.length) die(line, `${kind} for ${name} after its samples`);
		if (kind === 'TYPE') {
			if (f.type) die(line, `second TYPE for ${name}`);
			if (!TYPES.has(rest)) die(line, `bad type ${rest}`);
			f.type = rest;
		} else {
			if ('help' in f) die(line, `second HELP for ${name}`);
			f.help = rest;
		}
		if (current && current !== name) closed.add(current);
		current = name;
		return;
	}
	const s = parseSample(raw, line);
	const fname = familyOf(s.name, families);
	if (closed.has(fname)) die(line, `samples of ${fname} are not contiguous`);
	if (current && current !== fname) closed.add(current);
	current = fname;
	const f = (families[fname] = families[fname] || { samples: [] });
	const key = s.name + JSON.stringify(Object.entries(s.labels).sort());
	if (seen.has(key)) die(line, `duplicate series ${key}`);
	seen.add(key);
	if (f.type === 'counter' && !(s.value >= 0)) die(line, `counter ${s.name} is negative or NaN`);
	f.samples.push(s);
});

for (const [name, f] of Object.entries(families)) {
	if (f.type !== 'histogram') continue;
	const groups = {};
	for (const s of f.samples) {
		const { le, ...rest } = s.labels;
		const k = JSON.stringify(Object.entries(rest).sort());
		const g = (groups[k] = groups[k] || { buckets: [], sum: null, count: null });
		if (s.name === name + '_bucket') {
			if (le === undefined) die('histogram', `${name}_bucket without le`);
			g.buckets.push([number(le, 'le'), s.value]);
		} else if (s.name === name + '_sum') g.sum = s.value;
		else if (s.name === name + '_count') g.count = s.value;
		else die('histogram', `unexpected sample ${s.name} in histogram ${name}`);
	}
	for (const [k, g] of Object.entries(groups)) {
		const b = g.buckets;
		if (!b.length || b[b.length - 1][0] !== Infinity) die('histogram', `${name}${k}: no +Inf bucket last`);
		for (let i = 1; i < b.length; i++) {
			if (!(b[i][0] > b[i - 1][0])) die('histogram', `${name}${k}: le not increasing`);
			if (b[i][1] < b[i - 1][1]) die('histogram', `${name}${k}: buckets not cumulative`);
		}
		if (g.count === null || g.sum === null) die('histogram', `${name}${k}: missing _sum or _count`);
		if (b[b.length - 1][1] !== g.count) die('histogram', `${name}${k}: +Inf bucket != _count`);
	}
}
console.log(JSON.stringify({ families }));
