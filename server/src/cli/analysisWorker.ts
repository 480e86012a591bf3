// A thread of `decay-lens check` (bundled to dist/analysisWorker.js): parses its share of the files,
// keeps their modules, and analyses the independent groups analysisPool.ts gives it (groupAnalyst.ts).
// Only link facts and findings go back: the modules stay in this thread.
import { parentPort } from 'node:worker_threads';
import { FileParser } from '../parser/fileParser';
import { GroupAnalyst } from '../groupAnalyst';
import type { PoolReply, PoolRequest } from './analysisPool';

const port = parentPort;
if (!port) throw new Error('analysisWorker runs as a worker thread');
const analystReady = FileParser.create().then((parser) => new GroupAnalyst(parser));
// A failed start is answered on the first request (the pool then does the work itself), not thrown here.
analystReady.catch(() => undefined);

port.on('message', async (request: PoolRequest) => {
  let reply: PoolReply;
  try {
    const analyst = await analystReady;
    reply =
      request.kind === 'parse'
        ? { facts: analyst.parse(request.files) }
        : { results: analyst.analyze(request.groups, request.missing, new Map(request.methodCounts), request.reported && new Set(request.reported)) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
