// Entry point: `node dist/server.js --stdio` (or --node-ipc, as vscode-languageclient starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DecayLensServer } from './languageServer';

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client must not end the server: log it and go on.
process.on('unhandledRejection', (reason) => connection.console.error(`decay-lens: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
new DecayLensServer(connection).listen();
