// The sweep child process: session.run blocks its thread and a native crash ends its process, so
// sweeps run here and never in the language server or the CLI's own process.
import { CancelledError } from '../train/trainer';
import { executeSweep } from './executeSweep';
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
  executeSweep(message.spec, {
    onProgress: (progress) => void send({ type: 'progress', progress }),
    shouldStop: () => stopRequested,
  }).then(
    (result) => send({ type: 'result', result }),
    (error: unknown) =>
      send({ type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: error instanceof CancelledError }),
  ).finally(() => process.disconnect());
});
