// Reads the expectations written next to the fixture code: `# expect: WD101, WD301` on the line
// where a finding starts (`// expect: WD103` in TypeScript and JavaScript). A line without such a
// comment expects nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isScriptPath } from '../../server/src/analysis/sourceLanguage';
import { isNotebookFile } from '../../server/src/analysis/sourceLanguage';
import { parseNotebook } from '../../server/src/notebooks/ipynb';
import { buildNotebookModule, type NotebookModule } from '../../server/src/notebooks/notebookModule';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';

export const pythonFixtures = path.resolve(__dirname, '..', 'fixtures', 'python');
export const typescriptFixtures = path.resolve(__dirname, '..', 'fixtures', 'typescript');
export const notebookFixtures = path.resolve(__dirname, '..', 'fixtures', 'notebooks');

export interface Workspace {
  name: string;
  files: string[];
}

export function isSource(file: string): boolean {
  return file.endsWith('.py') || isScriptPath(file);
}

/** Source files and notebooks. */
export function isSourceOrNotebook(file: string): boolean {
  return isSource(file) || isNotebookFile(file);
}

/**
 * Each source file directly in `root` alone, and each folder as one workspace of all the source
 * files under it (packages in sub-folders included).
 */
export function fixtureWorkspaces(root = pythonFixtures, isWorkspaceFile = isSource): Workspace[] {
  return readdirSync(root)
    .sort()
    .map((entry) => {
      const full = path.join(root, entry);
      const files = statSync(full).isDirectory()
        ? (readdirSync(full, { recursive: true }) as string[]).filter(isWorkspaceFile).sort().map((f) => path.join(full, f))
        : [full];
      return { name: entry, files };
    })
    .filter((workspace) => workspace.files.some(isWorkspaceFile));
}

/** Each notebook alone, and each folder (notebooks and .py modules) as one workspace. */
export function notebookWorkspaces(): Workspace[] {
  return fixtureWorkspaces(notebookFixtures, (file) => /\.(?:py|ipynb)$/.test(file));
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

/**
 * `file:line CODE` strings, sorted, for readable assertion diffs; `nameOf` names a file's path. A
 * notebook's lines are those of the module of its code cells, as its findings' are.
 */
export function expectedFindings(files: string[], nameOf: (file: string) => string = path.basename): string[] {
  const expected: string[] = [];
  for (const file of files) {
    const comment = isScriptPath(file) ? '//' : '#';
    (isNotebookFile(file) ? notebookModuleOf(file).text : readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line, index) => {
        for (const code of expectedCodes(line, comment, `${file}:${index + 1}`)) expected.push(`${nameOf(file)}:${index + 1} ${code}`);
      });
  }
  return expected.sort();
}

/** The findings as `file:line CODE` strings, sorted, like `expectedFindings`. */
export function actualFindings(result: AnalysisResult, nameOf: (file: string) => string = path.basename): string[] {
  return result.findings.map((f) => `${nameOf(fileURLToPath(f.uri))}:${f.range.startLine + 1} ${f.code}`).sort();
}

/** A notebook's code cells joined into the one module the analysis reads. */
export function notebookModuleOf(file: string): NotebookModule {
  const notebook = parseNotebook(readFileSync(file, 'utf8'));
  if ('skipped' in notebook) throw new Error(`${file}: ${notebook.skipped}`);
  return buildNotebookModule(notebook.cells);
}

/** Each file's text by URI, as the analysis reads it (a notebook: the module of its code cells). */
export function textsOf(files: string[]): Map<string, string> {
  return new Map(files.map((file) => [pathToFileURL(file).href, isNotebookFile(file) ? notebookModuleOf(file).text : readFileSync(file, 'utf8')]));
}

export async function analyzeTexts(texts: ReadonlyMap<string, string>, analyzer?: WorkspaceAnalyzer): Promise<AnalysisResult> {
  const workspace = analyzer ?? (await WorkspaceAnalyzer.create());
  for (const [uri, text] of texts) workspace.setFile(uri, text);
  return workspace.analyze();
}

export async function analyzeFiles(files: string[], analyzer?: WorkspaceAnalyzer): Promise<AnalysisResult> {
  return analyzeTexts(textsOf(files), analyzer);
}
