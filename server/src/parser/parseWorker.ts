// A parse worker thread (bundled to dist/parseWorker.js): turns batches of source texts into
// their IR (as JSON) for parsePool.ts. Only parsing happens here (no analysis is loaded);
// the analysis across files stays in the main thread.
import { parentPort } from 'node:worker_threads';
import { FileParser } from './fileParser';
import type { ParseBatch, ParsedBatch } from './parsePool';

const port = parentPort;
if (!port) throw new Error('parseWorker runs as a worker thread');
const parserReady = FileParser.create();
// A failed start is answered on the first batch (the pool then parses it itself), not thrown here.
parserReady.catch(() => undefined);

port.on('message', async (batch: ParseBatch) => {
  let reply: ParsedBatch;
  try {
    const parser = await parserReady;
    reply = { json: JSON.stringify(batch.files.map((file) => parser.parseOnly(file.uri, file.text))) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
