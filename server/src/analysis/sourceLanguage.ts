// Which language a file is analysed as, from its name alone: TypeScript and JavaScript files
// (TF.js models) by their extensions, Python for everything else that reaches the analysis.
import * as path from 'node:path';

/** The tree-sitter grammar of a TypeScript/JavaScript file. */
export type ScriptGrammar = 'typescript' | 'tsx';

// TSX is TypeScript plus JSX; JavaScript (with or without JSX) parses with it too, while the plain
// TypeScript grammar reads `<T>x` as a type assertion and so rejects JSX.
const scriptGrammars: Record<string, ScriptGrammar> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'tsx',
  '.jsx': 'tsx',
  '.mjs': 'tsx',
  '.cjs': 'tsx',
};

/** Type declarations hold no code that runs. */
const declarationFile = /\.d\.[cm]?ts$/;

/** The grammar of a TypeScript/JavaScript path or URI; undefined for anything else (Python). */
export function scriptGrammarOf(pathOrUri: string): ScriptGrammar | undefined {
  if (declarationFile.test(pathOrUri)) return undefined;
  return scriptGrammars[path.extname(pathOrUri)];
}

export function isScriptPath(pathOrUri: string): boolean {
  return scriptGrammarOf(pathOrUri) !== undefined;
}

/** A Jupyter notebook, whose code cells are analysed as one Python module. */
export function isNotebookFile(name: string): boolean {
  return name.endsWith('.ipynb');
}

/** A TypeScript or JavaScript extension at the end of a path or import specifier. */
export const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** The extensions `scriptGrammarOf` knows, for file watchers (`ts,tsx,...`). */
export const SCRIPT_EXTENSIONS: readonly string[] = Object.keys(scriptGrammars).map((extension) => extension.slice(1));
