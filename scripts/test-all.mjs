// `npm test`: the whole suite on a fresh machine. Installs what is missing (npm packages, Debian chromium),
// builds the site, runs the unit and integration tests (vitest) and the browser tests (Playwright against
// `next start`), then prints one closing line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, ensureChromium, ensureDependencies } from "./ensure-tools.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

ensureDependencies();
ensureChromium();
console.log("\n== next build");
build();

const reports = fs.mkdtempSync(path.join(os.tmpdir(), "iop-test-reports-"));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const step = (title, cmd, args, env = {}) => {
  console.log(`\n== ${title}`);
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status;
};

const vitestJson = path.join(reports, "vitest.json");
const pwJson = path.join(reports, "playwright.json");
const vitestStatus = step("vitest (unit + integration)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const pwStatus = step("playwright (chromium against next start)", bin("playwright"), ["test"], { PW_JSON: pwJson });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} else failed++;
if (fs.existsSync(pwJson)) {
  const p = JSON.parse(fs.readFileSync(pwJson, "utf8"));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
} else failed++;
// A runner that crashed without reporting a failing test still fails the suite.
if ((vitestStatus !== 0 || pwStatus !== 0) && failed === 0) failed = 1;

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
