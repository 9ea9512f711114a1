// @ts-check
// `npm test`: the whole suite on a fresh machine (Debian, other Linux, macOS, Windows). Installs what is missing (npm
// packages; a Chromium, see scripts/lib/chromium.mjs), runs the checks (types, lint, formatting, dead code), builds
// the site, runs the unit, integration and security tests (vitest) and the browser tests (Playwright against the
// server entry). A failed step does not stop the later ones, so one run shows everything. Each check and the build
// count as one test; the last line is always "N passed, N failed".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, runNode } from "./lib/bin.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { ensureJava } from "./lib/java.mjs";
import { ensurePostgres } from "./lib/postgres.mjs";
import { ensureDependencies } from "./build/ensure-tools.mjs";
import { freePortPair } from "./lib/server.mjs";

const started = Date.now();
process.env.NEXT_TELEMETRY_DISABLED = "1";
// npm ci never downloads browsers; scripts/lib/chromium.mjs decides which one runs the tests (and installs it).
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

let passed = 0;
let failed = 0;
let skipped = 0;
/** @type {string[]} one line per step for the summary */
const summary = [];

/** @param {number} ms */
const elapsed = (ms) => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s` : `${s}s`;
};

/** Prints the summary and the closing line, and exits. @returns {never} */
function finish() {
  console.log(`\n== summary\n${summary.join("\n")}`);
  console.log(`Total time ${elapsed(Date.now() - started)}${skipped ? `; ${skipped} skipped` : ""}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

try {
  ensureDependencies();
  const browser = ensureChromium(root);
  console.log(`Browser tests run in ${browser.why}: ${browser.executablePath}`);
  ensureJava();
  ensurePostgres();
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : e}`);
  summary.push("FAIL setup (dependencies, browser, Java or PostgreSQL): nothing else ran");
  failed++;
  finish();
}

/**
 * One step that counts as one test: passed when the command exits 0.
 * @param {string} title
 * @param {() => number} run returns the exit status
 */
function check(title, run) {
  console.log(`\n== ${title}`);
  const t0 = Date.now();
  const ok = run() === 0;
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? "ok  " : "FAIL"} ${title} (${elapsed(Date.now() - t0)})`);
}

// next typegen first: it writes the route types that check every literal link (lib/site/routes.ts).
check("typecheck: next typegen, tsc --noEmit", () => runNode({ pkg: "next" }, ["typegen"]) || runNode({ pkg: "typescript", bin: "tsc" }, ["--noEmit"]));
check("lint: eslint . --max-warnings 0", () => runNode({ pkg: "eslint" }, [".", "--max-warnings", "0"]));
check("format: prettier --check .", () => runNode({ pkg: "prettier" }, ["--check", "."]));
check("dead code: knip", () => runNode({ pkg: "knip" }, []));
check("build: scripts/build.mjs", () => runNode("scripts/build.mjs", []));

/**
 * A test runner: its own counts, from its JSON report. One more failure when it exits non-zero without reporting a
 * failing test (a crash, a failed setup or a missing report).
 * @param {string} title
 * @param {(report: string) => number} run returns the exit status
 * @param {(json: any) => { passed: number, failed: number, skipped: number }} count
 * @param {(json: any) => string[]} failures the failed tests' names and first error line, for the summary
 */
function runner(title, run, count, failures) {
  console.log(`\n== ${title}`);
  const t0 = Date.now();
  const report = path.join(reports, `${title.split(" ")[0]}.json`);
  const status = run(report);
  const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
  const c = json ? count(json) : { passed: 0, failed: 0, skipped: 0 };
  if (status !== 0 && c.failed === 0) c.failed = 1;
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  summary.push(`${c.failed ? "FAIL" : "ok  "} ${title}: ${c.passed} passed, ${c.failed} failed (${elapsed(Date.now() - t0)})`);
  // The summary is what a CI log shows last (and sometimes only): name each failure there, not only far above.
  if (json) for (const line of failures(json).slice(0, 20)) summary.push(`       ✗ ${line}`);
}

/** The first line of a failure message, without terminal colours, kept short. @param {unknown} message */
function firstLine(message) {
  const line = String(message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .find((l) => l.trim() !== "");
  return (line ?? "").trim().slice(0, 200);
}

/** Vitest's JSON report: each failed assertion with its file. @param {any} v @returns {string[]} */
function vitestFailures(v) {
  return (v.testResults ?? []).flatMap((/** @type {any} */ file) =>
    (file.assertionResults ?? [])
      .filter((/** @type {any} */ a) => a.status === "failed")
      .map((/** @type {any} */ a) => `${path.relative(root, file.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`),
  );
}

/** Playwright's JSON report: suites nest; a test failed when its last result is not a pass. @param {any} p */
function playwrightFailures(p) {
  /** @type {string[]} */
  const out = [];
  /** @param {any} suite */
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === "unexpected") {
          const last = t.results?.[t.results.length - 1];
          out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(last?.error?.message)}`);
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const s of p.suites ?? []) walk(s);
  return out;
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), "iop-test-reports-"));
runner(
  "vitest (unit, integration, security)",
  (report) => runNode({ pkg: "vitest" }, ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]),
  (v) => ({ passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }),
  vitestFailures,
);
// Other processes may hold the default ports: Playwright's two servers take two free neighbouring ones instead.
process.env.E2E_PORT ??= String(await freePortPair());
runner(
  "playwright (Chromium against the server entry)",
  (report) => runNode({ pkg: "@playwright/test", bin: "playwright" }, ["test"], { PW_JSON: report }),
  (p) => ({ passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected, skipped: p.stats.skipped }),
  playwrightFailures,
);
finish();
