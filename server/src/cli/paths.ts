// How files are named in the output: relative to the working folder when inside it.
import { uriToPath } from '../analysis/fileUris';
import { relativePath } from '../files/workspacePaths';

/** How a file is named in text and JSON output: relative to `cwd` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  return relativePath(absolute, cwd) ?? absolute;
}

export function displayUri(uri: string, cwd: string): string {
  return displayPath(uriToPath(uri), cwd);
}

/** Line breaks and other control characters (terminal escapes among them). */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
const SHORT_ESCAPES: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Control characters escaped as JSON escapes them (`\n`, `\u001b`), and also DEL, the C1
 * controls and the line separators, which JSON leaves raw: text output holds no character that
 * breaks a line or drives the terminal.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A name as the text output prints it: as it is, or, when it holds a control character, quoted and
 * escaped as the JSON output spells it (git quotes names the same way). A raw line break would let
 * a file's name forge a line of output. A name starting with a quote is quoted too, so that it
 * cannot pass for a quoted one.
 */
function printedName(name: string): string {
  if (!CONTROL_CHARACTER.test(name) && !name.startsWith('"')) return name;
  return `"${escapeControlCharacters(name.replace(/["\\]/g, '\\$&'))}"`;
}

/** displayPath for the text output. */
export function printedPath(absolute: string, cwd: string): string {
  return printedName(displayPath(absolute, cwd));
}

export function printedUri(uri: string, cwd: string): string {
  return printedName(displayUri(uri, cwd));
}
