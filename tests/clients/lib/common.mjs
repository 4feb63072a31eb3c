// common.mjs - shared plumbing for the SDK client scripts in tests/clients/.
//
// Every client is a small CLI that drives an unmodified SDK against the real
// provider hostname (the caller maps the name to a test address and sets
// NODE_EXTRA_CA_CERTS) and prints exactly one JSON object on stdout:
//
//   success:  {"ok":true, "stream":bool, "content":TEXT, "usage":{...}|null,
//              "model":..., "id":..., "elapsed_ms":N,
//              for streams also: "chunks":[{"t":MS,"delta":TEXT},...],
//              "first_chunk_ms":N, "last_chunk_ms":N, "spread_ms":N}
//              (t is ms since the client started the request; only chunks
//              that carry text are listed)
//   failure:  {"ok":false, "error":{"status":N|null, "message":..., "type":...,
//              "code":..., "cause":...}, "elapsed_ms":N}
//
// Exit codes: 0 success; 3 the API answered with an HTTP error (status set);
// 4 any other failure (connection refused/reset, TLS verification, timeout,
// a stream cut mid-way: status null, cause names the low-level error code);
// 2 bad command line.
//
// Common options (each client documents its extras):
//   --message TEXT   the user message (default "Say hello.")
//   --model NAME     model (each client has a default)
//   --stream         stream the answer
//   --system TEXT    a system prompt
//   --api-key KEY    API key (default a fake "sk-test-..." style key)
//   --timeout-ms N   SDK request timeout (default 20000)
// SDK retries are always off (maxRetries 0 or the SDK's equivalent).

import { performance } from 'node:perf_hooks';

export function parseArgs(argv, spec = {}) {
  // spec: { name: 'bool' | 'string' | 'number' }, merged with the common ones.
  const all = Object.assign({
    message: 'string', model: 'string', stream: 'bool', system: 'string',
    'api-key': 'string', 'timeout-ms': 'number',
  }, spec);
  const out = { message: 'Say hello.', stream: false, 'timeout-ms': 20000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) usage(`unexpected argument ${a}`);
    let name = a.slice(2);
    let val;
    const eq = name.indexOf('=');
    if (eq >= 0) { val = name.slice(eq + 1); name = name.slice(0, eq); }
    if (name.startsWith('no-') && all[name.slice(3)] === 'bool') {
      out[name.slice(3)] = false;
      continue;
    }
    const kind = all[name];
    if (!kind) usage(`unknown option --${name}`);
    if (kind === 'bool') { out[name] = true; continue; }
    if (val === undefined) {
      if (i + 1 >= argv.length) usage(`--${name} needs a value`);
      val = argv[++i];
    }
    if (kind === 'number') {
      const n = Number(val);
      if (!Number.isFinite(n)) usage(`--${name} needs a number`);
      out[name] = n;
    } else {
      out[name] = val;
    }
  }
  return out;
}

function usage(msg) {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

export class Timer {
  constructor() { this.t0 = performance.now(); this.chunks = []; }
  ms() { return Math.round((performance.now() - this.t0) * 10) / 10; }
  chunk(delta) { if (delta) this.chunks.push({ t: this.ms(), delta }); }
  streamFields() {
    const c = this.chunks;
    const first = c.length ? c[0].t : null;
    const last = c.length ? c[c.length - 1].t : null;
    return { chunks: c, chunk_count: c.length, first_chunk_ms: first, last_chunk_ms: last,
      spread_ms: c.length ? Math.round((last - first) * 10) / 10 : 0 };
  }
}

export function print(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function lowLevelCause(err, hasStatus) {
  // Walk .cause links to the deepest error with a code (ECONNREFUSED,
  // SELF_SIGNED_CERT_IN_CHAIN, ERR_TLS_CERT_ALTNAME_INVALID, UND_ERR_SOCKET, ...).
  // An HTTP error (status set) has no low-level cause: its codes are the API's.
  if (hasStatus) return null;
  let e = err;
  let found = null;
  for (let i = 0; e && i < 8; i++) {
    if (e.code && typeof e.code === 'string') found = { code: e.code, message: e.message };
    e = e.cause;
  }
  if (!found && err && err.cause && err.cause.message) found = { code: null, message: err.cause.message };
  return found;
}

// Report an error and exit. info: {status, message, type, code} extracted by
// the client from its SDK's error class; null fields are fine.
export function fail(timer, err, info = {}) {
  const status = Number.isInteger(info.status) ? info.status : null;
  const cause = lowLevelCause(err, status !== null);
  print({ ok: false, error: {
    status,
    message: info.message || (err && err.message) || String(err),
    type: info.type === undefined ? null : info.type,
    code: info.code === undefined ? null : info.code,
    cause: cause ? `${cause.code ? cause.code + ': ' : ''}${cause.message}` : null,
    cause_code: cause ? cause.code : null,
    name: err && err.name ? err.name : null,
  }, elapsed_ms: timer.ms() });
  process.exit(status ? 3 : 4);
}

// Run main(), turning any throw into fail(). toInfo(err) maps an SDK error.
export async function run(main, toInfo = () => ({})) {
  const timer = new Timer();
  try {
    const result = await main(timer);
    print(Object.assign({ ok: true }, result, { elapsed_ms: timer.ms() }));
    process.exit(0);
  } catch (err) {
    let info = {};
    try { info = toInfo(err) || {}; } catch (e) { info = {}; }
    fail(timer, err, info);
  }
}

// For SDKs built on the Stainless generator (openai, @anthropic-ai/sdk):
// APIError has status, error (the body's error object), type, code.
export function stainlessInfo(err) {
  const body = err && err.error;
  const inner = body && body.error && typeof body.error === 'object' ? body.error : body;
  return {
    status: err && err.status,
    message: (inner && inner.message) || (err && err.message),
    type: (inner && inner.type) || (err && err.type) || null,
    code: (inner && inner.code) || (err && err.code) || null,
  };
}
