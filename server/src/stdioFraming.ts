// LSP over stdio frames each message as header lines, a blank line, and `Content-Length` bytes of
// JSON. vscode-jsonrpc's reader loses the framing for good on a header block it cannot parse (a
// line without a colon, a stray line end before it) and drops a body that is not JSON without a
// word. This filter, between stdin and the reader, hands the reader only what it can read: each
// JSON body with a header of its own making (`Content-Length: N`, nothing else). Anything else is
// dropped and reported, and the search for the next message starts again just past what failed,
// so the server answers the next well-formed message after any garbage. The work is linear in the
// input whatever its chunking, and a run of garbage between two messages is reported in two lines.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_NAME = 'content-length';
/** Where a header block may start again after garbage: this text, in any case. */
const LENGTH_FIELD = `${LENGTH_NAME}:`;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8192;
/** Above the largest document the server reads (a 32 MiB notebook): a bigger length is a broken header. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const EXCERPT_BYTES = 200;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

export function messageFramingFilter(onDropped: (reason: string) => void): Transform {
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      framer.write(chunk);
      done();
    },
    flush(done: TransformCallback) {
      framer.end();
      done();
    },
  });
  const framer = new MessageFramer((message) => stream.push(message), onDropped);
  return stream;
}

/** A message whose header has been read: its body is awaited or checked. */
interface PendingMessage {
  headerEnd: number;
  bodyBytes: number;
  /** The body before this offset holds no header line (see `lengthLineIn`). */
  checkedTo: number;
}

class MessageFramer {
  private readonly input = new ByteQueue();
  /** The next header end is searched from here: the bytes before it hold none. */
  private headerSearchFrom = 0;
  private pending: PendingMessage | undefined;
  /** Bytes dropped since the first report of the current run of garbage, told when it ends. */
  private unreported: { bytes: number; pieces: number } | undefined;

  constructor(
    private readonly deliver: (message: Buffer) => void,
    private readonly report: (reason: string) => void,
  ) {}

  write(chunk: Buffer): void {
    this.input.append(chunk);
    this.frame(false);
  }

  end(): void {
    this.frame(true);
    this.endRun('before the end of input');
  }

  private frame(atEnd: boolean): void {
    for (;;) {
      const bytes = this.input.bytes();
      const pending = this.pending;
      if (pending) {
        if (!this.readBody(bytes, pending, atEnd)) return;
        continue;
      }
      const headerEnd = bytes.indexOf(HEADER_END, this.headerSearchFrom);
      if (headerEnd !== -1) {
        const header = parseHeader(bytes.subarray(0, headerEnd));
        if ('problem' in header) this.dropThroughHeader(bytes, headerEnd, `a header with ${header.problem}`);
        else this.awaitBody(headerEnd, header.bodyBytes);
        continue;
      }
      this.headerSearchFrom = Math.max(0, bytes.length - (HEADER_END.length - 1));
      if (atEnd) {
        if (bytes.length > 0) this.drop(bytes.length, 'the input ended inside a header');
        return;
      }
      // No header end: a header can only start in the last MAX_HEADER_BYTES. Dropping only past
      // twice that keeps this search from looking at any byte twice.
      if (bytes.length > 2 * MAX_HEADER_BYTES) {
        const from = bytes.length - MAX_HEADER_BYTES;
        const next = nextLengthField(bytes, from) ?? bytes.length - (LENGTH_FIELD.length - 1);
        this.drop(next, `no header end in ${MAX_HEADER_BYTES} bytes`);
        this.headerSearchFrom = Math.max(0, bytes.length - next - (HEADER_END.length - 1));
      }
      return;
    }
  }

  private awaitBody(headerEnd: number, bodyBytes: number): void {
    const bodyStart = headerEnd + HEADER_END.length;
    this.pending = { headerEnd, bodyBytes, checkedTo: bodyStart };
    // A message still to come is copied into place once, however many chunks it arrives in; the
    // room past it takes the start of the next message from the same chunk.
    const missing = bodyStart + bodyBytes - this.input.length;
    if (missing > 0) this.input.reserve(missing + ByteQueue.INITIAL_BYTES);
  }

