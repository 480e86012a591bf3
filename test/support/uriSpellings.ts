// How clients spell the file: URI of a path, where Node's pathToFileURL spells it otherwise: VS Code
// escapes every byte but the unreserved characters (`( ) ' $ & + , ; = ! @ :` included), with
// upper-case hex digits; Neovim escapes non-ASCII bytes and spaces with lower-case ones.

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
