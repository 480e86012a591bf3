// The sweep child process: session.run blocks its thread and a native crash ends its process, so
// sweeps run here and never in the language server or the CLI's own process.
import { CancelledError } from '../train/trainer';
import { executeSweepPart } from './executeSweep';
import type { ParentMessage, WorkerMessage } from './protocol';

let stopRequested = false;

// Ctrl-C in a terminal reaches the whole process group: the parent decides, via 'stop'.
process.on('SIGINT', () => undefined);
// A parent that died cannot stop us: stop with it (between chunks, at the latest).
process.on('disconnect', () => {
  stopRequested = true;
});

function send(message: WorkerMessage): Promise<void> {
  if (!process.connected) return Promise.resolve();
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') {
    stopRequested = true;
    return;
  }
  executeSweepPart(message.spec, {
    onProgress: (progress) => void send({ type: 'progress', progress }),
    shouldStop: () => stopRequested,
  }).then(
    (part) => send({ type: 'result', part }),
    (error: unknown) =>
      send({ type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: error instanceof CancelledError }),
  ).finally(() => {
    if (process.connected) process.disconnect();
  });
});
