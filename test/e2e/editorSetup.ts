// What both end-to-end runners give the editor: a copy of the broken CIFAR-10 example as the
// workspace (with the TF.js and notebook examples in subfolders), and user settings that keep the editor quiet and show lenses and inlay hints.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function prepareEditor(repo: string, workspace: string, userData: string, extraSettings: Record<string, unknown> = {}): void {
  cpSync(path.join(repo, 'examples', 'cifar10_broken'), workspace, { recursive: true });
  cpSync(path.join(repo, 'examples', 'tfjs_broken'), path.join(workspace, 'tfjs'), { recursive: true });
  cpSync(path.join(repo, 'examples', 'notebook_broken'), path.join(workspace, 'notebook'), { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false, // no trust prompt; sweep settings are restricted in untrusted workspaces
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'editor.codeLens': true,
    'editor.inlayHints.enabled': 'on',
    ...extraSettings,
  };
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}
