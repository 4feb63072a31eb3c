#!/usr/bin/env node
// raw-tls.mjs - send raw bytes over TLS and print what comes back: for
// tests that need malformed HTTP no real client would send.
//
//   node raw-tls.mjs --connect HOST:PORT --servername NAME --ca FILE < request
//
// Prints {"response": TEXT, "closed": bool} once the server closes or 3 s
// pass without new data. Escapes in the input are not interpreted: send
// exactly the bytes you mean.
import tls from 'node:tls';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  (a.startsWith('--') ? acc.concat([[a.slice(2), all[i + 1]]]) : acc), []));
const m = /^\[?([^\]]+)\]?:(\d+)$/.exec(args.connect || '');
if (!m || !args.servername || !args.ca) {
  console.error('usage: raw-tls.mjs --connect HOST:PORT --servername NAME --ca FILE < request');
  process.exit(2);
}
const request = fs.readFileSync(0);
let response = Buffer.alloc(0);
let timer;
const done = (closed) => {
  clearTimeout(timer);
  console.log(JSON.stringify({ response: response.toString('latin1'), closed }));
  process.exit(0);
};
const s = tls.connect({ host: m[1], port: Number(m[2]), servername: args.servername,
  ca: fs.readFileSync(args.ca), ALPNProtocols: ['http/1.1'] }, () => s.write(request));
const arm = () => { clearTimeout(timer); timer = setTimeout(() => { s.destroy(); done(false); }, 3000); };
arm();
s.on('data', (d) => { response = Buffer.concat([response, d]); arm(); });
s.on('end', () => done(true));
s.on('close', () => done(true));
s.on('error', (e) => { if (!response.length) response = Buffer.from(`error ${e.code || e.message}`); done(true); });
