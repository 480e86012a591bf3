// The `decayLens.*` settings the server reads (workspace/configuration), with their defaults.
import * as path from 'node:path';
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
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, inlayHints: true, sweep: {} };

const ruleSettings = new Set<RuleSetting>(['error', 'warning', 'info', 'hint', 'off']);

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
  const decayValues =
    Array.isArray(sweep.decayValues) && sweep.decayValues.length > 0 && sweep.decayValues.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)
      ? (sweep.decayValues as number[])
      : undefined;
  const data = typeof sweep.dataFile === 'string' && sweep.dataFile.trim() !== '' ? dataFilePath(sweep.dataFile.trim(), workspaceFolder) : {};
  const inlayHints = raw.inlayHints && typeof raw.inlayHints === 'object' ? (raw.inlayHints as Record<string, unknown>).enable !== false : true;
  return { enable: raw.enable !== false, rules, inlayHints, sweep: { steps, decayValues, ...data } };
}

/**
 * An absolute path is the user's choice (untrusted workspaces cannot set this setting at all); a
 * relative one resolves against the workspace folder and may not leave it.
 */
function dataFilePath(given: string, workspaceFolder: string | undefined): Pick<SweepSettings, 'dataFile' | 'dataFileRejected'> {
  if (path.isAbsolute(given)) return { dataFile: given };
  if (!workspaceFolder) return { dataFileRejected: `decayLens.sweep.dataFile '${given}' is relative and no workspace folder is open; give an absolute path` };
  const resolved = resolveInside(workspaceFolder, given, 'decayLens.sweep.dataFile');
  return 'error' in resolved ? { dataFileRejected: `${resolved.error} (an absolute path in your user settings can name any file)` } : { dataFile: resolved.path };
}
