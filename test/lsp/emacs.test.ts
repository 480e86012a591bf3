// Emacs with eglot (Debian's emacs-nox and elpa-eglot 1.9) and the real server, as docs/editors.md
// sets it up: test/lsp/emacs/session.el opens a file with a coupled-Adam decay in batch Emacs, and
// this test checks what eglot saw: flymake diagnostics where the bug is (in Emacs's character
// columns, an emoji inside the range), settings from eglot-workspace-configuration (pulled with
// workspace/configuration), the hover, the quick fix applied by eglot's own edit code, a typed fix,
// and no diagnostic left. Installed where this machine can (scripts/setup-tool.sh); elsewhere
// the test is skipped.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { coupledAdam, toolUnavailable, runEditor } from '../support/editors';
import { serverPath } from '../support/lspClient';
import { tempFolder } from '../support/tempFolder';

const session = path.join(__dirname, 'emacs', 'session.el');
const WAIT_MS = 30_000;
const SESSION_LIMIT_MS = 120_000;

interface FlymakeDiagnostic {
  code: string;
  line: number;
  col: number;
  end_col: number;
  type: string;
}
/** What session.el writes; columns count characters (code points), as Emacs does. */
interface SessionResult {
  error?: string;
  mode: string;
  diagnostics: FlymakeDiagnostic[];
  decay: { line: number; col: number; text: string };
  params_col: number;
  hover: string;
  code_actions: string[];
  after_quick_fix: { diagnostics: FlymakeDiagnostic[]; text: string };
  after_edit: string;
  hover_after_edit: string;
}

const characters = (text: string) => [...text].length;

const unavailable = toolUnavailable('emacs');

test('Emacs eglot: diagnostics, hover, quick fix and an edit, in Emacs columns', { timeout: SESSION_LIMIT_MS + 30_000 }, async (t) => {
  if (unavailable) return t.skip(unavailable);
  const scratch = tempFolder(t, 'decay-lens-emacs-');
  const project = path.join(scratch, 'project');
  mkdirSync(project);
  const file = path.join(project, 'train.py');
  copyFileSync(coupledAdam.file, file);
  const resultFile = path.join(scratch, 'result.json');
  const run = await runEditor(t, 'emacs', ['--batch', '-l', session], {
    cwd: project,
    limitMs: SESSION_LIMIT_MS,
    env: {
      ...process.env,
      // No user configuration; Debian's site-start (which activates elpa-eglot) still loads.
      HOME: scratch,
      DECAY_LENS_NODE: process.execPath,
      DECAY_LENS_SERVER: serverPath,
      DECAY_LENS_FILE: file,
      DECAY_LENS_RESULT: resultFile,
      DECAY_LENS_WAIT_MS: String(WAIT_MS),
    },
  });
  assert.ok(existsSync(resultFile), `Emacs ${run.killed ? 'was killed' : `exited with ${run.code}`} without writing its results: ${run.output}`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SessionResult;
  assert.equal(result.error, undefined, `${result.error}\n${run.output}`);
  assert.equal(run.code, 0);
  assert.equal(result.mode, 'python-mode');

  // Both findings on the optimizer line, at the characters they cover: the emoji inside the
  // WD202 range is one character to Emacs and two UTF-16 code units to the server.
  const { decay, diagnostics } = result;
  assert.equal(decay.line, coupledAdam.optimizerLine);
  const sorted = [...diagnostics].sort((a, b) => a.code.localeCompare(b.code));
  assert.deepEqual(sorted, [
    { code: 'WD202', line: decay.line, col: decay.col, end_col: decay.col + characters(coupledAdam.decayArgument), type: 'eglot-note' },
    // A warning through eglot-workspace-configuration; info by default.
    { code: 'WD203', line: decay.line, col: result.params_col, end_col: result.params_col + characters(coupledAdam.params), type: 'eglot-warning' },
  ]);

  assert.match(result.hover, /Weight decay of Adam[\s\S]*Coupled L2/);
  assert.ok(result.code_actions.includes('Exclude biases and normalization weights from weight decay'), result.code_actions.join(', '));

  // The quick fix, applied by eglot, and AdamW typed.
  const lines = coupledAdam.text.split('\n');
  const quickFixed = [...lines.slice(0, decay.line), ...coupledAdam.quickFixed, ...lines.slice(decay.line + 1)].join('\n');
  assert.equal(result.after_quick_fix.text, quickFixed);
  const fixedLine = coupledAdam.quickFixed[2];
  assert.deepEqual(result.after_quick_fix.diagnostics.map((d) => [d.code, d.line, d.col]), [['WD202', decay.line + 2, characters(fixedLine.slice(0, fixedLine.indexOf('weight_decay=r')))]]);
  assert.equal(result.after_edit, quickFixed.replace('torch.optim.Adam(', 'torch.optim.AdamW('));
  assert.match(result.hover_after_edit, /Weight decay of AdamW[\s\S]*Decoupled/);
});
