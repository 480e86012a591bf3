// How clients spell the file: URI of a path, where Node's pathToFileURL spells it otherwise: VS Code
// escapes every byte but the unreserved characters (`( ) ' $ & + , ; = ! @ :` included), with
// upper-case hex digits; Neovim escapes non-ASCII bytes and spaces with lower-case ones.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ClientUris, uriKey } from '../../server/src/clientUris';

function escapeBytes(text: string, keep: RegExp, hex: (byte: number) => string): string {
  return [...Buffer.from(text)].map((byte) => (keep.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${hex(byte)}`)).join('');
}

const upper = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');
const lower = (byte: number) => byte.toString(16).padStart(2, '0');

export function vscodeFileUri(file: string): string {
  return `file://${escapeBytes(file, /[A-Za-z0-9\-._~/]/, upper)}`;
}

export function neovimFileUri(file: string): string {
  return `file://${escapeBytes(file, /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/, lower)}`;
}

/** A path of the long fuzz run (scripts/fuzz.ts): segments of any graphemes, deeper and longer than the unit test's. */
export const uriSpellingPath: fc.Arbitrary<string> = fc
  .array(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => !text.includes('/') && !text.includes('\0') && text !== '.' && text !== '..'),
    { minLength: 1, maxLength: 12 },
  )
  .map((segments) => `/${segments.join('/')}`);

/**
 * The property the server's URI handling keeps (server/src/clientUris.ts): Node's, VS Code's and
 * Neovim's spellings of a file's URI share one key, Node's; a file received in a spelling is
 * answered in that spelling. Throws otherwise.
 */
export function checkUriSpellings(file: string): void {
  const node = pathToFileURL(file).href;
  assert.equal(uriKey(node), node);
  for (const spelled of [vscodeFileUri(file), neovimFileUri(file)]) {
    const uris = new ClientUris();
    assert.equal(uriKey(spelled), node, spelled);
    assert.equal(uris.received(spelled), node, spelled);
    assert.equal(uris.toClient(node), spelled, spelled);
  }
}
