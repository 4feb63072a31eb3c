#!/usr/bin/env node
/*
 * mock-provider.js - a local mock of the LLM provider APIs, for tollgate's
 * integration tests. Node built-ins only (no npm dependencies).
 *
 * It speaks HTTPS/1.1 with the real wire formats of:
 *   OpenAI (and the OpenAI-compatible providers: Mistral, Groq, DeepSeek, xAI,
 *   OpenRouter, Together, Fireworks)
 *     POST /v1/chat/completions     plain, and stream (SSE "data: {...}\n\n",
 *                                   "data: [DONE]\n\n"); stream_options.
 *                                   include_usage adds a last usage-only chunk
 *                                   with "choices": []
 *     POST /v1/completions          legacy completions, plain and stream
 *     POST /v1/embeddings           float or base64 (encoding_format)
 *     POST /v1/responses            Responses API, plain and stream (typed
 *                                   events "event: response.created" ...
 *                                   "response.completed" carrying usage)
 *     GET  /v1/models
 *     The same under the prefixes the compatible providers use: "" (DeepSeek),
 *     /openai/v1 (Groq, Azure v1), /api/v1 (OpenRouter), /inference/v1
 *     (Fireworks).
 *   Azure OpenAI
 *     POST /openai/deployments/{dep}/{chat/completions|completions|embeddings}
 *          ?api-version=...       OpenAI formats plus Azure's content-filter
 *                                 fields (a stream starts with a chunk whose
 *                                 "choices" is [] and that carries
 *                                 prompt_filter_results, as Azure does)
 *   Anthropic
 *     POST /v1/messages               plain, and stream (message_start with
 *                                     usage.input_tokens / cache_*_input_tokens
 *                                     and output_tokens 1, content_block_start,
 *                                     ping, content_block_delta text_delta...,
 *                                     content_block_stop, message_delta with
 *                                     the final cumulative usage.output_tokens,
 *                                     message_stop)
 *     POST /v1/messages/count_tokens
 *     GET  /v1/models                 (when Host is api.anthropic.com or an
 *                                     anthropic-version header is sent)
 *   Gemini
 *     POST /v1beta/models/{model}:generateContent
 *     POST /v1beta/models/{model}:streamGenerateContent?alt=sse
 *          ("data: {...}\r\n\r\n" chunks, each with candidates and a
 *          cumulative usageMetadata; the last one is authoritative)
 *          without alt=sse: one JSON array, streamed element by element
 *     GET  /v1beta/models               (and the same under /v1/)
 *   GET /mock/health -> 200 "ok" (never recorded)
 *   anything else -> 404 in the error shape of the provider the Host names
 *   (OpenAI's when the Host is not a known provider).
 *
 * CLI
 *   --listen HOST:PORT     repeatable; IPv6 as [::1]:443 (default 127.0.0.1:8443)
 *   --cert FILE --key FILE server certificate (one cert with SANs for every
 *                          provider hostname, see tests/integration/testca.sh)
 *   --record FILE          append one JSON line per request (see below)
 *   --ready-file FILE      written (atomically) once every listener is up;
 *                          contains {"pid":..,"listen":[...]}
 *   --chunk-delay-ms N     delay between SSE events (default 50)
 *   --delta-chars N        characters per text delta in streams (default 4)
 *   --no-auth-check        do not answer 401 when the API key header is missing
 *
 * Recorded line (JSON): {time, method, path, query (object), url (as sent),
 *   http_version, headers (all, lowercased; repeated ones joined by ", "),
 *   raw_headers ([name, value, ...] as sent: original case and order),
 *   body (string as received), body_json (bool), remote_address,
 *   remote_port, local_address, local_port, sni (the TLS server name the
 *   client sent, or null), alpn, tls_version, provider, endpoint, stream,
 *   status}. "status" is the status the mock decided to answer with. The line is
 *   written before the response starts, so a client that got an answer can
 *   read its request in the file.
 *
 * Deterministic token counts (so tests can compute costs exactly):
 *   words(s) = number of whitespace-separated words in s.
 *   input  = sum of words() over every text the model would read: all message
 *            contents (string or text parts) of every role, the system prompt
 *            (Anthropic "system", Gemini "systemInstruction", Responses
 *            "instructions"); for embeddings/completions the input/prompt
 *            strings (a token-id array counts one per id). Roles, tool
 *            definitions, images are not counted. The MOCK_* words count too.
 *   output = words(reply text).
 *   OpenAI: prompt_tokens=input, completion_tokens=output, total=sum;
 *     prompt_tokens_details.cached_tokens = the MOCK_CACHE read count.
 *   Responses: input_tokens, output_tokens, total_tokens likewise.
 *   Anthropic: input_tokens=input, output_tokens=output, cache_creation_input_
 *     tokens / cache_read_input_tokens from MOCK_CACHE (default 0). As with
 *     the real API, message_start says output_tokens 1 and message_delta
 *     carries the final count.
 *   Gemini: promptTokenCount=input, candidatesTokenCount=output,
 *     totalTokenCount=sum (cachedContentTokenCount = MOCK_CACHE read when set).
 *     Stream chunks carry cumulative counts (words of the text sent so far).
 *   Embeddings: prompt_tokens = total_tokens = input.
 *
 * Default reply: "Hello from the mock <Provider>." where Provider is OpenAI,
 * Azure OpenAI, Anthropic, Gemini, Mistral, Groq, DeepSeek, xAI, OpenRouter,
 * Together or Fireworks (by Host; OpenAI when unknown). Streams split the reply
 * into deltas of --delta-chars characters ("Hell","o fr","om t",...).
 *
 * Control hooks, read from the last user message (OpenAI/Azure: last "user"
 * message; Responses: "input" string or last user item; completions: prompt;
 * embeddings: last input string; Anthropic: last "user" message; Gemini: last
 * "user" content):
 *   MOCK_REPLY:<text>     reply with <text> (everything up to the end of the
 *                         message; put it last). Hooks are only looked for
 *                         before MOCK_REPLY:, so <text> may contain anything.
 *   MOCK_REPLY_HEX:<hex>  reply with the UTF-8 text these hex digits encode
 *                         (for replies the request must not carry as text,
 *                         e.g. PII the redaction tests expect in a response)
 *   MOCK_STATUS:<code>    answer with that HTTP status (400-599), in the
 *                         provider's error shape (429/503/529 also carry
 *                         retry-after: 1)
 *   MOCK_SLOW:<ms>        wait <ms> before the first byte
 *   MOCK_CUT              stop mid-way: after about half of the text deltas
 *                         (plain responses: half of the body) destroy the
 *                         socket; no final usage, no [DONE]
 *   MOCK_CACHE:<c>:<r>    report <c> cache-creation and <r> cache-read input
 *                         tokens: Anthropic cache_creation_input_tokens and
 *                         cache_read_input_tokens (on top of input_tokens, as
 *                         Anthropic counts them); OpenAI cached_tokens and
 *                         Gemini cachedContentTokenCount get <r> (a part of
 *                         the prompt count there: keep <r> <= input)
 *   MOCK_MODEL:<name>     answer with "model": <name> instead of the
 *                         requested model
 *   MOCK_GATE:<path>      in a stream, send the first event (or array
 *                         element), then wait until the file <path> exists
 *                         (at most 30 s) before sending the rest
 *   MOCK_PRETTY           Gemini without alt=sse: elements pretty-printed
 *                         and separated as the real API does
 *                         ("[{\n  ...\n}\r\n,\r\n{...}\r\n]")
 *
 * Auth (unless --no-auth-check): 401 in the provider's shape when there is no
 * key: OpenAI "authorization: Bearer ...", Azure "api-key" or bearer,
 * Anthropic "x-api-key" or bearer, Gemini "x-goog-api-key" or ?key=.
 *
 * Exits 0 on SIGTERM/SIGINT after closing its listeners and connections.
 */
