// Loads web-tree-sitter and its grammars once per process. The wasm files sit next to the bundle
// (dist/) in the extension and the CLI, and in node_modules when running from source.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const wasmPackages: Record<string, string> = {
  'tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-python.wasm': 'tree-sitter-python',
};

function locateWasm(fileName: string): string {
  const bundled = path.join(__dirname, fileName);
  if (existsSync(bundled)) return bundled;
  return require.resolve(`${wasmPackages[fileName]}/${fileName}`);
}

let pythonLanguage: Promise<Language> | undefined;

export function loadPythonLanguage(): Promise<Language> {
  pythonLanguage ??= Parser.init({ locateFile: (name: string) => locateWasm(name) }).then(() =>
    Language.load(locateWasm('tree-sitter-python.wasm')),
  );
  return pythonLanguage;
}

export function createParser(language: Language): Parser {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
