import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { localePath, locales } from "../../lib/i18n/locales";
import {
  PUBLIC_ORIGIN,
  SCHEMES,
  VIEWPORTS,
  allPagePaths,
  expectCrisisLinks,
  expectNoAxeViolations,
  inLanes,
  isArticlePath,
  jsonLd,
  pageWords,
  sitemapPaths,
} from "./helpers";

/**
 * Every public page in every language, as listed by /sitemap.xml (plus the thank-you pages): basic document
 * structure, the crisis block, the skip link, landmarks, WCAG 2.1 AA by axe in two viewports and both colour schemes,
 * and the parts an article must have (contents, references, review line, disclaimer, structured data), each named in
 * the page's own language.
 */

const articleSlugs = fs
  .readdirSync(path.resolve(__dirname, "../../content/en/articles"))
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));

test("the sitemap lists the home page, articles index, contact page and every article in every language, and not the thank-you pages", async ({ request }) => {
  const paths = await sitemapPaths(request);
  for (const locale of locales) {
    for (const p of ["/", "/articles", "/contact"]) expect(paths).toContain(localePath(locale, p));
    for (const slug of articleSlugs)
      expect(paths, `sitemap lists ${localePath(locale, `/articles/${slug}`)}`).toContain(localePath(locale, `/articles/${slug}`));
    expect(paths).not.toContain(localePath(locale, "/contact/thanks"));
  }
  expect(paths.filter(isArticlePath).length).toBe(articleSlugs.length * locales.length);
});

test("every page: status 200, one h1, title, meta description, landmarks and the crisis block in the footer", async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const p of await allPagePaths(request)) {
    const { t } = pageWords(p);
    await test.step(p, async () => {
      const res = await page.goto(p);
      expect(res?.status(), `status of ${p}`).toBe(200);
      await expect(page.locator("h1"), `${p} has exactly one h1`).toHaveCount(1);
      await expect(page.locator("h1")).not.toBeEmpty();
      expect((await page.title()).trim(), `${p} has a <title>`).not.toBe("");
      const description = page.locator('head meta[name="description"]');
      await expect(description, `${p} has one meta description`).toHaveCount(1);
      expect(((await description.getAttribute("content")) ?? "").trim(), `${p} meta description`).not.toBe("");

      await expect(page.getByRole("banner"), `${p} banner`).toHaveCount(1);
      await expect(page.getByRole("main"), `${p} main`).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveAttribute("id", "main");
      await expect(page.getByRole("contentinfo"), `${p} contentinfo`).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: t.nav.label }), `${p} main navigation`).toHaveCount(1);

      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("heading", { name: t.crisis.heading })).toBeVisible();
      await expectCrisisLinks(footer);
      await expect(footer.getByRole("link", { name: "911", exact: true })).toBeVisible();
      await expect(footer.locator('a[href="tel:988"]').filter({ hasText: /988/ }).first()).toBeVisible();
      await expect(footer.locator('a[href="sms:988"]').first()).toBeVisible();
      await expect(footer.getByRole("link", { name: "1-800-662-4357" })).toBeVisible();
    });
  }
});

test("every page: the skip link is the first focusable element and moves focus to #main", async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const p of await allPagePaths(request)) {
    const { t } = pageWords(p);
    await test.step(p, async () => {
      await page.goto(p);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: t.skipToContent });
      await expect(skip, `first Tab on ${p} focuses the skip link`).toBeFocused();
      await expect(skip).toHaveAttribute("href", "#main");
      await expect(skip, "the skip link is visible when focused").toBeInViewport();
      const box = await skip.boundingBox();
      expect(box && box.width > 10 && box.height > 10, "focused skip link has a real size").toBe(true);
      await page.keyboard.press("Enter");
      await expect(page.locator("#main")).toBeFocused();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
      // The next Tab continues from inside the main content, not from the top of the page again.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#main"))), `Tab after skipping stays in main on ${p}`).toBe(true);
    });
  }
});

