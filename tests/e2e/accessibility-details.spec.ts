import { expect, test, type Page } from "@playwright/test";
import { en } from "../../lib/i18n/en";
import { localePath, locales } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";
import { mainNav } from "../../lib/site/navigation";
import { allPagePaths, isArticlePath, sitemapPaths } from "./helpers";

/**
 * The accessibility details that axe does not judge: no sideways scroll at 320 px or with text at 200%, the current
 * page marked in the navigation, whole cards as tap targets, captioned tables that fit a phone, citations with a
 * highlighted target and a way back, primary buttons that keep their box in forced-colors mode, and US spelling.
 */

/** Text at 200%: the root font size doubled, as a reader's larger default text does (every rem and em grows). */
async function doubleText(page: Page) {
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
}

test("no page scrolls sideways at 320 px, or at 390 px with text at 200%, and none says 'licence'", async ({ page, request }) => {
  test.setTimeout(300_000);
  // Every sitemap page and the thank-you page of each language (kept out of the sitemap).
  const paths = await allPagePaths(request);
  for (const l of locales) expect(paths).toContain(localePath(l, "/contact/thanks"));
  for (const mode of [
    { name: "320 px", viewport: { width: 320, height: 640 }, big: false },
    { name: "390 px, text 200%", viewport: { width: 390, height: 844 }, big: true },
  ]) {
    await page.setViewportSize(mode.viewport);
    for (const p of paths) {
      await test.step(`${p} at ${mode.name}`, async () => {
        await page.goto(p);
        if (mode.big) await doubleText(page);
        const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
          const de = document.documentElement;
          // What sticks out, for the failure message.
          const wide = [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > de.clientWidth + 0.5)
            .slice(-3)
            .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
          return { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, wide };
        });
        expect(scrollWidth, `${p} at ${mode.name}: ${wide.join(", ")}`).toBeLessThanOrEqual(clientWidth);
        if (!mode.big) expect(await page.locator("body").innerText(), p).not.toMatch(/licence/i);
      });
    }
  }
});

test.describe("the current page in the navigation", () => {
  for (const [locale, vp] of locales.flatMap((l) =>
    [
      { name: "phone menu", width: 390, height: 844 },
      { name: "desktop", width: 1280, height: 800 },
    ].map((v) => [l, v] as const),
  )) {
    test(`is marked aria-current="page", visibly and not by colour alone, in the ${vp.name} (${locale})`, async ({ page }) => {
      const items = mainNav(locale);
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const nav = page.getByRole("navigation", { name: strings(locale).nav.label });
      const list = vp.width < 768 ? nav.locator("details ul") : nav.locator(":scope > ul");
      for (const item of items) {
        await page.goto(item.href);
        if (vp.width < 768) await nav.locator("details > summary").click();
        const current = list.locator('a[aria-current="page"]');
        await expect(current, item.href).toHaveCount(1);
        await expect(current).toHaveAttribute("href", item.href);
        await expect(current).toBeVisible();
        // A bar beside (menu) or under (desktop) the link, in the text's own colour, and bold text.
        const style = await current.evaluate(
          (a, side) => {
            const s = getComputedStyle(a);
            return {
              width: parseFloat(s.getPropertyValue(`border-${side}-width`)),
              bar: s.getPropertyValue(`border-${side}-color`),
              color: s.color,
              weight: Number(s.fontWeight),
            };
          },
          vp.width < 768 ? "left" : "bottom",
        );
        expect(style.width, `${item.href}: the current link's bar`).toBeGreaterThanOrEqual(3);
        expect(style.bar).toBe(style.color);
        expect(style.weight).toBeGreaterThanOrEqual(700);
        // The other links carry neither mark.
        const others = list.locator('a.nav-link:not([aria-current="page"])');
        expect(await others.count()).toBe(items.length - 1);
        for (const other of await others.all()) {
          expect(
            await other.evaluate((a, side) => parseFloat(getComputedStyle(a).getPropertyValue(`border-${side}-width`)), vp.width < 768 ? "left" : "bottom"),
          ).toBe(0);
        }
      }
      // A page that is not in the navigation marks nothing.
      await page.goto(localePath(locale, "/articles/what-is-iop"));
      await expect(nav.locator("[aria-current]")).toHaveCount(0);
    });
  }
});

test("the FAQ and About pages are in the menu and in the home page's Start here", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: en.nav.label });
  await nav.locator("details > summary").click();
  await expect(nav.getByRole("link", { name: en.nav.faq, exact: true })).toHaveAttribute("href", "/articles/iop-faq");
  await expect(nav.getByRole("link", { name: en.nav.about, exact: true })).toHaveAttribute("href", "/about");
  const start = page.getByRole("region", { name: en.home.startHeading });
  await expect(start.locator('a[href="/articles/iop-faq"]')).toBeVisible();
  await expect(start.getByRole("link", { name: en.trustPages.about.title })).toHaveAttribute("href", "/about");
});

