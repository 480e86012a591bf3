// What test/e2e/run.ts and the suite inside the extension host agree on. They share no channel
// but the workbench log (the suite's console.log reaches run.ts through `codeAutomationLog`) and
// the file system (both run on this machine).

/** Starts each line of the mocha reporter's output; run.ts prints those lines. */
export const OUTPUT_PREFIX = 'decay-lens-e2e| ';

/** `${UI_CHECK_MARKER}${file}`: the suite asks run.ts to check the page and answer in `file`. */
export const UI_CHECK_MARKER = 'decay-lens-e2e-ui-check ';

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
