// Neovim's own LSP client with the real server, as docs/editors.md sets it up: test/lsp/neovim/
// session.lua opens a file with a coupled-Adam decay in headless Neovim, and this test checks what
// Neovim saw: the diagnostics where the bug is (in Neovim's byte columns, with non-ASCII text
// before them), settings pushed from Neovim's config, the hover, the sweep code lens and its result,
// a quick fix applied by Neovim's code action menu, a typed fix, and no diagnostic left. Once with
// a root_dir (the server indexes the folder) and once without (open buffers only). Debian's neovim
// is installed where this machine can (scripts/setup-tool.sh); elsewhere the test is skipped.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { coupledAdam, toolUnavailable, runEditor } from '../support/editors';
import { serverPath } from '../support/lspClient';
import { tempFolder } from '../support/tempFolder';

const session = path.join(__dirname, 'neovim', 'session.lua');
/** How long any one wait inside Neovim may take, and the whole session. */
const WAIT_MS = 30_000;
const SESSION_LIMIT_MS = 180_000;

interface NeovimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
}
interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
/** What session.lua writes. */
interface SessionResult {
  error?: string;
  filetype: string;
  offset_encoding: string;
  position_encoding: string | null;
  diagnostics: NeovimDiagnostic[];
  /** Where Neovim finds `weight_decay=` (0-based line, byte column) and the line. */
  decay: { lnum: number; col: number; line: string };
  /** The byte column of `modèle.parameters()` on that line. */
  params_col: number;
  hover: Hover;
  code_lenses: { lnum: number; title: string }[];
  swept_lenses: { lnum: number; title: string }[];
  code_actions: string[];
  after_quick_fix: { diagnostics: NeovimDiagnostic[]; lines: string[] };
  after_edit: { diagnostics: NeovimDiagnostic[]; line: string };
  hover_after_edit: Hover | null;
}

// vim.diagnostic severities.
const WARN = 2;
const INFO = 3;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const unavailable = toolUnavailable('neovim');

