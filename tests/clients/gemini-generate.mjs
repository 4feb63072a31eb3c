#!/usr/bin/env node
// gemini-generate.mjs - Gemini generateContent / streamGenerateContent through
// the unmodified `@google/genai` SDK (Gemini Developer API,
// https://generativelanguage.googleapis.com; the SDK streams with ?alt=sse).
//
//   node gemini-generate.mjs [--stream] [--message TEXT] [--model NAME]
//        [--system TEXT] [--api-key KEY] [--timeout-ms N]
//
// "usage" is the usageMetadata of the last response (streams: of the last
// chunk). Output and exit codes: lib/common.mjs.
import { GoogleGenAI } from '@google/genai';
import { parseArgs, run } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2));
const ai = new GoogleGenAI({ apiKey: args['api-key'] || 'AIza-test-00000000000000000000000000000',
  httpOptions: { timeout: args['timeout-ms'], retryOptions: { attempts: 1 } } });
const model = args.model || 'gemini-2.0-flash';
const params = { model, contents: args.message };
if (args.system) params.config = { systemInstruction: args.system };

function info(err) {
  // ApiError.message is the JSON error body as a string.
  const out = { status: err && err.status };
  try {
    const body = JSON.parse(err.message);
    out.message = body.error.message;
    out.type = body.error.status;
    out.code = body.error.code;
  } catch (e) { /* not a JSON body */ }
  return out;
}

run(async (timer) => {
  if (!args.stream) {
    const r = await ai.models.generateContent(params);
    return { stream: false, content: r.text ?? null, usage: r.usageMetadata ?? null,
      model: r.modelVersion ?? null, id: r.responseId ?? null,
      finish_reason: r.candidates?.[0]?.finishReason ?? null };
  }
  const stream = await ai.models.generateContentStream(params);
  let content = '';
  let usage = null;
  let id = null;
  let rmodel = null;
  let finish = null;
  let events = 0;
  for await (const chunk of stream) {
    events++;
    const t = chunk.text;
    if (t) { content += t; timer.chunk(t); }
    if (chunk.usageMetadata) usage = chunk.usageMetadata;
    id = id || chunk.responseId || null;
    rmodel = rmodel || chunk.modelVersion || null;
    finish = chunk.candidates?.[0]?.finishReason ?? finish;
  }
  return { stream: true, content, usage, model: rmodel, id, finish_reason: finish, events,
    ...timer.streamFields() };
}, info);
