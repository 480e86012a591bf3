// Reads the expectations written next to the fixture code: `# expect: WD101, WD301` on the line
// where a finding starts. A line without such a comment expects nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';

export const pythonFixtures = path.resolve(__dirname, '..', 'fixtures', 'python');

/** Each `.py` file alone, and each folder as one workspace. */
export function fixtureWorkspaces(): { name: string; files: string[] }[] {
  return readdirSync(pythonFixtures)
    .sort()
    .map((entry) => {
      const full = path.join(pythonFixtures, entry);
      const files = statSync(full).isDirectory()
        ? readdirSync(full).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(full, f))
        : [full];
      return { name: entry, files };
    })
    .filter((workspace) => workspace.files.some((file) => file.endsWith('.py')));
}

/** `file:line CODE` strings, sorted, for readable assertion diffs. */
export function expectedFindings(files: string[]): string[] {
  const expected: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!/#\s*expect\b/.test(line)) return;
        const match = /#\s*expect:\s*(WD\d{3}(?:\s*,\s*WD\d{3})*)\s*$/.exec(line);
        if (!match) throw new Error(`${file}:${index + 1}: malformed expectation (write "# expect: WD101, WD301")`);
        for (const code of match[1].split(',').map((c) => c.trim()).filter(Boolean)) {
          expected.push(`${path.basename(file)}:${index + 1} ${code}`);
        }
      });
  }
  return expected.sort();
}

export function actualFindings(result: AnalysisResult): string[] {
  return result.findings.map((f) => `${path.basename(new URL(f.uri).pathname)}:${f.range.startLine + 1} ${f.code}`).sort();
}

export async function analyzeFiles(files: string[], analyzer?: WorkspaceAnalyzer): Promise<AnalysisResult> {
  const workspace = analyzer ?? (await WorkspaceAnalyzer.create());
  for (const file of files) workspace.setFile(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  return workspace.analyze();
}
