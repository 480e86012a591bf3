// A parse worker thread (bundled to dist/parseWorker.js): turns batches of source texts into
// parsed file states (IR and symbols) for parsePool.ts. Only parsing happens here; the analysis
// across files stays in the main thread.
import { parentPort } from 'node:worker_threads';
import { WorkspaceAnalyzer } from '../workspaceAnalyzer';
import type { ParseBatch, ParsedBatch } from './parsePool';

const port = parentPort;
if (!port) throw new Error('parseWorker runs as a worker thread');
const parser = WorkspaceAnalyzer.create();

port.on('message', async (batch: ParseBatch) => {
  const analyzer = await parser;
  const reply: ParsedBatch = { json: JSON.stringify(batch.files.map((file) => analyzer.parseOnly(file.uri, file.text))) };
  port.postMessage(reply);
});