  /** Delivers or drops the pending message; false when its body is still to come. */
  private readBody(bytes: Buffer, pending: PendingMessage, atEnd: boolean): boolean {
    const bodyStart = pending.headerEnd + HEADER_END.length;
    const end = bodyStart + pending.bodyBytes;
    const available = Math.min(end, bytes.length);
    // A body holding a header line cannot be JSON: it fails without waiting for the rest of it,
    // so a garbage header claiming many bytes does not swallow the messages after it.
    if (lengthLineIn(bytes, bodyStart, pending.checkedTo, available)) {
      this.failPending(bytes, 'a message whose body holds a Content-Length line');
      return true;
    }
    pending.checkedTo = available;
    if (bytes.length < end) {
      if (atEnd) this.failPending(bytes, 'a message cut off by the end of input');
      return atEnd;
    }
    const body = bytes.subarray(bodyStart, end);
    try {
      JSON.parse(body.toString('utf8'));
    } catch (error) {
      this.failPending(bytes, `a message whose body is not JSON (${error instanceof Error ? error.message : String(error)})`);
      return true;
    }
    this.deliver(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    this.input.consume(end);
    this.pending = undefined;
    this.headerSearchFrom = 0;
    this.endRun('before this message');
    return true;
  }

  /**
   * The pending message is not one: it is garbage from its second byte on. Its header may have
   * taken in the start of the next message's (garbage glued before a `Content-Length:`).
   */
  private failPending(bytes: Buffer, reason: string): void {
    const { headerEnd } = this.pending!;
    this.pending = undefined;
    this.dropThroughHeader(bytes, headerEnd, reason);
  }

  /**
   * Drops a header block that does not start a message: up to the last `Content-Length:` after
   * its first byte if a good header starts there (garbage glued to the front of a header), else
   * through its blank line. Only the last can start one: a header from an earlier one would hold
   * two Content-Length lines.
   */
  private dropThroughHeader(bytes: Buffer, headerEnd: number, reason: string): void {
    const start = lastLengthField(bytes, Math.max(1, headerEnd - MAX_HEADER_BYTES), headerEnd);
    if (start !== undefined && !('problem' in parseHeader(bytes.subarray(start, headerEnd)))) {
      this.drop(start, reason);
      this.headerSearchFrom = headerEnd - start;
    } else {
      this.drop(headerEnd + HEADER_END.length, reason);
      this.headerSearchFrom = 0;
    }
  }

  /** Drops the first `count` input bytes; the first drop of a run is reported at once, the rest when it ends. */
  private drop(count: number, reason: string): void {
    if (this.unreported) {
      this.unreported.bytes += count;
      this.unreported.pieces++;
    } else {
      const excerpt = JSON.stringify(this.input.bytes().subarray(0, Math.min(count, EXCERPT_BYTES)).toString('utf8'));
      this.report(`dropped ${count} bytes, ${reason}: ${excerpt}`);
      this.unreported = { bytes: 0, pieces: 0 };
    }
    this.input.consume(count);
  }

  private endRun(where: string): void {
    const run = this.unreported;
    this.unreported = undefined;
    if (run && run.pieces > 0) this.report(`dropped ${run.bytes} more bytes in ${run.pieces} more pieces of broken input ${where}`);
  }
}

/** The body length a header block (without its blank line) gives, or what is wrong with it. */
function parseHeader(block: Buffer): { bodyBytes: number } | { problem: string } {
  if (block.length > MAX_HEADER_BYTES) return { problem: `more than ${MAX_HEADER_BYTES} bytes` };
  let bodyBytes: number | undefined;
  for (const line of block.toString('latin1').split('\r\n')) {
    const field = HEADER_LINE.exec(line);
    if (!field) return { problem: `a line that is not "name: value" (${JSON.stringify(line.slice(0, EXCERPT_BYTES))})` };
    if (field[1].toLowerCase() !== LENGTH_NAME) continue;
    if (bodyBytes !== undefined) return { problem: 'two Content-Length lines' };
    if (!/^\d+$/.test(field[2])) return { problem: `Content-Length ${JSON.stringify(field[2])}, not a number of bytes` };
    bodyBytes = Number(field[2]);
    if (bodyBytes > MAX_MESSAGE_BYTES) return { problem: `Content-Length ${field[2]}, over ${MAX_MESSAGE_BYTES} bytes` };
  }
  return bodyBytes === undefined ? { problem: 'no Content-Length' } : { bodyBytes };
}

function nextLengthField(bytes: Buffer, from: number): number | undefined {
  const at = bytes.subarray(from).toString('latin1').toLowerCase().indexOf(LENGTH_FIELD);
  return at === -1 ? undefined : from + at;
}

function lastLengthField(bytes: Buffer, from: number, to: number): number | undefined {
  const at = bytes.subarray(from, to).toString('latin1').toLowerCase().lastIndexOf(LENGTH_FIELD);
  return at === -1 ? undefined : from + at;
}

const CR = 0x0d;
const isBlank = (byte: number) => byte === 0x20 || byte === 0x09;
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

/**
 * Whether `bytes` between `from` and `to` hold the CR ending a `Content-Length: N` line that lies
 * within the body starting at `bodyStart`. No JSON holds one: inside a string a raw CR is invalid,
 * outside one the letters are. The walk back from each CR crosses only blanks, digits and the
 * name, never another CR, so each byte is visited a bounded number of times.
 */
function lengthLineIn(bytes: Buffer, bodyStart: number, from: number, to: number): boolean {
  for (let cr = bytes.indexOf(CR, from); cr !== -1 && cr < to; cr = bytes.indexOf(CR, cr + 1)) {
    let at = cr - 1;
    while (at >= bodyStart && isBlank(bytes[at])) at--;
    const digitsEnd = at;
    while (at >= bodyStart && isDigit(bytes[at])) at--;
    if (at === digitsEnd) continue;
    while (at >= bodyStart && isBlank(bytes[at])) at--;
    const nameStart = at - LENGTH_FIELD.length + 1;
    if (nameStart >= bodyStart && bytes.subarray(nameStart, at + 1).toString('latin1').toLowerCase() === LENGTH_FIELD) return true;
  }
  return false;
}

/**
 * Bytes received and not yet framed: appended at the end, consumed from the front. Appends cost
 * amortized constant time per byte (the bytes move to the front, or into a buffer at least twice
 * as large, only once the free room is used up), and a reserved message is copied into place once.
 */
class ByteQueue {
  static readonly INITIAL_BYTES = 64 * 1024;
  private storage = Buffer.allocUnsafe(ByteQueue.INITIAL_BYTES);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The queued bytes; a view that the next append or reserve invalidates. */
  bytes(): Buffer {
    return this.storage.subarray(this.start, this.end);
  }

  append(chunk: Buffer): void {
    this.reserve(chunk.length);
    chunk.copy(this.storage, this.end);
    this.end += chunk.length;
  }

  /** Makes room for `extra` more bytes after those queued. */
  reserve(extra: number): void {
    if (this.end + extra <= this.storage.length) return;
    const length = this.length;
    const needed = length + extra;
    const capacity = this.storage.length;
    if (needed <= capacity / 2) {
      this.storage.copyWithin(0, this.start, this.end);
    } else {
      const resized = Buffer.allocUnsafe(needed > capacity ? Math.max(needed, 2 * capacity) : 2 * capacity);
      this.storage.copy(resized, 0, this.start, this.end);
      this.storage = resized;
    }
    this.start = 0;
    this.end = length;
  }

  consume(count: number): void {
    this.start += count;
    if (this.start < this.end) return;
    this.start = this.end = 0;
    // The room a large message took is not kept once it is gone.
    if (this.storage.length > ByteQueue.INITIAL_BYTES) this.storage = Buffer.allocUnsafe(ByteQueue.INITIAL_BYTES);
  }
}
