// Reading source files safely: every reason a file is not analysed is a message, never a throw.
// UTF-8 (with or without a byte order mark) and UTF-16 with its mark are decoded; `--fix` writes
// a file back in the encoding it was read in.
import { MAX_FILE_BYTES } from '../analysis/sourceFiles';
import { readRegularFile } from './regularFile';

/** How a file's bytes hold its text; UTF-16 is read only with its byte order mark. */
export type TextEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be';

export type SourceText = { text: string; encoding: TextEncoding } | { skipped: string };

const BYTE_ORDER_MARK = '\ufeff';
// The mark is taken off by hand (ignoreBOM), so that exactly one is, and the encoding says so.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictUtf16 = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/** `maxBytes`: a larger limit for files whose analysed text is a small part (notebooks). */
export async function readSourceFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<SourceText> {
  const file = await readRegularFile(path, { maxBytes });
  return 'refused' in file ? { skipped: file.refused } : decodeText(file.bytes);
}

/** The text of a file's bytes, or why it is not text this reads. */
function decodeText(bytes: Buffer): SourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(Buffer.from(bytes.subarray(2)), 'utf-16be');
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
  return text.startsWith(BYTE_ORDER_MARK) ? { text: text.slice(1), encoding: 'utf-8 with BOM' } : { text, encoding: 'utf-8' };
}

/** `bytes` after the mark; those of UTF-16BE are swapped in place (the caller passes a copy). */
function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): SourceText {
  if (bytes.length % 2 !== 0) return { skipped: `not valid UTF-16 (an odd number of bytes after its ${encoding === 'utf-16le' ? 'little' : 'big'}-endian byte order mark)` };
  if (encoding === 'utf-16be') bytes.swap16();
  let text: string;
  try {
    text = strictUtf16.decode(bytes);
  } catch {
    return { skipped: 'not valid UTF-16 (an unpaired surrogate)' };
  }
  return text.includes('\0') ? { skipped: 'binary file (contains NUL characters)' } : { text, encoding };
}

/** The bytes of `text` in `encoding`, its byte order mark included. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM':
      return Buffer.from(BYTE_ORDER_MARK + text, 'utf8');
    case 'utf-16le':
      return Buffer.from(BYTE_ORDER_MARK + text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(BYTE_ORDER_MARK + text, 'utf16le').swap16();
  }
}
