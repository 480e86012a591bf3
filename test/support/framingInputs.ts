// Random stdio traffic for the framing filter (server/src/stdioFraming.ts): garbage made of the
// pieces broken framing is made of (header fragments, line ends, lengths, JSON fragments, random
// bytes), then well-framed messages, cut into random chunks. Inputs are plain data, so a failing
// one prints as it is.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { messageFramingFilter } from '../../server/src/stdioFraming';

export interface FramingInput {
  garbage: Uint8Array[];
  /** Bodies of the well-framed messages after the garbage. */
  messages: string[];
  /** Messages with a Content-Type line after their Content-Length, by index. */
  withContentType: boolean[];
  /** The traffic is cut into chunks of these sizes, in turn. */
  chunkSizes: number[];
}

const fragments = [
  'Content-Length: ',
  'Content-Length: 1\r\n',
  'Content-Length: 12\r\n\r\n',
  'content-length:',
  'Content-Type: application/vscode-jsonrpc\r\n',
  'X-Junk',
  'X-Junk: 1\r\n\r\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\n',
  ':',
  ' ',
  '{',
  '}',
  '"',
  '{"jsonrpc":"2.0","id":1,"method":"x"}',
];

const garbagePiece: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(...fragments).map((text) => Buffer.from(text, 'latin1')),
  // Repeated, past the longest header the filter waits for.
  fc.tuple(fc.constantFrom(...fragments), fc.integer({ min: 2, max: 1500 })).map(([text, count]) => Buffer.from(text.repeat(count), 'latin1')),
  fc.nat({ max: 100_000 }).map((length) => Buffer.from(String(length))),
  fc.uint8Array({ minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => Buffer.from(text)),
);

const messageBody: fc.Arbitrary<string> = fc
  .record({ id: fc.nat(), text: fc.string({ unit: 'grapheme', maxLength: 40 }) })
  .map(({ id, text }) => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { text } }));

export const framingInput: fc.Arbitrary<FramingInput> = fc.record({
  garbage: fc.array(garbagePiece, { minLength: 1, maxLength: 30 }),
  messages: fc.array(messageBody, { minLength: 1, maxLength: 4 }),
  withContentType: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  chunkSizes: fc.array(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 70_000 })), { minLength: 1, maxLength: 8 }),
});

/** A well-framed message: `Content-Length` (then a Content-Type line if asked), a blank line, the body. */
function framed(body: string, withContentType = false): Buffer {
  const contentType = withContentType ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '';
  return Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n${contentType}\r\n${body}`);
}

/** The input's bytes cut into chunks of its sizes, in turn. */
export function framingChunks(input: FramingInput): Buffer[] {
  const data = Buffer.concat([...input.garbage, ...input.messages.map((body, i) => framed(body, input.withContentType[i]))]);
  return cutInto(data, input.chunkSizes);
}

export function cutInto(data: Buffer, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length];
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

/** The filter's output for `chunks`, and what it reported; `end: false` leaves the input open. */
export async function filter(chunks: Buffer[], end = true): Promise<{ output: Buffer; dropped: string[] }> {
  const dropped: string[] = [];
  const stream = messageFramingFilter((reason) => dropped.push(reason));
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  for (const chunk of chunks) stream.write(chunk);
  if (end) {
    stream.end();
    await ended;
  } else await new Promise((resolve) => setImmediate(resolve));
  return { output: Buffer.concat(parts), dropped };
}

/** The bodies of `output`, which must be nothing but `Content-Length: N`, a blank line and N bytes, again and again. */
export function bodiesOf(output: Buffer): string[] {
  const found: string[] = [];
  for (let at = 0; at < output.length; ) {
    const header = /^Content-Length: (\d+)\r\n\r\n/.exec(output.subarray(at, at + 40).toString('latin1'));
    assert.ok(header, `a plain header at byte ${at}: ${JSON.stringify(output.subarray(at, at + 40).toString('latin1'))}`);
    const start = at + header[0].length;
    at = start + Number(header[1]);
    assert.ok(at <= output.length, 'the whole body');
    found.push(output.subarray(start, at).toString('utf8'));
  }
  return found;
}

/** The property: after the garbage, every good message arrives whole, with a bounded number of report lines. Throws otherwise. */
export async function checkFraming(input: FramingInput): Promise<void> {
  const { output, dropped } = await filter(framingChunks(input));
  const delivered = bodiesOf(output);
  assert.deepEqual(delivered.slice(delivered.length - input.messages.length), input.messages);
  assert.ok(dropped.length <= 2 * (delivered.length + 1), dropped.join('\n'));
}
