import { expect, test, type Page } from "@playwright/test";
import { center } from "../../content/center";
import { admissionsHoursLine, afterHoursLine } from "../../lib/center/format";
import { formatTimeZone } from "../../lib/i18n/format";
import { en } from "../../lib/i18n/en";
import { crisisLines } from "../../lib/site/crisis";
import { fill } from "./helpers";
import { localePath, locales, otherLocales } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";

/**
 * The call bar on article pages (components/article/CallBar.tsx) and the phone header it goes with: at the bottom of
 * a phone screen with the call link, admissions hours and the after-hours line from config; it never hides the element
 * that has focus (WCAG 2.2 SC 2.4.11); it is an ordinary block at the end at 320 px and with text at 200%, gone in
 * print and from md up; and the header leaves most of the first screen to the page.
 */

const PHONE = { width: 390, height: 844 };
/** The three longest articles: the most focus stops, tables, citations and cards to scroll past. */
const LONG_ARTICLES = ["/articles/iop-faq", "/articles/medications-for-addiction", "/articles/levels-of-care"];

const bar = (page: Page) => page.getByRole("region", { name: en.callBar.label });

/** Text at 200%: the root font size doubled, as a reader's larger default text does (every rem and em grows). */
async function doubleText(page: Page) {
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
}

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE });

  test("the bar sits at the bottom of the screen with the call link, the admissions hours and the after-hours line from config", async ({ page }) => {
    const hours = admissionsHoursLine(center, "en");
    // The hours are in the center's time zone, named once at the end of the line.
    expect(hours.endsWith(`(${formatTimeZone(center.timeZone, "en")})`)).toBe(true);
    for (const p of ["/articles/what-is-iop", "/articles"]) {
      await page.goto(p);
      const b = bar(page);
      // On the first screen it stays below the top of its track (the article's body), under the header's call button.
      const first = await b.evaluate((el) => ({ bar: el.getBoundingClientRect().top, track: el.closest(".call-bar-track")!.getBoundingClientRect().top }));
      expect(first.bar, `${p}: the bar is not above the start of the article's body`).toBeGreaterThanOrEqual(first.track - 0.5);
      // Once the reader is in the body, it sits at the bottom of the screen.
      await page.evaluate(() => window.scrollTo(0, 1500));
      await expect(b, p).toBeVisible();
      expect(await b.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
      const box = (await b.boundingBox())!;
      expect(Math.abs(box.y + box.height - PHONE.height), `${p}: the bar's bottom is the screen's bottom`).toBeLessThan(1);
      expect(box.height, `${p}: the bar is slim`).toBeLessThanOrEqual(PHONE.height * 0.15);
      await expect(b.getByRole("link", { name: `${en.callUs} ${center.phones.admissions.display}` })).toHaveAttribute(
        "href",
        `tel:${center.phones.admissions.tel}`,
      );
      await expect(b).toContainText(en.callBar.hours(hours));
      await expect(b).toContainText(afterHoursLine(center, "en"));
    }
    // Only on article pages and the articles index.
    for (const p of ["/", "/contact", "/about"]) {
      await page.goto(p);
      await expect(bar(page), p).toHaveCount(0);
    }
  });

  // Each long article at 390 px, and one at 360 px, the narrowest width where the bar sticks (its lines wrap most there).
  for (const [p, width] of [...LONG_ARTICLES.map((a) => [a, 390] as const), [LONG_ARTICLES[2], 360] as const]) {
    test(`Tab through ${p} at ${width} px: no focused element is covered by the bar`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: PHONE.height });
      // Instant scrolling, so each box is read where focus scrolled it (smooth scrolling ends at the same place).
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(p);
      await expect(bar(page)).toBeVisible();
      const seen: string[] = [];
      const covered: string[] = [];
      for (let i = 0; i < 1000; i++) {
        await page.keyboard.press("Tab");
        const r = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const b = document.querySelector(".call-bar")!.getBoundingClientRect();
          // A card's link draws its focus ring around the whole card: the card must be clear too.
          const e = (el.closest(".card") ?? el).getBoundingClientRect();
          const name = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
          return {
            name,
            key: el.outerHTML.slice(0, 200) + Array.from(document.querySelectorAll("*")).indexOf(el),
            inBar: Boolean(el.closest(".call-bar")),
            top: e.top,
            bottom: e.bottom,
            barTop: b.top,
            barBottom: b.bottom,
            height: innerHeight,
          };
        });
        if (!r || seen.includes(r.key)) break;
        seen.push(r.key);
        if (r.inBar || r.bottom - r.top < 1) continue;
        const clear = r.bottom <= r.barTop + 0.5 || r.top >= r.barBottom - 0.5;
        const onScreen = r.bottom > 0 && r.top < r.height;
        if (!clear || !onScreen) covered.push(`${r.name}: ${r.top.toFixed(0)}–${r.bottom.toFixed(0)}, bar ${r.barTop.toFixed(0)}–${r.barBottom.toFixed(0)}`);
      }
      expect(seen.length, "focus stops on the page").toBeGreaterThan(60);
      expect(covered, "focused elements under the call bar or off screen").toEqual([]);
    });
  }

  test("the header takes at most a third of the first screen", async ({ page }) => {
    for (const p of ["/", "/articles/what-is-iop"]) {
      await page.goto(p);
      const h = (await page.getByRole("banner").boundingBox())!.height;
      expect(h, `${p}: header height at 390×844`).toBeLessThanOrEqual(PHONE.height / 3);
      // The call button and the menu button share a row.
      const call = (await page.getByRole("banner").locator(".header-call").boundingBox())!;
      const menu = (await page.locator("#site-menu > summary").boundingBox())!;
      expect(Math.abs(call.y - menu.y), "call and menu on one row").toBeLessThan(1);
    }
  });

  for (const locale of locales) {
    test(`with text at 200% the header still takes at most a third of the first screen (${locale}): short crisis strip, the language switch in the menu, the buttons in one row`, async ({
      page,
    }) => {
      const t = strings(locale);
      await page.goto(localePath(locale, "/articles/what-is-iop"));
      await doubleText(page);
      const banner = page.getByRole("banner");
      const h = (await banner.boundingBox())!.height;
      expect(h, "header height at 390×844, text 200%").toBeLessThanOrEqual(PHONE.height / 3);
      // The strip still gives both numbers as links, in its short form.
      const strip = banner.locator("p.crisis-strip");
      const { lifeline, emergency } = crisisLines;
      await expect(strip.getByRole("link", { name: lifeline.display, exact: true })).toBeVisible();
      await expect(strip.getByRole("link", { name: emergency.display, exact: true })).toBeVisible();
      const shown = (await strip.innerText()).replace(/\s+/g, " ").trim();
      expect(shown).toBe(fill(t.crisis.stripShort, { lifeline: lifeline.display, emergency: emergency.display, press: lifeline.spanish.press }));
      // The call button shows its short word on one line; its name keeps the full label and the number.
      const call = banner.getByRole("link", { name: `${t.callUs} ${center.phones.admissions.display}` });
      expect((await call.locator(".header-call-short").innerText()).trim()).toBe(t.callShort);
      expect((await call.locator(".header-call-full").boundingBox())!.width, "the full label is for screen readers only").toBeLessThanOrEqual(1);
      const callBox = (await call.boundingBox())!;
      const menu = page.locator("#site-menu > summary");
      const menuBox = (await menu.boundingBox())!;
      expect(Math.abs(callBox.y - menuBox.y)).toBeLessThan(1);
      expect(callBox.x + callBox.width).toBeLessThanOrEqual(menuBox.x);
      expect(callBox.height, "the short word is one line").toBeLessThan(2.5 * 32);
      // The language switch is not beside the name but one tap away, in the menu.
      const other = otherLocales(locale)[0];
      const switches = banner.locator(`a[hreflang="${other}"]`);
      await expect(switches.filter({ visible: true })).toHaveCount(0);
      await menu.click();
      await expect(switches.filter({ visible: true })).toHaveCount(1);
      await expect(page.locator("#site-menu").getByRole("link", { name: strings(other).languageName })).toBeVisible();
    });
  }

  test("at normal text the language switch is beside the name, not repeated in the menu", async ({ page }) => {
    await page.goto("/articles/what-is-iop");
    await page.locator("#site-menu > summary").click();
    const switches = page.getByRole("banner").locator('a[hreflang="es"]');
    await expect(switches.filter({ visible: true })).toHaveCount(1);
    await expect(page.locator(".header-brand-row").locator('a[hreflang="es"]')).toBeVisible();
  });
});

test("at 320 px and with text at 200% the bar is an ordinary block at the article's end, not stuck to the screen", async ({ page }) => {
  const cases = [
    { name: "320 px", viewport: { width: 320, height: 640 }, big: false },
    { name: "390 px, text 200%", viewport: PHONE, big: true },
  ];
  for (const c of cases) {
    await page.setViewportSize(c.viewport);
    await page.goto("/articles/what-is-iop");
    if (c.big) await doubleText(page);
    const b = bar(page);
    await expect(b, c.name).toBeAttached();
    expect(await b.evaluate((el) => getComputedStyle(el).position), c.name).toBe("static");
    // At the top of the page it is far below the screen, after the article's call to action.
    const box = (await b.boundingBox())!;
    expect(box.y, `${c.name}: not on the first screen`).toBeGreaterThan(c.viewport.height);
    const cta = (await page.getByRole("region", { name: en.article.ctaHeading }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(cta.y + cta.height);
    // Nothing of it sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), c.name).toBe(true);
  }
});

test("the bar is not printed, and not shown from md up", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/articles/what-is-iop");
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect(bar(page)).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(bar(page)).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(bar(page)).toBeHidden();
});
