// One file, one key. Clients spell the URI of a file differently (VS Code escapes `( ) ' $ & + , ;
// = ! @ :`, Neovim writes lower-case escapes, Node's pathToFileURL does neither), and the server
// indexes workspace files under Node's spelling: an open buffer and its indexed copy would be two
// modules. Every URI a client sends is reduced to its key before it reaches the analysis, and the
// answers go back in the spelling the client last used for that file.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from './analysis/findings';
import { findingLocations, mapFindingLocations } from './notebooks/findingLocations';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The key of a URI: for a local file, Node's spelling of its path (what the workspace index uses);
 * otherwise the URI with its scheme in lower case and its escapes in one form (unreserved
 * characters unescaped, hex digits upper case), which RFC 3986 makes the same URI.
 */
export function uriKey(uri: string): string {
  if (/^file:/i.test(uri)) {
    try {
      return pathToFileURL(fileURLToPath(uri)).href;
    } catch {
      // Not a local path (a host, an escaped `/`): compared as a URI below.
    }
  }
  return uri
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, (scheme) => scheme.toLowerCase())
    .replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
      const character = String.fromCharCode(parseInt(hex, 16));
      return UNRESERVED.test(character) ? character : escape.toUpperCase();
    });
}

/** The URIs the client used, by key: the server keys everything and answers in these. */
export class ClientUris {
  /** Keys the client spells otherwise, with its spelling. */
  private readonly spellings = new Map<string, string>();

  /** The key of a URI the client sent; answers about that file are spelled as it was. */
  received(uri: string): string {
    const key = uriKey(uri);
    if (key === uri) this.spellings.delete(key);
    else this.spellings.set(key, uri);
    return key;
  }

  /** A key as the client spells it. */
  toClient(key: string): string {
    return this.spellings.get(key) ?? key;
  }

  /** The finding with every URI it carries (its own, related, fix data) as the client spells it; the same object when none differs. */
  findingToClient(finding: Finding): Finding {
    if (this.spellings.size === 0 || !findingLocations(finding).some((location) => this.spellings.has(location.uri))) return finding;
    return mapFindingLocations(finding, (location) => ({ ...location, uri: this.toClient(location.uri) }));
  }
}
