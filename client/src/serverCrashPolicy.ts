// What the client does when the language server's connection closes without being asked to:
// restart it, tell the user once per session, and stop restarting a server that keeps crashing
// (a crash loop would spin a core and flood the output). No `vscode` import: unit-tested as is.

export type CrashDecision =
  /** Restart; `announce` is true only for the first crash of the session. */
  | { action: 'restart'; announce: boolean }
  /** Too many crashes in the window: leave it stopped until the user restarts it. */
  | { action: 'giveUp'; crashes: number; windowMinutes: number };

export class ServerCrashPolicy {
  private crashTimes: number[] = [];
  private announced = false;

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  onUnexpectedClose(now: number): CrashDecision {
    this.crashTimes = this.crashTimes.filter((time) => now - time < this.windowMs);
    this.crashTimes.push(now);
    if (this.crashTimes.length >= this.maxCrashes) {
      return { action: 'giveUp', crashes: this.crashTimes.length, windowMinutes: this.windowMs / 60_000 };
    }
    const announce = !this.announced;
    this.announced = true;
    return { action: 'restart', announce };
  }

  /** The user restarted the server by hand: earlier crashes no longer count against it. */
  reset(): void {
    this.crashTimes = [];
  }
}
