#!/usr/bin/env node
// websocket.mjs - a minimal WebSocket client over TLS (Node 20 has no
// built-in one): upgrade, send one text message, print the reply.
//
//   node websocket.mjs --connect HOST:PORT --servername NAME --ca FILE --path /v1/realtime --text hello
//
// Prints {"status": <101 or the refusal status>, "reply": TEXT|null}.
import tls from 'node:tls';
import fs from 'node:fs';
import crypto from 'node:crypto';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? acc.concat([[a.slice(2), all[i + 1]]]) : acc), []));
const m = /^\[?([^\]]+)\]?:(\d+)$/.exec(args.connect || '');
const key = crypto.randomBytes(16).toString('base64');
const s = tls.connect({ host: m[1], port: Number(m[2]), servername: args.servername,
  ca: fs.readFileSync(args.ca), ALPNProtocols: ['http/1.1'] }, () => {
  s.write(`GET ${args.path} HTTP/1.1\r\nHost: ${args.servername}\r\nUpgrade: websocket\r\n` +
    `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
    'Authorization: Bearer sk-test-ws-0001\r\n\r\n');
});
let buf = Buffer.alloc(0), status = null;
const finish = (reply) => { console.log(JSON.stringify({ status, reply })); s.destroy(); process.exit(0); };
setTimeout(() => finish(null), 5000);
s.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  if (status === null) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    status = Number(buf.toString('latin1', 0, end).split(' ')[1]);
    buf = buf.subarray(end + 4);
    if (status !== 101) return finish(null);
    const payload = Buffer.from(args.text), mask = crypto.randomBytes(4);
    const masked = Buffer.from(payload.map((b, i) => b ^ mask[i & 3]));
    s.write(Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]));
  }
  if (buf.length >= 2 && buf.length >= 2 + (buf[1] & 0x7f)) finish(buf.toString('utf8', 2, 2 + (buf[1] & 0x7f)));
});
s.on('error', (e) => { console.log(JSON.stringify({ status, reply: null, error: e.message })); process.exit(0); });