test("a card is one link, and a tap anywhere on it follows that link", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ["/", "/articles", "/articles/what-is-iop"]) {
    await page.goto(p);
    const cards = page.locator(".card");
    expect(await cards.count(), `${p} has cards`).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      // One link, and nothing else a keyboard or a screen reader would stop at.
      expect(await card.locator("a, button, input, select, textarea, summary, [tabindex]").count()).toBe(1);
    }
    // Tap the lower right corner of the last card, far from its heading's link text.
    const card = cards.last();
    const href = await card.locator("a").getAttribute("href");
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    await page.mouse.click(box.x + box.width - 6, box.y + box.height - 6);
    await expect(page, `${p}: the card's corner goes to ${href}`).toHaveURL(new RegExp(`${href}$`));
  }
});

test("every table has a caption, and at 390 px no column is cut off", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  let tables = 0;
  for (const p of (await sitemapPaths(request)).filter(isArticlePath)) {
    await page.goto(p);
    for (const table of await page.locator("main table").all()) {
      tables++;
      const caption = table.locator(":scope > caption");
      await expect(caption, `${p}: a table without a caption`).toHaveCount(1);
      expect((await caption.innerText()).trim().length, `${p}: empty caption`).toBeGreaterThan(5);
      // The caption names the table for screen readers.
      expect(await table.evaluate((t) => t.firstElementChild?.tagName)).toBe("CAPTION");
      const fit = await table.evaluate((t) => {
        const wrap = t.parentElement!;
        const cells = [...t.querySelectorAll("th, td")].filter((c) => c.getBoundingClientRect().height > 1);
        return {
          tableFits: t.scrollWidth <= wrap.clientWidth && wrap.scrollWidth <= wrap.clientWidth,
          cellsOnScreen: cells.every((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth),
        };
      });
      expect(fit, `${p}: a table wider than the screen`).toEqual({ tableFits: true, cellsOnScreen: true });
      // Each body cell is shown under its column's name.
      for (const td of await table.locator("tbody td").all()) expect(await td.getAttribute("data-label"), p).toBeTruthy();
    }
  }
  expect(tables, "articles have tables").toBeGreaterThan(0);
  // On a wide screen a table is a table, headers on top.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/articles/levels-of-care");
  const table = page.locator("main table").first();
  expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe("table");
  await expect(table.locator("thead th").first()).toBeVisible();
});

test("a citation leads to its highlighted reference, which links back to it; both are at least 24 by 24 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/articles/levels-of-care");
  const cites = page.locator("sup.cite a");
  expect(await cites.count()).toBeGreaterThan(3);
  for (const a of await cites.all()) {
    const box = (await a.boundingBox())!;
    expect(box.width, (await a.getAttribute("href")) ?? "").toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  // Every back link leads to a citation that exists, and is as large.
  for (const back of await page.locator(".references a.ref-back").all()) {
    const href = (await back.getAttribute("href"))!;
    await expect(page.locator(href), href).toHaveCount(1);
    const box = (await back.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }

  // Follow the third citation; its reference is the target, highlighted by a bar and a tint.
  const cite = cites.nth(2);
  const citeId = (await cite.getAttribute("id"))!;
  const refHref = (await cite.getAttribute("href"))!;
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`${refHref}$`));
  const ref = page.locator(refHref);
  await expect(ref).toBeInViewport();
  const look = await ref.evaluate((li) => {
    const s = getComputedStyle(li);
    return { target: li.matches(":target"), bar: parseFloat(s.borderLeftWidth), barColor: s.borderLeftColor, background: s.backgroundColor };
  });
  expect(look.target).toBe(true);
  expect(look.bar).toBeGreaterThanOrEqual(3);
  expect(look.barColor).not.toBe("rgba(0, 0, 0, 0)");
  expect(look.background).not.toBe("rgba(0, 0, 0, 0)");

  // Its back link to this citation returns there.
  await ref.locator(`a.ref-back[href="#${citeId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${citeId}$`));
  await expect(page.locator(`#${citeId}`)).toBeInViewport();
  expect(await page.locator(`#${citeId}`).evaluate((a) => a.matches(":target"))).toBe(true);
});

test("in forced-colors mode a primary button keeps a visible box", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ forcedColors: "active" });
  for (const p of ["/", "/articles/what-is-iop", "/contact"]) {
    await page.goto(p);
    const buttons = page.locator(".btn-primary");
    expect(await buttons.count(), p).toBeGreaterThan(0);
    for (const b of await buttons.all()) {
      if (!(await b.isVisible())) continue;
      const s = await b.evaluate((el) => {
        const c = getComputedStyle(el);
        return { width: parseFloat(c.borderTopWidth), style: c.borderTopStyle, color: c.borderTopColor, background: c.backgroundColor };
      });
      expect(s.width, `${p}: border of a primary button`).toBeGreaterThanOrEqual(1);
      expect(s.style).toBe("solid");
      expect(s.color, `${p}: the border shows against the page`).not.toBe(s.background);
      expect(s.color).not.toBe("rgba(0, 0, 0, 0)");
    }
  }
});
