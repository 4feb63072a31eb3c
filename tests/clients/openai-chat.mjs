#!/usr/bin/env node
// openai-chat.mjs - OpenAI Chat Completions through the unmodified `openai` SDK.
//
//   node openai-chat.mjs [--stream] [--message TEXT] [--model NAME]
//        [--system TEXT] [--no-include-usage] [--base-url URL]
//        [--azure-endpoint URL --deployment NAME [--api-version V]]
//        [--api-key KEY] [--timeout-ms N]
//
// Talks to https://api.openai.com/v1 (the SDK's default; not overridden) unless
// --base-url names another OpenAI-compatible provider's real URL (e.g.
// https://api.groq.com/openai/v1) or --azure-endpoint selects the AzureOpenAI
// client (e.g. https://tgtest.openai.azure.com). Streams ask for
// stream_options.include_usage unless --no-include-usage. Output and exit codes:
// see lib/common.mjs.
import OpenAI, { AzureOpenAI } from 'openai';
import { parseArgs, run, stainlessInfo } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), {
  'include-usage': 'bool', 'base-url': 'string', 'azure-endpoint': 'string',
  deployment: 'string', 'api-version': 'string',
});
if (args['include-usage'] === undefined) args['include-usage'] = true;

const common = { maxRetries: 0, timeout: args['timeout-ms'] };
let client;
if (args['azure-endpoint']) {
  client = new AzureOpenAI({ ...common, endpoint: args['azure-endpoint'],
    deployment: args.deployment || 'gpt-4o-mini',
    apiVersion: args['api-version'] || '2024-10-21',
    apiKey: args['api-key'] || 'test-azure-key-0000000000000000' });
} else {
  client = new OpenAI({ ...common, apiKey: args['api-key'] || 'sk-test-0000000000000000000000000000',
    ...(args['base-url'] ? { baseURL: args['base-url'] } : {}) });
}

const messages = [];
if (args.system) messages.push({ role: 'system', content: args.system });
messages.push({ role: 'user', content: args.message });
const model = args.model || 'gpt-4o-mini';

run(async (timer) => {
  if (!args.stream) {
    const r = await client.chat.completions.create({ model, messages });
    return { stream: false, content: r.choices[0]?.message?.content ?? null, usage: r.usage ?? null,
      model: r.model, id: r.id, finish_reason: r.choices[0]?.finish_reason ?? null };
  }
  const params = { model, messages, stream: true };
  if (args['include-usage']) params.stream_options = { include_usage: true };
  const stream = await client.chat.completions.create(params);
  let content = '';
  let usage = null;
  let id = null;
  let rmodel = null;
  let finish = null;
  let events = 0;
  for await (const chunk of stream) {
    events++;
    id = id || chunk.id || null;
    rmodel = rmodel || chunk.model || null;
    if (chunk.usage) usage = chunk.usage;
    const ch = chunk.choices && chunk.choices[0];
    if (ch) {
      const d = ch.delta && ch.delta.content;
      if (d) { content += d; timer.chunk(d); }
      if (ch.finish_reason) finish = ch.finish_reason;
    }
  }
  return { stream: true, content, usage, model: rmodel, id, finish_reason: finish, events,
    ...timer.streamFields() };
}, stainlessInfo);
