#!/usr/bin/env node
// openai-embeddings.mjs - OpenAI Embeddings through the unmodified `openai` SDK.
//
//   node openai-embeddings.mjs [--message TEXT] [--model NAME] [--dimensions N]
//        [--api-key KEY] [--timeout-ms N]
//
// (The SDK asks for encoding_format "base64" and decodes it.) Prints the
// vector length, the first values, usage. Output and exit codes: lib/common.mjs.
import OpenAI from 'openai';
import { parseArgs, run, stainlessInfo } from './lib/common.mjs';

const args = parseArgs(process.argv.slice(2), { dimensions: 'number' });
const client = new OpenAI({ maxRetries: 0, timeout: args['timeout-ms'],
  apiKey: args['api-key'] || 'sk-test-0000000000000000000000000000' });

run(async () => {
  const params = { model: args.model || 'text-embedding-3-small', input: args.message };
  if (args.dimensions) params.dimensions = args.dimensions;
  const r = await client.embeddings.create(params);
  const v = r.data[0].embedding;
  return { stream: false, content: null, dims: v.length, head: v.slice(0, 3), count: r.data.length,
    usage: r.usage, model: r.model, id: null };
}, stainlessInfo);
