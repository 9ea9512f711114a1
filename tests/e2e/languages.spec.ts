import { expect, test } from "@playwright/test";
import { localePath, otherLocales, splitLocalePath } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";
import { PUBLIC_ORIGIN, allPagePaths, jsonLd, sitemapPaths } from "./helpers";

/**
 * Every page in every language, as the sitemap lists them (plus the thank-you pages): the document's language, the
 * switch to the same page in the other language (named in that language, marked with lang and hreflang), the hreflang
 * alternates both ways with x-default, and the language of the structured data.
 */

test("every page: <html lang> is its locale, and the switch leads to the same page in the other language, and back", async ({ page, request }) => {
  test.setTimeout(240_000);
  for (const p of await allPagePaths(request)) {
    await test.step(p, async () => {
      const { locale, path } = splitLocalePath(p);
      const res = await page.goto(p);
      expect(res?.status(), p).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const other of otherLocales(locale)) {
        // Two in the markup: beside the name, and in the phone menu for the header's compact (large-text) layout.
        const links = page.getByRole("banner").locator(`a[hreflang="${other}"]`);
        await expect(links, `${p}: the switch to ${other}, by the name and in the phone menu`).toHaveCount(2);
        for (const link of await links.all()) {
          await expect(link).toHaveText(strings(other).languageName);
          await expect(link).toHaveAttribute("lang", other);
          await expect(link).toHaveAttribute("href", localePath(other, path));
        }
        await expect(links.filter({ visible: true }), `${p}: one switch to ${other} on screen`).toHaveCount(1);
      }
    });
  }
  // Following the switch lands on the other page, whose switch points back.
  await page.goto("/articles/what-is-iop");
  await page.getByRole("banner").locator('a[hreflang="es"]').filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/es\/articles\/what-is-iop$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("banner").locator('a[hreflang="en"]').filter({ visible: true })).toHaveAttribute("href", "/articles/what-is-iop");
});

test("every sitemap page names itself and its other-language page as hreflang alternates, with x-default", async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const p of await sitemapPaths(request)) {
    await test.step(p, async () => {
      const { locale, path } = splitLocalePath(p);
      await page.goto(p);
      const alternates = await page
        .locator('head link[rel="alternate"][hreflang]')
        // As URLs: Next writes the home page without its trailing slash, which names the same URL.
        .evaluateAll((ls) => Object.fromEntries(ls.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href") ?? "").href])));
      expect(alternates).toEqual({
        en: PUBLIC_ORIGIN + localePath("en", path),
        es: PUBLIC_ORIGIN + localePath("es", path),
        "x-default": PUBLIC_ORIGIN + localePath("en", path),
      });
      const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
      expect(new URL(canonical ?? "").href).toBe(new URL(PUBLIC_ORIGIN + localePath(locale, path)).href);
      // The page's own structured data says which language it is in.
      const typed = (await jsonLd(page)).filter((b) => "inLanguage" in b);
      expect(typed.length, `${p} has JSON-LD with inLanguage`).toBeGreaterThan(0);
      for (const b of typed) expect(b.inLanguage, `${p} ${String(b["@type"])}`).toBe(locale);
    });
  }
});

test("the sitemap lists each page with its alternates in both languages and x-default", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(0);
  for (const u of urls) {
    const loc = /<loc>([^<]+)<\/loc>/.exec(u)![1];
    const links = Object.fromEntries([...u.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(links).sort(), loc).toEqual(["en", "es", "x-default"]);
    expect(Object.values(links), `${loc} names itself`).toContain(loc);
  }
});

test("an unknown URL under /es/ answers 404 with Spanish text marked as Spanish", async ({ page }) => {
  const res = await page.goto("/es/no-existe");
  expect(res?.status()).toBe(404);
  const spanish = page.locator('main [lang="es"]');
  await expect(spanish.getByRole("heading", { name: strings("es").notFound.title })).toBeVisible();
  await expect(spanish.getByText(strings("es").notFound.body)).toBeVisible();
  await expect(spanish.getByRole("link", { name: strings("es").nav.home })).toHaveAttribute("href", "/es");
  await expect(page.locator("h1")).toHaveCount(1);
});
