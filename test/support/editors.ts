// Real editors (Neovim, Emacs) driving the server in tests, and other programs tests drive
// (pre-commit): installing them where this machine can, and running one headless session that can
// never outlive its limit.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

const setupScript = path.resolve(__dirname, '..', '..', 'scripts', 'setup-tool.sh');
const coupledAdamFile = path.resolve(__dirname, '..', 'fixtures', 'editors', 'coupled_adam.py');
const coupledAdamText = readFileSync(coupledAdamFile, 'utf8');
const decayArgument = "weight_decay=réglages['décroissance 🔥']";

/**
 * The file the editor and client-capability tests open, with the texts its findings cover and what
 * its WD203 quick fix makes of it: WD202 on `decayArgument` (an emoji is inside it) and WD203 on
 * `params`, both on the optimizer line.
 */
export const coupledAdam = {
  file: coupledAdamFile,
  text: coupledAdamText,
  decayArgument,
  params: 'modèle.parameters()',
  optimizerLine: coupledAdamText.split('\n').findIndex((line) => line.startsWith('optimizer = ')),
  /** The lines the quick fix leaves where the optimizer line was. */
  quickFixed: [
    'decay_params = [p for p in modèle.parameters() if p.ndim > 1]',
    'no_decay_params = [p for p in modèle.parameters() if p.ndim <= 1]',
    `optimizer = torch.optim.Adam([{'params': decay_params}, {'params': no_decay_params, 'weight_decay': 0.0}], lr=réglages['lr'], ${decayArgument})`,
  ],
};

/**
 * Installs `tool` when it is missing (scripts/setup-tool.sh: Debian packages, as root); the reason
 * it cannot be had here, for a skip, or undefined when it is ready. A failure of the script itself
 * throws.
 */
export function toolUnavailable(tool: 'neovim' | 'emacs' | 'pre-commit'): string | undefined {
  const setup = spawnSync('bash', [setupScript, tool], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (setup.status === 0) return undefined;
  const said = `${setup.stdout}${setup.stderr}`.trim();
  if (setup.status === 2) return `${tool} is not installed and cannot be installed here: ${said}`;
  throw new Error(`scripts/setup-tool.sh ${tool} failed (${setup.error?.message ?? `exit ${setup.status}`}): ${said}`);
}

/**
 * Runs `command` until it exits, killing it (and so the server it started, whose stdin closes)
 * after `limitMs` or when the test ends first. Resolves with its exit code and output.
 */
export function runEditor(
  t: TestContext,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; limitMs: number },
): Promise<{ code: number | null; killed: boolean; output: string }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let killed = false;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  const timer = setTimeout(kill, options.limitMs);
  t.after(kill);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, output: output.join('') });
    });
  });
}
