import { expect, test, type Browser, type Page } from "@playwright/test";
import { strings } from "../../lib/i18n/strings";
import { expectNoAxeViolations, postNativeForm } from "./helpers";

/**
 * The self-check (docs/decisions/0006-self-check-instruments.md). The e2e server runs with SELF_CHECK_PREVIEW
 * (playwright.config.ts): the shipped config does not confirm the USAUDIT's license, so the preview renders the page
 * as it will be, from the same page module, with the same browser module.
 */
const PATH = "/self-check";

/** Answers by field name → the value (points, or the profile answer) to choose. */
type Answers = Record<string, string>;
const negative: Answers = { age: "18-65", sex: "man", q1: "2", q2: "1", q3: "1" }; // USAUDIT-C 4 < 8
const positiveStage1: Answers = { age: "18-65", sex: "woman", q1: "4", q2: "2", q3: "2" }; // 8 ≥ 7
const zoneAnswers = (rest: number[]): Answers => Object.fromEntries(rest.map((v, i) => [`q${i + 4}`, String(v)]));
/** Items 4–10 after positiveStage1 (8 points): totals 8, 16 and 25; only zone IV has points on items 4–6. */
const zones: { zone: number; rest: number[] }[] = [
  { zone: 2, rest: [0, 0, 0, 0, 0, 0, 0] },
  { zone: 3, rest: [0, 0, 0, 4, 4, 0, 0] },
  { zone: 4, rest: [4, 4, 4, 4, 1, 0, 0] },
];

async function choose(page: Page, answers: Answers) {
  for (const [name, value] of Object.entries(answers)) await page.locator(`input[name="${name}"][value="${value}"]`).check();
}
const result = (page: Page) => page.locator("#self-check-result");

test.describe("with JavaScript", () => {
  test("scores in the page: no request after load, nothing stored, and a negative USAUDIT-C result", async ({ page, context }) => {
    await page.goto(PATH, { waitUntil: "networkidle" });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    await choose(page, negative);
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(result(page)).toBeVisible();
    await expect(result(page).locator('[data-result="c-negative"] [data-score]')).toHaveText("4");
    await expect(result(page).getByText("This is a screening, not a diagnosis.")).toBeVisible();
    await expect(result(page).locator('[data-block="lower-risk"]')).toBeVisible();
    await expect(result(page).locator('[data-block="withdrawal"]')).toBeHidden();
    await expect(result(page)).toBeFocused();
    await page.getByRole("button", { name: "Clear answers" }).click();
    await expect(result(page)).toBeHidden();
    await expect(page.locator("input[type=radio]:checked")).toHaveCount(0);
    expect(requests, "requests made while answering, scoring and clearing").toEqual([]);
    const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(storage).toEqual({ local: 0, session: 0, cookie: "" });
    expect(await context.cookies()).toEqual([]);
  });

  test("two stages: a positive USAUDIT-C asks 7 more questions; each zone's result passes axe", async ({ page }) => {
    for (const { zone, rest } of zones) {
      await page.goto(PATH);
      await choose(page, positiveStage1);
      await page.getByRole("button", { name: "See my result" }).click();
      await expect(page.locator("#self-check-stage-2")).toBeVisible();
      await expect(page.locator("#self-check-stage-2")).toBeFocused();
      await choose(page, zoneAnswers(rest));
      await page.getByRole("button", { name: "See my result" }).click();
      const block = result(page).locator(`[data-result="zone-${zone}"]`);
      await expect(block).toBeVisible();
      await expect(result(page).locator('[data-block="withdrawal"]')).toBeVisible({ visible: zone === 4 });
      if (zone === 4)
        await expect(result(page).getByRole("link", { name: "Read about withdrawal and detox" })).toHaveAttribute("href", "/articles/withdrawal-and-detox");
      await expectNoAxeViolations(page, `self-check result, zone ${zone}`);
    }
  });

  test("under 18: no score, and axe passes", async ({ page }) => {
    await page.goto(PATH);
    await choose(page, { age: "under-18" });
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(result(page).locator('[data-result="minor"]')).toBeVisible();
    await expect(result(page).getByRole("heading", { level: 2 })).toHaveText("This check is for adults");
    await expectNoAxeViolations(page, "self-check result, under 18");
  });

  test("a skipped question: the error summary, focused, links to it; axe on the questionnaire and its error state", async ({ page }) => {
    await page.goto(PATH);
    await expectNoAxeViolations(page, "self-check questionnaire");
    await choose(page, { age: "18-65", sex: "woman", q1: "1", q3: "0" });
    await page.getByRole("button", { name: "See my result" }).click();
    const summary = page.locator("#self-check-errors");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveCount(1);
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#sc-q2");
    await expect(page.locator("#sc-q2")).toHaveAttribute("aria-describedby", "sc-q2-error");
    await expectNoAxeViolations(page, "self-check error state");
  });

  test("keyboard only: Tab, arrow keys and Space answer; Enter submits", async ({ page }) => {
    await page.goto(PATH);
    await page.locator("h1").click();
    // Tab to the first radio of the age question.
    for (let i = 0; i < 80 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === "age")); i++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // 18 to 65
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space"); // A woman
    await page.keyboard.press("ArrowDown"); // A man
    for (const q of ["q1", "q2", "q3"]) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(q);
      await page.keyboard.press("Space");
    }
    await page.keyboard.press("Enter");
    await expect(result(page).locator('[data-result="c-negative"] [data-score]')).toHaveText("0");
  });

  test("Back does not bring the answers back", async ({ page }) => {
    await page.goto(PATH);
    await choose(page, negative);
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(result(page)).toBeVisible();
    await page.goto("/about");
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.locator("input[type=radio]:checked")).toHaveCount(0);
    await expect(result(page)).toBeHidden();
  });
});

