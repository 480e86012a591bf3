// The `decayLens.*` settings the server reads (workspace/configuration), with their defaults.
import * as path from 'node:path';
import { MAX_SEEDS } from '@decay-lens/runtime/spec';
import type { Severity } from './analysis';
import type { SweepSettings } from './features/sweepPlanner';
import { resolveInside } from './files/workspacePaths';

export type RuleSetting = Severity | 'off';

export interface Settings {
  enable: boolean;
  /** Per rule code: another severity, or 'off'. */
  rules: Record<string, RuleSetting>;
  inlayHints: boolean;
  sweep: SweepSettings;
  /** The most workspace files indexed at start (the server's memory grows with them). */
  maxIndexedFiles: number;
}

/** What the server indexes by default: its memory stays within about 1 GB (docs/DEVELOPING.md, "Scale"). */
export const DEFAULT_MAX_INDEXED_FILES = 10_000;

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, inlayHints: true, sweep: {}, maxIndexedFiles: DEFAULT_MAX_INDEXED_FILES };

const ruleSettings = new Set<RuleSetting>(['error', 'warning', 'info', 'hint', 'off']);

/** The settings that name a file to train or validate on. */
type FileSetting = 'dataFile' | 'validationFile';

/** Settings from the client's `decayLens` section; anything malformed falls back to the default. */
export function parseSettings(section: unknown, workspaceFolder: string | undefined): Settings {
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && ruleSettings.has(value as RuleSetting)) rules[code.toUpperCase()] = value as RuleSetting;
    }
  }
  const sweep = (raw.sweep && typeof raw.sweep === 'object' ? raw.sweep : {}) as Record<string, unknown>;
  const steps = typeof sweep.steps === 'number' && Number.isInteger(sweep.steps) && sweep.steps > 0 ? sweep.steps : undefined;
  // More seeds than the runtime trains at once are capped, as steps are: the user asked for many.
  const seeds = typeof sweep.seeds === 'number' && Number.isInteger(sweep.seeds) && sweep.seeds > 0 ? Math.min(sweep.seeds, MAX_SEEDS) : undefined;
  const decayValues =
    Array.isArray(sweep.decayValues) && sweep.decayValues.length > 0 && sweep.decayValues.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)
      ? (sweep.decayValues as number[])
      : undefined;
  const inlayHints = raw.inlayHints && typeof raw.inlayHints === 'object' ? (raw.inlayHints as Record<string, unknown>).enable !== false : true;
  const index = (raw.index && typeof raw.index === 'object' ? raw.index : {}) as Record<string, unknown>;
  const maxIndexedFiles = typeof index.maxFiles === 'number' && Number.isInteger(index.maxFiles) && index.maxFiles >= 0 ? index.maxFiles : DEFAULT_MAX_INDEXED_FILES;
  return { enable: raw.enable !== false, rules, inlayHints, sweep: { steps, decayValues, seeds, ...sweepFiles(sweep, workspaceFolder) }, maxIndexedFiles };
}

/** The data and validation files, resolved; the problems that keep a sweep from running with them. */
function sweepFiles(sweep: Record<string, unknown>, workspaceFolder: string | undefined): Pick<SweepSettings, FileSetting | 'problems'> {
  const named = (setting: FileSetting) => {
    const given = sweep[setting];
    return typeof given === 'string' && given.trim() !== '' ? given.trim() : undefined;
  };
  const files: Pick<SweepSettings, FileSetting> = {};
  const problems: string[] = [];
  for (const setting of ['dataFile', 'validationFile'] as const) {
    const given = named(setting);
    if (given === undefined) continue;
    const resolved = filePath(setting, given, workspaceFolder);
    if ('problem' in resolved) problems.push(resolved.problem);
    else files[setting] = resolved.path;
  }
  // A validation file validates a training file: without one the sweep would quietly train on the synthetic task.
  if (named('validationFile') !== undefined && named('dataFile') === undefined) {
    problems.push('decayLens.sweep.validationFile is set but decayLens.sweep.dataFile is not; the validation file validates the data file, so set both or clear validationFile');
  }
  return problems.length > 0 ? { ...files, problems } : files;
}

/**
 * An absolute path is the user's choice (untrusted workspaces cannot set these settings at all); a
 * relative one resolves against the workspace folder and may not leave it.
 */
function filePath(setting: FileSetting, given: string, workspaceFolder: string | undefined): { path: string } | { problem: string } {
  const name = `decayLens.sweep.${setting}`;
  if (path.isAbsolute(given)) return { path: given };
  if (!workspaceFolder) return { problem: `${name} '${given}' is relative and no workspace folder is open; give an absolute path` };
  const resolved = resolveInside(workspaceFolder, given, name);
  return 'error' in resolved ? { problem: `${resolved.error} (an absolute path in your user settings can name any file)` } : resolved;
}
