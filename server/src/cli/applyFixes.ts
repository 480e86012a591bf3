// `check --fix` and `--diff`: which fixes to apply and the texts they give. Each finding's
// preferred fix; one whose edits overlap an edit taken already waits for another run (as ruff
// does: the text it was computed from is gone), and a fix identical to one taken (the same sum for
// two writes of a collection) is taken once. Pure: texts in, texts out.
import type { Finding, TextOf } from '../analysis/findings';
import { fixesOf } from '../rules';

/** One edit in offsets of the file's text as analysed. */
export interface Replacement {
  start: number;
  end: number;
  newText: string;
}

export interface FileFixes {
  uri: string;
  before: string;
  after: string;
  /** In text order, none overlapping. */
  replacements: Replacement[];
}

export interface FixPlan {
  /** Changed files, by URI. */
  files: FileFixes[];
  /** The fixes applied: the files each edits and the findings it fixes (one fix may serve several). */
  applied: { uris: string[]; findings: number }[];
  /** Findings whose fix overlaps one applied: another `--fix` run applies it. */
  overlapping: number;
  /** Findings whose fix edits a notebook, which the CLI does not write (the editor applies them). */
  inNotebooks: number;
}

/** `findings` in report order: where fixes overlap, the first one wins. */
export function planFixes(findings: readonly Finding[], textOf: TextOf, isNotebook: (uri: string) => boolean): FixPlan {
  const taken = new Map<string, (Replacement & { order: number })[]>();
  const appliedByEdits = new Map<string, FixPlan['applied'][number]>();
  const plan: FixPlan = { files: [], applied: [], overlapping: 0, inNotebooks: 0 };
  // A fix edits only files whose text its rule read: textOf has them.
  const startsByUri = new Map<string, number[]>();
  const offsetOf = (uri: string, line: number, column: number) => {
    const text = textOf(uri)!;
    let starts = startsByUri.get(uri);
    if (!starts) startsByUri.set(uri, (starts = lineStarts(text)));
    return offsetAt(text, starts, line, column);
  };
  for (const finding of findings) {
    const [fix] = fixesOf(finding.code, finding.fixes, textOf);
    if (!fix) continue;
    if (fix.edits.some((edit) => isNotebook(edit.uri))) {
      plan.inNotebooks++;
      continue;
    }
    const key = JSON.stringify(fix.edits);
    const same = appliedByEdits.get(key);
    if (same) {
      same.findings++;
      continue;
    }
    const replacements = fix.edits.map(({ uri, range, newText }) => ({
      uri,
      start: offsetOf(uri, range.startLine, range.startColumn),
      end: offsetOf(uri, range.endLine, range.endColumn),
      newText,
    }));
    if (replacements.some((replacement) => (taken.get(replacement.uri) ?? []).some((other) => overlap(replacement, other)))) {
      plan.overlapping++;
      continue;
    }
    for (const { uri, start, end, newText } of replacements) {
      const list = taken.get(uri) ?? [];
      list.push({ start, end, newText, order: list.length });
      taken.set(uri, list);
    }
    const applied = { uris: [...new Set(fix.edits.map((edit) => edit.uri))], findings: 1 };
    appliedByEdits.set(key, applied);
    plan.applied.push(applied);
  }
  for (const [uri, list] of [...taken].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // Later edits at one offset go in first, so the text keeps the edits' order (as LSP applies them).
    const fromTheEnd = [...list].sort((a, b) => b.start - a.start || b.order - a.order);
    const before = textOf(uri)!;
    const after = fromTheEnd.reduce((text, { start, end, newText }) => text.slice(0, start) + newText + text.slice(end), before);
    plan.files.push({ uri, before, after, replacements: fromTheEnd.reverse().map(({ start, end, newText }) => ({ start, end, newText })) });
  }
  return plan;
}

/** Overlapping, or starting at one offset (which goes first would be a guess). */
function overlap(a: Replacement, b: Replacement): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** Where each line starts; lines end at LF, CRLF or a lone CR, as analysis ranges count them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1);
  }
  return starts;
}

/** The offset of a position, clamped to its line's text (as LSP clients clamp). */
function offsetAt(text: string, starts: readonly number[], line: number, column: number): number {
  if (line >= starts.length) return text.length;
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  const contentEnd = text.slice(starts[line], lineEnd).replace(/\r?\n$|\r$/, '').length + starts[line];
  return Math.min(starts[line] + column, contentEnd);
}
