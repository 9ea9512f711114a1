import { expect, test } from "@playwright/test";
import { kib, measurePageWeight } from "../../scripts/lib/page-weight.mjs";

/**
 * Byte budgets per page kind: compressed bytes before the load event, cold cache. Deterministic for a build,
 * so they are asserted here; timings are only reported by the benchmarks (npm run bench:*).
 * The ceiling the site started from for an article was 140 KiB of JavaScript and 180 KiB in total (a bare
 * Next.js page ships about 132 KiB of JavaScript). The build removes the framework runtime (lib/build/next-output.ts), so pages
 * without a form ship none, the contact page only its form module (about 10 KiB, the shared schema
 * included) and the self-check only its scoring module (about 2 KiB). The budgets sit a little above today's figures so that growth shows up here first.
 */
const budgets = [
  { name: "home", path: "/", js: 0, css: 12, total: 30 },
  { name: "article", path: "/articles/what-is-iop", js: 0, css: 12, total: 40 },
  { name: "articles index", path: "/articles", js: 0, css: 12, total: 30 },
  { name: "contact (form module)", path: "/contact", js: 14, css: 12, total: 40 },
  // The e2e server previews the USAUDIT (SELF_CHECK_PREVIEW), so this is the page with its scoring module, rendered by
  // the server entry, which does not compress (about 35 KiB of HTML); the prerendered page is compressed like the rest.
  { name: "self-check (its module)", path: "/self-check", js: 14, css: 12, total: 52 },
  { name: "thank-you", path: "/contact/thanks", js: 0, css: 12, total: 30 },
  { name: "not found", path: "/no-such-page", js: 0, css: 12, total: 30 },
  // The Spanish edition: the same kinds of page, about a fifth more words, and the form's Spanish module.
  { name: "home (es)", path: "/es", js: 0, css: 12, total: 30 },
  { name: "article (es)", path: "/es/articles/what-is-iop", js: 0, css: 12, total: 40 },
  { name: "articles index (es)", path: "/es/articles", js: 0, css: 12, total: 30 },
  { name: "contact (es, form module)", path: "/es/contact", js: 14, css: 12, total: 40 },
  // No Spanish check exists (a declared exception): the Spanish self-check page is prerendered and has no module.
  { name: "self-check (es, no check)", path: "/es/self-check", js: 0, css: 12, total: 30 },
  { name: "thank-you (es)", path: "/es/contact/thanks", js: 0, css: 12, total: 30 },
  { name: "not found (es)", path: "/es/no-existe", js: 0, css: 12, total: 30 },
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
