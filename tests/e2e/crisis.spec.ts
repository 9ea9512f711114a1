import { expect, test, type Locator, type Page } from "@playwright/test";
import { center } from "../../content/center";
import { afterHoursSentences } from "../../lib/center/format";
import { localePath, locales, splitLocalePath } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";
import { crisisLines, lifelineChatUrl, smsHref, telHref } from "../../lib/site/crisis";
import { SCHEMES, VIEWPORTS, expectNoAxeViolations, fill, sitemapPaths } from "./helpers";

/**
 * Crisis help on every page, in the page's language: the footer block (the overdose line always visible, more lines in
 * a <details> that opens from the keyboard, Spanish marked as Spanish on English pages and the 988 line itself in
 * Spanish on Spanish pages, numbers from lib/site/crisis.ts), the header strip (numbers as links inside its sentence, a
 * focus ring that shows on its red) and the home page's word on who answers a call.
 */

const { emergency, lifeline, veterans } = crisisLines;
/** The crisis words of the page at `path` (its locale from the URL). */
const wordsFor = (path: string) => strings(splitLocalePath(path).locale).crisis;

const crisisBlock = (page: Page, path = "/") => page.getByRole("contentinfo").getByRole("region", { name: wordsFor(path).heading });
const strip = (page: Page) => page.getByRole("banner").locator("p.crisis-strip");

/** sRGB channels of any CSS colour the browser computes (oklch included), read back from a 1×1 canvas. */
async function rgb(page: Page, color: string): Promise<[number, number, number]> {
  return page.evaluate((c) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b] as [number, number, number];
  }, color);
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = ([r, g, b]: [number, number, number]) => {
    const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused link's outline colour against the strip's background, and whether the whole ring lies on the strip. */
async function ringOnStrip(page: Page, link: Locator) {
  const s = await link.evaluate((el) => {
    const cs = getComputedStyle(el);
    const p = el.closest("p")!;
    const r = el.getBoundingClientRect();
    const pr = p.getBoundingClientRect();
    const reach = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth);
    return {
      style: cs.outlineStyle,
      width: parseFloat(cs.outlineWidth),
      color: cs.outlineColor,
      background: getComputedStyle(p).backgroundColor,
      inside: r.top - reach >= pr.top && r.bottom + reach <= pr.bottom && r.left - reach >= pr.left && r.right + reach <= pr.right,
    };
  });
  return { ...s, ratio: contrast(await rgb(page, s.color), await rgb(page, s.background)) };
}

