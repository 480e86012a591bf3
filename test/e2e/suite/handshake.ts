// What test/e2e/run.ts and the suite inside the extension host agree on. They share no channel
// but the workbench log (the suite's console.log reaches run.ts through `codeAutomationLog`) and
// the file system (both run on this machine). test/e2e/runElectron.ts writes no config file (so
// the page check is skipped there) and reads the suite's totals from RESULT_FILE_ENV's file.

/** Starts each line of the mocha reporter's output; run.ts prints those lines. */
export const OUTPUT_PREFIX = 'decay-lens-e2e| ';

/**
 * `${UI_CHECK_MARKER}${kind} ${file}`: the suite asks run.ts to check the page and answer in
 * `file`; `editor`: squiggle and code lens visible; `chart`: the chart panel draws its charts.
 * Asked while the extension host runs (the chart's data comes from it).
 */
export const UI_CHECK_MARKER = 'decay-lens-e2e-ui-check ';

export type UiCheckKind = 'editor' | 'chart';

/** run.ts's answer to a page check. */
export interface UiCheckResult {
  ok: boolean;
  details: string;
}

/** Written by run.ts as `e2e-config.json` next to the bundled suite. */
export interface E2eConfig {
  /** Where the extension was installed from the VSIX. */
  extensionPath?: string;
  /** Folder for page check answers. */
  uiCheckDir?: string;
}

export const CONFIG_FILE_NAME = 'e2e-config.json';

/** Environment variable (set through test-electron's `extensionTestsEnv`): where the suite writes its SuiteResult. */
export const RESULT_FILE_ENV = 'DECAY_LENS_E2E_RESULT_FILE';

/** mocha's totals, written by the suite when RESULT_FILE_ENV is set. */
export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
}
