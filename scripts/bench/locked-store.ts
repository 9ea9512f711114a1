// While another process holds the inquiry store's write lock: how long an article takes (p50/p99 at 20 req/s)
// and how long a POST takes to get its answer, for this build and, side by side in the same run, another
// checkout's build (e.g. the previous commit in a git worktree).
// Usage: npm run bench:locked-store [-- --compare /path/to/other/checkout]   (each checkout built beforehand)
// Env: BENCH_LOCK_SECONDS (15), BENCH_RATE (20 article GETs per second), BENCH_POSTS (10, one per second).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, sampleInquiry } from "../../tests/helpers/next-server";
import { startServer } from "../lib/server.mjs";
import { fmtLoad, killChild, percentile, removeOnExit, root, run, sleep, table, track, waitForQuiet } from "./lib";

const LOCK_S = Number(process.env.BENCH_LOCK_SECONDS ?? 15);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const POSTS = Number(process.env.BENCH_POSTS ?? 10);

/** Starts a checkout's built server the way that checkout runs it: its server entry, or `next start` before there was one. */
async function startCheckout(dir: string, port: number, dataDir: string): Promise<ChildProcess> {
  const entry = path.join(dir, "dist", "server", "main.mjs");
  const command = fs.existsSync(entry)
    ? [entry]
    : [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const server = await startServer({ cwd: dir, command, port, dataDir, timeoutMs: 60_000 });
  return track(server.proc);
}

function holdLock(dir: string, file: string): Promise<ChildProcess> {
  const code = `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}); db.exec("BEGIN IMMEDIATE"); process.stdout.write("locked\\n"); setInterval(() => {}, 1000);`;
  const child = track(spawn(process.execPath, ["-e", code], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve(child));
    child.once("exit", () => reject(new Error("lock holder exited")));
  });
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status };
  } catch {
    return { ms: performance.now() - t, status: 0 };
  }
}

async function measure(dir: string) {
  const port = await freePort();
  const dataDir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), "iop-bench-lock-")));
  const server = await startCheckout(dir, port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  // One inquiry first, so the store exists and the worker has run once.
  await timed(`${base}/api/inquiries`, postInit(base, 0));
  await sleep(500);
  const holder = await holdLock(dir, path.join(dataDir, "inquiries.db"));
  const articles: Promise<{ ms: number; status: number }>[] = [];
  const posts: Promise<{ ms: number; status: number }>[] = [];
  const started = Date.now();
  for (let i = 0; Date.now() - started < LOCK_S * 1000; i++) {
    articles.push(timed(`${base}/articles/what-is-iop`));
    if (i % RATE === 0 && posts.length < POSTS) posts.push(timed(`${base}/api/inquiries`, postInit(base, posts.length + 1)));
    await sleep(1000 / RATE);
  }
  const a = await Promise.all(articles);
  // Posts still waiting when the lock goes count what they waited until then, plus the rest.
  killChild(holder);
  const p = await Promise.all(posts);
  killChild(server);
  const sorted = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((x, y) => x - y);
  const statuses = (xs: { status: number }[]) => [...new Set(xs.map((x) => x.status))].join("/");
  return {
    articleP50: percentile(sorted(a), 50),
    articleP99: percentile(sorted(a), 99),
    articleStatus: statuses(a),
    postP50: percentile(sorted(p), 50),
    postMax: Math.max(...sorted(p)),
    postStatus: statuses(p),
  };
}

function postInit(base: string, n: number): RequestInit {
  return {
    method: "POST",
    headers: { origin: base, "sec-fetch-site": "same-origin", "content-type": "application/json" },
    body: JSON.stringify(sampleInquiry({ name: `Bench ${n}` })),
  };
}

run(async () => {
  const i = process.argv.indexOf("--compare");
  const other = i > 0 ? path.resolve(process.argv[i + 1]) : undefined;
  const rows: (string | number)[][] = [];
  for (const dir of other ? [other, root] : [root]) {
    const { load } = await waitForQuiet(`locked store: ${dir}`);
    const r = await measure(dir);
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    rows.push([
      dir === root ? "this build" : path.basename(dir),
      f(r.articleP50),
      f(r.articleP99),
      r.articleStatus,
      f(r.postP50),
      f(r.postMax),
      r.postStatus,
      load.toFixed(2),
    ]);
  }
  console.log(`\nStore write-locked by another process for ${LOCK_S} s; articles at ${RATE}/s, ${POSTS} posts (load at end ${fmtLoad()})\n`);
  console.log(table(["build", "article p50", "article p99", "article status", "POST p50", "POST max", "POST status", "load at start"], rows));
});
