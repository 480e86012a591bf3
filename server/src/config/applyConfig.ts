// Applying a project config to findings: which rules are reported where, and at what severity.
// Pure functions, shared by the CLI and the editor.
import * as path from 'node:path';
import type { Finding, RuleCode, Severity } from '../analysis/findings';
import { uriToPath } from '../analysis/fileUris';
import { relativePath } from '../files/workspacePaths';
import { matchesFilePattern } from './glob';
import type { ProjectConfig } from './projectConfig';

/** Length of the longest selector in `selectors` that `code` starts with; -1 when none does. */
function longestMatch(code: string, selectors: readonly string[]): number {
  let best = -1;
  for (const selector of selectors) {
    if (code.startsWith(selector.toUpperCase()) && selector.length > best) best = selector.length;
  }
  return best;
}

/**
 * Whether `select`/`ignore` leave `code` on, as ruff decides: the more specific (longer) matching
 * entry wins, and `ignore` wins a tie. No `select` selects every rule.
 */
function isSelected(config: ProjectConfig, code: string): boolean {
  const selected = config.select === undefined ? 0 : longestMatch(code, config.select);
  const ignored = longestMatch(code, config.ignore ?? []);
  return selected >= 0 && selected > ignored;
}

/** Whether a `per-file-ignores` entry matching `file` ignores `code` there. */
function isIgnoredInFile(config: ProjectConfig, code: string, file: string): boolean {
  const entries = Object.entries(config.perFileIgnores ?? {});
  if (entries.length === 0) return false;
  const relative = config.root === undefined ? file.split(path.sep).join('/') : relativePath(file, config.root);
  const basename = path.basename(file);
  return entries.some(([glob, codes]) => longestMatch(code, codes) >= 0 && matchesFilePattern(glob, relative, basename));
}

/** Whether `code` is reported in `file` (an absolute path) under `config`. */
function isReported(config: ProjectConfig | undefined, code: string, file: string): boolean {
  return config === undefined || (isSelected(config, code) && !isIgnoredInFile(config, code, file));
}

/**
 * The findings `configFor` (called once per file, with the file's local path) lets through, with
 * severities rewritten. A finding belongs to the file of its own location, not of related ones.
 */
export function applyConfig(findings: readonly Finding[], configFor: (file: string) => ProjectConfig | undefined): Finding[] {
  const configs = new Map<string, ProjectConfig | undefined>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const file = uriToPath(finding.uri);
    if (!configs.has(file)) configs.set(file, configFor(file));
    const config = configs.get(file);
    if (!config) {
      result.push(finding);
      continue;
    }
    if (!isReported(config, finding.code, file)) continue;
    const severity = config.severity?.[finding.code];
    result.push(severity && severity !== finding.severity ? withSeverity(finding, severity) : finding);
  }
  return result;
}

/** One copy per finding and severity: the server reuses a file's diagnostics while its findings are the same objects. */
const severityCopies = new WeakMap<Finding, Map<Severity, Finding>>();

function withSeverity(finding: Finding, severity: Severity): Finding {
  let copies = severityCopies.get(finding);
  if (!copies) severityCopies.set(finding, (copies = new Map()));
  let copy = copies.get(severity);
  if (!copy) copies.set(severity, (copy = { ...finding, severity }));
  return copy;
}

/**
 * A project config with the editor's `decayLens.rules` laid over it: editor settings override the
 * project's. `off` turns a rule off; a severity turns it on (whatever select/ignore say, though a
 * per-file ignore still applies) at that severity.
 */
export function withEditorRules(config: ProjectConfig | undefined, editorRules: Readonly<Record<string, Severity | 'off'>>): ProjectConfig {
  const result: ProjectConfig = {
    ...config,
    ...(config?.select ? { select: [...config.select] } : {}),
    ignore: [...(config?.ignore ?? [])],
    severity: { ...config?.severity },
  };
  for (const [rawCode, setting] of Object.entries(editorRules)) {
    const code = rawCode.toUpperCase();
    result.ignore = result.ignore!.filter((entry) => entry.toUpperCase() !== code);
    if (result.select) result.select = result.select.filter((entry) => entry.toUpperCase() !== code);
    if (setting === 'off') {
      result.ignore!.push(code);
    } else {
      if (result.select) result.select.push(code);
      else if (!isSelected(result, code)) result.select = ['WD', code]; // a prefix ignore hides it: select it exactly
      result.severity![code as RuleCode] = setting;
    }
  }
  return result;
}
