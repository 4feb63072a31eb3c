#!/usr/bin/env node
// meter-load.mjs - many concurrent clients of the OpenAI chat API, with
// node's https module (no SDK: each client is its own connection), for the
// metering tests.
//
//   node meter-load.mjs --clients N [--loop] [--stream] [--model M]
//        [--max-tokens N] [--message TEXT] [--max-calls N]
//
// Without --loop each client makes one call. With --loop each client calls
// until it gets a 402, retrying after a 429 (Retry-After, at most 1 s) and
// giving up after --max-calls calls (default 60). Prints one JSON object:
//   {"codes": {"200": n, "402": n, ...}, "final": [per-client last status],
//    "completed": streams that got their last chunk and [DONE] (or plain
//    calls answered 200), "errors": connection errors, "retry_after_seen": bool}
import https from 'node:https';

const args = { clients: 1, loop: false, stream: false, model: 'gpt-4o-mini', 'max-tokens': 16,
  message: 'hello tollgate', 'max-calls': 60 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '');
  if (k === 'loop' || k === 'stream') args[k] = true;
  else if (k in args) args[k] = typeof args[k] === 'number' ? Number(argv[++i]) : argv[++i];
  else { process.stderr.write(`unknown option ${argv[i]}\n`); process.exit(2); }
}

const agent = new https.Agent({ keepAlive: false, maxSockets: Infinity });
const codes = {};
let completed = 0;
let errors = 0;
let retryAfterSeen = false;

function call() {
  const body = JSON.stringify({ model: args.model, max_tokens: args['max-tokens'], stream: args.stream,
    messages: [{ role: 'user', content: args.message }] });
  return new Promise((resolve) => {
    const req = https.request({ host: 'api.openai.com', port: 443, path: '/v1/chat/completions', method: 'POST',
      agent, timeout: 30000, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-load-0001',
        'content-length': Buffer.byteLength(body) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        if (res.statusCode === 200 && (!args.stream || data.includes('data: [DONE]'))) completed++;
        if (res.headers['retry-after']) retryAfterSeen = true;
        resolve({ status: res.statusCode, retryAfter: Number(res.headers['retry-after'] || 0) });
      });
      res.on('error', () => { errors++; resolve({ status: 0 }); });
    });
    req.on('error', () => { errors++; resolve({ status: 0 }); });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

async function client() {
  let last = 0;
  for (let n = 0; n < (args.loop ? args['max-calls'] : 1); n++) {
    const r = await call();
    last = r.status;
    codes[r.status] = (codes[r.status] || 0) + 1;
    if (!args.loop || r.status === 402 || r.status === 0) break;
    if (r.status === 429) await new Promise((ok) => setTimeout(ok, Math.min(1000, (r.retryAfter || 1) * 200)));
  }
  return last;
}

const final = await Promise.all(Array.from({ length: args.clients }, client));
process.stdout.write(JSON.stringify({ codes, final, completed, errors, retry_after_seen: retryAfterSeen }) + '\n');
