#!/usr/bin/env node
// openai-responses.mjs - OpenAI Responses API (POST /v1/responses) through the
// unmodified `openai` SDK, plain or --stream.
//
//   node openai-responses.mjs [--stream] [--message TEXT] [--model NAME]
//        [--system TEXT (sent as "instructions")] [--api-key KEY] [--timeout-ms N]
//
// For streams, "event_types" lists every event type in arrival order and
// "usage" comes from response.completed. Output and exit codes: lib/common.mjs.
import OpenAI from 'openai';
import { parseArgs, run, stainlessInfo } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2));
const client = new OpenAI({ maxRetries: 0, timeout: args['timeout-ms'],
  apiKey: args['api-key'] || 'sk-test-0000000000000000000000000000' });
const model = args.model || 'gpt-4.1-mini';
const params = { model, input: args.message };
if (args.system) params.instructions = args.system;

run(async (timer) => {
  if (!args.stream) {
    const r = await client.responses.create(params);
    return { stream: false, content: r.output_text, usage: r.usage ?? null, model: r.model, id: r.id,
      status: r.status };
  }
  const stream = await client.responses.create({ ...params, stream: true });
  let content = '';
  let usage = null;
  let id = null;
  let rmodel = null;
  let status = null;
  const eventTypes = [];
  for await (const ev of stream) {
    eventTypes.push(ev.type);
    if (ev.type === 'response.output_text.delta') { content += ev.delta; timer.chunk(ev.delta); }
    if (ev.response) { id = ev.response.id; rmodel = ev.response.model; status = ev.response.status; }
    if (ev.type === 'response.completed') usage = ev.response.usage;
  }
  return { stream: true, content, usage, model: rmodel, id, status, event_types: eventTypes,
    ...timer.streamFields() };
}, stainlessInfo);
