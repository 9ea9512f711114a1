// Page weight per page kind: compressed bytes before the load event, cold cache.
// Usage: npm run bench:weight   (builds if needed, starts the server entry on 4480)
import { chromium } from "@playwright/test";
import { root } from "./lib/bin.mjs";
import { browserLaunchOptions } from "./lib/chromium.mjs";
import { spawn } from "node:child_process";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { kib, measurePageWeight } from "./lib/page-weight.mjs";
import { build, buildIsStale } from "./ensure-tools.mjs";

const PORT = 4480;
const base = `http://127.0.0.1:${PORT}`;
if (buildIsStale()) build();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-bench-"));
const server = spawn(process.execPath, ["dist/server/main.mjs"], {
  env: { ...process.env, DATA_DIR: dataDir, SITE_ORIGIN: base, PORT: String(PORT), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "ignore",
});
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    ...browserLaunchOptions(root),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const pages = {
    home: "/",
    article: "/articles/what-is-iop",
    index: "/articles",
    contact: "/contact",
    thanks: "/contact/thanks",
    "not-found": "/no-such-page",
  };
  console.log("| page | JS KiB | CSS KiB | HTML KiB | total KiB | requests |\n|---|---|---|---|---|---|");
  for (const [name, p] of Object.entries(pages)) {
    const context = await browser.newContext();
    const { totals } = await measurePageWeight(context, base + p);
    await context.close();
    console.log(`| ${name} (${p}) | ${kib(totals.script)} | ${kib(totals.stylesheet)} | ${kib(totals.document)} | ${kib(totals.total)} | ${totals.requests} |`);
  }
  await browser.close();
} finally {
  server.kill("SIGTERM");
}
