// The sweep child process: session.run blocks its thread and a native crash ends its process, so
// sweeps run here and never in the language server or the CLI's own process.
import { CancelledError } from '../train/trainer';
import { executeSweepPart } from './executeSweep';
import type { ParentMessage, WorkerMessage } from './protocol';

let stopRequested = false;

function send(message: WorkerMessage): Promise<void> {
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
  ).finally(() => process.disconnect());
});
