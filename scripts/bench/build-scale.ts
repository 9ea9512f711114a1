// How `npm run build` (form module, `next build`, runtime removal) scales with the number of articles: the
// project is copied to a temporary folder (node_modules symlinked), 0, 100 and 1000 synthetic articles are written
// beside the real ones, and each copy is built cold (no .next, no cache) under `/usr/bin/time -v`. The 0 row is
// the cold build of the real site; the phase columns are the times `next build` prints.
// Usage: npm run bench:build-scale   (BENCH_SIZES=0,100,1000 to change the sizes)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NEXT_DIR } from "../../lib/build/next-paths.mjs";
import { fmtLoad, killChild, removeOnExit, root, run, spawnGroup, table, waitForQuiet } from "./lib";
import { syntheticArticle, syntheticSlug } from "./synthetic-article";

const SIZES = (process.env.BENCH_SIZES ?? "0,100,1000").split(",").map(Number);
const BUILD_TIMEOUT_MS = 40 * 60_000;
const TARGET_COLD_S = 60;
const SKIP = new Set(["node_modules", NEXT_DIR, ".git", "test-results", "playwright-report", ".data", "coverage", "tsconfig.tsbuildinfo"]);

// ---------------------------------------------------------------- builds

interface Result {
  articles: number;
  totalArticles: number;
  load: string;
  wallS: number;
  maxRssMiB: number;
  treeRssMiB: number;
  pages: string;
  /** Phases as `next build` reports them, in seconds: compile, type check, prerender. */
  phases: { compile: number; types: number; prerender: number };
  ok: boolean;
  note: string;
}

function parseWall(s: string): number {
  // h:mm:ss or m:ss.cc
  const parts = s.trim().split(":").map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** Sum of the RSS of every process in a process group, from /proc (MiB). */
function groupRssMiB(pgid: number): number {
  let kb = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) !== pgid) continue; // field 5: pgrp
      kb += Number(f[21]) * 4; // field 24: rss in pages (4 KiB)
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

function commonAncestor(a: string, b: string): string {
  const pa = fs.realpathSync(a).split(path.sep);
  const pb = fs.realpathSync(b).split(path.sep);
  let k = 0;
  while (k < pa.length && k < pb.length && pa[k] === pb[k]) k++;
  return pa.slice(0, k).join(path.sep) || path.sep;
}

async function buildOnce(articles: number): Promise<Result> {
  const dir = removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), "iop-bench-build-")));
  try {
    fs.cpSync(root, dir, { recursive: true, filter: (src) => !SKIP.has(path.relative(root, src)) });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    const articleDir = path.join(dir, "content", "en", "articles");
    for (let i = 0; i < articles; i++) fs.writeFileSync(path.join(articleDir, `${syntheticSlug(i)}.mdx`), syntheticArticle(i, articles));
    const totalArticles = fs.readdirSync(articleDir).filter((f) => f.endsWith(".mdx")).length;

    const { load } = await waitForQuiet(`build with ${articles} synthetic articles`);
    const loadAtStart = fmtLoad();
    console.error(`[build-scale] building ${totalArticles} articles in ${dir} (load ${load.toFixed(2)})…`);
    const timeFile = path.join(dir, ".time-v.txt");
    let out = "";
    const proc = spawnGroup("/usr/bin/time", ["-v", "-o", timeFile, "npm", "run", "build", "--silent"], {
      cwd: dir,
      // Turbopack resolves only inside its root (by default the folder of the nearest lock file, here the copy), and
      // node_modules is a symlink to the real project: make the root a common ancestor of both.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_PRIVATE_OUTPUT_TRACE_ROOT: commonAncestor(dir, root) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    proc.stdout!.on("data", (d) => (out += d));
    proc.stderr!.on("data", (d) => (out += d));
    let treeRss = 0;
    const sampler = setInterval(() => (treeRss = Math.max(treeRss, groupRssMiB(proc.pid!))), 500);
    const timer = setTimeout(() => {
      out += `\n(build timed out after ${BUILD_TIMEOUT_MS / 60_000} min)`;
      killChild(proc);
    }, BUILD_TIMEOUT_MS);
    const code = await new Promise<number | null>((r) => proc.once("exit", (c) => r(c)));
    clearInterval(sampler);
    clearTimeout(timer);
    const tv = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, "utf8") : "";
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(tv)?.[1];
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(tv)?.[1];
    const pages = /Generating static pages[^\n]*?\((\d+)\/(\d+)\)/g;
    let lastPages = "";
    for (const m of out.matchAll(pages)) lastPages = m[2];
    const secs = (re: RegExp) => {
      const m = re.exec(out);
      return m ? Number(m[1]) / (m[2] === "ms" ? 1000 : 1) : NaN;
    };
    const phases = {
      compile: secs(/Compiled successfully in ([\d.]+)(ms|s)/),
      types: secs(/Finished TypeScript in ([\d.]+)(ms|s)/),
      prerender: secs(/Generating static pages[^\n]*?\(\d+\/\d+\) in ([\d.]+)(ms|s)/),
    };
    if (code !== 0) console.error(`[build-scale] build failed (exit ${code}):\n${out.split("\n").slice(-40).join("\n")}`);
    return {
      articles,
      totalArticles,
      load: loadAtStart,
      wallS: wall ? parseWall(wall) : NaN,
      maxRssMiB: rss ? Number(rss) / 1024 : NaN,
      treeRssMiB: treeRss,
      pages: lastPages || "?",
      phases,
      ok: code === 0,
      note: code === 0 ? "" : `exit ${code}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function ensureTime() {
  if (fs.existsSync("/usr/bin/time")) return;
  console.error("[build-scale] installing GNU time (apt-get install time)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args: string[]) =>
    spawnSync(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "time"]);
  if (!fs.existsSync("/usr/bin/time")) throw new Error("/usr/bin/time is missing and could not be installed");
}

run(async () => {
  ensureTime();
  const results: Result[] = [];
  for (const n of SIZES) results.push(await buildOnce(n));
  const real = results.find((r) => r.articles === 0);
  console.log(
    `\n\`npm run build\` (form module, next build, runtime removal; cold: no .next, no cache) of a copy of the project with N synthetic articles added to the real ones\n`,
  );
  console.log(
    table(
      [
        "synthetic articles",
        "articles in total",
        "static pages",
        "load 1/5/15 at start",
        "wall time s",
        "compile s",
        "type check s",
        "prerender s",
        "peak RSS, largest process MiB",
        "peak RSS, whole process tree MiB",
        "marginal s per article",
        "result",
      ],
      results.map((r, k) => {
        const prev = results[k - 1];
        const marginal = prev && r.ok && prev.ok ? ((r.wallS - prev.wallS) / (r.articles - prev.articles)).toFixed(3) : "";
        const p = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "?");
        return [
          r.articles,
          r.totalArticles,
          r.pages,
          r.load,
          r.wallS.toFixed(1),
          p(r.phases.compile),
          p(r.phases.types),
          p(r.phases.prerender),
          r.maxRssMiB.toFixed(0),
          r.treeRssMiB.toFixed(0),
          marginal,
          r.ok ? "ok" : `FAILED ${r.note}`,
        ];
      }),
    ),
  );
  if (real)
    console.log(
      `\nCold build of the real site (${real.totalArticles} articles): ${real.wallS.toFixed(1)} s, target < ${TARGET_COLD_S} s: ${real.ok && real.wallS < TARGET_COLD_S ? "met" : "MISSED"}`,
    );
  if (results.some((r) => !r.ok)) process.exitCode = 1;
});
