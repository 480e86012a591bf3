// Applying a one-file unified diff as `check --diff` prints it, checking every context and removed
// line: the fuzz run holds each diff to the text `check --fix` writes.
import { lineStarts } from '../../server/src/cli/applyFixes';
import { linesWithEnds } from '../../server/src/cli/unifiedDiff';

const linesOf = (text: string) => linesWithEnds(text, lineStarts(text));

export function applyUnifiedDiff(before: string, diff: string): string {
  const lines = linesOf(before);
  const diffLines = linesOf(diff).slice(2); // the --- and +++ lines
  const out: string[] = [];
  let next = 0;
  for (let index = 0; index < diffLines.length; ) {
    const hunk = /^@@ -(\d+)(,0)?(?:,\d+)? \+\d+(?:,\d+)? @@\n$/.exec(diffLines[index++]);
    if (!hunk) throw new Error(`not a hunk header: ${JSON.stringify(diffLines[index - 1])}`);
    // An empty old range names the line before it.
    const start = hunk[2] ? Number(hunk[1]) : Number(hunk[1]) - 1;
    out.push(...lines.slice(next, start));
    next = start;
    while (index < diffLines.length && !diffLines[index].startsWith('@@')) {
      const marker = diffLines[index][0];
      let content = diffLines[index++].slice(1);
      if (diffLines[index]?.startsWith('\\ No newline at end of file')) {
        content = content.slice(0, -1);
        index++;
      }
      if (marker !== '-') out.push(content);
      if (marker !== '+' && lines[next++] !== content) throw new Error(`line ${next} is not ${JSON.stringify(content)}`);
    }
  }
  return [...out, ...lines.slice(next)].join('');
}
