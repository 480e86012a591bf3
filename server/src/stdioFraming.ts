// LSP over stdio frames each message as header lines, a blank line, and `Content-Length` bytes of
// JSON. vscode-jsonrpc's reader loses the framing for good on a header block without a usable
// Content-Length, and drops a body that is not JSON without a word. This filter, between stdin and
// the reader, passes well-framed JSON messages through unchanged; anything else is dropped, up to
// the next `Content-Length:` header, and reported, so the server reads the next good message.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:\s*(\d+)\s*$/im;
const NEXT_HEADER = 'content-length:';
/** A header block longer than this is not one: dropped like a broken one. */
const MAX_HEADER_BYTES = 8192;
/** Above the largest document the server reads (a 32 MiB notebook): a bigger length is a broken header. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function messageFramingFilter(onDropped: (reason: string) => void): Transform {
  let buffer: Buffer = Buffer.alloc(0);
  // A large body arrives in many chunks: they wait here until the whole message is in, and are
  // joined once (joining on every chunk copies a 30 MB message hundreds of times).
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  let needed = 0;
  /** Dropping until the next `Content-Length:` header at or after this offset of `buffer`. */
  const resync = (from: number, reason: string) => {
    const next = buffer.toString('latin1').toLowerCase().indexOf(NEXT_HEADER, from);
    // Without a next header, keep a tail that may be the start of one split across chunks.
    buffer = next === -1 ? buffer.subarray(Math.max(from, buffer.length - NEXT_HEADER.length)) : buffer.subarray(next);
    onDropped(reason);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (needed > 0) {
        waiting.push(chunk);
        waitingBytes += chunk.length;
        if (waitingBytes < needed) return done();
        buffer = Buffer.concat(waiting, waitingBytes);
        waiting = [];
        needed = 0;
      } else buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf(HEADER_END);
        if (headerEnd === -1) {
          if (buffer.length > MAX_HEADER_BYTES) resync(1, `dropped ${buffer.length} bytes that are not an LSP header`);
          else break;
          continue;
        }
        const header = buffer.subarray(0, headerEnd).toString('ascii');
        const length = CONTENT_LENGTH.exec(header);
        if (!length) {
          resync(1, `dropped a message whose header has no Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
          continue;
        }
        const bodyBytes = Number(length[1]);
        if (bodyBytes > MAX_MESSAGE_BYTES) {
          resync(1, `dropped a message whose Content-Length ${bodyBytes} is over ${MAX_MESSAGE_BYTES} bytes`);
          continue;
        }
        const end = headerEnd + HEADER_END.length + bodyBytes;
        if (buffer.length < end) {
          waiting = [buffer];
          waitingBytes = buffer.length;
          needed = end;
          break;
        }
        const message = buffer.subarray(0, end);
        buffer = buffer.subarray(end);
        const body = message.subarray(headerEnd + HEADER_END.length).toString('utf8');
        try {
          JSON.parse(body);
        } catch (error) {
          onDropped(`dropped a message that is not JSON (${error instanceof Error ? error.message : String(error)}): ${JSON.stringify(body.slice(0, 200))}`);
          continue;
        }
        this.push(message);
      }
      done();
    },
  });
}
