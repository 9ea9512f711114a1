// Page weight per page kind: compressed bytes before the load event, cold cache.
// Usage: npm run bench:weight   (builds if needed, starts the server entry on 4480)
import { chromium } from "@playwright/test";
import { root } from "../lib/bin.mjs";
import { chromiumLaunchOptions } from "../lib/chromium.mjs";
import { kib, measurePageWeight } from "../lib/page-weight.mjs";
import { startServer, tempDir } from "../lib/server.mjs";
import { build, buildIsStale } from "../build/ensure-tools.mjs";

const PORT = 4480;
if (buildIsStale()) build();
const server = await startServer({ port: PORT, dataDir: tempDir("iop-bench-") });
try {
  const browser = await chromium.launch(chromiumLaunchOptions(root));
  const pages = {
    home: "/",
    article: "/articles/what-is-iop",
    index: "/articles",
    contact: "/contact",
    "self-check": "/self-check",
    thanks: "/contact/thanks",
    "not-found": "/no-such-page",
  };
  console.log("| page | JS KiB | CSS KiB | HTML KiB | total KiB | requests |\n|---|---|---|---|---|---|");
  for (const [name, p] of Object.entries(pages)) {
    const context = await browser.newContext();
    const { totals } = await measurePageWeight(context, server.url + p);
    await context.close();
    console.log(`| ${name} (${p}) | ${kib(totals.script)} | ${kib(totals.stylesheet)} | ${kib(totals.document)} | ${kib(totals.total)} | ${totals.requests} |`);
  }
  await browser.close();
} finally {
  await server.stop();
}
