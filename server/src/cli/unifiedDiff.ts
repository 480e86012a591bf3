// `check --diff`: a file's fixes as a unified diff (`patch -p0` applies it), built from the
// replacements themselves rather than by diffing two texts: each changed line block is known.
import { lineStarts, type Replacement } from './applyFixes';

const CONTEXT = 3;

/** A run of old lines replaced by new ones (either may be empty). */
interface LineChange {
  /** Index of the first old line, or of the line the new ones go before. */
  oldStart: number;
  removed: string[];
  added: string[];
}

/** `replacements`: in text order, none overlapping (FileFixes). Lines keep their line ends. */
export function unifiedDiff(path: string, before: string, replacements: readonly Replacement[]): string {
  const starts = lineStarts(before);
  const lines = linesWithEnds(before, starts);
  const changes = lineChanges(starts, lines, replacements);
  if (changes.length === 0) return '';
  const out = [`--- ${path}\n`, `+++ ${path}\n`];
  let shift = 0;
  for (const hunk of hunks(changes)) {
    const first = hunk[0];
    const last = hunk[hunk.length - 1];
    const oldStart = Math.max(0, first.oldStart - CONTEXT);
    const oldEnd = Math.min(lines.length, last.oldStart + last.removed.length + CONTEXT);
    const body: string[] = [];
    let line = oldStart;
    let grown = 0;
    for (const change of hunk) {
      for (; line < change.oldStart; line++) body.push(diffLine(' ', lines[line]));
      body.push(...change.removed.map((removed) => diffLine('-', removed)), ...change.added.map((added) => diffLine('+', added)));
      line += change.removed.length;
      grown += change.added.length - change.removed.length;
    }
    for (; line < oldEnd; line++) body.push(diffLine(' ', lines[line]));
    out.push(`@@ -${span(oldStart, oldEnd - oldStart)} +${span(oldStart + shift, oldEnd - oldStart + grown)} @@\n`, ...body);
    shift += grown;
  }
  return out.join('');
}

/** The changed line blocks: the lines each group of replacements touches, before and after, without the lines that stay. */
function lineChanges(starts: readonly number[], lines: readonly string[], replacements: readonly Replacement[]): LineChange[] {
  const lineAt = (offset: number) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  // Replacements touching a common line form one block.
  const groups: { first: number; last: number; replacements: Replacement[] }[] = [];
  for (const replacement of replacements) {
    const first = lineAt(replacement.start);
    const last = lineAt(replacement.end);
    const previous = groups[groups.length - 1];
    if (previous && first <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.replacements.push(replacement);
    } else groups.push({ first, last, replacements: [replacement] });
  }
  return groups.flatMap(({ first, last, replacements: inGroup }) => {
    const blockStart = starts[first];
    const oldLines = lines.slice(first, last + 1);
    let block = oldLines.join('');
    for (const { start, end, newText } of [...inGroup].reverse()) block = block.slice(0, start - blockStart) + newText + block.slice(end - blockStart);
    const newLines = linesWithEnds(block, lineStarts(block));
    let same = 0;
    while (same < oldLines.length && same < newLines.length && oldLines[same] === newLines[same]) same++;
    let sameAtEnd = 0;
    while (sameAtEnd < oldLines.length - same && sameAtEnd < newLines.length - same && oldLines[oldLines.length - 1 - sameAtEnd] === newLines[newLines.length - 1 - sameAtEnd]) sameAtEnd++;
    const removed = oldLines.slice(same, oldLines.length - sameAtEnd);
    const added = newLines.slice(same, newLines.length - sameAtEnd);
    return removed.length === 0 && added.length === 0 ? [] : [{ oldStart: first + same, removed, added }];
  });
}

/** The lines of a text with their line ends (`starts`: lineStarts); no empty last line after a final line end. */
export function linesWithEnds(text: string, starts: readonly number[]): string[] {
  return starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length)).filter((line) => line !== '');
}

/** Changes whose context lines would touch share a hunk. */
function hunks(changes: readonly LineChange[]): LineChange[][] {
  const grouped: LineChange[][] = [];
  for (const change of changes) {
    const current = grouped[grouped.length - 1];
    const previous = current?.[current.length - 1];
    if (previous && change.oldStart - (previous.oldStart + previous.removed.length) <= 2 * CONTEXT) current.push(change);
    else grouped.push([change]);
  }
  return grouped;
}

/** `start,count` as 1-based lines; an empty range names the line before it, as diff does. */
function span(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

function diffLine(marker: ' ' | '-' | '+', line: string): string {
  return /\r?\n$|\r$/.test(line) ? `${marker}${line}` : `${marker}${line}\n\\ No newline at end of file\n`;
}
