// Reading Jupyter notebooks (nbformat 4 JSON) into their code cells. Anything that is not a
// Python notebook is a skip reason, never an exception.
import { unanalysableReason } from '../analysis/sourceFiles';
import { readSourceFile } from '../files/sourceFiles';
import { isRecord } from '../isRecord';
import { buildNotebookModule, type CodeCell, type NotebookModule } from './notebookModule';

/**
 * Notebook files larger than this are skipped. Larger than the limit for `.py` files: outputs
 * (plots as base64) make up most of a notebook; the code cells still must fit the 1 MiB limit.
 */
const MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024;

type ParsedNotebook = { cells: CodeCell[] } | { skipped: string };

/** The code cells of a notebook's JSON text, in order. */
export function parseNotebook(json: string): ParsedNotebook {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return { skipped: `not a valid notebook: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(document)) return { skipped: 'not a Jupyter notebook (no "cells" list)' };
  if (typeof document.nbformat === 'number' && document.nbformat < 4) {
    return { skipped: `nbformat ${document.nbformat} notebooks are not supported (convert with 'jupyter nbconvert --to notebook')` };
  }
  if (!Array.isArray(document.cells)) return { skipped: 'not a Jupyter notebook (no "cells" list)' };
  const language = kernelLanguage(document.metadata);
  if (language !== undefined && language.toLowerCase() !== 'python') return { skipped: `the notebook's language is ${language}, not Python` };

  const cells: CodeCell[] = [];
  for (const [index, cell] of document.cells.entries()) {
    if (!isRecord(cell) || typeof cell.cell_type !== 'string') return { skipped: `cell ${index + 1} is not a notebook cell (no "cell_type")` };
    if (cell.cell_type !== 'code' || !isPythonCell(cell.metadata)) continue;
    const source = sourceText(cell.source);
    if (source === undefined) return { skipped: `cell ${index + 1}: "source" is neither a string nor a list of strings` };
    cells.push({ cell: index, source });
  }
  return { cells };
}

/** Reads a notebook file and builds the module of its code cells; `json` is the file's text. */
export async function readNotebookFile(path: string): Promise<(NotebookModule & { json: string }) | { skipped: string }> {
  const file = await readSourceFile(path, MAX_NOTEBOOK_BYTES);
  if ('skipped' in file) return file;
  const parsed = parseNotebook(file.text);
  if ('skipped' in parsed) return parsed;
  const module = buildNotebookModule(parsed.cells);
  const reason = unanalysableReason(module.text);
  return reason ? { skipped: `its code cells: ${reason}` } : { ...module, json: file.text };
}

/** `metadata.kernelspec.language` or `metadata.language_info.name`, when the notebook says. */
function kernelLanguage(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) return undefined;
  const kernel = isRecord(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  if (typeof kernel === 'string' && kernel !== '') return kernel;
  const info = isRecord(metadata.language_info) ? metadata.language_info.name : undefined;
  return typeof info === 'string' && info !== '' ? info : undefined;
}

/** VS Code records a cell language other than the kernel's in `metadata.vscode.languageId`. */
function isPythonCell(metadata: unknown): boolean {
  const language = isRecord(metadata) && isRecord(metadata.vscode) ? metadata.vscode.languageId : undefined;
  return typeof language !== 'string' || language === 'python';
}

/** nbformat allows a string or a list of strings (lines with their own newlines). */
function sourceText(source: unknown): string | undefined {
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((part) => typeof part === 'string')) return source.join('');
  return undefined;
}
