// Project configuration: `decay-lens.json`, or the `[tool.decay-lens]` table of `pyproject.toml`,
// found by walking up from a file like ruff does. A bad entry is reported with its file and line
// and left out; the rest applies. A file that does not parse is reported and ignored as a whole.
// Nothing here throws for what a file contains or for a file-system error.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { RuleCode, Severity } from '../analysis/findings';
import { isRecord } from '../isRecord';
import { rules } from '../rules';
import { jsonKeyLines, lineAndColumn, tomlKeyLines, type KeyLineFinder } from './keyLines';

const JSON_CONFIG = 'decay-lens.json';
const PYPROJECT = 'pyproject.toml';
/** The table of pyproject.toml that holds the configuration. */
const PYPROJECT_TABLE = ['tool', 'decay-lens'] as const;

export interface ProjectConfig {
  /** Rule codes or prefixes (`WD1`) to report; absent: all rules. */
  select?: string[];
  /** Rule codes or prefixes not to report; beats `select` unless select's entry is more specific. */
  ignore?: string[];
  /** Severity per rule code. */
  severity?: Partial<Record<RuleCode, Severity>>;
  /** Glob (relative to `root`) -> codes or prefixes not reported in the files it matches. */
  perFileIgnores?: Record<string, string[]>;
  /** The folder `perFileIgnores` globs are relative to: the config file's folder (set by loadConfig). */
  root?: string;
}

export interface ConfigSource {
  /** Absolute path of the config file. */
  path: string;
  kind: 'json' | 'pyproject';
}