test.describe("the crisis block on every page", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("shows the overdose line, and opens more ways to get help from the keyboard, with numbers from lib/site/crisis.ts", async ({ page, request }) => {
    test.setTimeout(300_000);
    for (const p of await sitemapPaths(request)) {
      const { locale } = splitLocalePath(p);
      const t = wordsFor(p);
      const spanishSlots = { press: lifeline.spanish.press, keyword: lifeline.spanish.textKeyword };
      const overdose = fill(t.overdose, { emergency: emergency.display, naloxone: t.naloxone });
      const spanish = fill(t.spanish, { ...spanishSlots, tel: lifeline.display, sms: lifeline.display, chat: t.spanishChat });
      const veteransLine = fill(t.veterans, { tel: lifeline.display, press: veterans.press, sms: veterans.display });
      await test.step(p, async () => {
        await page.goto(p);
        const block = crisisBlock(page, p);
        await expect(block, `one crisis block in the footer of ${p}`).toHaveCount(1);

        // Always visible: the overdose line, its 911 and naloxone links inside it, and 988.
        const overdoseLine = block.getByRole("listitem").filter({ hasText: overdose });
        await expect(overdoseLine).toBeVisible();
        await expect(overdoseLine.getByRole("link", { name: emergency.display, exact: true })).toHaveAttribute("href", telHref(emergency.tel));
        await expect(overdoseLine.getByRole("link", { name: t.naloxone, exact: true })).toHaveAttribute(
          "href",
          localePath(locale, "/articles/preventing-overdose"),
        );
        await expect(block.locator(`a[href="${telHref(lifeline.tel)}"]`).first()).toBeVisible();
        await expect(block.locator(`a[href="${smsHref(lifeline.sms)}"]`).first()).toBeVisible();
        // 988's call, text and chat links, in the page's words; the chat in the page's language.
        await expect(block.getByRole("link", { name: fill(t.call, { ...spanishSlots, number: lifeline.display }) })).toHaveAttribute(
          "href",
          telHref(lifeline.tel),
        );
        await expect(block.getByRole("link", { name: fill(t.text, { ...spanishSlots, number: lifeline.display }) })).toHaveAttribute(
          "href",
          smsHref(lifeline.sms),
        );
        await expect(block.getByRole("link", { name: t.chat, exact: true })).toHaveAttribute("href", lifelineChatUrl(locale));
        await expect(block.getByText(fill(t.samhsa, {}))).toBeVisible();

        // One closed <details>; what it holds is hidden until it opens.
        const details = block.locator("details");
        const summary = details.locator("summary");
        await expect(details).toHaveCount(1);
        await expect(details).not.toHaveAttribute("open");
        await expect(summary).toBeVisible();
        await expect(summary).toContainText(t.more);
        // On English pages, 988 in Spanish waits in the <details>, marked as Spanish; a Spanish page says it up front.
        const spanishHere = locale !== "es";
        if (spanishHere) await expect(summary.locator('[lang="es"]')).toHaveText(t.moreSpanish);
        else await expect(summary.locator('[lang="es"]')).toHaveCount(0);
        const spanishLine = details.locator('[lang="es"]').filter({ hasText: spanish });
        await expect(spanishLine).toHaveCount(spanishHere ? 1 : 0);
        if (spanishHere) await expect(spanishLine).toBeHidden();

        // The summary is the next stop after the block's last visible link, and Enter and Space toggle it.
        await block.getByRole("link").filter({ visible: true }).last().focus();
        await page.keyboard.press("Tab");
        await expect(summary).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(details).toHaveAttribute("open", "");
        await expect(details.getByRole("listitem").first()).toBeVisible();
        await page.keyboard.press("Space");
        await expect(details).not.toHaveAttribute("open");
        await page.keyboard.press("Space");
        await expect(details).toHaveAttribute("open", "");

        // Spanish, in Spanish, marked lang="es", with its call, text and chat links.
        if (spanishHere) {
          await expect(spanishLine).toBeVisible();
          await expect(spanishLine.locator(`a[href="${telHref(lifeline.tel)}"]`)).toHaveText(lifeline.display);
          await expect(spanishLine.locator(`a[href="${smsHref(lifeline.sms)}"]`)).toHaveText(lifeline.display);
          await expect(spanishLine.getByRole("link", { name: t.spanishChat })).toHaveAttribute("href", lifeline.spanish.chatUrl);
        } else {
          const line = block.getByRole("listitem").filter({ hasText: fill(t.lifeline, { ...spanishSlots, lifeline: lifeline.display }) });
          await expect(line).toBeVisible();
          await expect(line.locator("strong").first()).toHaveText(lifeline.spanish.textKeyword);
        }

        // Veterans: 988 then press 1, or text the Veterans Crisis Line's own number.
        const veteransItem = details.getByRole("listitem").filter({ hasText: veteransLine });
        await expect(veteransItem).toBeVisible();
        await expect(veteransItem.locator(`a[href="${telHref(lifeline.tel)}"]`)).toBeVisible();
        await expect(veteransItem.locator(`a[href="${smsHref(veterans.sms)}"]`)).toHaveText(veterans.display);

        // ASL by videophone, with 988's own page for Deaf and hard-of-hearing callers.
        await expect(details.getByRole("listitem").filter({ hasText: fill(t.deaf, { number: lifeline.display, more: t.deafMore }) })).toBeVisible();
        await expect(details.getByRole("link", { name: t.deafMore })).toHaveAttribute("href", lifeline.deafUrl);

        // 988's former "press 3" option ended on 2025-07-17.
        await expect(block).not.toContainText(/press 3|oprima el 3|marque 3|PRIDE/i);
      });
    }
  });

  for (const scheme of SCHEMES) {
    test(`has no axe violations with its details open (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/articles/what-is-iop");
      await crisisBlock(page, "/articles/what-is-iop").locator("summary").click();
      await expect(crisisBlock(page, "/articles/what-is-iop").locator("details")).toHaveAttribute("open", "");
      // The suite's full WCAG 2.0, 2.1 and 2.2 A and AA tag set, on the crisis block alone.
      await expectNoAxeViolations(page, `the crisis block with its details open (${scheme})`, { include: "footer section.crisis" });
    });
  }
});

test("on a phone the crisis block, its extra ways closed, stays within its height: 440 px in English (its height before the extra ways were added), 640 px in Spanish (where 988's Spanish line is the visible one)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const budget = { en: 440, es: 640 } as const;
  for (const locale of locales) {
    await page.goto(localePath(locale, "/articles/what-is-iop"));
    const block = page.getByRole("contentinfo").getByRole("region", { name: strings(locale).crisis.heading });
    await expect(block.locator("details.crisis-more")).not.toHaveAttribute("open");
    const height = (await block.boundingBox())!.height;
    expect(height, `${locale}: crisis block height at 390 px`).toBeLessThanOrEqual(budget[locale]);
  }
});

test.describe("the header's crisis strip", () => {
  test("has its numbers as links inside the sentence, on every page", async ({ page, request }) => {
    test.setTimeout(120_000);
    for (const p of await sitemapPaths(request)) {
      const sentence = fill(wordsFor(p).strip, {
        lifeline: lifeline.display,
        emergency: emergency.display,
        press: lifeline.spanish.press,
        keyword: lifeline.spanish.textKeyword,
      });
      await test.step(p, async () => {
        await page.goto(p);
        const s = strip(page);
        await expect(s).toHaveCount(1);
        // The paragraph reads as the sentence alone: no numbers repeated after it (its short form, for large text on a
        // phone, is not rendered at this size).
        expect((await s.innerText()).replace(/\s+/g, " ").trim()).toBe(sentence);
        const links = s.getByRole("link");
        await expect(links).toHaveCount(2);
        await expect(links.nth(0)).toHaveAttribute("href", telHref(lifeline.tel));
        await expect(links.nth(0)).toHaveText(lifeline.display);
        await expect(links.nth(1)).toHaveAttribute("href", telHref(emergency.tel));
        await expect(links.nth(1)).toHaveText(emergency.display);
      });
    }
  });

  for (const vp of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      test(`focus rings on its links reach 3:1 against its red and stay on it (${vp.name}, ${scheme})`, async ({ page }) => {
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto("/");
        await page.keyboard.press("Tab"); // the skip link
        for (const link of [strip(page).getByRole("link").nth(0), strip(page).getByRole("link").nth(1)]) {
          await page.keyboard.press("Tab");
          await expect(link).toBeFocused();
          const ring = await ringOnStrip(page, link);
          test.info().annotations.push({ type: "focus ring", description: `${ring.color} on ${ring.background}: ${ring.ratio.toFixed(2)}:1` });
          expect(ring.style).toBe("solid");
          expect(ring.width).toBeGreaterThanOrEqual(2);
          expect(ring.ratio, `${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
          expect(ring.inside, "the ring lies wholly on the strip").toBe(true);
        }
      });
    }
  }

  test("keeps a visible focus ring in forced-colors mode", async ({ page }) => {
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto("/");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const link = strip(page).getByRole("link").first();
    await expect(link).toBeFocused();
    const ring = await ringOnStrip(page, link);
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.ratio, `${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
  });
});

for (const locale of locales) {
  test(`the home page (${locale}) says who answers a call during admissions hours and what happens at other times, from config`, async ({ page }) => {
    const home = strings(locale).home;
    await page.goto(localePath(locale, "/"));
    const hero = page.getByRole("main").getByRole("region", { name: home.title });
    await expect(hero.getByText(home.callAnsweredBy[center.admissionsAnsweredBy])).toBeVisible();
    await expect(hero.getByText(afterHoursSentences(center, locale).join(" "))).toBeVisible();
    await expect(hero).not.toContainText("Calls are answered by our own admissions staff.");
  });
}
