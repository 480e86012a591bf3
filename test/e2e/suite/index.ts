// Entry of the tests that run inside VS Code's extension host (`extensionTestsPath`). test/e2e/run.ts
// bundles this file with mocha and the test files into one CommonJS file (`vscode` external);
// VS Code calls `run()` and reports its outcome as the exit code (0 when it resolves).
import { format } from 'node:util';
import Mocha from 'mocha';
import { OUTPUT_PREFIX } from './handshake';

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
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