'use strict';

const https = require('https');
const fs = require('fs');
const url = require('url');
const crypto = require('crypto');

// ---------------------------------------------------------------- options

function usage(msg) {
  if (msg) process.stderr.write(`mock-provider: ${msg}\n`);
  process.stderr.write(
    'usage: mock-provider.js --cert FILE --key FILE [--listen HOST:PORT]... ' +
    '[--record FILE] [--ready-file FILE] [--chunk-delay-ms N] [--delta-chars N] [--no-auth-check]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { listen: [], cert: null, key: null, record: null, readyFile: null,
    chunkDelayMs: 50, deltaChars: 4, authCheck: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--listen': o.listen.push(val()); break;
      case '--cert': o.cert = val(); break;
      case '--key': o.key = val(); break;
      case '--record': o.record = val(); break;
      case '--ready-file': o.readyFile = val(); break;
      case '--chunk-delay-ms': o.chunkDelayMs = Number(val()); break;
      case '--delta-chars': o.deltaChars = Number(val()); break;
      case '--no-auth-check': o.authCheck = false; break;
      case '-h': case '--help': usage();
      // fall through (usage exits)
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!o.cert || !o.key) usage('--cert and --key are required');
  if (!Number.isFinite(o.chunkDelayMs) || o.chunkDelayMs < 0) usage('bad --chunk-delay-ms');
  if (!Number.isInteger(o.deltaChars) || o.deltaChars < 1) usage('bad --delta-chars');
  if (o.listen.length === 0) o.listen.push('127.0.0.1:8443');
  o.listen = o.listen.map((s) => {
    const m = /^\[([^\]]+)\]:(\d+)$/.exec(s) || /^([^:]+):(\d+)$/.exec(s);
    if (!m) usage(`bad --listen ${s} (want HOST:PORT or [V6]:PORT)`);
    return { host: m[1], port: Number(m[2]), text: s };
  });
  return o;
}

const opts = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- helpers

const PROVIDER_NAMES = [
  [/(^|\.)openai\.azure\.com$/, 'Azure OpenAI'],
  [/^api\.openai\.com$/, 'OpenAI'],
  [/^api\.anthropic\.com$/, 'Anthropic'],
  [/^generativelanguage\.googleapis\.com$/, 'Gemini'],
  [/^api\.mistral\.ai$/, 'Mistral'],
  [/^api\.groq\.com$/, 'Groq'],
  [/^api\.deepseek\.com$/, 'DeepSeek'],
  [/^api\.x\.ai$/, 'xAI'],
  [/^openrouter\.ai$/, 'OpenRouter'],
  [/^api\.together\.xyz$/, 'Together'],
  [/^api\.fireworks\.ai$/, 'Fireworks'],
];