export interface ConfigProblem {
  /** Absolute path of the config file. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface LoadedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const KEYS = ['select', 'ignore', 'severity', 'per-file-ignores'] as const;

const RULE_CODES: readonly RuleCode[] = rules.map((rule) => rule.code);

// ---------------------------------------------------------------------------------------------
// Discovery

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A `[tool.decay-lens]` table (or `[tool.decay-lens.x]`, or a `tool.decay-lens.x = ` key) in the text. */
export function hasDecayLensTable(text: string): boolean {
  const name = `(?:decay-lens|"decay-lens"|'decay-lens')`;
  return (
    new RegExp(`^[ \\t]*\\[[ \\t]*tool[ \\t]*\\.[ \\t]*${name}[ \\t]*[.\\]]`, 'm').test(text) ||
    new RegExp(`^[ \\t]*tool[ \\t]*\\.[ \\t]*${name}[ \\t]*[.=]`, 'm').test(text)
  );
}

/** The config file of one folder itself (not its parents): decay-lens.json first, as ruff prefers ruff.toml. */
function configInFolder(folder: string): ConfigSource | undefined {
  const json = path.join(folder, JSON_CONFIG);
  if (isFile(json)) return { path: json, kind: 'json' };
  const pyproject = path.join(folder, PYPROJECT);
  if (isFile(pyproject)) {
    try {
      if (hasDecayLensTable(readFileSync(pyproject, 'utf8'))) return { path: pyproject, kind: 'pyproject' };
    } catch {
      // Unreadable: as if absent.
    }
  }
  return undefined;
}

/** Per folder: the config that applies to files in it (null: none). */
export type FolderCache = Map<string, ConfigSource | null>;

/**
 * The config file that applies to `filePath`: the first folder, from the file's own up to the
 * file-system root, that has a decay-lens.json or a pyproject.toml with a `[tool.decay-lens]` table.
 */
export function findConfig(filePath: string, cache: FolderCache): ConfigSource | undefined {
  const visited: string[] = [];
  let folder = path.dirname(path.resolve(filePath));
  let found: ConfigSource | null = null;
  for (;;) {
    const cached = cache.get(folder);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(folder);
    const here = configInFolder(folder);
    if (here) {
      found = here;
      break;
    }
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  for (const each of visited) cache.set(each, found);
  return found ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Loading

function describe(value: unknown, kind: ConfigSource['kind']): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return kind === 'json' ? 'an object' : 'a table';
  if (typeof value === 'string') return `a string ('${value}')`;
  return `a ${typeof value} (${String(value)})`;
}

/** TOML dates parse as `Date` objects: not tables. */
function isTable(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !(value instanceof Date);
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** Whether `selector` (upper case) is a rule code or a prefix of one. */
function selectsSomething(selector: string): boolean {
  return selector.length > 0 && RULE_CODES.some((code) => code.startsWith(selector));
}

/**
 * Reads and checks a config file: decay-lens.json, the `[tool.decay-lens]` table of a
 * pyproject.toml, or (any other .toml) a whole TOML document of the same keys.
 */
export function loadConfig(file: string): LoadedConfig {
  const absolute = path.resolve(file);
  const kind: ConfigSource['kind'] = absolute.endsWith('.json') ? 'json' : 'pyproject';
  const problems: ConfigProblem[] = [];
  const problem = (line: number | undefined, message: string) => problems.push({ file: absolute, line: line ?? 1, message });

  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem(1, `cannot read the file${code ? ` (${code})` : ''}`);
    return { config: {}, problems };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  let document: unknown;
  let lineOf: KeyLineFinder;
  let base: string[];
  if (kind === 'json') {
    try {
      document = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /at position (\d+)/.exec(message);
      const where = position ? lineAndColumn(text, Number(position[1])) : lineAndColumn(text, text.length);
      const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
      problem(where.line, `JSON syntax error: ${reason} (column ${where.column}); the file is ignored`);
      return { config: {}, problems };
    }
    lineOf = jsonKeyLines(text);
    base = [];
  } else {
    try {
      document = parseToml(text);
    } catch (error) {
      const line = error instanceof TomlError ? error.line : 1;
      const column = error instanceof TomlError ? error.column : undefined;
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
      problem(line, `TOML syntax error: ${message}${column ? ` (column ${column})` : ''}; the file is ignored`);
      return { config: {}, problems };
    }
    lineOf = tomlKeyLines(text);
    base = path.basename(absolute) === PYPROJECT ? [...PYPROJECT_TABLE] : [];
  }

  let table: unknown = document;
  for (const part of base) table = isTable(table) ? table[part] : undefined;
  const config: ProjectConfig = { root: path.dirname(absolute) };
  if (table === undefined) return { config, problems };
  const tableName = kind === 'json' ? 'the file' : base.length > 0 ? `[${base.join('.')}]` : 'the file';
  if (!isTable(table)) {
    problem(lineOf(base), `${tableName} must be ${kind === 'json' ? 'an object' : 'a table'}, not ${describe(table, kind)}; it is ignored`);
    return { config, problems };
  }

  const at = (...parts: string[]) => lineOf([...base, ...parts]);
  const atValue = (parts: string[], value: string) => lineOf([...base, ...parts], value);

  /** A list of codes or prefixes; bad entries reported and dropped. */
  const selectors = (value: unknown, parts: string[], label: string): string[] | undefined => {
    if (!Array.isArray(value)) {
      problem(at(...parts), `${label} must be an array of rule codes, not ${describe(value, kind)}; it is ignored`);
      return undefined;
    }
    const result: string[] = [];
    value.forEach((entry, index) => {
      if (typeof entry !== 'string') {
        problem(lineOf([...base, ...parts, String(index)], ''), `${label}: ${describe(entry, kind)} is not a rule code; it is ignored`);
        return;
      }
      const selector = entry.trim().toUpperCase();
      if (!selectsSomething(selector)) {
        problem(
          atValue([...parts, String(index)], entry),
          `${label}: unknown rule code '${entry}' (known codes: ${RULE_CODES.join(', ')}, or a prefix such as WD1); it is ignored`,
        );
        return;
      }
      result.push(selector);
    });
    return result;
  };

  for (const [key, value] of Object.entries(table)) {
    switch (key) {
      case 'select':
      case 'ignore': {
        const list = selectors(value, [key], `'${key}'`);
        if (list) config[key] = list;
        break;
      }
      case 'severity': {
        if (!isTable(value)) {
          problem(at(key), `'severity' must be ${kind === 'json' ? 'an object' : 'a table'} of rule code = severity, not ${describe(value, kind)}; it is ignored`);
          break;
        }
        const severity: Partial<Record<RuleCode, Severity>> = {};
        for (const [rawCode, level] of Object.entries(value)) {
          const code = rawCode.trim().toUpperCase() as RuleCode;
          if (!RULE_CODES.includes(code)) {
            const hint = selectsSomething(code) ? ' (severity needs a full rule code, not a prefix)' : ` (known codes: ${RULE_CODES.join(', ')})`;
            problem(at(key, rawCode), `'severity': unknown rule code '${rawCode}'${hint}; it is ignored`);
            continue;
          }
          if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) {
            const hint = level === 'off' ? `; to turn a rule off, put it in 'ignore'` : '';
            problem(
              at(key, rawCode),
              `'severity': invalid severity ${typeof level === 'string' ? `'${level}'` : describe(level, kind)} for ${code} (expected error, warning, info or hint${hint}); it is ignored`,
            );
            continue;
          }
          severity[code] = level as Severity;
        }
        config.severity = severity;
        break;
      }
      case 'per-file-ignores': {
        if (!isTable(value)) {
          problem(at(key), `'per-file-ignores' must be ${kind === 'json' ? 'an object' : 'a table'} of glob = [rule codes], not ${describe(value, kind)}; it is ignored`);
          break;
        }
        const perFile: Record<string, string[]> = {};
        for (const [glob, codes] of Object.entries(value)) {
          if (glob.trim() === '' || glob === '!') {
            problem(at(key, glob), `'per-file-ignores': an empty file pattern; it is ignored`);
            continue;
          }
          const list = selectors(codes, [key, glob], `'per-file-ignores' '${glob}'`);
          if (list) perFile[glob] = list;
        }
        config.perFileIgnores = perFile;
        break;
      }
      default: {
        if (kind === 'json' && key === '$schema') break;
        const similar = KEYS.find((known) => normalizeKey(known) === normalizeKey(key));
        problem(
          at(key),
          `unknown key '${key}'${similar ? ` (did you mean '${similar}'?)` : ` (known keys: ${KEYS.join(', ')})`}; it is ignored`,
        );
      }
    }
  }
  return { config, problems };
}

// ---------------------------------------------------------------------------------------------
// Files -> configs, cached

/**
 * Finds and loads the configs of many files, each config file once. One per run of the CLI; a
 * long-lived user (the language server) calls `clear()` when config files change.
 */
export class ConfigResolver {
  private readonly folders: FolderCache = new Map();
  private readonly loaded = new Map<string, LoadedConfig>();

  find(filePath: string): ConfigSource | undefined {
    return findConfig(filePath, this.folders);
  }

  /** The config of the file, loaded on first use; undefined when no config file applies. */
  configFor(filePath: string): ProjectConfig | undefined {
    const source = this.find(filePath);
    if (!source) return undefined;
    let loaded = this.loaded.get(source.path);
    if (!loaded) {
      try {
        loaded = loadConfig(source.path);
      } catch (error) {
        // A bug here must not stop a check: the file is reported and the defaults apply.
        const message = error instanceof Error ? error.message : String(error);
        loaded = { config: {}, problems: [{ file: source.path, line: 1, message: `could not be read (${message}); the file is ignored` }] };
      }
      this.loaded.set(source.path, loaded);
    }
    return loaded.config;
  }

  /** Problems of every config file loaded so far, by file then line. */
  problems(): ConfigProblem[] {
    return [...this.loaded.values()]
      .flatMap((loaded) => loaded.problems)
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }

  clear(): void {
    this.folders.clear();
    this.loaded.clear();
  }
}
