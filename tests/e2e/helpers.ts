import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { localePath, locales, splitLocalePath } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";
import { THANKS_PATH } from "../../lib/inquiries/paths";

/** The data folder of the server this spec's project runs against (playwright.config.ts), to read what it stored. */
export function serverDataDir(): string {
  const dir = (test.info().project.metadata as { dataDir?: string }).dataDir;
  if (!dir) throw new Error("the project has no dataDir in its metadata (playwright.config.ts)");
  return dir;
}

/** The public origin the site writes into its sitemap, canonical URLs and structured data. */
export const PUBLIC_ORIGIN = "https://iop.example.org";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

export const SCHEMES = ["light", "dark"] as const;

/**
 * Every page path listed in /sitemap.xml, with the public origin rewritten to the test server. Also checks that
 * the sitemap only lists the public origin (a sitemap pointing at localhost would be a deployment bug).
 */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/sitemap.xml");
  expect(res.status(), "GET /sitemap.xml").toBe(200);
  const xml = await res.text();
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  expect(locs.length, "sitemap has <loc> entries").toBeGreaterThan(0);
  const paths = locs.map((loc) => {
    expect(loc.startsWith(PUBLIC_ORIGIN + "/") || loc === PUBLIC_ORIGIN, `sitemap URL ${loc} uses the public origin`).toBe(true);
    const u = new URL(loc);
    return u.pathname + u.search;
  });
  expect(new Set(paths).size, "sitemap has no duplicate URLs").toBe(paths.length);
  return paths;
}

/** Sitemap pages plus the thank-you page of every locale, which exists but is kept out of the sitemap. */
export async function allPagePaths(request: APIRequestContext): Promise<string[]> {
  return [...(await sitemapPaths(request)), ...locales.map((l) => localePath(l, THANKS_PATH))];
}

/** An article page in any locale ("/articles/x", "/es/articles/x"). */
export const isArticlePath = (p: string) => /^\/articles\/[^/]+$/.test(splitLocalePath(p).path);

/** The locale of a page path and the dictionary its words come from. */
export function pageWords(p: string) {
  const { locale, path } = splitLocalePath(p);
  return { locale, path, t: strings(locale) };
}

/** The crisis lines every page must carry in its footer. */
export async function expectCrisisLinks(scope: Locator) {
  await expect(scope.locator('a[href="tel:911"]').first(), "tel:911 link").toBeAttached();
  await expect(scope.locator('a[href="tel:988"]').first(), "tel:988 link").toBeAttached();
  await expect(scope.locator('a[href="sms:988"]').first(), "sms:988 link").toBeAttached();
  const samhsa = scope.locator('a[href="tel:+18006624357"]');
  await expect(samhsa.first(), "SAMHSA helpline link").toBeAttached();
  await expect(samhsa.first()).toHaveText(/1-800-662-4357/);
}

/**
 * Visits paths on several pages of one browser context at once: a whole-site sweep is mostly rendering and axe in
 * the browser, one core's work per page, so two lanes use both cores of a small CI machine. `setup` prepares each
 * page (viewport, colour scheme) before its first visit. Each path is still its own test step, with its own failure.
 */
export async function inLanes(
  context: BrowserContext,
  paths: string[],
  setup: (page: Page) => Promise<void>,
  visit: (page: Page, path: string) => Promise<void>,
  lanes = 2,
): Promise<void> {
  const queue = [...paths];
  const lane = async () => {
    const page = await context.newPage();
    await setup(page);
    try {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        const path = p;
        await test.step(path, () => visit(page, path));
      }
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * The WCAG axe rules whose outcome depends on the colours in use. The dark scheme changes only colours (no element is
 * shown, hidden or moved by it), so a page already checked with every rule in light needs only these in dark.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules (or, with `colourOnly`, the colour rules among them) and fails
 * with a readable list of violations. `include` limits the run to the part of the page a selector names.
 */
export async function expectNoAxeViolations(page: Page, label: string, { colourOnly = false, include }: { colourOnly?: boolean; include?: string } = {}) {
  const builder = include ? new AxeBuilder({ page }).include(include) : new AxeBuilder({ page });
  const results = await (colourOnly ? builder.withRules(COLOUR_RULES) : builder.withTags(WCAG_TAGS)).analyze();
  if (colourOnly) {
    // A renamed or retagged rule would otherwise make the dark sweep check nothing.
    const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
    expect([...ran].sort(), `the colour rules ran on ${label}`).toEqual([...COLOUR_RULES].sort());
  }
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`).join("\n"),
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Posts `fields` to `action` as a browser does without JavaScript (a native form submission, urlencoded) from the
 * page's current document, and returns the response; the page then shows what the server answered.
 */
export async function postNativeForm(page: Page, action: string, fields: Record<string, string>) {
  const posted = page.waitForResponse((r) => new URL(r.url()).pathname === action && r.request().method() === "POST");
  await page.evaluate(
    ([action, fields]) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement("input");
        Object.assign(input, { type: "hidden", name, value });
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    [action, fields] as const,
  );
  return posted;
}

/** A dictionary sentence with its {name} placeholders filled, as the page shows it. */
export const fill = (text: string, slots: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => slots[k]);

/** All JSON-LD blocks on the page, parsed (a parse error fails the test). */
export async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((t, i) => {
    try {
      return JSON.parse(t) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`JSON-LD block ${i} on ${page.url()} is not valid JSON: ${(e as Error).message}`);
    }
  });
}

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target} with ${max} Tab presses`);
}

/** Presses Tab once and expects `target` to be the newly focused element. */
export async function tabExpect(page: Page, target: Locator) {
  await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}