// The four sweeps are the suite's longest tests: let them run on both workers instead of one after another in this file.
test.describe("axe on every page", () => {
  test.describe.configure({ mode: "parallel" });
  for (const vp of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      test(`every page has no WCAG 2.2 A/AA axe violations at ${vp.width}x${vp.height} in ${scheme} mode${scheme === "dark" ? " (colour rules)" : ""}`, async ({
        context,
        request,
      }) => {
        test.setTimeout(480_000);
        await inLanes(
          context,
          await allPagePaths(request),
          async (page) => {
            await page.setViewportSize({ width: vp.width, height: vp.height });
            await page.emulateMedia({ colorScheme: scheme });
          },
          async (page, p) => {
            await page.goto(p);
            expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(scheme === "dark");
            await expectNoAxeViolations(page, `${p} (${vp.width}px, ${scheme})`, { colourOnly: scheme === "dark" });
          },
        );
      });
    }
  }
});

test("every article has contents that link to real headings, references, a review line and the not-medical-advice note", async ({ page, request }) => {
  test.setTimeout(120_000);
  const articles = (await sitemapPaths(request)).filter(isArticlePath);
  expect(articles.length).toBeGreaterThan(0);
  for (const p of articles) {
    const { t } = pageWords(p);
    await test.step(p, async () => {
      await page.goto(p);
      const toc = page.getByRole("navigation", { name: t.article.onThisPage });
      await expect(toc, `${p} has a table of contents`).toBeVisible();
      const hrefs = await toc.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.length, `${p} contents has at least 2 entries`).toBeGreaterThanOrEqual(2);
      for (const href of hrefs) {
        expect(href, "contents links are in-page").toMatch(/^#.+/);
        const id = decodeURIComponent(href.slice(1));
        const tag = await page.evaluate((i) => document.getElementById(i)?.tagName ?? null, id);
        expect(tag, `${p}: contents link ${href} points at a heading`).toMatch(/^H[23]$/);
      }
      // Following a contents link lands on its heading.
      await toc.getByRole("link").last().click();
      const lastId = decodeURIComponent(hrefs[hrefs.length - 1].slice(1));
      await expect(page.locator(`[id="${lastId}"]`)).toBeInViewport();

      const refs = page.getByRole("region", { name: t.article.references });
      await expect(refs).toBeVisible();
      const items = refs.getByRole("listitem");
      expect(await items.count(), `${p} has at least 2 references`).toBeGreaterThanOrEqual(2);
      // Each reference links to its source; its back links return to where the article cites it.
      for (const link of await refs.getByRole("link").all()) {
        expect(await link.getAttribute("href")).toMatch(/^https:\/\/|^#cite-\d+-\d+$/);
      }

      const about = page.getByRole("complementary", { name: t.article.aboutLabel });
      await expect(about.getByText(new RegExp(`${t.article.lastReviewed}: .+\\d{4}`))).toBeVisible();
      await expect(about.locator("time[datetime]")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
      await expect(about.getByText(t.article.disclaimer)).toBeVisible();
    });
  }
});

type Ld = Record<string, unknown> & { "@type"?: string };

test("every article has valid JSON-LD: a MedicalWebPage about an Article, and a BreadcrumbList", async ({ page, request }) => {
  test.setTimeout(120_000);
  const articles = (await sitemapPaths(request)).filter(isArticlePath);
  for (const p of articles) {
    const { locale } = pageWords(p);
    await test.step(p, async () => {
      await page.goto(p);
      const blocks = (await jsonLd(page)) as Ld[];
      for (const b of blocks) expect(b["@context"]).toBe("https://schema.org");
      const pageLd = blocks.filter((b) => b["@type"] === "MedicalWebPage");
      expect(pageLd, `${p} has one MedicalWebPage`).toHaveLength(1);
      const wp = pageLd[0];
      expect(wp.url).toBe(PUBLIC_ORIGIN + p);
      const main = wp.mainEntity as Ld;
      expect(main["@type"]).toBe("Article");
      expect(String(main.headline)).toBe((await page.locator("h1").textContent())?.trim());
      expect(String(main.datePublished)).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(String(main.dateModified)).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(Array.isArray(main.citation) && (main.citation as unknown[]).length >= 2, "Article cites its references").toBe(true);

      const crumbs = blocks.filter((b) => b["@type"] === "BreadcrumbList");
      expect(crumbs, `${p} has one BreadcrumbList`).toHaveLength(1);
      const items = crumbs[0].itemListElement as { "@type": string; position: number; name: string; item: string }[];
      expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
      expect(items.map((i) => new URL(i.item).href)).toEqual(
        [localePath(locale, "/"), localePath(locale, "/articles"), p].map((x) => new URL(PUBLIC_ORIGIN + x).href),
      );
      for (const i of items) {
        expect(i["@type"]).toBe("ListItem");
        expect(i.name.trim()).not.toBe("");
      }
    });
  }
});

test("the home page describes the center as a MedicalClinic in JSON-LD", async ({ page }) => {
  await page.goto("/");
  const clinic = ((await jsonLd(page)) as Ld[]).filter((b) => b["@type"] === "MedicalClinic");
  expect(clinic).toHaveLength(1);
  const c = clinic[0];
  expect(c["@context"]).toBe("https://schema.org");
  expect(String(c.name).trim()).not.toBe("");
  expect(c.url).toBe(`${PUBLIC_ORIGIN}/`);
  expect(String(c.telephone)).toMatch(/^\+1\d{10}$/);
  const address = c.address as Ld;
  expect(address["@type"]).toBe("PostalAddress");
  expect(String(address.streetAddress).trim()).not.toBe("");
  // The number in the JSON-LD is one a visitor can actually see and call.
  await expect(page.locator(`a[href="tel:${(c.contactPoint as Ld).telephone}"]`).first()).toBeVisible();
});

for (const faqPath of locales.map((l) => localePath(l, "/articles/iop-faq")))
  test(`the FAQ article (${faqPath}) has FAQPage JSON-LD with at least 5 answered questions that match the page`, async ({ page }) => {
    await page.goto(faqPath);
    const blocks = (await jsonLd(page)) as Ld[];
    const faq = blocks.filter((b) => b["@type"] === "FAQPage");
    expect(faq).toHaveLength(1);
    const questions = faq[0].mainEntity as { "@type": string; name: string; acceptedAnswer: { "@type": string; text: string } }[];
    expect(Array.isArray(questions)).toBe(true);
    expect(questions.length).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      expect(q["@type"]).toBe("Question");
      expect(q.name.trim()).toMatch(/\?$/);
      expect(q.acceptedAnswer["@type"]).toBe("Answer");
      expect(q.acceptedAnswer.text.trim().length, `answer to "${q.name}"`).toBeGreaterThan(0);
      // No raw markup leaks into the answers search engines show.
      expect(q.acceptedAnswer.text).not.toMatch(/<[A-Za-z]|\]\(|\*\*/);
      // Each question is a heading a reader can see in the article body.
      await expect(page.locator(".prose").getByRole("heading", { name: q.name, exact: true })).toBeVisible();
    }
  });

test("every sitemap page carries JSON-LD of the schema.org type for its kind", async ({ page, request }) => {
  const expected = (pagePath: string) => {
    const p = pageWords(pagePath).path;
    return p === "/"
      ? "MedicalClinic"
      : p === "/articles"
        ? "CollectionPage"
        : isArticlePath(p)
          ? "MedicalWebPage"
          : p === "/contact"
            ? "ContactPage"
            : p === "/about"
              ? "AboutPage"
              : "WebPage";
  };
  for (const p of await sitemapPaths(request)) {
    await page.goto(p);
    const blocks = (await jsonLd(page)) as Ld[];
    const main = blocks.filter((b) => b["@type"] === expected(p));
    expect(main, `${p} has one ${expected(p)}`).toHaveLength(1);
    expect(main[0]["@context"]).toBe("https://schema.org");
    if (pageWords(p).path !== "/") {
      expect(main[0].url, `${p} names its own public URL`).toBe(PUBLIC_ORIGIN + p);
      expect(String(main[0].name).trim(), `${p} has a name`).not.toBe("");
      expect((main[0].publisher as Ld)["@id"], `${p} is published by the clinic`).toBe(`${PUBLIC_ORIGIN}/#clinic`);
    }
    if (pageWords(p).path === "/articles") {
      const parts = main[0].hasPart as { url: string }[];
      const links = await page.locator("main h3 a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(parts.map((x) => x.url.replace(PUBLIC_ORIGIN, "")).sort()).toEqual([...links].sort());
    }
  }
});