function hostOf(req) {
  const h = (req.headers.host || req.socket.servername || '').toLowerCase();
  return h.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

function providerName(host) {
  for (const [re, name] of PROVIDER_NAMES) if (re.test(host)) return name;
  return null;
}

function words(s) {
  if (typeof s !== 'string') return 0;
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function randId(n) {
  return crypto.randomBytes(n).toString('hex');
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function nowS() {
  return Math.floor(Date.now() / 1000);
}

// Text of an OpenAI/Anthropic/Responses "content": a string or an array of
// parts; only text parts count.
function contentText(c) {
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) {
    return c.map((p) => {
      if (typeof p === 'string') return p;
      if (p && typeof p.text === 'string' &&
          (p.type === undefined || /text$/.test(p.type))) return p.text;
      return '';
    }).filter((x) => x !== '').join(' ');
  }
  return '';
}

function geminiText(content) {
  if (!content || !Array.isArray(content.parts)) return '';
  return content.parts.map((p) => (p && typeof p.text === 'string' ? p.text : ''))
    .filter((x) => x !== '').join(' ');
}

// Parse the control hooks out of the last user text.
function parseHooks(text) {
  const h = { reply: null, status: null, slowMs: 0, cut: false, cacheCreate: 0,
    cacheRead: 0, cacheSet: false, model: null };
  if (typeof text !== 'string') return h;
  let before = text;
  const ri = text.indexOf('MOCK_REPLY:');
  if (ri >= 0) {
    h.reply = text.slice(ri + 'MOCK_REPLY:'.length);
    before = text.slice(0, ri);
  }
  let m;
  if (h.reply === null && (m = /MOCK_REPLY_HEX:((?:[0-9a-fA-F]{2})+)/.exec(text))) {
    h.reply = Buffer.from(m[1], 'hex').toString('utf8');
    before = text.slice(0, m.index);
  }
  if ((m = /MOCK_STATUS:([45]\d\d)/.exec(before))) h.status = Number(m[1]);
  if ((m = /MOCK_SLOW:(\d+)/.exec(before))) h.slowMs = Number(m[1]);
  if (/MOCK_CUT\b/.test(before)) h.cut = true;
  if ((m = /MOCK_CACHE:(\d+):(\d+)/.exec(before))) {
    h.cacheCreate = Number(m[1]);
    h.cacheRead = Number(m[2]);
    h.cacheSet = true;
  }
  if ((m = /MOCK_MODEL:(\S+)/.exec(before))) h.model = m[1];
  if ((m = /MOCK_GATE:(\S+)/.exec(before))) h.gate = m[1];
  if (/MOCK_PRETTY\b/.test(before)) h.pretty = true;
  return h;
}

// Wait until a file exists (MOCK_GATE), at most ms.
async function waitFile(path, ms) {
  for (let waited = 0; waited < ms && !fs.existsSync(path); waited += 20) await sleep(20);
}

function splitDeltas(text, n) {
  const out = [];
  const chars = Array.from(text); // do not split surrogate pairs
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

// ---------------------------------------------------------------- errors

const OPENAI_ERR = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  403: ['permission_denied', 'unsupported_country_region_territory'],
  404: ['invalid_request_error', 'not_found'],
  409: ['invalid_request_error', 'conflict'],
  413: ['invalid_request_error', 'request_too_large'],
  422: ['invalid_request_error', null],
  429: ['requests', 'rate_limit_exceeded'],
  500: ['server_error', null],
  502: ['server_error', null],
  503: ['server_error', 'service_unavailable'],
  504: ['server_error', null],
};
const ANTHROPIC_ERR = {
  400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error',
  500: 'api_error', 502: 'api_error', 503: 'api_error', 504: 'timeout_error',
  529: 'overloaded_error',
};
const GEMINI_STATUS = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND', 409: 'ABORTED', 429: 'RESOURCE_EXHAUSTED', 499: 'CANCELLED',
  500: 'INTERNAL', 501: 'NOT_IMPLEMENTED', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

// Reason phrases Node does not know.
const STATUS_TEXT = { 529: 'Site Overloaded' };

function errorBody(shape, status, message, opt = {}) {
  if (shape === 'anthropic') {
    return { type: 'error',
      error: { type: opt.type || ANTHROPIC_ERR[status] || (status >= 500 ? 'api_error' : 'invalid_request_error'),
        message } };
  }
  if (shape === 'gemini') {
    return { error: { code: status, message,
      status: opt.type || GEMINI_STATUS[status] || (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION') } };
  }
  const [type, code] = OPENAI_ERR[status] || [status >= 500 ? 'server_error' : 'invalid_request_error', null];
  return { error: { message, type: opt.type || type, param: opt.param === undefined ? null : opt.param,
    code: opt.code === undefined ? code : opt.code } };
}

// ---------------------------------------------------------------- routing

// Returns {shape, endpoint, model, deployment} or null.
//   shape: openai | azure | anthropic | gemini
function route(req, u) {
  const p = u.pathname.replace(/\/+$/, '') || '/';
  const host = hostOf(req);
  let r;
  if ((r = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|completions|embeddings)$/.exec(p))) {
    return { shape: 'azure', endpoint: r[2], deployment: decodeURIComponent(r[1]), method: 'POST' };
  }
  if ((r = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/.exec(p))) {
    return { shape: 'gemini', endpoint: r[3], model: decodeURIComponent(r[2]), method: 'POST' };
  }
  if (/^\/(v1beta|v1alpha)\/models$/.test(p) || (p === '/v1/models' && /googleapis\.com$/.test(host))) {
    return { shape: 'gemini', endpoint: 'models', method: 'GET' };
  }
  if (p === '/v1/messages') return { shape: 'anthropic', endpoint: 'messages', method: 'POST' };
  if (p === '/v1/messages/count_tokens') return { shape: 'anthropic', endpoint: 'count_tokens', method: 'POST' };
  if (p === '/v1/models' && (host === 'api.anthropic.com' || req.headers['anthropic-version'])) {
    return { shape: 'anthropic', endpoint: 'models', method: 'GET' };
  }
  if ((r = /^(|\/v1|\/openai\/v1|\/api\/v1|\/inference\/v1)\/(chat\/completions|completions|embeddings|responses|models)$/.exec(p))) {
    const shape = /openai\.azure\.com$/.test(host) ? 'azure' : 'openai';
    return { shape, endpoint: r[2], method: r[2] === 'models' ? 'GET' : 'POST' };
  }
  return null;
}

function shapeForHost(host) {
  if (host === 'api.anthropic.com') return 'anthropic';
  if (/googleapis\.com$/.test(host)) return 'gemini';
  return 'openai';
}

// ---------------------------------------------------------------- requests

function lastUserText(rt, body) {
  if (!body || typeof body !== 'object') return '';
  const lastRole = (msgs, roleKey = 'role', userRoles = ['user']) => {
    if (!Array.isArray(msgs)) return null;
    for (let i = msgs.length - 1; i >= 0; i--) {
      const x = msgs[i];
      if (x && (x[roleKey] === undefined || userRoles.includes(x[roleKey]))) return x;
    }
    return null;
  };
  switch (rt.shape) {
    case 'openai': case 'azure':
      if (rt.endpoint === 'chat/completions') {
        const x = lastRole(body.messages);
        return x ? contentText(x.content) : '';
      }
      if (rt.endpoint === 'completions') {
        const pr = Array.isArray(body.prompt) ? body.prompt[body.prompt.length - 1] : body.prompt;
        return typeof pr === 'string' ? pr : '';
      }
      if (rt.endpoint === 'embeddings') {
        const inp = Array.isArray(body.input) ? body.input[body.input.length - 1] : body.input;
        return typeof inp === 'string' ? inp : '';
      }
      if (rt.endpoint === 'responses') {
        if (typeof body.input === 'string') return body.input;
        const x = lastRole(body.input);
        return x ? contentText(x.content) : '';
      }
      return '';
    case 'anthropic': {
      const x = lastRole(body.messages);
      return x ? contentText(x.content) : '';
    }
    case 'gemini': {
      const c = Array.isArray(body.contents) ? lastRole(body.contents) : body.contents;
      return c ? geminiText(c) : '';
    }
    default:
      return '';
  }
}

function inputTokens(rt, body) {
  if (!body || typeof body !== 'object') return 0;
  let n = 0;
  const countMsgs = (msgs) => {
    if (!Array.isArray(msgs)) return;
    for (const x of msgs) if (x) n += words(contentText(x.content));
  };
  const countList = (v) => {
    if (typeof v === 'string') n += words(v);
    else if (Array.isArray(v)) {
      for (const e of v) {
        if (typeof e === 'string') n += words(e);
        else if (typeof e === 'number') n += 1;
        else if (Array.isArray(e)) n += e.length;
      }
    }
  };
  switch (rt.shape) {
    case 'openai': case 'azure':
      if (rt.endpoint === 'chat/completions') countMsgs(body.messages);
      else if (rt.endpoint === 'completions') countList(body.prompt);
      else if (rt.endpoint === 'embeddings') countList(body.input);
      else if (rt.endpoint === 'responses') {
        if (typeof body.instructions === 'string') n += words(body.instructions);
        if (typeof body.input === 'string') n += words(body.input);
        else countMsgs(body.input);
      }
      break;
    case 'anthropic':
      n += words(contentText(body.system));
      countMsgs(body.messages);
      break;
    case 'gemini': {
      const si = body.systemInstruction || body.system_instruction;
      if (si) n += words(typeof si === 'string' ? si : geminiText(si));
      const cs = Array.isArray(body.contents) ? body.contents : (body.contents ? [body.contents] : []);
      for (const c of cs) n += words(geminiText(c));
      break;
    }
    default: break;
  }
  return n;
}

function hasKey(rt, req, u) {
  const h = req.headers;
  const bearer = /^Bearer\s+\S+/i.test(h.authorization || '');
  switch (rt.shape) {
    case 'anthropic': return !!h['x-api-key'] || bearer;
    case 'gemini': return !!h['x-goog-api-key'] || !!u.searchParams.get('key') || bearer;
    case 'azure': return !!h['api-key'] || bearer;
    default: return bearer;
  }
}

// ---------------------------------------------------------------- recording

function record(entry) {
  if (!opts.record) return;
  try {
    fs.appendFileSync(opts.record, JSON.stringify(entry) + '\n');
  } catch (e) {
    process.stderr.write(`mock-provider: cannot write record: ${e.message}\n`);
  }
}

// ---------------------------------------------------------------- responses

function baseHeaders(shape) {
  const h = { 'x-request-id': `req_${randId(16)}` };
  if (shape === 'openai' || shape === 'azure') {
    h['openai-version'] = '2020-10-01';
    h['openai-processing-ms'] = '12';
    h['openai-organization'] = 'org-mock';
    h['x-ratelimit-limit-requests'] = '10000';
    h['x-ratelimit-remaining-requests'] = '9999';
    h['x-ratelimit-limit-tokens'] = '30000000';
    h['x-ratelimit-remaining-tokens'] = '29999000';
    if (shape === 'azure') {
      h['apim-request-id'] = crypto.randomUUID();
      h['x-ms-region'] = 'Mock Region';
    }
  } else if (shape === 'anthropic') {
    h['request-id'] = `req_${randId(12)}`;
    h['anthropic-organization-id'] = crypto.randomUUID();
  } else if (shape === 'gemini') {
    h['server'] = 'scaffolding on HTTPServer2';
    h['vary'] = 'Origin, X-Origin, Referer';
  }
  return h;
}

class Responder {
  constructor(req, res, shape, hooks) {
    this.req = req;
    this.res = res;
    this.shape = shape;
    this.hooks = hooks;
    this.closed = false;
    res.on('close', () => { this.closed = true; });
  }

  async firstByteDelay() {
    if (this.hooks.slowMs > 0) await sleep(this.hooks.slowMs);
  }

  // A complete JSON response; MOCK_CUT sends half of it and then resets.
  async json(status, obj, extra = {}, allowCut = true) {
    await this.firstByteDelay();
    if (this.closed) return;
    const body = Buffer.from(JSON.stringify(obj) + '\n');
    const headers = Object.assign(baseHeaders(this.shape), {
      'content-type': 'application/json',
      'content-length': String(body.length),
    }, extra);
    if (this.shape === 'gemini') headers['content-type'] = 'application/json; charset=UTF-8';
    if (STATUS_TEXT[status]) this.res.statusMessage = STATUS_TEXT[status];
    this.res.writeHead(status, headers);
    if (allowCut && this.hooks.cut) {
      this.res.write(body.subarray(0, Math.floor(body.length / 2)));
      await sleep(opts.chunkDelayMs);
      this.res.socket && this.res.socket.destroy();
      return;
    }
    this.res.end(body);
  }

  async error(status, message, opt = {}) {
    const extra = {};
    if (status === 429 || status === 503 || status === 529) extra['retry-after'] = '1';
    await this.json(status, errorBody(this.shape, status, message, opt), extra, false);
  }

  // Stream events. events: array of strings (already framed), or the special
  // marker {cut: true} where MOCK_CUT stops the stream.
  async sse(events, contentType = 'text/event-stream; charset=utf-8') {
    await this.firstByteDelay();
    if (this.closed) return;
    this.res.writeHead(200, Object.assign(baseHeaders(this.shape), {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'connection': 'keep-alive',
    }));
    // Send the headers now, so clients see them before the first event.
    this.res.flushHeaders();
    let first = true;
    for (const ev of events) {
      if (this.closed) return;
      if (typeof ev === 'object') {
        if (ev.cut && this.hooks.cut) {
          await sleep(opts.chunkDelayMs);
          if (this.res.socket) this.res.socket.destroy();
          return;
        }
        continue;
      }
      if (!first && opts.chunkDelayMs > 0) await sleep(opts.chunkDelayMs);
      if (!first && this.hooks.gate) {
        await waitFile(this.hooks.gate, 30000);
        this.hooks.gate = null;
      }
      first = false;
      if (this.closed) return;
      this.res.write(ev);
    }
    if (!this.closed) this.res.end();
  }
}

function dataLine(obj) {
  return `data: ${JSON.stringify(obj)}\n\n`;
}

function eventLine(type, obj) {
  return `event: ${type}\ndata: ${JSON.stringify(obj)}\n\n`;
}

// Insert the MOCK_CUT marker after half of the delta events.
function withCut(list, deltaCount) {
  const out = [];
  let seen = 0;
  const half = Math.max(1, Math.floor(deltaCount / 2));
  for (const x of list) {
    out.push(x.ev);
    if (x.delta && ++seen === half) out.push({ cut: true });
  }
  return out;
}

// ------------------------------------------------ OpenAI and Azure OpenAI

const AZURE_FILTER = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

function openaiUsage(inTok, outTok, hooks) {
  return {
    prompt_tokens: inTok,
    completion_tokens: outTok,
    total_tokens: inTok + outTok,
    prompt_tokens_details: { cached_tokens: hooks.cacheRead, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0,
      accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

async function openaiChat(ctx) {
  const { rt, body, hooks, R, reply, inTok, outTok, model } = ctx;
  const azure = rt.shape === 'azure';
  const id = `chatcmpl-${randId(12)}`;
  const created = nowS();
  const fp = 'fp_mock0001';
  if (!body.stream) {
    const obj = {
      id, object: 'chat.completion', created, model,
      choices: [{ index: 0,
        message: { role: 'assistant', content: reply, refusal: null, annotations: [] },
        logprobs: null, finish_reason: 'stop' }],
      usage: openaiUsage(inTok, outTok, hooks),
      service_tier: 'default',
      system_fingerprint: fp,
    };
    if (azure) {
      obj.prompt_filter_results = [{ prompt_index: 0, content_filter_results: AZURE_FILTER }];
      obj.choices[0].content_filter_results = AZURE_FILTER;
      delete obj.service_tier;
    }
    return R.json(200, obj);
  }
  const includeUsage = !!(body.stream_options && body.stream_options.include_usage);
  const chunk = (choices, extra = {}) => {
    const c = { id, object: 'chat.completion.chunk', created, model };
    if (!azure) c.service_tier = 'default';
    c.system_fingerprint = fp;
    c.choices = choices;
    if (includeUsage) c.usage = null;
    return Object.assign(c, extra);
  };
  const list = [];
  if (azure) {
    list.push({ ev: dataLine({ choices: [], created: 0, id: '', model: '', object: '',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: AZURE_FILTER }] }) });
  }
  list.push({ ev: dataLine(chunk([{ index: 0,
    delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }])) });
  const deltas = splitDeltas(reply, opts.deltaChars);
  for (const d of deltas) {
    const ch = { index: 0, delta: { content: d }, logprobs: null, finish_reason: null };
    if (azure) ch.content_filter_results = AZURE_FILTER;
    list.push({ ev: dataLine(chunk([ch])), delta: true });
  }
  list.push({ ev: dataLine(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }])) });
  if (includeUsage) list.push({ ev: dataLine(chunk([], { usage: openaiUsage(inTok, outTok, hooks) })) });
  list.push({ ev: 'data: [DONE]\n\n' });
  return R.sse(withCut(list, deltas.length));
}

async function openaiCompletions(ctx) {
  const { body, R, reply, inTok, outTok, model } = ctx;
  const id = `cmpl-${randId(12)}`;
  const created = nowS();
  const usage = { prompt_tokens: inTok, completion_tokens: outTok, total_tokens: inTok + outTok };
  if (!body.stream) {
    return R.json(200, { id, object: 'text_completion', created, model,
      choices: [{ text: reply, index: 0, logprobs: null, finish_reason: 'stop' }],
      usage, system_fingerprint: null });
  }
  const includeUsage = !!(body.stream_options && body.stream_options.include_usage);
  const chunk = (choices, u) => {
    const c = { id, object: 'text_completion', created, choices, model, system_fingerprint: null };
    if (includeUsage) c.usage = u || null;
    return c;
  };
  const deltas = splitDeltas(reply, opts.deltaChars);
  const list = deltas.map((d) => ({ ev: dataLine(chunk([{ text: d, index: 0, logprobs: null, finish_reason: null }])), delta: true }));
  list.push({ ev: dataLine(chunk([{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }])) });
  if (includeUsage) list.push({ ev: dataLine(chunk([], usage)) });
  list.push({ ev: 'data: [DONE]\n\n' });
  return R.sse(withCut(list, deltas.length));
}

function embeddingVector(text, dims) {
  const out = new Float32Array(dims);
  let seed = crypto.createHash('sha256').update(String(text)).digest();
  for (let i = 0; i < dims; i++) {
    if (i % 32 === 0 && i > 0) seed = crypto.createHash('sha256').update(seed).digest();
    out[i] = (seed[i % 32] - 127.5) / 127.5;
  }
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dims; i++) out[i] /= norm;
  return out;
}

async function openaiEmbeddings(ctx) {
  const { body, R, inTok, model } = ctx;
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const dims = Number.isInteger(body.dimensions) && body.dimensions > 0 ? body.dimensions : 8;
  const data = inputs.map((inp, index) => {
    const v = embeddingVector(JSON.stringify(inp), dims);
    const embedding = body.encoding_format === 'base64'
      ? Buffer.from(v.buffer).toString('base64')
      : Array.from(v, (x) => Math.round(x * 1e6) / 1e6);
    return { object: 'embedding', index, embedding };
  });
  return R.json(200, { object: 'list', data, model,
    usage: { prompt_tokens: inTok, total_tokens: inTok } });
}

function responsesUsage(inTok, outTok, hooks) {
  return { input_tokens: inTok, input_tokens_details: { cached_tokens: hooks.cacheRead },
    output_tokens: outTok, output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inTok + outTok };
}

async function openaiResponses(ctx) {
  const { body, hooks, R, reply, inTok, outTok, model } = ctx;
  const id = `resp_${randId(24)}`;
  const msgId = `msg_${randId(24)}`;
  const created = nowS();
  const base = (status, output, usage) => ({
    id, object: 'response', created_at: created, status, background: false,
    error: null, incomplete_details: null,
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
    max_output_tokens: body.max_output_tokens === undefined ? null : body.max_output_tokens,
    model, output, parallel_tool_calls: true, previous_response_id: body.previous_response_id || null,
    reasoning: { effort: null, summary: null }, service_tier: 'default', store: body.store !== false,
    temperature: body.temperature === undefined ? 1.0 : body.temperature,
    text: { format: { type: 'text' } }, tool_choice: 'auto', tools: [],
    top_p: body.top_p === undefined ? 1.0 : body.top_p, truncation: 'disabled',
    usage, user: null, metadata: body.metadata || {},
  });
  const doneItem = { id: msgId, type: 'message', status: 'completed', role: 'assistant',
    content: [{ type: 'output_text', annotations: [], logprobs: [], text: reply }] };
  const usage = responsesUsage(inTok, outTok, hooks);
  if (!body.stream) return R.json(200, base('completed', [doneItem], usage));

  let seq = 0;
  const ev = (type, fields) => eventLine(type, Object.assign({ type, sequence_number: seq++ }, fields));
  const list = [];
  list.push({ ev: ev('response.created', { response: base('in_progress', [], null) }) });
  list.push({ ev: ev('response.in_progress', { response: base('in_progress', [], null) }) });
  list.push({ ev: ev('response.output_item.added', { output_index: 0,
    item: { id: msgId, type: 'message', status: 'in_progress', content: [], role: 'assistant' } }) });
  list.push({ ev: ev('response.content_part.added', { item_id: msgId, output_index: 0, content_index: 0,
    part: { type: 'output_text', annotations: [], logprobs: [], text: '' } }) });
  const deltas = splitDeltas(reply, opts.deltaChars);
  for (const d of deltas) {
    list.push({ ev: ev('response.output_text.delta', { item_id: msgId, output_index: 0, content_index: 0,
      delta: d, logprobs: [] }), delta: true });
  }
  list.push({ ev: ev('response.output_text.done', { item_id: msgId, output_index: 0, content_index: 0,
    text: reply, logprobs: [] }) });
  list.push({ ev: ev('response.content_part.done', { item_id: msgId, output_index: 0, content_index: 0,
    part: { type: 'output_text', annotations: [], logprobs: [], text: reply } }) });
  list.push({ ev: ev('response.output_item.done', { output_index: 0, item: doneItem }) });
  list.push({ ev: ev('response.completed', { response: base('completed', [doneItem], usage) }) });
  return R.sse(withCut(list, deltas.length));
}

const OPENAI_MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-3.5-turbo-instruct',
  'text-embedding-3-small', 'text-embedding-3-large', 'o3-mini'];

