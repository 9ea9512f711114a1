import { expect, test, type Page } from "@playwright/test";
import { en } from "../../lib/i18n/en";
import { es } from "../../lib/i18n/es";
import { splitLocalePath } from "../../lib/i18n/locales";
import { allPagePaths, postNativeForm } from "./helpers";

/**
 * A reader who reads only Spanish meets no English interface words on a Spanish page. Every string of the
 * English dictionary (lib/i18n/en.ts), cut at the values a function puts in, is looked for in the visible text of
 * every Spanish page (with each <details> opened), and must not be there. Allowed: words the two dictionaries share
 * (Medicare, TTY, Fax…), the few below, and text marked as English (lang="en": the titles of English-only sources).
 */

/** Stands for a value a dictionary function puts into its sentence; the words around it are the fragments. */
const MARK = "\u0001";

/** Every literal piece of text in a dictionary: strings, and the parts of each function's result around its values. */
function fragments(dictionary: object): Set<string> {
  const out = new Set<string>();
  const add = (s: string) => {
    for (const part of s.split(MARK)) {
      const text = part.replace(/\{\w+\}/g, MARK);
      for (const piece of text.split(MARK)) {
        const trimmed = piece.trim().replace(/^[,.:;()“”"'\s]+|[,.:;()“”"'\s]+$/g, "");
        if (trimmed) out.add(trimmed);
      }
    }
  };
  const walk = (value: unknown) => {
    if (typeof value === "string") add(value);
    else if (typeof value === "function") {
      const fn = value as (...args: unknown[]) => unknown;
      for (const arg of [MARK, [MARK, MARK]]) {
        try {
          walk(fn(...Array.from({ length: Math.max(1, fn.length) }, () => arg)));
          return;
        } catch {
          // Try the next kind of argument.
        }
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(dictionary);
  return out;
}

/** Words the same in both languages, or names, that a Spanish page may show although the English dictionary has them. */
const ALLOWED = new Set(["911", "988", "Fax", "TTY", "ASL", "IOP", "PHP", "ASAM", "Medicare", "Medicaid", "TRICARE", "VA", "SAMHSA", "Error"]);

const spanishFragments = fragments(es);
/** English fragments worth looking for: with at least four letters, not paths or slugs, not shared with Spanish. */
const english = [...fragments(en)].filter(
  (f) =>
    (f.match(/\p{L}/gu) ?? []).length >= 4 &&
    !f.startsWith("/") &&
    !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(f) &&
    !spanishFragments.has(f) &&
    !ALLOWED.has(f) &&
    // A fragment holding only Spanish words ("En español" on English pages) is not English.
    !f.startsWith("¿") &&
    f !== en.crisis.moreSpanish,
);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = english.map((f) => ({ f, re: new RegExp(`(?<![\\p{L}])${escape(f)}(?![\\p{L}])`, "u") }));

/** The page's visible text with every <details> open, leaving out what is marked as another language than Spanish. */
async function visibleSpanishText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
    for (const el of document.querySelectorAll("body [lang]")) if (!el.getAttribute("lang")!.startsWith("es")) el.remove();
    return document.body.innerText;
  });
}

test("the English interface words are many, and the check finds them on an English page (control)", async ({ page }) => {
  expect(english.length).toBeGreaterThan(200);
  await page.goto("/contact");
  const text = await visibleSpanishText(page);
  expect(patterns.filter((p) => p.re.test(text)).length).toBeGreaterThan(20);
});

test("no English interface string appears in the visible text of a Spanish page", async ({ page, request }) => {
  test.setTimeout(240_000);
  const paths = (await allPagePaths(request)).filter((p) => splitLocalePath(p).locale === "es");
  expect(paths.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const p of paths) {
    await page.goto(p);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const text = await visibleSpanishText(page);
    for (const { f, re } of patterns) if (re.test(text)) found.push(`${p}: "${f}"`);
  }
  expect(found).toEqual([]);
});

test("nor on the Spanish form sent back with its mistakes (no JavaScript)", async ({ page }) => {
  await page.goto("/es/contact");
  const posted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
  await page.locator("form#inquiry-form").evaluate((f: HTMLFormElement) => f.submit());
  expect((await posted).status()).toBe(400);
  await expect(page.locator("#error-summary")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const text = await visibleSpanishText(page);
  expect(patterns.filter(({ re }) => re.test(text)).map(({ f }) => f)).toEqual([]);
});

test("nor on the self-check route's answer to a Spanish post (no JavaScript; no Spanish check exists)", async ({ page }) => {
  await page.goto("/es/self-check");
  expect((await postNativeForm(page, "/self-check/result", { lang: "es" })).status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const text = await visibleSpanishText(page);
  expect(patterns.filter(({ re }) => re.test(text)).map(({ f }) => f)).toEqual([]);
});
