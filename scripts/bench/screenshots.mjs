// Screenshots of pages at phone and desktop widths, for looking at the site as a reader would.
// Usage: node scripts/bench/screenshots.mjs http://127.0.0.1:4380 out-dir /path [/path…]   (add --dark for dark mode)
import { chromium } from "@playwright/test";
import { root } from "../lib/bin.mjs";
import { chromiumLaunchOptions } from "../lib/chromium.mjs";
import fs from "node:fs";
import path from "node:path";

const [base, outDir, ...rest] = process.argv.slice(2);
const dark = rest.includes("--dark");
const paths = rest.filter((p) => p.startsWith("/"));
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions(root));
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 800 }, colorScheme: dark ? "dark" : "light" });
  for (const p of paths) {
    await page.goto(base + p, { waitUntil: "load" });
    const name = `${(p === "/" ? "home" : p.slice(1).replace(/\//g, "_")) + (dark ? "-dark" : "")}-${width}.png`;
    await page.screenshot({ path: path.join(outDir, name), fullPage: true });
    console.log(path.join(outDir, name));
  }
  await page.close();
}
await browser.close();
