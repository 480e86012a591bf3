// The stdio framing filter (server/src/stdioFraming.ts): good messages pass through unchanged in
// however many chunks they arrive; broken headers and bodies that are not JSON are dropped and
// reported, and the messages after them still pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageFramingFilter } from '../../server/src/stdioFraming';

const frame = (body: string, header = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`) => Buffer.from(header + body);
const good = [frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame(JSON.stringify({ text: 'é😀'.repeat(3000) })), frame('{}', 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n')];

async function filter(chunks: Buffer[]): Promise<{ output: Buffer; dropped: string[] }> {
  const dropped: string[] = [];
  const stream = messageFramingFilter((reason) => dropped.push(reason));
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await ended;
  return { output: Buffer.concat(parts), dropped };
}

/** `data` cut into pieces of 1..size bytes, from a fixed sequence. */
function chunked(data: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const length = 1 + ((i * 7919) % size);
    chunks.push(data.subarray(at, at + length));
    at += length;
  }
  return chunks;
}

test('good messages pass unchanged, whole, byte by byte or in odd chunks', async () => {
  const all = Buffer.concat(good);
  for (const chunks of [[all], chunked(all, 1), chunked(all, 13), chunked(all, 5000)]) {
    const { output, dropped } = await filter(chunks);
    assert.ok(output.equals(all));
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
  ];
  const stream = Buffer.concat([good[0], ...bad.flatMap((junk) => [junk, good[1]]), good[2]]);
  for (const chunks of [[stream], chunked(stream, 97)]) {
    const { output, dropped } = await filter(chunks);
    assert.ok(output.equals(Buffer.concat([good[0], ...bad.map(() => good[1]), good[2]])), 'every good message, nothing else');
    const reasons = dropped.join('\n');
    assert.match(reasons, /header has no Content-Length: "Content-Type: application\/json"/);
    assert.match(reasons, /header has no Content-Length: "Content-Length: many"/);
    assert.match(reasons, /not JSON \(.*\): "\{\\"truncated\\": "/);
    // Junk is reported once or, cut into chunks, in parts.
    assert.ok(dropped.every((reason) => /header has no Content-Length|not JSON|not an LSP header/.test(reason)), reasons);
  }
});

test('a Content-Length over the limit is a broken header, not a wait for 100 GB', async () => {
  const stream = Buffer.concat([frame('{}', 'Content-Length: 99999999999\r\n\r\n'), good[0], good[1]]);
  for (const chunks of [[stream], chunked(stream, 61)]) {
    const { output, dropped } = await filter(chunks);
    assert.ok(output.equals(Buffer.concat([good[0], good[1]])), 'the messages after it pass');
    assert.match(dropped.join('\n'), /Content-Length 99999999999 is over \d+ bytes/);
  }
});

test('a 20 MB message in 64 KB chunks passes whole', async () => {
  const big = frame(JSON.stringify({ text: 'x'.repeat(20_000_000) }));
  const chunks: Buffer[] = [];
  for (let at = 0; at < big.length; at += 65_536) chunks.push(big.subarray(at, at + 65_536));
  const { output, dropped } = await filter([...chunks, good[0]]);
  assert.ok(output.equals(Buffer.concat([big, good[0]])));
  assert.deepEqual(dropped, []);
});
