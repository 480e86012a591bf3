// The stdio framing filter (server/src/stdioFraming.ts): good messages pass, their bodies unchanged
// and their headers reduced to `Content-Length`, in however many chunks they arrive; broken headers,
// bodies that are not JSON and junk are dropped and reported in a bounded number of lines, and the
// messages after them still pass, also through vscode-jsonrpc's own reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import { messageFramingFilter } from '../../server/src/stdioFraming';
import { bodiesOf, checkFraming, cutInto, filter, framingInput } from '../support/framingInputs';

const frame = (body: string, header = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`) => Buffer.from(header + body);
const bodies = ['{"jsonrpc":"2.0","id":1,"method":"a"}', JSON.stringify({ text: 'é😀'.repeat(3000) }), '{}'];
const good = [frame(bodies[0]), frame(bodies[1]), frame(bodies[2], 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n')];

/** `data` cut into pieces of 1..size bytes, from a fixed sequence. */
function chunked(data: Buffer, size: number): Buffer[] {
  return cutInto(data, Array.from({ length: 64 }, (_, i) => 1 + ((i * 7919) % size)));
}

test('good messages pass with their bodies unchanged, whole, byte by byte or in odd chunks', async () => {
  const all = Buffer.concat(good);
  for (const chunks of [[all], chunked(all, 1), chunked(all, 13), chunked(all, 5000)]) {
    const { output, dropped } = await filter(chunks);
    assert.deepEqual(bodiesOf(output), bodies);
    assert.deepEqual(dropped, []);
  }
});

test('a header without a usable Content-Length, junk and bodies that are not JSON are dropped; the next messages pass', async () => {
  const bad = [
    frame('{"jsonrpc":"2.0","method":"x"}', 'Content-Type: application/json\r\n\r\n'),
    frame('{}', 'Content-Length: many\r\n\r\n'),
    Buffer.from('junk with no header end'),
    frame('{"truncated": '),
    Buffer.from('x'.repeat(10_000)),
    Buffer.from('\r\n\r\n\n\r\n'),
  ];
  const stream = Buffer.concat([good[0], ...bad.flatMap((junk) => [junk, good[1]]), good[2]]);
  for (const chunks of [[stream], chunked(stream, 97)]) {
    const { output, dropped } = await filter(chunks);
    assert.deepEqual(bodiesOf(output), [bodies[0], ...bad.map(() => bodies[1]), bodies[2]], 'every good message, nothing else');
    const reasons = dropped.join('\n');
    assert.match(reasons, /a header with no Content-Length: "Content-Type: application\/json/);
    assert.match(reasons, /a header with Content-Length "many", not a number of bytes: "Content-Length: many/);
    assert.match(reasons, /a message whose body is not JSON \(.*\): "Content-Length: 14\\r\\n\\r\\n"/);
    // Each run of garbage between two good messages: reported once, with a count when it came in pieces.
    assert.ok(dropped.length <= 2 * bad.length, reasons);
  }
});

test('a Content-Length over the limit is a broken header, not a wait for 100 GB', async () => {
  const stream = Buffer.concat([frame('{}', 'Content-Length: 99999999999\r\n\r\n'), good[0], good[1]]);
  for (const chunks of [[stream], chunked(stream, 61)]) {
    const { output, dropped } = await filter(chunks);
    assert.deepEqual(bodiesOf(output), bodies.slice(0, 2), 'the messages after it pass');
    assert.match(dropped.join('\n'), /Content-Length 99999999999, over \d+ bytes/);
  }
});

test('a 20 MB message in 64 KB chunks passes whole', async () => {
  const body = JSON.stringify({ text: 'x'.repeat(20_000_000) });
  const { output, dropped } = await filter([...cutInto(frame(body), [65_536]), good[0]]);
  assert.deepEqual(bodiesOf(output), [body, bodies[0]]);
  assert.deepEqual(dropped, []);
});

test('a header line without a colon next to a good Content-Length: the rest of that header is read', async () => {
  const stream = Buffer.concat([frame(bodies[0], `X-Junk\r\nContent-Length: ${bodies[0].length}\r\n\r\n`), good[1]]);
  for (const chunks of [[stream], chunked(stream, 7)]) {
    const { output, dropped } = await filter(chunks);
    assert.deepEqual(bodiesOf(output), bodies.slice(0, 2));
    assert.equal(dropped.length, 1);
    assert.match(dropped[0], /^dropped 8 bytes, a header with a line that is not "name: value" \("X-Junk"\): "X-Junk\\r\\n"$/);
  }
});

test('a header block without Content-Length alone in one read leaves nothing before the next message', async () => {
  const { output, dropped } = await filter([Buffer.from('X-Junk: 1\r\n\r\n'), good[0], Buffer.from('\r\n\r\n'), good[1]]);
  assert.deepEqual(bodiesOf(output), bodies.slice(0, 2));
  assert.equal(dropped.length, 2, dropped.join('\n'));
  assert.match(dropped[0], /^dropped 13 bytes, a header with no Content-Length: "X-Junk: 1\\r\\n\\r\\n"$/);
});

test('2 MB of Content-Length lines: the next message passes, with two report lines', async () => {
  const junk = Buffer.from('Content-Length: 1\r\n'.repeat(110_000));
  for (const chunks of [[junk, good[0]], cutInto(Buffer.concat([junk, good[0]]), [65_536])]) {
    const { output, dropped } = await filter(chunks);
    assert.deepEqual(bodiesOf(output), [bodies[0]]);
    assert.equal(dropped.length, 2, dropped.join('\n'));
    assert.match(dropped[1], /^dropped \d+ more bytes in \d+ more pieces of broken input before this message$/);
  }
});

test('a header claiming more bytes than follow does not hold back the messages after it', async () => {
  const { output, dropped } = await filter([Buffer.from('Content-Length: 1000000\r\n\r\n{"a": '), good[0], good[1]], false);
  assert.deepEqual(bodiesOf(output), bodies.slice(0, 2), 'delivered with the input still open');
  assert.match(dropped[0], /a message whose body holds a Content-Length line/);
});

test('at the end of input, a message cut off is dropped; a header glued inside its header is read', async () => {
  const cutOff = await filter([Buffer.from('Content-Length: 5000\r\n\r\n{"a": 1')]);
  assert.equal(cutOff.output.length, 0);
  assert.match(cutOff.dropped.join('\n'), /a message cut off by the end of input/);
  const glued = await filter([Buffer.from('Content-Length: 5000\r\nX-'), good[0]]);
  assert.deepEqual(bodiesOf(glued.output), [bodies[0]]);
});

test("vscode-jsonrpc's reader gets every good message after each kind of garbage, and no error", async () => {
  const garbage = ['X-Junk\r\n', 'X-Junk: 1\r\n\r\n', '\n\r\n', 'Content-Length: 3\r\nContent-Length: 2\r\n\r\nab', 'Content-Length: 1\r\n'.repeat(1000), 'Content-Length: 20\r\n\r\n'];
  const stream = messageFramingFilter(() => undefined);
  const reader = new StreamMessageReader(stream);
  const received: Message[] = [];
  const errors: Error[] = [];
  reader.onError((error) => errors.push(error));
  reader.listen((message) => received.push(message));
  garbage.forEach((junk, id) => {
    stream.write(Buffer.from(junk));
    stream.write(frame(JSON.stringify({ jsonrpc: '2.0', id, method: 'probe' })));
  });
  for (let turn = 0; turn < 50 && received.length < garbage.length; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(errors, []);
  assert.deepEqual(received.map((message) => ('id' in message ? message.id : undefined)), garbage.map((_, id) => id));
  reader.dispose();
});

test('fuzz: after random garbage in random chunks, every good message passes, framed plainly, with a bounded report', async () => {
  await fc.assert(
    fc.asyncProperty(framingInput, async (input) => {
      await checkFraming(input);
    }),
    { seed: 20261207, numRuns: 400, includeErrorInReport: true },
  );
});
