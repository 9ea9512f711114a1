import { expect, test } from "@playwright/test";
import { kib, measurePageWeight } from "../../scripts/lib/page-weight.mjs";

/**
 * Byte budgets per page kind: compressed bytes before the load event, cold cache. Deterministic for a build,
 * so they are asserted here; timings are only reported by the benchmarks (npm run bench:*).
 * A bare Next.js 16.4 page ships about 132 KiB of JavaScript; the site's own code must stay small on top.
 */
const budgets = [
  { name: "home", path: "/", js: 140, css: 12, total: 180 },
  { name: "article", path: "/articles/what-is-iop", js: 140, css: 12, total: 180 },
  { name: "articles index", path: "/articles", js: 140, css: 12, total: 180 },
  { name: "contact (form island)", path: "/contact", js: 165, css: 12, total: 200 },
  { name: "thank-you", path: "/contact/thanks", js: 140, css: 12, total: 180 },
  { name: "not found", path: "/no-such-page", js: 140, css: 12, total: 180 },
];

for (const b of budgets) {
  test(`${b.name} stays within its byte budget`, async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const { totals, files } = await measurePageWeight(context, `${baseURL}${b.path}`);
    await context.close();
    const detail = files.map((f) => `${f.kind} ${kib(f.bytes)} KiB ${f.url}`).join("\n");
    expect(kib(totals.script), `JavaScript KiB on ${b.path}\n${detail}`).toBeLessThanOrEqual(b.js);
    expect(kib(totals.stylesheet), `CSS KiB on ${b.path}`).toBeLessThanOrEqual(b.css);
    expect(kib(totals.total), `total KiB on ${b.path}\n${detail}`).toBeLessThanOrEqual(b.total);
    // Every byte comes from the site itself.
    for (const f of files) expect(new URL(f.url).origin).toBe(new URL(baseURL!).origin);
  });
}