/**
 * axe runs as a script, so a page without JavaScript is checked in a second context: the same HTML, served at this
 * origin (its stylesheet loads from the server), with JavaScript on.
 */
async function axeOnHtml(browser: Browser, baseURL: string, html: string, label: string) {
  // Options from test.use() apply to new contexts too: turn JavaScript back on for axe.
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await page.route("**/self-check/axe-view", (r) => r.fulfill({ status: 200, contentType: "text/html", body: html }));
  await page.goto(`${baseURL}/self-check/axe-view`);
  await expectNoAxeViolations(page, label);
  await context.close();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts (never GET) to the route, which answers with the result and no script", async ({ page, browser, baseURL }) => {
    await page.goto(PATH);
    await expect(page.locator("#self-check-form")).toHaveAttribute("method", "post");
    await expect(page.locator("#self-check-form")).toHaveAttribute("autocomplete", "off");
    await choose(page, positiveStage1);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/self-check/result")),
      page.getByRole("button", { name: "See my result" }).click(),
    ]);
    expect(res.request().method()).toBe("POST");
    expect(new URL(page.url()).search).toBe("");
    await expect(page.locator("#self-check-stage-2")).toBeVisible();
    await expect(page.locator('input[name="q1"][value="4"]')).toBeChecked();
    await choose(page, zoneAnswers(zones[1].rest));
    await page.getByRole("button", { name: "See my result" }).click();
    await expect(result(page).locator('[data-result="zone-3"]')).toBeVisible();
    await expect(result(page).locator('[data-result="zone-3"] [data-score]')).toHaveText("16");
    expect(await page.locator("script[src]").count()).toBe(0);
    await axeOnHtml(browser, baseURL!, await page.content(), "self-check result without JavaScript");
  });

  test("a skipped question answers 422 with the error summary", async ({ page, browser, baseURL }) => {
    await page.goto(PATH);
    await choose(page, { age: "66-plus" });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/self-check/result")),
      page.getByRole("button", { name: "See my result" }).click(),
    ]);
    expect(res.status()).toBe(422);
    await expect(page.locator("#self-check-errors")).toBeVisible();
    await expect(page.locator("#self-check-errors li:not([hidden])")).toHaveCount(4);
    await axeOnHtml(browser, baseURL!, await page.content(), "self-check error state without JavaScript");
  });
});

/**
 * The Spanish page: no publisher's Spanish version of the USAUDIT exists (a declared exception,
 * lib/self-check/exceptions.ts), so even with the license previewed it shows no questions, says why in Spanish and
 * gives the next steps. Its prerendered page is served (the preview covers only languages with a check).
 */
test.describe("in Spanish", () => {
  const es = strings("es").selfCheck;

  for (const javaScriptEnabled of [true, false]) {
    test(`no questions, the reason and the next steps, and no script (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const res = await page.goto("/es/self-check");
      expect(res?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(es.title.withoutCheck);
      await expect(page.getByRole("heading", { name: es.unavailable.noPublisherVersion.heading })).toBeVisible();
      await expect(page.locator("form, input[type=radio]")).toHaveCount(0);
      expect(await page.locator("script[src]").count()).toBe(0);
      const main = page.getByRole("main");
      for (const href of ["tel:988", "sms:988", "tel:+18006624357", "https://findtreatment.gov/", "/es/articles/withdrawal-and-detox"])
        await expect(main.locator(`a[href="${href}"]`).first(), href).toBeVisible();
      await expect(main.locator('a[href="/es/articles/preventing-overdose#pasos-para-usar-la-naloxona-en-atomizador-nasal"]')).toBeVisible();
      await expect(main.getByText(/marque 2/)).toBeVisible();
      await expect(main.getByText("AYUDA", { exact: true })).toBeVisible();
      await expect(page.getByRole("banner").locator('a[hreflang="en"]').filter({ visible: true })).toHaveAttribute("href", PATH);
      if (javaScriptEnabled) await expectNoAxeViolations(page, "Spanish self-check page");
      else await axeOnHtml(browser, baseURL!, await page.content(), "Spanish self-check page without JavaScript");
      await context.close();
    });
  }

  test("a post in Spanish to the no-JavaScript route is answered in Spanish: 404, why, nothing scored", async ({ page }) => {
    await page.goto("/es/self-check");
    const res = await postNativeForm(page, "/self-check/result", { lang: "es", age: "18-65", sex: "woman", q1: "4", q2: "4", q3: "4" });
    expect(res.status()).toBe(404);
    expect(res.headers()["cache-control"]).toBe("no-store");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: es.unavailable.noPublisherVersion.heading })).toBeVisible();
    await expect(page.locator("#self-check-result, input[type=radio]")).toHaveCount(0);
    expect(new URL(page.url()).search).toBe("");
  });
});

test("found where it helps: the home page, what-is-IOP and the FAQ link to it, in both languages, outside any card", async ({ page }) => {
  for (const locale of ["en", "es"] as const) {
    const prefix = locale === "en" ? "" : "/es";
    const target = `${prefix}${PATH}`;
    await page.goto(prefix || "/");
    const home = page.locator(`main a[href="${target}"]`);
    await expect(home, `${locale} home links to ${target}`).toHaveText(strings(locale).home.selfCheck.label);
    // A card is one link (a tap anywhere on it follows it): the self-check link sits beside the cards, not in one.
    expect(await home.evaluate((a) => a.closest(".card") === null)).toBe(true);
    for (const slug of ["what-is-iop", "iop-faq"]) {
      await page.goto(`${prefix}/articles/${slug}`);
      await expect(page.locator(`main a[href="${target}"]`).first(), `${locale} ${slug} links to ${target}`).toBeVisible();
    }
  }
});
