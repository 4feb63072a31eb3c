#!/usr/bin/env node
/*
 * otlp-receiver.js - a minimal OTLP/HTTP JSON receiver for tollgate's tests.
 * Node built-ins only.
 *
 *   node otlp-receiver.js --listen HOST:PORT --record FILE
 *
 * POST /v1/traces with Content-Type application/json: every span of the
 * ExportTraceServiceRequest is appended to FILE as one JSON line
 * {"resource": {attributes as an object}, "scope": name, "span": {...},
 *  "attrs": {attributes as an object}}; the answer is 200 {"partialSuccess":{}}.
 * Anything else gets 404 / 415 / 400. A body that is not a valid
 * ExportTraceServiceRequest is refused with 400 (and logged), so a malformed
 * export makes the test fail instead of passing silently.
 */
'use strict';
const http = require('http');
const fs = require('fs');

const args = process.argv.slice(2);
const opt = (name) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const listen = opt('--listen') || '127.0.0.1:4318';
const record = opt('--record');
if (!record) {
	console.error('usage: otlp-receiver.js --listen HOST:PORT --record FILE');
	process.exit(2);
}

// OTLP/JSON AnyValue -> a plain JS value
function anyValue(v) {
	if (!v || typeof v !== 'object') throw new Error('AnyValue is not an object');
	if ('stringValue' in v) return v.stringValue;
	if ('boolValue' in v) return v.boolValue;
	if ('intValue' in v) {
		const s = String(v.intValue);
		if (!/^-?\d+$/.test(s)) throw new Error(`intValue ${s} is not an integer`);
		return Number(s);
	}
	if ('doubleValue' in v) return Number(v.doubleValue);
	if ('arrayValue' in v) return (v.arrayValue.values || []).map(anyValue);
	if ('kvlistValue' in v) return attrs(v.kvlistValue.values || []);
	throw new Error(`unknown AnyValue ${JSON.stringify(v)}`);
}

function attrs(list) {
	if (!Array.isArray(list)) throw new Error('attributes is not an array');
	const o = {};
	for (const kv of list) {
		if (typeof kv.key !== 'string') throw new Error('attribute without a key');
		if (kv.key in o) throw new Error(`duplicate attribute ${kv.key}`);
		o[kv.key] = anyValue(kv.value);
	}
	return o;
}

const hex = (s, n) => typeof s === 'string' && s.length === n && /^[0-9a-f]+$/.test(s);
const nanos = (s) => typeof s === 'string' && /^\d+$/.test(s);

function check(span) {
	if (!hex(span.traceId, 32)) throw new Error(`bad traceId ${span.traceId}`);
	if (!hex(span.spanId, 16)) throw new Error(`bad spanId ${span.spanId}`);
	if ('parentSpanId' in span && !hex(span.parentSpanId, 16)) throw new Error(`bad parentSpanId`);
	if (typeof span.name !== 'string' || !span.name) throw new Error('span without a name');
	if (!nanos(span.startTimeUnixNano) || !nanos(span.endTimeUnixNano)) throw new Error('bad times');
	if (BigInt(span.endTimeUnixNano) < BigInt(span.startTimeUnixNano)) throw new Error('ends before it starts');
	for (const e of span.events || []) {
		if (!nanos(e.timeUnixNano) || typeof e.name !== 'string') throw new Error('bad span event');
		attrs(e.attributes || []);
	}
}

const [host, port] = [listen.slice(0, listen.lastIndexOf(':')), Number(listen.slice(listen.lastIndexOf(':') + 1))];
const server = http.createServer((req, res) => {
	let body = '';
	req.setEncoding('utf8');
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		if (req.method !== 'POST' || req.url !== '/v1/traces') {
			res.writeHead(404).end();
			return;
		}
		if (!String(req.headers['content-type']).startsWith('application/json')) {
			res.writeHead(415).end();
			return;
		}
		const lines = [];
		try {
			const msg = JSON.parse(body);
			if (!Array.isArray(msg.resourceSpans)) throw new Error('no resourceSpans');
			for (const rs of msg.resourceSpans) {
				const resource = attrs(rs.resource.attributes || []);
				for (const ss of rs.scopeSpans) {
					for (const span of ss.spans) {
						check(span);
						lines.push(JSON.stringify({ resource, scope: ss.scope.name, headers: req.headers,
							span, attrs: attrs(span.attributes || []) }));
					}
				}
			}
		} catch (e) {
			console.error(`rejected: ${e.message}`);
			res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: e.message }));
			return;
		}
		fs.appendFileSync(record, lines.map((l) => l + '\n').join(''));
		console.log(`received ${lines.length} spans`);
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"partialSuccess":{}}');
	});
});
server.listen(port, host, () => console.log(`otlp receiver on ${listen}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