for (const withRoot of [true, false]) {
  test(`Neovim ${withRoot ? 'with a root_dir' : 'without a root_dir'}: diagnostics, hover, sweep lens, quick fix and an edit, in Neovim's columns`, { timeout: SESSION_LIMIT_MS + 30_000 }, async (t) => {
    if (unavailable) return t.skip(unavailable);
    const scratch = tempFolder(t, 'decay-lens-neovim-');
    const project = path.join(scratch, 'project');
    mkdirSync(project);
    const file = path.join(project, 'train.py');
    copyFileSync(coupledAdam.file, file);
    const resultFile = path.join(scratch, 'result.json');
    const run = await runEditor(t, 'nvim', ['--headless', '--clean', '-n', '-c', 'lua dofile(vim.env.DECAY_LENS_SESSION)'], {
      cwd: project,
      limitMs: SESSION_LIMIT_MS,
      env: {
        ...process.env,
        DECAY_LENS_SESSION: session,
        DECAY_LENS_NODE: process.execPath,
        DECAY_LENS_SERVER: serverPath,
        DECAY_LENS_FILE: file,
        DECAY_LENS_ROOT: withRoot ? project : '',
        DECAY_LENS_RESULT: resultFile,
        DECAY_LENS_WAIT_MS: String(WAIT_MS),
        // Neovim's state and its lsp.log stay in the scratch folder.
        XDG_CONFIG_HOME: path.join(scratch, 'config'),
        XDG_DATA_HOME: path.join(scratch, 'data'),
        XDG_STATE_HOME: path.join(scratch, 'state'),
        XDG_CACHE_HOME: path.join(scratch, 'cache'),
      },
    });
    const lspLog = () => {
      const log = path.join(scratch, 'cache', 'nvim', 'lsp.log');
      return existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : '(no lsp.log)';
    };
    assert.ok(existsSync(resultFile), `Neovim ${run.killed ? 'was killed' : `exited with ${run.code}`} without writing its results: ${run.output}\n${lspLog()}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SessionResult;
    assert.equal(result.error, undefined, `${result.error}\n${run.output}\n${lspLog()}`);
    assert.equal(run.code, 0);

    assert.equal(result.filetype, 'python');
    // The server declares UTF-16, which Neovim speaks whatever it offered.
    assert.deepEqual([result.position_encoding, result.offset_encoding], ['utf-16', 'utf-16']);

    // Both findings on the optimizer line, where Neovim finds their text in its byte columns: the
    // non-ASCII letters before them and inside them (è, é, 🔥) are counted alike on both sides.
    const { decay } = result;
    assert.match(decay.line, /^optimizer = torch\.optim\.Adam\(/);
    const byCode = new Map(result.diagnostics.map((d) => [d.code, d]));
    assert.deepEqual([...byCode.keys()].sort(), ['WD202', 'WD203']);
    const { decayArgument } = coupledAdam;
    assert.deepEqual(
      { ...byCode.get('WD202'), message: undefined },
      { code: 'WD202', lnum: decay.lnum, col: decay.col, end_col: decay.col + bytes(decayArgument), severity: INFO, source: 'decay-lens', message: undefined },
    );
    assert.match(byCode.get('WD202')!.message, /coupled L2/);
    // Raised to a warning by the settings in Neovim's config (pushed with didChangeConfiguration).
    assert.deepEqual(
      { ...byCode.get('WD203'), message: undefined, source: undefined },
      { code: 'WD203', lnum: decay.lnum, col: result.params_col, end_col: result.params_col + bytes(coupledAdam.params), severity: WARN, message: undefined, source: undefined },
    );

    // The hover at the decay; its range in UTF-16 code units, as declared.
    assert.equal(result.hover.contents.kind, 'markdown');
    assert.match(result.hover.contents.value, /Weight decay of Adam/);
    assert.match(result.hover.contents.value, /Coupled L2/);
    const utf16Column = decay.line.indexOf('weight_decay=');
    assert.notEqual(utf16Column, decay.col, 'the fixture puts multi-byte letters before the decay');
    assert.deepEqual(result.hover.range, {
      start: { line: decay.lnum, character: utf16Column },
      end: { line: decay.lnum, character: utf16Column + decayArgument.length },
    });

    // The sweep lens over the optimizer, run from Neovim (workspace/executeCommand): its result
    // replaces the title, with the decay values from the settings.
    assert.deepEqual(result.code_lenses, [{ lnum: decay.lnum, title: 'Run decay sweep' }]);
    assert.equal(result.swept_lenses.length, 1);
    assert.match(result.swept_lenses[0].title, /^Decay sweep: Adam \+ L2 \(coupled, as written\) best .* at wd=(0|0\.0005|0\.01) · AdamW \(decoupled\) best .* at wd=(0|0\.0005|0\.01)\b/);

    // Neovim's code action menu offered both fixes; the WD203 one, applied by Neovim itself, put
    // its text where the server meant it.
    for (const title of ['Exclude biases and normalization weights from weight decay', 'Switch to AdamW (decoupled weight decay)']) assert.ok(result.code_actions.includes(title), title);
    const fixed = result.after_quick_fix.lines;
    const fixedAt = coupledAdam.optimizerLine;
    assert.deepEqual(fixed.slice(fixedAt, fixedAt + 3), coupledAdam.quickFixed);
    assert.deepEqual(
      result.after_quick_fix.diagnostics.map((d) => [d.code, d.lnum, d.col]),
      [['WD202', fixedAt + 2, bytes(fixed[fixedAt + 2].slice(0, fixed[fixedAt + 2].indexOf('weight_decay=r')))]],
    );

    // Typing AdamW: nothing left, and the hover explains the decoupled decay.
    assert.deepEqual(result.after_edit.diagnostics, []);
    assert.match(result.after_edit.line, /^optimizer = torch\.optim\.AdamW\(/);
    assert.match(result.hover_after_edit?.contents.value ?? '', /Weight decay of AdamW[\s\S]*Decoupled/);
  });
}
