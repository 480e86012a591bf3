// TS/JS module specifiers as the IR's imports: a package is a module import, a relative specifier
// (`./model`, `../lib/model.js`) a relative import whose level is 1 + the number of `..`s.
import type { Range } from '../analysis/findings';
import type { Stmt } from '../analysis/ir';
import { SCRIPT_EXTENSION } from '../analysis/sourceLanguage';

export type ModuleRef = { kind: 'package'; module: string } | { kind: 'relative'; level: number; parts: string[] };

export function moduleRef(specifier: string): ModuleRef {
  if (!specifier.startsWith('.')) return { kind: 'package', module: specifier };
  // `./model.js` names `./model.ts` in TypeScript's ESM style: the extension goes.
  const segments = specifier.replace(SCRIPT_EXTENSION, '').split('/').filter((segment) => segment !== '' && segment !== '.');
  let level = 1;
  while (segments[0] === '..') {
    segments.shift();
    level++;
  }
  return { kind: 'relative', level, parts: segments };
}

/** The module as a whole, under `alias`: `import * as m from './model'`, `const tf = require('@tensorflow/tfjs')`. */
export function importModule(ref: ModuleRef, alias: string, range: Range): Stmt {
  if (ref.kind === 'package') return { kind: 'import', module: ref.module, alias, range };
  // A relative module is a name in its folder: `from . import model as m`, as Python writes it.
  const name = ref.parts[ref.parts.length - 1] ?? 'index';
  return { kind: 'from', module: ref.parts.slice(0, -1).join('.'), level: ref.level, names: [{ name, alias }], range };
}

export function importNames(ref: ModuleRef, names: { name: string; alias: string }[], range: Range): Stmt {
  if (ref.kind === 'package') return { kind: 'from', module: ref.module, level: 0, names, range };
  return { kind: 'from', module: ref.parts.join('.'), level: ref.level, names, range };
}
