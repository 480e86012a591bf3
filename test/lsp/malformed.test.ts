// The real server over stdio against malformed traffic: unknown methods, wrong params, versions
// going backwards, edits past the end, requests about closed or unknown documents, invalid JSON,
// broken framing, garbage notifications. Each gets an error response, an empty answer or a log line
// (a bounded number of them), and after each the server still publishes diagnostics and answers hovers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { pythonFixtures } from '../support/fixtures';
import { TestLspClient } from '../support/lspClient';

const seedText = readFileSync(path.join(pythonFixtures, 'ok_seed_pattern.py'), 'utf8');
const seedLines = seedText.split('\n');
const decayLine = seedLines.findIndex((line) => line.includes('wd=0.004'));
const decayColumn = seedLines[decayLine].indexOf('0.004') + 1;
const sumLine = seedLines.findIndex((line) => line.includes("return tf.add_n(tf.get_collection('losses')"));
/** The seed pattern with its sum removed: a WD101. */
const brokenText = seedLines.map((line, i) => (i === sumLine ? '    return cross_entropy_mean' : line)).join('\n');

describe('language server against malformed traffic', () => {
  let client: TestLspClient;
  let probes = 0;

  before(async () => {
    client = await TestLspClient.start();
  });
  after(() => client.stop());

  /** A new document with a WD101: its diagnostic arrives and the decay argument has a hover. */
  async function assertServing(): Promise<void> {
    assert.equal(client.process.exitCode, null, `the server is running; stderr: ${client.stderr.join('')}`);
    const uri = `file:///virtual/probe${++probes}.py`;
    await client.open(uri, brokenText);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(diagnostics[0].code, 'WD101');
    const hover = await client.hover(uri, decayLine, decayColumn);
    assert.match(hover?.contents.value ?? '', /Weight decay flow/);
  }

  test('the probe itself works on a fresh server', assertServing);

  test('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    await assert.rejects(client.request('decayLens/noSuchMethod', { x: 1 }), (error: ResponseError<unknown>) => error.code === -32601);
    await client.connection.sendNotification('decayLens/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchProtocolNotification', null);
    await assertServing();
  });

  test('requests with wrong params get InvalidParams; a sweep of nothing is answered null with a message', async () => {
    const invalid: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: 42, position: 'here' }],
      ['textDocument/hover', { textDocument: { uri: 'file:///virtual/probe1.py' }, position: { line: -5, character: 1 } }],
      ['textDocument/codeLens', { textDocument: null }],
      ['textDocument/inlayHint', { textDocument: { uri: 7 }, range: null }],
      ['textDocument/inlayHint', { textDocument: { uri: 'file:///virtual/probe1.py' }, range: { start: { line: 0, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///virtual/probe1.py' }, range: null, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///virtual/probe1.py' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ source: 'decay-lens', code: 'WD101', data: 'nonsense' }, null, 5] } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///virtual/probe1.py' } }],
      ['workspace/executeCommand', { command: 7 }],
    ];
    for (const [method, params] of invalid) {
      await assert.rejects(client.request(method, params), (error: ResponseError<unknown>) => error.code === -32602 && error.message.startsWith(method), `${method} ${JSON.stringify(params)}`);
    }
    // Well formed, about nothing there: answered, with nothing.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///virtual/probe1.py' }, position: { line: 1e9, character: 1e9 } }), null);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: 'file:///virtual/nothing.py' } }), []);
    // A sweep command without its {uri, line}: InvalidParams like any malformed request.
    for (const params of [{ command: 'decayLens.runSweep', arguments: [{ uri: 5, line: 'x' }] }, { command: 'decayLens.runSweep' }]) {
      await assert.rejects(client.request('workspace/executeCommand', params), (error: ResponseError<unknown>) => error.code === -32602 && error.message.startsWith('decayLens.runSweep'), JSON.stringify(params));
    }
    // Well formed, about a place with nothing to sweep: answered null, and the user is told.
    const messages = client.messages.length;
    assert.equal(await client.request('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri: 'file:///nowhere.py', line: 3 }] }), null);
    await client.waitUntil(() => (client.messages.length > messages ? true : undefined), 'a message for the sweep that cannot run');
    await assertServing();
  });

  test('null params get InvalidParams, not an InternalError', async () => {
    // Sent as they are: vscode-languageserver's onHover and its kin read them before any handler.
    for (const method of ['textDocument/hover', 'textDocument/codeLens', 'textDocument/codeAction', 'textDocument/inlayHint', 'workspace/executeCommand']) {
      const { error } = await client.requestRaw(method, null);
      assert.equal(error?.code, -32602, `${method} null: ${JSON.stringify(error)}`);
      assert.ok(error.message.startsWith(method), error.message);
    }
    await assertServing();
  });

  test('a hover on a closed document or one never opened answers null', async () => {
    const uri = 'file:///virtual/closed.py';
    await client.open(uri, brokenText);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    // Closing reads the file from disk (there is none): its diagnostics go once that is done.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.equal(await client.hover(uri, decayLine, decayColumn), null);
    assert.equal(await client.hover('file:///virtual/never-opened.py', 0, 0), null);
    assert.equal(await client.hover('untitled:Untitled-1', 0, 0), null);
    await assertServing();
  });

  test('versions going backwards, edits past the end, changes to unknown documents', async () => {
    const uri = 'file:///virtual/edited.py';
    await client.open(uri, seedText, 5);
    await client.waitForDiagnostics(uri);
    const change = (version: number, contentChanges: unknown[], target = uri) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: target, version }, contentChanges });
    await change(3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# older version\n' }]);
    await change(4, [{ range: { start: { line: 9999, character: 0 }, end: { line: 10000, character: 50 } }, text: 'x = 1\n' }]);
    await change(5, [{ range: { start: { line: 2, character: 500 }, end: { line: 1, character: 0 } }, text: 'y' }]);
    await change(6, [{ range: { start: { line: -1, character: -1 }, end: { line: 0, character: 3 } }, text: '' }]);
    await change(7, [{ text: 42 }, { range: 'everything', text: 'z' }]);
    await change(1, [{ text: seedText }], 'file:///virtual/not-open.py');
    // Reopening a document that is open, closing one that is not.
    await client.open(uri, seedText, 2);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///virtual/not-open.py' } });
    await assertServing();
  });

  test('notifications with garbage params are logged or ignored', async () => {
    const garbage: [string, unknown][] = [
      ['textDocument/didOpen', 42],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///virtual/garbage.py', languageId: 'python', version: 1, text: null } }],
      ['textDocument/didOpen', { textDocument: { uri: null, text: 'x = 1' } }],
      ['textDocument/didChange', { textDocument: null, contentChanges: null }],
      ['textDocument/didChange', 'garbage'],
      ['textDocument/didClose', [1, 2, 3]],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 'created' }, null] }],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeConfiguration', { settings: 'garbage' }],
      ['window/workDoneProgress/cancel', { token: { nested: true } }],
      ['$/cancelRequest', { id: 'no such request' }],
    ];
    const logged = client.logs.length;
    for (const [method, params] of garbage) await client.connection.sendNotification(method, params);
    await assertServing();
    const lines = client.logs.slice(logged).join('\n');
    assert.match(lines, /textDocument\/didOpen/, 'the broken didOpen is logged');
    assert.match(lines, /watched files failed/, 'the broken file-change notification is logged');
  });

  test('a didOpen with a numeric uri is refused in one line, not a TypeError', async () => {
    const logged = client.logs.length;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'python', version: 1, text: 'x = 1' } });
    await assertServing();
    const lines = client.logs.slice(logged);
    assert.deepEqual(lines, ['decay-lens: ignored textDocument/didOpen: it needs textDocument: {uri, languageId, version, text}']);
  });

  test('bodies that are not JSON or not JSON-RPC are logged and skipped', async () => {
    const logsBefore = client.logs.length;
    await client.sendRaw('{"jsonrpc": "2.0", "method": "textDocument/hover", "id": 9000, "params": {');
    await client.sendRaw('not json at all \u0000\u00ff');
    await client.sendRaw('[1, 2, 3]');
    await client.sendRaw('"a string"');
    await client.sendRaw('{"jsonrpc": "2.0", "id": 9001}');
    await client.sendRaw('{"jsonrpc": "2.0", "method": 17, "id": 9002, "params": {}}');
    await assertServing();
    const lines = client.logs.slice(logsBefore).join('\n');
    // The two bodies that are not JSON, one run of garbage: the first reported, then what followed it.
    assert.equal((lines.match(/a message whose body is not JSON/g) ?? []).length, 1, lines);
    assert.equal((lines.match(/more pieces of broken input before this message/g) ?? []).length, 1, lines);
    assert.equal((lines.match(/neither a response nor a notification/g) ?? []).length, 4, 'the four that are not JSON-RPC are logged');
  });

  test('broken framing: a header without Content-Length, a length that is not a number, junk between messages', async () => {
    const logged = client.logs.length;
    await client.sendRaw('{"jsonrpc": "2.0", "method": "x"}', 'Content-Type: application/json\r\n\r\n');
    await assertServing();
    await client.sendRaw('{}', 'Content-Length: many\r\n\r\n');
    await assertServing();
    await client.sendRaw('', 'garbage without any header end');
    await assertServing();
    const lines = client.logs.slice(logged).join('\n');
    assert.match(lines, /dropped \d+ bytes, a header with no Content-Length: "Content-Type: application\/json/);
    assert.match(lines, /dropped \d+ bytes, a header with Content-Length "many", not a number of bytes: "Content-Length: many/);
  });

  /** The log lines since `from` that report dropped input. */
  const droppedSince = (from: number) => client.logs.slice(from).filter((line) => line.includes('dropped'));

  test('a header line without a colon next to a good Content-Length: that message is read, and the next', async () => {
    const logged = client.logs.length;
    const uri = 'file:///virtual/junk-header.py';
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'python', version: 1, text: brokenText } } });
    await client.sendRaw(body, `X-Junk\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    await assertServing();
    assert.deepEqual(droppedSince(logged).length, 1);
  });

  test('a header block without Content-Length alone in one read: the next message is read', async () => {
    const logged = client.logs.length;
    await client.sendRaw('', 'X-Junk: 1\r\n\r\n');
    // Its report shows it was read on its own.
    await client.waitForLog(/dropped .*X-Junk: 1/);
    await assertServing();
    assert.deepEqual(droppedSince(logged), ['decay-lens: dropped 13 bytes, a header with no Content-Length: "X-Junk: 1\\r\\n\\r\\n"']);
  });

  test('2 MB of Content-Length lines: the next message is answered, with two log lines', async () => {
    const logged = client.logs.length;
    await client.sendRaw('', 'Content-Length: 1\r\n'.repeat(110_000));
    await assertServing();
    const dropped = droppedSince(logged);
    assert.equal(dropped.length, 2, dropped.join('\n'));
    assert.match(dropped[1], /^decay-lens: dropped \d+ more bytes in \d+ more pieces of broken input before this message$/);
  });

  test('a document that is binary or over the size limit is not analysed; the server says why', async () => {
    const binary = 'file:///virtual/binary.py';
    await client.open(binary, 'x = 1\u0000\u0001\u0002');
    assert.deepEqual(await client.waitForDiagnostics(binary), []);
    await client.waitForLog(/not analysed file:\/\/\/virtual\/binary\.py: binary file/);
    const huge = 'file:///virtual/huge.py';
    await client.open(huge, `x = '${'a'.repeat(1_100_000)}'\n`);
    assert.deepEqual(await client.waitForDiagnostics(huge), []);
    await client.waitForLog(/not analysed file:\/\/\/virtual\/huge\.py: larger than/);
    await assertServing();
  });
});

test('the server ends when its client closes stdin without a shutdown', async () => {
  const client = await TestLspClient.start();
  const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
  client.process.stdin.end();
  // LSP: exit code 1 when the input ends with no shutdown request.
  assert.equal(await exited, 1);
  client.connection.dispose();
});
