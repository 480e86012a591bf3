// Entry point: `node dist/server.js --stdio` (or --node-ipc, as vscode-languageclient starts it).
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { DecayLensServer } from './languageServer';
import { messageFramingFilter } from './stdioFraming';

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// A failed request to the client must not end the server: log it and go on.
process.on('unhandledRejection', (reason) => connection.console.error(`decay-lens: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
new DecayLensServer(connection).listen();

/**
 * Over stdio, messages pass a filter that drops (and logs) broken framing and bodies that are not
 * JSON instead of losing every later message. Given streams, vscode-languageserver no longer sends
 * `console` output to the client as it does for `--stdio`: done here, since stdout is the protocol.
 */
function stdioConnection(): Connection {
  const input = process.stdin.pipe(messageFramingFilter((reason) => stdio.console.error(`decay-lens: ${reason}`)));
  const stdio = createConnection(ProposedFeatures.all, input, process.stdout);
  console.log = console.info = (...args: unknown[]) => stdio.console.info(format(...args));
  console.debug = (...args: unknown[]) => stdio.console.log(format(...args));
  console.warn = (...args: unknown[]) => stdio.console.warn(format(...args));
  console.error = (...args: unknown[]) => stdio.console.error(format(...args));
  return stdio;
}
