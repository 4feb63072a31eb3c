#!/usr/bin/env node
// dns-server.js - a tiny authoritative DNS server for tests: answers A and
// AAAA queries from a JSON file it re-reads on every query, so a test can
// change answers (CDN address churn) while it runs.
//
//   node dns-server.js --listen 127.0.0.53:53 --zone FILE [--ready-file F]
//
// FILE: {"api.openai.com": {"a": ["1.2.3.4"], "aaaa": [], "ttl": 5}, ...}
// Unknown names get NXDOMAIN; known names without records of the asked
// type get an empty NOERROR answer. Every query is appended to
// <FILE>.queries as "TYPE NAME".
'use strict';
const dgram = require('dgram');
const fs = require('fs');
const net = require('net');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].slice(2)] = process.argv[i + 1];
const m = /^(.*):(\d+)$/.exec(args.listen || '');
if (!m || !args.zone) {
  console.error('usage: dns-server.js --listen HOST:PORT --zone FILE [--ready-file F]');
  process.exit(2);
}

function readName(buf, off) {
  const labels = [];
  while (buf[off] !== 0) {
    labels.push(buf.toString('ascii', off + 1, off + 1 + buf[off]));
    off += 1 + buf[off];
  }
  return [labels.join('.').toLowerCase(), off + 1];
}

function answer(q) {
  const id = q.readUInt16BE(0);
  const [name, end] = readName(q, 12);
  const qtype = q.readUInt16BE(end);
  const question = q.subarray(12, end + 4);
  let zone = {};
  try { zone = JSON.parse(fs.readFileSync(args.zone, 'utf8')); } catch (e) { /* empty zone */ }
  fs.appendFileSync(args.zone + '.queries', `${qtype === 28 ? 'AAAA' : qtype === 1 ? 'A' : qtype} ${name}\n`);
  const entry = zone[name];
  const rrs = [];
  if (entry) {
    const ttl = entry.ttl ?? 60;
    const list = qtype === 1 ? (entry.a || []) : qtype === 28 ? (entry.aaaa || []) : [];
    for (const ip of list) {
      const rdata = qtype === 1 ? Buffer.from(ip.split('.').map(Number))
        : Buffer.from(ip6bytes(ip));
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0); // pointer to the question name
      rr.writeUInt16BE(qtype, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(ttl, 6);
      rr.writeUInt16BE(rdata.length, 10);
      rrs.push(rr, rdata);
    }
  }
  const hdr = Buffer.alloc(12);
  hdr.writeUInt16BE(id, 0);
  hdr.writeUInt16BE(0x8400 | (entry ? 0 : 3), 2); // response, authoritative, NOERROR/NXDOMAIN
  hdr.writeUInt16BE(1, 4);
  hdr.writeUInt16BE(rrs.length / 2, 6);
  return Buffer.concat([hdr, question, ...rrs]);
}

function ip6bytes(ip) {
  const [head, tail] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = [];
  for (const g of groups) { const v = parseInt(g, 16); out.push(v >> 8, v & 255); }
  return out;
}

const sock = dgram.createSocket(net.isIPv6(m[1]) ? 'udp6' : 'udp4');
sock.on('message', (msg, rinfo) => {
  try { sock.send(answer(msg), rinfo.port, rinfo.address); } catch (e) { /* malformed query */ }
});
sock.bind(Number(m[2]), m[1], () => {
  if (args['ready-file']) fs.writeFileSync(args['ready-file'], 'ready\n');
});
process.on('SIGTERM', () => process.exit(0));
