// Shared pieces of the benchmark scripts in this folder: load-average gating, child-process bookkeeping (every
// child is killed when the script ends, however it ends), percentiles and markdown tables.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIdFile } from "../../lib/build/next-paths.mjs";

export const root = path.resolve(__dirname, "..", "..");
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One-minute load average (the figure `uptime` prints first). */
export const load1 = () => os.loadavg()[0];
export const fmtLoad = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

/**
 * Waits (bounded) until the one-minute load average is below `max`, so a measurement does not share the two
 * cores with other work. Returns the load it started at; `waited` says whether the bound ran out first.
 * BENCH_QUIET_LOAD and BENCH_QUIET_WAIT_S override the threshold and the bound.
 */
export async function waitForQuiet(what: string, max = Number(process.env.BENCH_QUIET_LOAD ?? 1.0), maxWaitS = Number(process.env.BENCH_QUIET_WAIT_S ?? 300)) {
  const deadline = Date.now() + maxWaitS * 1000;
  let said = false;
  while (load1() >= max && Date.now() < deadline) {
    if (!said) console.error(`[bench] ${what}: waiting for load < ${max} (now ${fmtLoad()}, up to ${maxWaitS} s)`);
    said = true;
    await sleep(5000);
  }
  const load = load1();
  if (load >= max) console.error(`[bench] ${what}: load still ${load.toFixed(2)} after ${maxWaitS} s; measuring anyway (recorded)`);
  return { load, quiet: load < max };
}

/** Every child this script started, so none outlives it. */
const children = new Set<ChildProcess>();

export function track(proc: ChildProcess): ChildProcess {
  children.add(proc);
  proc.once("exit", () => children.delete(proc));
  return proc;
}

/** Kills one child (its whole process group when it was started detached). */
export function killChild(proc: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  try {
    if ((proc as ChildProcess & { __group?: boolean }).__group) process.kill(-proc.pid, signal);
    else proc.kill(signal);
  } catch {
    /* already gone */
  }
}

/** Temporary folders to delete when the script ends, however it ends (after the children are killed). */
const temps = new Set<string>();
export function removeOnExit(dir: string): string {
  temps.add(dir);
  return dir;
}

/** Synchronous clean-ups (e.g. unmounting a tmpfs) run when the script ends, after the children are killed. */
const exitHooks = new Set<() => void>();
export function onExit(hook: () => void): () => void {
  exitHooks.add(hook);
  return () => exitHooks.delete(hook);
}

function killAll() {
  for (const c of children) killChild(c);
  for (const hook of exitHooks) {
    try {
      hook();
    } catch {
      /* best effort */
    }
  }
  exitHooks.clear();
  for (const d of temps) {
    try {
      fs.rmSync(d, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
  temps.clear();
}

let hooked = false;
/** Kill children on exit, on Ctrl-C / SIGTERM and on an uncaught error. */
function installCleanup() {
  if (hooked) return;
  hooked = true;
  process.on("exit", killAll);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Spawns a tracked child in its own process group (so its grandchildren die with it). */
export function spawnGroup(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const proc = spawn(cmd, args, { ...opts, detached: true });
  (proc as ChildProcess & { __group?: boolean }).__group = true;
  return track(proc);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * Builds the site when the build is missing or older than its sources (scripts/build/ensure-tools.mjs). With
 * BENCH_NO_BUILD=1 a stale (but present) build is used as it is, e.g. while other processes serve it.
 */
export async function ensureBuild() {
  const { build, buildIsStale } = (await import(path.join(root, "scripts", "build", "ensure-tools.mjs"))) as { build: () => void; buildIsStale: () => boolean };
  const missing = !fs.existsSync(buildIdFile(root));
  if (missing || (buildIsStale() && process.env.BENCH_NO_BUILD !== "1")) {
    console.error("[bench] building the site (npm run build)…");
    build();
  } else if (buildIsStale()) console.error("[bench] build is stale; BENCH_NO_BUILD=1, so measuring it as it is");
}

/** Runs `main`, prints its error, and always kills every tracked child before exiting. */
export function run(main: () => Promise<void>) {
  installCleanup();
  main()
    .then(() => {
      killAll();
      process.exit(process.exitCode ?? 0);
    })
    .catch((err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      killAll();
      process.exit(1);
    });
}
