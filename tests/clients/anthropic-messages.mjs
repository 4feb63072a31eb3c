#!/usr/bin/env node
// anthropic-messages.mjs - Anthropic Messages API through the unmodified
// `@anthropic-ai/sdk`, plain or --stream.
//
//   node anthropic-messages.mjs [--stream] [--message TEXT] [--model NAME]
//        [--system TEXT] [--max-tokens N] [--api-key KEY] [--timeout-ms N]
//
// For streams, "event_types" lists the raw SSE event types in order and
// "usage" merges message_start's usage with message_delta's final
// output_tokens (what the SDK's finalMessage() would report).
// Output and exit codes: lib/common.mjs.
import Anthropic from '@anthropic-ai/sdk';
import { parseArgs, run, stainlessInfo } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), { 'max-tokens': 'number' });
const client = new Anthropic({ maxRetries: 0, timeout: args['timeout-ms'],
  apiKey: args['api-key'] || 'sk-ant-test-00000000000000000000000000' });
const params = { model: args.model || 'claude-sonnet-4-20250514', max_tokens: args['max-tokens'] || 256,
  messages: [{ role: 'user', content: args.message }] };
if (args.system) params.system = args.system;

run(async (timer) => {
  if (!args.stream) {
    const r = await client.messages.create(params);
    const content = r.content.filter((b) => b.type === 'text').map((b) => b.text).join('');
    return { stream: false, content, usage: r.usage, model: r.model, id: r.id, stop_reason: r.stop_reason };
  }
  const stream = await client.messages.create({ ...params, stream: true });
  let content = '';
  let usage = null;
  let id = null;
  let rmodel = null;
  let stop = null;
  const eventTypes = [];
  for await (const ev of stream) {
    eventTypes.push(ev.type);
    if (ev.type === 'message_start') {
      id = ev.message.id;
      rmodel = ev.message.model;
      usage = { ...ev.message.usage };
    } else if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') {
      content += ev.delta.text;
      timer.chunk(ev.delta.text);
    } else if (ev.type === 'message_delta') {
      usage = { ...(usage || {}), ...ev.usage };
      stop = ev.delta.stop_reason;
    }
  }
  return { stream: true, content, usage, model: rmodel, id, stop_reason: stop, event_types: eventTypes,
    ...timer.streamFields() };
}, stainlessInfo);
