#!/usr/bin/env node
// langchain-chat.mjs - LangChain's ChatOpenAI (@langchain/openai over the
// `openai` SDK), plain invoke() or --stream (stream()).
//
//   node langchain-chat.mjs [--stream] [--message TEXT] [--model NAME]
//        [--system TEXT] [--api-key KEY] [--timeout-ms N]
//
// Uses the SDK's default base URL (https://api.openai.com/v1). "usage" is
// LangChain's usage_metadata {input_tokens, output_tokens, total_tokens, ...}
// (streams ask for usage; it arrives on the last chunk).
// Output and exit codes: lib/common.mjs.
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { parseArgs, run } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2));
const llm = new ChatOpenAI({ model: args.model || 'gpt-4o-mini',
  apiKey: args['api-key'] || 'sk-test-0000000000000000000000000000',
  maxRetries: 0, timeout: args['timeout-ms'], streamUsage: true });
const messages = [];
if (args.system) messages.push(new SystemMessage(args.system));
messages.push(new HumanMessage(args.message));

function info(err) {
  const e = err && err.status ? err : (err && err.cause && err.cause.status ? err.cause : err);
  const body = e && e.error;
  return { status: e && e.status, message: (body && body.message) || (err && err.message),
    type: (body && body.type) || null, code: (body && body.code) || (err && err.lc_error_code) || null };
}

run(async (timer) => {
  if (!args.stream) {
    const r = await llm.invoke(messages);
    return { stream: false, content: r.content, usage: r.usage_metadata ?? null,
      model: r.response_metadata?.model_name ?? null, id: r.id ?? null,
      finish_reason: r.response_metadata?.finish_reason ?? null };
  }
  const stream = await llm.stream(messages);
  let content = '';
  let usage = null;
  let id = null;
  let events = 0;
  for await (const chunk of stream) {
    events++;
    const d = typeof chunk.content === 'string' ? chunk.content : '';
    if (d) { content += d; timer.chunk(d); }
    if (chunk.usage_metadata) usage = chunk.usage_metadata;
    id = id || chunk.id || null;
  }
  return { stream: true, content, usage, model: null, id, events, ...timer.streamFields() };
}, info);
