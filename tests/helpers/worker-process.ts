import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** A standalone delivery worker (`npm run worker`: dist/server/worker.mjs), started from a checkout or an artifact. */
export interface WorkerProcess {
  proc: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends `signal` unless it has exited, and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const root = path.resolve(__dirname, "..", "..");

/** Starts `node dist/server/worker.mjs` in `cwd` (default this checkout) on `dataDir`, with `env` on top of the test's own. */
export function startWorkerProcess(opts: { dataDir: string; env?: Record<string, string>; cwd?: string }): WorkerProcess {
  const cwd = opts.cwd ?? root;
  let out = "";
  const proc = spawn(process.execPath, [path.join(cwd, "dist", "server", "worker.mjs")], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: opts.dataDir, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => (out += d));
  proc.stderr?.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
