// Entry point: `node dist/server.js --stdio` (or --node-ipc, as vscode-languageclient starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DecayLensServer } from './languageServer';

new DecayLensServer(createConnection(ProposedFeatures.all)).listen();