async function openaiModels(ctx) {
  return ctx.R.json(200, { object: 'list',
    data: OPENAI_MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' })) });
}

// ------------------------------------------------------------- Anthropic

function anthropicUsage(inTok, outTok, hooks) {
  return { input_tokens: inTok, cache_creation_input_tokens: hooks.cacheCreate,
    cache_read_input_tokens: hooks.cacheRead, output_tokens: outTok, service_tier: 'standard' };
}

async function anthropicMessages(ctx) {
  const { body, hooks, R, reply, inTok, outTok, model } = ctx;
  const id = `msg_${randId(12)}`;
  if (!Number.isInteger(body.max_tokens)) {
    return R.error(400, 'max_tokens: Field required');
  }
  if (!body.stream) {
    return R.json(200, { id, type: 'message', role: 'assistant', model,
      content: [{ type: 'text', text: reply }], stop_reason: 'end_turn', stop_sequence: null,
      usage: anthropicUsage(inTok, outTok, hooks) });
  }
  const list = [];
  list.push({ ev: eventLine('message_start', { type: 'message_start', message: { id, type: 'message',
    role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null,
    usage: anthropicUsage(inTok, 1, hooks) } }) });
  list.push({ ev: eventLine('content_block_start', { type: 'content_block_start', index: 0,
    content_block: { type: 'text', text: '' } }) });
  list.push({ ev: eventLine('ping', { type: 'ping' }) });
  const deltas = splitDeltas(reply, opts.deltaChars);
  deltas.forEach((d, i) => {
    list.push({ ev: eventLine('content_block_delta', { type: 'content_block_delta', index: 0,
      delta: { type: 'text_delta', text: d } }), delta: true });
    if (i === Math.floor(deltas.length / 2) && deltas.length > 2) {
      list.push({ ev: eventLine('ping', { type: 'ping' }) });
    }
  });
  list.push({ ev: eventLine('content_block_stop', { type: 'content_block_stop', index: 0 }) });
  list.push({ ev: eventLine('message_delta', { type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outTok } }) });
  list.push({ ev: eventLine('message_stop', { type: 'message_stop' }) });
  return R.sse(withCut(list, deltas.length));
}

async function anthropicCountTokens(ctx) {
  return ctx.R.json(200, { input_tokens: ctx.inTok });
}

const ANTHROPIC_MODELS = ['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022', 'claude-opus-4-20250514'];

async function anthropicModels(ctx) {
  const data = ANTHROPIC_MODELS.map((id) => ({ type: 'model', id, display_name: id,
    created_at: '2025-05-22T00:00:00Z' }));
  return ctx.R.json(200, { data, has_more: false, first_id: data[0].id, last_id: data[data.length - 1].id });
}

// ---------------------------------------------------------------- Gemini

function geminiUsage(inTok, outTok, hooks) {
  const u = { promptTokenCount: inTok, candidatesTokenCount: outTok, totalTokenCount: inTok + outTok,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: inTok }] };
  if (hooks.cacheSet) u.cachedContentTokenCount = hooks.cacheRead;
  return u;
}

