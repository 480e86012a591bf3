// Reads the expectations written next to the fixture code: `# expect: WD101, WD301` on the line
// where a finding starts (`// expect: WD103` in TypeScript and JavaScript). A line without such a
// comment expects nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScriptPath } from '../../server/src/analysis/sourceLanguage';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';

export const pythonFixtures = path.resolve(__dirname, '..', 'fixtures', 'python');
export const typescriptFixtures = path.resolve(__dirname, '..', 'fixtures', 'typescript');

function isSource(file: string): boolean {
  return file.endsWith('.py') || isScriptPath(file);
}

/** Each source file alone, and each folder as one workspace. */
export function fixtureWorkspaces(root = pythonFixtures): { name: string; files: string[] }[] {
  return readdirSync(root)
    .sort()
    .map((entry) => {
      const full = path.join(root, entry);
      const files = statSync(full).isDirectory()
        ? readdirSync(full).filter(isSource).sort().map((f) => path.join(full, f))
        : [full];
      return { name: entry, files };
    })
    .filter((workspace) => workspace.files.some(isSource));
}

/**
 * The rule codes one source line expects (none without an expectation comment); a line that
 * mentions `expect` in a comment but is not well formed throws, naming `where`.
 */
export function expectedCodes(line: string, comment: '#' | '//', where: string): string[] {
  if (!new RegExp(`${comment}\\s*expect\\b`).test(line)) return [];
  const match = new RegExp(`${comment}\\s*expect:\\s*(WD\\d{3}(?:\\s*,\\s*WD\\d{3})*)\\s*$`).exec(line);
  if (!match) throw new Error(`${where}: malformed expectation (write "${comment} expect: WD101, WD301")`);
  return match[1].split(',').map((code) => code.trim());
}

/** `file:line CODE` strings, sorted, for readable assertion diffs. */
export function expectedFindings(files: string[]): string[] {
  const expected: string[] = [];
  for (const file of files) {
    const comment = isScriptPath(file) ? '//' : '#';
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const code of expectedCodes(line, comment, `${file}:${index + 1}`)) expected.push(`${path.basename(file)}:${index + 1} ${code}`);
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
