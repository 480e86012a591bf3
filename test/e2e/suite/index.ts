// Entry of the tests that run inside VS Code's extension host (`extensionTestsPath`). The runners
// (test/e2e/run.ts, test/e2e/runElectron.ts) bundle this file with mocha and the test files into one
// CommonJS file (test/e2e/bundleSuite.ts, `vscode` external); VS Code calls `run()` and reports its
// outcome as the exit code (0 when it resolves).
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import { OUTPUT_PREFIX, RESULT_FILE_ENV, type SuiteResult } from './handshake';

export async function run(): Promise<void> {
  // The spec reporter writes through Base.consoleLog (console.log, which VS Code forwards to the
  // workbench log among its own messages).
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(OUTPUT_PREFIX + format(...args).split('\n').join(`\n${OUTPUT_PREFIX}`));
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  // The test files call describe/it at load time: give them mocha's bdd functions first, then
  // load them (the require is resolved by the bundler, it is not a dynamic file lookup).
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'extension.test.ts', mocha);
  require('./extension.test');
  let stats: Mocha.Stats | undefined;
  const failures = await new Promise<number>((resolve) => {
    stats = mocha.run(resolve).stats;
  });
  const resultFile = process.env[RESULT_FILE_ENV];
  if (resultFile) {
    const result: SuiteResult = { passed: stats?.passes ?? 0, failed: failures, pending: stats?.pending ?? 0 };
    writeFileSync(resultFile, JSON.stringify(result));
  }
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