async function geminiGenerate(ctx) {
  const { rt, u, hooks, R, reply, inTok, outTok, model } = ctx;
  const responseId = randId(10);
  const modelVersion = model;
  if (rt.endpoint === 'countTokens') {
    return R.json(200, { totalTokens: inTok, promptTokensDetails: [{ modality: 'TEXT', tokenCount: inTok }] });
  }
  if (rt.endpoint === 'generateContent') {
    return R.json(200, {
      candidates: [{ content: { parts: [{ text: reply }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: geminiUsage(inTok, outTok, hooks), modelVersion, responseId,
    });
  }
  // streamGenerateContent
  const deltas = splitDeltas(reply, opts.deltaChars);
  const objs = [];
  let sofar = '';
  deltas.forEach((d, i) => {
    sofar += d;
    const last = i === deltas.length - 1;
    const cand = { content: { parts: [{ text: d }], role: 'model' }, index: 0 };
    if (last) cand.finishReason = 'STOP';
    objs.push({ candidates: [cand],
      usageMetadata: geminiUsage(inTok, last ? outTok : words(sofar), hooks), modelVersion, responseId });
  });
  if (deltas.length === 0) {
    objs.push({ candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: geminiUsage(inTok, outTok, hooks), modelVersion, responseId });
  }
  let list;
  if (u.searchParams.get('alt') === 'sse') {
    list = objs.map((o, i) => ({ ev: `data: ${JSON.stringify(o)}\r\n\r\n`, delta: i < deltas.length }));
    return R.sse(withCut(list, deltas.length), 'text/event-stream');
  }
  // No alt=sse: a JSON array, streamed one element at a time.
  if (hooks.pretty) {
    list = objs.map((o, i) => ({ ev: (i === 0 ? '[' : '\r\n,\r\n') + JSON.stringify(o, null, 2), delta: i < deltas.length }));
    list.push({ ev: '\r\n]' });
  } else {
    list = objs.map((o, i) => ({ ev: (i === 0 ? '[' : ',\r\n') + JSON.stringify(o), delta: i < deltas.length }));
    list.push({ ev: ']' });
  }
  return R.sse(withCut(list, deltas.length), 'application/json; charset=UTF-8');
}

const GEMINI_MODELS = ['gemini-2.0-flash', 'gemini-2.5-flash', 'gemini-2.5-pro', 'text-embedding-004'];

async function geminiModels(ctx) {
  return ctx.R.json(200, { models: GEMINI_MODELS.map((m) => ({ name: `models/${m}`, version: '001',
    displayName: m, inputTokenLimit: 1048576, outputTokenLimit: 8192,
    supportedGenerationMethods: ['generateContent', 'countTokens'] })) });
}

// ---------------------------------------------------------------- dispatch

const HANDLERS = {
  'openai:chat/completions': openaiChat,
  'openai:completions': openaiCompletions,
  'openai:embeddings': openaiEmbeddings,
  'openai:responses': openaiResponses,
  'openai:models': openaiModels,
  'anthropic:messages': anthropicMessages,
  'anthropic:count_tokens': anthropicCountTokens,
  'anthropic:models': anthropicModels,
  'gemini:generateContent': geminiGenerate,
  'gemini:streamGenerateContent': geminiGenerate,
  'gemini:countTokens': geminiGenerate,
  'gemini:models': geminiModels,
};

const DEFAULT_MODEL = { openai: 'gpt-4o-mini', azure: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-20250514',
  gemini: 'gemini-2.0-flash' };

async function handle(req, res, rawBody) {
  const u = new url.URL(req.url, 'https://mock.invalid');
  if (u.pathname === '/mock/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  const host = hostOf(req);
  const rt = route(req, u);
  const bodyStr = rawBody.toString('utf8');
  let body = null;
  let bodyJson = false;
  if (bodyStr.length > 0) {
    try { body = JSON.parse(bodyStr); bodyJson = true; } catch (e) { body = null; }
  }
  const shape = rt ? rt.shape : shapeForHost(host);
  const hooks = parseHooks(rt && bodyJson ? lastUserText(rt, body) : '');
  const R = new Responder(req, res, shape, hooks);

  // Decide the answer before recording it.
  let status = 200;
  let errMsg = null;
  let errOpt = {};
  if (!rt) {
    status = 404;
    errMsg = shape === 'gemini' ? `Requested entity was not found: ${u.pathname}`
      : shape === 'anthropic' ? `Not Found: ${req.method} ${u.pathname}`
        : `Invalid URL (${req.method} ${u.pathname})`;
    errOpt = shape === 'openai' ? { code: null } : {};
  } else if (req.method !== rt.method) {
    status = 405;
    errMsg = `Method ${req.method} not allowed for ${u.pathname}`;
  } else if (opts.authCheck && !hasKey(rt, req, u)) {
    status = 401;
    errMsg = {
      openai: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      azure: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
      anthropic: 'x-api-key header is required',
      gemini: 'Method doesn\'t allow unregistered callers (callers without established identity). Please use API key or other form of API consumer identity to call this API.',
    }[shape];
    if (shape === 'openai' || shape === 'azure') errOpt = { code: null };
  } else if (rt.method === 'POST' && !bodyJson) {
    status = 400;
    errMsg = shape === 'anthropic' ? 'There was an error parsing the body of your request. Please check that it is valid JSON.'
      : shape === 'gemini' ? 'Invalid JSON payload received.'
        : 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)';
  } else if (hooks.status) {
    status = hooks.status;
    errMsg = `mock error ${status} (MOCK_STATUS)`;
  }

  const stream = !!(rt && (rt.endpoint === 'streamGenerateContent' || (body && body.stream === true)));
  const sock = req.socket;
  record({
    time: new Date().toISOString(),
    method: req.method,
    path: u.pathname,
    query: Object.fromEntries(u.searchParams),
    url: req.url,
    http_version: req.httpVersion,
    headers: req.headers,
    raw_headers: req.rawHeaders,
    body: bodyStr,
    body_json: bodyJson,
    remote_address: sock.remoteAddress,
    remote_port: sock.remotePort,
    local_address: sock.localAddress,
    local_port: sock.localPort,
    sni: sock.servername || null,
    alpn: sock.alpnProtocol || null,
    tls_version: typeof sock.getProtocol === 'function' ? sock.getProtocol() : null,
    tls_session_reused: typeof sock.isSessionReused === 'function' ? sock.isSessionReused() : null,
    provider: shape,
    endpoint: rt ? rt.endpoint : null,
    stream,
    status,
  });

  if (errMsg !== null) return R.error(status, errMsg, errOpt);

  const key = `${shape === 'azure' ? 'openai' : shape}:${rt.endpoint}`;
  const fn = HANDLERS[key];
  const name = shape === 'azure' ? 'Azure OpenAI' : (providerName(host) ||
    { openai: 'OpenAI', anthropic: 'Anthropic', gemini: 'Gemini' }[shape]);
  const reply = hooks.reply !== null ? hooks.reply : `Hello from the mock ${name}.`;
  const model = hooks.model || rt.model || (body && typeof body.model === 'string' && body.model) ||
    rt.deployment || DEFAULT_MODEL[shape];
  const ctx = { req, res, u, rt, body: body || {}, hooks, R, reply, model,
    inTok: inputTokens(rt, body), outTok: words(reply) };
  return fn(ctx);
}

function onRequest(req, res) {
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size <= 64 * 1024 * 1024) chunks.push(c);
  });
  req.on('end', () => {
    handle(req, res, Buffer.concat(chunks)).catch((e) => {
      process.stderr.write(`mock-provider: handler error: ${e.stack || e}\n`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(errorBody('openai', 500, `mock internal error: ${e.message}`)));
      } else if (res.socket) {
        res.socket.destroy();
      }
    });
  });
  req.on('error', () => {});
}

