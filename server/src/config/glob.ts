// File patterns of `per-file-ignores`, matched like ruff's: `*` and `?` stay inside one path
// segment, `**` spans segments, `[abc]`/`[!abc]` are character classes, a leading `!` negates,
// and a pattern without `/` also matches the file's base name anywhere below the config folder.
// (node's path.matchesGlob is experimental in node 20 and prints a warning, so it is not used.)

const compiled = new Map<string, RegExp>();

/** Regular expression of one glob (without a leading `!`), anchored at both ends. */
export function globToRegExp(glob: string): RegExp {
  const cached = compiled.get(glob);
  if (cached) return cached;
  let pattern = glob.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  if (pattern.endsWith('/')) pattern += '**';
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = i + 2 === pattern.length;
      if (atStart && pattern[i + 2] === '/') {
        source += '(?:.*/)?'; // `**/`: any number of folders, none included
        i += 2;
      } else if (atStart && atEnd && i > 0) {
        source = `${source.slice(0, -1)}(?:/.*)?`; // trailing `/**`: the folder and everything in it
        i += 1;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else {
      source += char.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  const regex = new RegExp(`^${source}$`);
  compiled.set(glob, regex);
  return regex;
}

/**
 * Whether `relative` (a path relative to the config folder, `/`-separated; undefined when the file
 * is outside that folder) or `basename` matches `glob`, with `!` negating.
 */
export function matchesFilePattern(glob: string, relative: string | undefined, basename: string): boolean {
  const negated = glob.startsWith('!');
  const pattern = negated ? glob.slice(1) : glob;
  const regex = globToRegExp(pattern);
  const matched =
    (relative !== undefined && regex.test(relative)) || (!pattern.includes('/') && regex.test(basename));
  return negated ? !matched : matched;
}
