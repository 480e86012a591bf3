// The pre-commit hook as a project uses it: Debian's pre-commit installs the hook from a git
// repository of these sources (.pre-commit-hooks.yaml: `language: node`, so pre-commit runs
// `npm install` there, which builds through the postinstall, then `npm pack` and a global install
// of the tarball), and `git commit` in a scratch project is blocked by a file with a warning and
// let through with a clean one or one whose findings are below warning level; a staged file is
// checked with the files around it as context. pre-commit is
// installed by scripts/setup-tool.sh where this machine can (root and apt-get); elsewhere the
// test is skipped. The npm install needs the registry (or its packages in npm's cache).
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toolUnavailable } from '../support/editors';
import { COLLECTION_NEVER_SUMMED, copySources, SPLIT_MODEL_MODULE, SPLIT_TRAINING_SCRIPT } from '../support/packageSources';
import { tempFolder } from '../support/tempFolder';

const unavailable = toolUnavailable('pre-commit');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 540_000 });
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = run('git', args, cwd, env);
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

const BROKEN = COLLECTION_NEVER_SUMMED;
const FIXED = BROKEN.replace('minimize(loss)', "minimize(loss + tf.add_n(tf.get_collection('losses')))");
/** Coupled decay on Adam and decay on biases: WD202 and WD203, both at info level. */
const INFO_ONLY = ['import torch', 'model = torch.nn.Linear(4, 2)', 'optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)', ''].join('\n');

test('the pre-commit hook blocks a commit with a warning and lets clean and info-only files through', { skip: unavailable, timeout: 600_000 }, (t) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRE_COMMIT_HOME: tempFolder(t, 'decay-lens-pre-commit-home-'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: tempFolder(t, 'decay-lens-pre-commit-user-'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };

  const hooks = tempFolder(t, 'decay-lens-hook-repo-');
  copySources(hooks, ['.pre-commit-hooks.yaml']);
  git(['init', '-q'], hooks, env);
  git(['add', '-A'], hooks, env);
  git(['commit', '-q', '-m', 'hook'], hooks, env);
  const rev = git(['rev-parse', 'HEAD'], hooks, env);

  const project = tempFolder(t, 'decay-lens-project-');
  git(['init', '-q'], project, env);
  writeFileSync(path.join(project, '.pre-commit-config.yaml'), ['repos:', `  - repo: ${hooks}`, `    rev: ${rev}`, '    hooks:', '      - id: decay-lens', ''].join('\n'));
  const install = run('pre-commit', ['install'], project, env);
  assert.equal(install.status, 0, install.stdout + install.stderr);
  git(['add', '.pre-commit-config.yaml'], project, env);
  // The hook runs only on matching files: this commit installs nothing yet.
  git(['commit', '-q', '-m', 'config'], project, env);

  writeFileSync(path.join(project, 'train.py'), BROKEN);
  git(['add', 'train.py'], project, env);
  const blocked = run('git', ['commit', '-m', 'broken'], project, env);
  const said = blocked.stdout + blocked.stderr;
  assert.notEqual(blocked.status, 0, `the commit went through:\n${said}`);
  assert.match(said, /train\.py:3:1: warning WD101 /);

  writeFileSync(path.join(project, 'train.py'), FIXED);
  writeFileSync(path.join(project, 'adam.py'), INFO_ONLY);
  git(['add', 'train.py', 'adam.py'], project, env);
  const passed = run('git', ['commit', '-m', 'fixed'], project, env);
  assert.equal(passed.status, 0, `the commit was blocked:\n${passed.stdout}${passed.stderr}`);
  assert.match(passed.stdout + passed.stderr, /decay-lens\.+Passed/);
  assert.equal(git(['log', '--format=%s', '-1'], project, env), 'fixed');

  // The staged model module alone has no optimizer; the script beside it, not staged, is its context.
  writeFileSync(path.join(project, 'net.py'), SPLIT_MODEL_MODULE);
  writeFileSync(path.join(project, 'fit.py'), SPLIT_TRAINING_SCRIPT);
  git(['add', 'net.py'], project, env);
  const reached = run('git', ['commit', '-m', 'model'], project, env);
  assert.notEqual(reached.status, 0, 'the commit went through');
  assert.match(reached.stdout + reached.stderr, /net\.py:5:5: warning WD101 /);
});