// ---------------------------------------------------------------- WebSocket

// A minimal WebSocket echo for the Realtime API path (GET /v1/realtime with
// Upgrade: websocket): answers 101, then echoes every text frame back as
// "echo:<text>". Enough to prove a proxy tunnels upgraded connections.
function onUpgrade(req, sock) {
  const key = req.headers['sec-websocket-key'];
  const u = new URL(req.url, 'https://mock');
  record({
    time: new Date().toISOString(), method: req.method, path: u.pathname, query: Object.fromEntries(u.searchParams),
    url: req.url, headers: req.headers, body: '', upgrade: req.headers.upgrade || null,
    sni: sock.servername || null, provider: 'openai', endpoint: 'realtime', status: key ? 101 : 400,
    tls_session_reused: sock.isSessionReused(),
  });
  if (!key || String(req.headers.upgrade).toLowerCase() !== 'websocket') {
    sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  sock.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 2) {
      const op = buf[0] & 0x0f, masked = buf[1] & 0x80;
      let len = buf[1] & 0x7f, off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { sock.destroy(); return; }
      const need = off + (masked ? 4 : 0) + len;
      if (buf.length < need) return;
      const mask = masked ? buf.subarray(off, off + 4) : null;
      const payload = Buffer.from(buf.subarray(off + (masked ? 4 : 0), need));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      buf = buf.subarray(need);
      if (op === 8) { sock.end(Buffer.from([0x88, 0])); return; }
      if (op !== 1) continue;
      const out = Buffer.from('echo:' + payload.toString('utf8'));
      const hdr = out.length < 126 ? Buffer.from([0x81, out.length])
        : Buffer.from([0x81, 126, out.length >> 8, out.length & 255]);
      sock.write(Buffer.concat([hdr, out]));
    }
  });
  sock.on('error', () => {});
}

// ---------------------------------------------------------------- servers

const tlsOpts = {
  cert: fs.readFileSync(opts.cert),
  key: fs.readFileSync(opts.key),
  ALPNProtocols: ['http/1.1'],
};

const servers = [];
const sockets = new Set();
let pending = opts.listen.length;

for (const l of opts.listen) {
  const srv = https.createServer(tlsOpts, onRequest);
  srv.keepAliveTimeout = 30000;
  srv.headersTimeout = 60000;
  srv.requestTimeout = 0;
  srv.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  srv.on('upgrade', onUpgrade);
  srv.on('tlsClientError', (err, s) => {
    if (process.env.MOCK_DEBUG) process.stderr.write(`mock-provider: TLS error: ${err.message}\n`);
    s.destroy();
  });
  srv.on('error', (e) => {
    process.stderr.write(`mock-provider: cannot listen on ${l.text}: ${e.message}\n`);
    process.exit(1);
  });
  srv.listen({ host: l.host, port: l.port, ipv6Only: l.host.includes(':') }, () => {
    if (--pending === 0) ready();
  });
  servers.push(srv);
}

function ready() {
  const info = { pid: process.pid, listen: servers.map((s) => s.address()) };
  process.stdout.write(`mock-provider: listening on ${opts.listen.map((l) => l.text).join(' ')}\n`);
  if (opts.readyFile) {
    const tmp = `${opts.readyFile}.tmp.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(info) + '\n');
    fs.renameSync(tmp, opts.readyFile);
  }
}

function shutdown(sig) {
  process.stdout.write(`mock-provider: ${sig}, exiting\n`);
  for (const s of servers) s.close();
  for (const s of sockets) s.destroy();
  setTimeout(() => process.exit(0), 20).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
