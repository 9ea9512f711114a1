import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { inquiryText as t } from "../../lib/i18n/inquiry.en";
import { center } from "../../content/center";
import { admissionsHours, responseTimePhrase } from "../../lib/center/format";
import { errorMessages as e } from "../helpers/error-messages";
import { expectCrisisLinks, expectNoAxeViolations, tabExpect, tabTo } from "./helpers";

/**
 * The inquiry form, as people use it: keyboard only, without JavaScript, with mistakes, with a double click and
 * with a dropped connection. Every label and message comes from lib/i18n/inquiry.en.ts.
 */

const SUBMIT = { name: t.submit };
const m = t.errors;

const field = {
  name: (p: Page) => p.getByLabel(t.labels.name),
  organization: (p: Page) => p.getByLabel(t.labels.organization),
  phone: (p: Page) => p.getByLabel(t.labels.phone),
  email: (p: Page) => p.getByLabel(t.labels.email),
  bestTime: (p: Page) => p.getByLabel(t.labels.bestTime),
  language: (p: Page) => p.getByLabel(t.labels.language),
  insurance: (p: Page) => p.getByLabel(t.labels.insurance),
  message: (p: Page) => p.getByLabel(t.labels.message),
  voicemailOk: (p: Page) => p.getByRole("checkbox", { name: t.labels.voicemailOk }),
  textOk: (p: Page) => p.getByRole("checkbox", { name: t.labels.textOk }),
  consent: (p: Page) => p.getByRole("checkbox", { name: t.labels.consent }),
  role: (p: Page, r: keyof typeof t.roles) => p.getByRole("radio", { name: t.roles[r], exact: true }),
  method: (p: Page, m: keyof typeof t.options.contactMethod) => p.getByRole("radio", { name: t.options.contactMethod[m], exact: true }),
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** aria-describedby on `el` resolves to an element whose text is `message`, and that is its accessible description. */
async function expectDescribedBy(el: Locator, message: string) {
  const ids = ((await el.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  expect(ids.length, "aria-describedby is set").toBeGreaterThan(0);
  const texts = await el.evaluate((_, list) => list.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`), ids);
  expect(
    texts.some((x) => x.includes(message)),
    `described by "${message}", got ${JSON.stringify(texts)}`,
  ).toBe(true);
  await expect(el).toHaveAccessibleDescription(new RegExp(escape(message)));
}

/** A wrong field: aria-invalid="true" and an aria-describedby that resolves to the error message. */
async function expectFieldError(input: Locator, message: string) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expectDescribedBy(input, message);
}

/**
 * Radios: the group (the radios' own fieldset, role="radiogroup") is aria-invalid and described by the error, so a
 * screen reader announces it on entering the group (the GOV.UK pattern). ARIA 1.2 defines aria-invalid for
 * radiogroup, not radio, so the options carry none.
 */
async function expectRadioGroupError(page: Page, name: string, message: string) {
  const options = page.locator(`input[type="radio"][name="${name}"]`);
  expect(await options.count()).toBeGreaterThan(1);
  for (const r of await options.all()) await expect(r).not.toHaveAttribute("aria-invalid", /.*/);
  const group = options.first().locator("xpath=ancestor::fieldset[1]");
  await expect(group).toHaveAttribute("role", "radiogroup");
  await expect(group).toHaveAttribute("aria-invalid", "true");
  await expectDescribedBy(group, message);
}

async function expectThanksPage(page: Page) {
  await expect(page).toHaveURL(/\/contact\/thanks$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.thanks.title);
  // Search engines are pointed at the form instead of this page (see app/contact/thanks/page.tsx).
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/[^/]+\/contact$/);
  const main = page.getByRole("main");
  await expect(main.getByText(t.thanks.next(responseTimePhrase(center, "en")))).toBeVisible();
  await expect(main.getByRole("link", { name: center.phones.admissions.display })).toHaveAttribute("href", `tel:${center.phones.admissions.tel}`);
  // Each line of admissions hours with the center's time zone.
  for (const h of admissionsHours(center, "en")) await expect(main.getByRole("listitem").filter({ hasText: h })).toHaveCount(1);
  await expect(main.getByText(t.thanks.notEmergency)).toBeVisible();
  // One crisis block, the footer's: two with one name break axe's landmark-unique.
  await expect(page.getByRole("heading", { name: "Need help right now?" })).toHaveCount(1);
  await expectCrisisLinks(page.getByRole("contentinfo"));
}

/** Every post to the inquiry route from this page: the idempotency key it carried and the status it got. */
function watchInquiryPosts(page: Page) {
  const traffic = { keys: [] as (string | undefined)[], statuses: [] as number[] };
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/inquiries") traffic.keys.push(r.headers()["idempotency-key"]);
  });
  page.on("response", (r) => {
    if (new URL(r.url()).pathname === "/api/inquiries") traffic.statuses.push(r.status());
  });
  return traffic;
}

/** However many posts went out, they carried one key, and the server created the inquiry once. */
async function expectOneInquiry({ keys, statuses }: ReturnType<typeof watchInquiryPosts>) {
  expect(keys.length).toBeGreaterThanOrEqual(1);
  await expect.poll(() => statuses.length).toBe(keys.length);
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
  expect(new Set(keys).size, `idempotency keys ${JSON.stringify(keys)}`).toBe(1);
  // The server created the inquiry once (201); any repeat was recognised as the same one (200).
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(
    statuses.every((s) => s === 201 || s === 200),
    `statuses ${JSON.stringify(statuses)}`,
  ).toBe(true);
}

async function gotoEnhancedForm(page: Page) {
  await page.goto("/contact");
  await expect(page.locator('form#inquiry-form[data-enhanced="yes"]')).toHaveCount(1);
}

/** A complete, valid inquiry typed in with ordinary pointer and fill actions. */
async function fillValid(page: Page, name = "Riley") {
  await field.role(page, "self").check();
  await field.name(page).fill(name);
  await field.phone(page).fill("(555) 010-0142");
  await field.method(page, "phone").check();
  await field.voicemailOk(page).check();
  await field.insurance(page).fill("Medicaid");
  await field.message(page).fill("Weekday evenings are easiest for me.");
  await field.consent(page).check();
}

async function noJsPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  return { context, page };
}

test("a keyboard-only user can fill in and send the form and reach the thank-you page", async ({ page }) => {
  await gotoEnhancedForm(page);
  const role = field.role(page, "self");
  await tabTo(page, role, 40);
  await page.keyboard.press("ArrowDown");
  await expect(field.role(page, "loved-one")).toBeFocused();
  await expect(field.role(page, "loved-one")).toBeChecked();
  // A referral: the organization appears once "professional" is chosen, as the next stop.
  await page.keyboard.press("ArrowDown");
  await expect(field.role(page, "professional")).toBeChecked();

  await tabExpect(page, field.organization(page));
  await page.keyboard.type("Lakeside Clinic");
  await tabExpect(page, field.name(page));
  await page.keyboard.type("Sam");
  await tabExpect(page, field.phone(page));
  await page.keyboard.type("555-010-0199");
  await tabExpect(page, field.email(page));
  await page.keyboard.type("sam@example.org");

  await tabExpect(page, field.method(page, "phone"));
  await page.keyboard.press("ArrowDown");
  await expect(field.method(page, "email")).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(field.method(page, "text")).toBeChecked();
  await expect(field.method(page, "text")).toBeFocused();
  // The permission to text comes right after "Text message".
  await tabExpect(page, field.textOk(page));
  await page.keyboard.press("Space");
  await expect(field.textOk(page)).toBeChecked();

  await tabExpect(page, field.bestTime(page));
  await page.keyboard.press("ArrowDown");
  await expect(field.bestTime(page)).toHaveValue("morning");

  await tabExpect(page, field.voicemailOk(page));
  await page.keyboard.press("Space");
  await expect(field.voicemailOk(page)).toBeChecked();

  await tabExpect(page, field.language(page));
  await tabExpect(page, field.insurance(page));
  await page.keyboard.type("Medicaid");
  await tabExpect(page, field.message(page));
  await page.keyboard.type("Please text first.");
  await tabExpect(page, field.consent(page));
  await page.keyboard.press("Space");
  await expect(field.consent(page)).toBeChecked();

  const submit = page.getByRole("button", SUBMIT);
  await tabExpect(page, submit);
  // Nothing typed so far is wrong, so no error has appeared.
  await expect(page.locator("#error-summary")).toBeHidden();
  await page.keyboard.press("Enter");
  await expectThanksPage(page);
});

test.describe("without JavaScript", () => {
  test("a complete form posts, gets a 303 and lands on the thank-you page", async ({ browser, baseURL }) => {
    const { context, page } = await noJsPage(browser, baseURL);
    try {
      await page.goto("/contact");
      await expect(page.locator("form#inquiry-form")).toHaveCount(1);
      await expect(page.locator("form#inquiry-form")).not.toHaveAttribute("data-enhanced", /.*/);
      await expect(page.locator("form#inquiry-form")).toHaveAttribute("method", "post");
      await fillValid(page, "Alex");
      const thanks = page.waitForResponse((r) => new URL(r.url()).pathname === "/contact/thanks");
      await page.getByRole("button", SUBMIT).click();
      const final = await thanks;
      expect(final.status()).toBe(200);
      const post = final.request().redirectedFrom();
      expect(post, "the thank-you page was reached by a redirect").not.toBeNull();
      expect(post!.method()).toBe("POST");
      expect(new URL(post!.url()).pathname).toBe("/api/inquiries");
      expect((await post!.response())?.status()).toBe(303);
      expect(page.url()).toMatch(/\/contact\/thanks$/);
      await expectThanksPage(page);
    } finally {
      await context.close();
    }
  });

  test("mistakes get a server-rendered error page that keeps every value, and fixing them sends the inquiry", async ({ browser, baseURL }) => {
    const { context, page } = await noJsPage(browser, baseURL);
    try {
      await page.goto("/contact");
      // Mistakes: no name, neither phone nor email, no consent. Everything else is valid and must survive.
      await field.role(page, "loved-one").check();
      await field.method(page, "email").check();
      await field.bestTime(page).selectOption("evening");
      await field.voicemailOk(page).check();
      await field.language(page).selectOption("es");
      await field.insurance(page).fill("Aetna");
      await field.message(page).fill("Please call after work, line two.");

      const posted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
      await page.getByRole("button", SUBMIT).click();
      const res = await posted;
      expect(res.status()).toBe(400);
      expect(res.headers()["content-type"]).toMatch(/text\/html/);
      await expect(page).toHaveTitle(/^Error:/);
      await expect(page.locator("h1")).toHaveCount(1);

      const summary = page.locator("#error-summary");
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("heading")).toHaveText(t.errorCount(3));
      const expected: [string, string][] = [
        ["#inquiry-name", e.name],
        ["#inquiry-phone", e.reach],
        ["#inquiry-consent", e.consent],
      ];
      for (const [href, msg] of expected) await expect(summary.getByRole("link", { name: msg })).toHaveAttribute("href", href);
      await expect(summary.getByRole("link")).toHaveCount(3);

      await expectFieldError(field.name(page), e.name);
      await expectFieldError(field.phone(page), e.reach);
      await expectFieldError(field.consent(page), e.consent);
      await expect(field.email(page)).not.toHaveAttribute("aria-invalid", "true");

      // Everything typed or chosen is still there.
      await expect(field.role(page, "loved-one")).toBeChecked();
      await expect(field.method(page, "email")).toBeChecked();
      await expect(field.bestTime(page)).toHaveValue("evening");
      await expect(field.voicemailOk(page)).toBeChecked();
      // Not offered unless "Text message" is chosen, and unticked.
      await expect(page.locator("#inquiry-textOk")).not.toBeChecked();
      await expect(field.language(page)).toHaveValue("es");
      await expect(field.insurance(page)).toHaveValue("Aetna");
      await expect(field.message(page)).toHaveValue("Please call after work, line two.");
      await expect(field.consent(page)).not.toBeChecked();

      // The error page still offers the crisis lines. (Its accessibility is checked by axe in a separate test.)
      await expectCrisisLinks(page.getByRole("contentinfo"));

      // A summary link takes the person to the field.
      await summary.getByRole("link", { name: e.name }).click();
      await expect(page).toHaveURL(/#inquiry-name$/);
      await expect(field.name(page)).toBeFocused();
      await expect(field.name(page)).toBeInViewport();

      await field.name(page).fill("Jordan");
      await field.email(page).fill("jordan@example.org");
      await field.consent(page).check();
      const thanks = page.waitForResponse((r) => new URL(r.url()).pathname === "/contact/thanks");
      await page.getByRole("button", SUBMIT).click();
      expect((await (await thanks).request().redirectedFrom()?.response())?.status()).toBe(303);
      await expectThanksPage(page);
    } finally {
      await context.close();
    }
  });
});

test("the server-rendered error page has one h1, no scripts and no axe violations", async ({ page }) => {
  // axe needs JavaScript, so this renders the no-JS error page in a normal browser: form.submit() posts the form
  // natively (no submit event, so the form's module does not intercept it), exactly as a browser without JS would.
  await gotoEnhancedForm(page);
  await field.insurance(page).fill("Aetna");
  const posted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
  await page.locator("form#inquiry-form").evaluate((f: HTMLFormElement) => f.submit());
  expect((await posted).status()).toBe(400);
  await expect(page.locator("#error-summary")).toBeVisible();
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
  await expect(field.insurance(page)).toHaveValue("Aetna");
  for (const vp of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize(vp);
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `no-JS error page (${vp.width}px, ${colorScheme})`);
    }
  }
});

test.describe("with JavaScript", () => {
  test("the form's script runs and marks the form enhanced", async ({ page }) => {
    await page.goto("/contact");
    await expect(page.locator('form#inquiry-form[data-enhanced="yes"]')).toHaveCount(1);
  });

  test("a user who makes mistakes is taken to the error summary, can reach each field, fix it and send without retyping", async ({ page }) => {
    await gotoEnhancedForm(page);
    // Some valid input, some mistakes (no role, no name, a short phone number, no contact method, no consent).
    await field.phone(page).fill("555-01");
    await field.bestTime(page).selectOption("afternoon");
    await field.voicemailOk(page).check();
    await field.language(page).selectOption("other");
    await field.insurance(page).fill("Blue Cross");
    await field.message(page).fill("I work nights.");

    await page.getByRole("button", SUBMIT).click();
    const summary = page.locator("#error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("error-summary");
    await expect(summary).toHaveAccessibleName(t.errorCount(5));

    const links: [string, string][] = [
      [e.role, "#inquiry-role-self"],
      [e.name, "#inquiry-name"],
      [e.phone, "#inquiry-phone"],
      [e.contactMethod, "#inquiry-contactMethod-phone"],
      [e.consent, "#inquiry-consent"],
    ];
    await expect(summary.getByRole("link")).toHaveCount(links.length);
    for (const [msg, href] of links) await expect(summary.getByRole("link", { name: msg })).toHaveAttribute("href", href);

    await expectFieldError(field.name(page), e.name);
    await expectFieldError(field.phone(page), e.phone);
    await expectFieldError(field.consent(page), e.consent);
    await expectRadioGroupError(page, "role", e.role);
    await expectRadioGroupError(page, "contactMethod", e.contactMethod);
    for (const ok of [field.email(page), field.insurance(page), field.message(page), field.voicemailOk(page)])
      await expect(ok).not.toHaveAttribute("aria-invalid", "true");

    // Each summary link moves focus to its field.
    for (const [msg, href] of links) {
      await summary.getByRole("link", { name: msg }).click();
      await expect(page.locator(href)).toBeFocused();
      await expect(page.locator(href)).toBeInViewport();
    }

    await expectNoAxeViolations(page, "contact form with errors");

    // Fix each mistake.
    await field.role(page, "self").check();
    await field.name(page).fill("Casey");
    await field.phone(page).fill("555-010-0177");
    await field.method(page, "phone").check();
    await field.consent(page).check();
    // Each message goes as its field is fixed (keeping its space, so nothing moves under the pointer); the summary
    // waits for the next attempt, for the same reason.
    await expect(summary.getByRole("link")).toHaveCount(links.length);
    for (const f of [field.name(page), field.phone(page), field.consent(page), field.role(page, "self")])
      await expect(f).not.toHaveAttribute("aria-invalid", "true");
    for (const name of ["role", "contactMethod"])
      await expect(page.locator(`fieldset[role="radiogroup"][data-field="${name}"]`)).not.toHaveAttribute("aria-invalid", "true");
    for (const f of ["name", "phone", "consent", "role", "contactMethod"]) await expect(page.locator(`#inquiry-${f}-error`)).toBeHidden();
    // Descriptions go back to the hints alone, so a screen reader no longer reads a fixed mistake.
    await expect(field.name(page)).toHaveAttribute("aria-describedby", "inquiry-name-hint");
    await expect(field.phone(page)).toHaveAttribute("aria-describedby", "inquiry-phone-hint");
    await expect(field.consent(page)).not.toHaveAttribute("aria-describedby");

    // Nothing typed before the first attempt was lost.
    await expect(field.bestTime(page)).toHaveValue("afternoon");
    await expect(field.voicemailOk(page)).toBeChecked();
    await expect(field.language(page)).toHaveValue("other");
    await expect(field.insurance(page)).toHaveValue("Blue Cross");
    await expect(field.message(page)).toHaveValue("I work nights.");

    await page.getByRole("button", SUBMIT).click();
    await expectThanksPage(page);
  });

  test("clicking send twice quickly creates one inquiry", async ({ page }) => {
    await gotoEnhancedForm(page);
    await fillValid(page, "Morgan");
    const traffic = watchInquiryPosts(page);
    await page.getByRole("button", SUBMIT).dblclick();
    await expectThanksPage(page);
    await expectOneInquiry(traffic);
  });

  test("two submits in the same instant carry the same idempotency key and create one inquiry", async ({ page }) => {
    await gotoEnhancedForm(page);
    await fillValid(page, "Quinn");
    const traffic = watchInquiryPosts(page);
    // Two clicks in one task: nothing else runs in between, so only the script's own "sending" guard and the
    // idempotency key stand between them and a second inquiry.
    await page.getByRole("button", SUBMIT).evaluate((b: HTMLButtonElement) => {
      b.click();
      b.click();
    });
    await expectThanksPage(page);
    await expectOneInquiry(traffic);
  });

  test("a network failure shows an alert and keeps every value; retrying sends the same inquiry", async ({ page }) => {
    await gotoEnhancedForm(page);
    await field.role(page, "professional").check();
    await field.organization(page).fill("Lakeside Clinic");
    await field.name(page).fill("Dr. Lee");
    await field.phone(page).fill("555 010 0155");
    await field.email(page).fill("lee@example.org");
    await field.method(page, "text").check();
    await field.bestTime(page).selectOption("morning");
    await field.textOk(page).check();
    await field.language(page).selectOption("es");
    await field.insurance(page).fill("self-pay");
    await field.message(page).fill("Referral for a patient; records to follow securely.");
    await field.consent(page).check();

    const keys: (string | undefined)[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/inquiries") keys.push(r.headers()["idempotency-key"]);
    });
    await page.route("**/api/inquiries", (r) => r.abort());
    await page.getByRole("button", SUBMIT).click();
    const alert = page.getByRole("alert").filter({ hasText: t.networkError });
    await expect(alert).toBeVisible();
    await expect(alert).toHaveText(t.networkError);
    await expect(page).toHaveURL(/\/contact$/);
    await expect(page.getByRole("button", SUBMIT)).toBeVisible();
    await expect(page.getByRole("button", SUBMIT)).not.toHaveAttribute("aria-disabled", "true");

    await expect(field.role(page, "professional")).toBeChecked();
    await expect(field.organization(page)).toHaveValue("Lakeside Clinic");
    await expect(field.name(page)).toHaveValue("Dr. Lee");
    await expect(field.phone(page)).toHaveValue("555 010 0155");
    await expect(field.email(page)).toHaveValue("lee@example.org");
    await expect(field.method(page, "text")).toBeChecked();
    await expect(field.bestTime(page)).toHaveValue("morning");
    await expect(field.voicemailOk(page)).not.toBeChecked();
    await expect(field.textOk(page)).toBeChecked();
    await expect(field.language(page)).toHaveValue("es");
    await expect(field.insurance(page)).toHaveValue("self-pay");
    await expect(field.message(page)).toHaveValue("Referral for a patient; records to follow securely.");
    await expect(field.consent(page)).toBeChecked();

    // The connection comes back: the retry reuses the key, so a request that did reach the server is not doubled.
    await page.unroute("**/api/inquiries");
    await page.getByRole("button", SUBMIT).click();
    await expectThanksPage(page);
    expect(keys.length).toBe(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  test("when the store cannot take it (503), the alert gives the admissions phone as a link and keeps every value", async ({ page }) => {
    await gotoEnhancedForm(page);
    await fillValid(page, "Jordan");
    // The server answers as it does while its store is locked, full or unopened (tested against the real server in
    // tests/integration/store-faults.test.ts); here the browser's side of that answer.
    await page.route("**/api/inquiries", (r) =>
      r.fulfill({ status: 503, headers: { "retry-after": "60", "content-type": "application/json" }, body: '{"error":"unavailable"}' }),
    );
    await page.getByRole("button", SUBMIT).click();
    const alert = page.getByRole("alert").filter({ hasText: t.unavailable.lead });
    await expect(alert).toBeVisible();
    const call = alert.getByRole("link", { name: t.unavailable.call(center.phones.admissions.display) });
    await expect(call).toHaveAttribute("href", `tel:${center.phones.admissions.tel}`);
    await expect(page).toHaveURL(/\/contact$/);
    await expect(field.name(page)).toHaveValue("Jordan");
    await expect(field.consent(page)).toBeChecked();
    await expectNoAxeViolations(page, "contact, store unavailable");
  });
});

/** A page with JavaScript on (the form enhanced) or off (the plain form), at a width, for tests that run both ways. */
async function openForm(browser: Browser, baseURL: string | undefined, js: boolean, width = 1280) {
  const context = await browser.newContext({ javaScriptEnabled: js, baseURL, viewport: { width, height: width < 600 ? 844 : 800 } });
  const page = await context.newPage();
  if (js) await gotoEnhancedForm(page);
  else await page.goto("/contact");
  return { context, page };
}

/** The words that label a summary link's target: its <label>, or for a radio its group's <legend>. */
async function labelOf(page: Page, target: Locator): Promise<Locator> {
  const [type, name, id] = await target.evaluate((el: HTMLInputElement) => [el.type, el.name, el.id]);
  return type === "radio" ? page.locator(`fieldset[data-field="${name}"] > legend`) : page.locator(`label[for="${id}"]`);
}

/** Waits for a (smooth) scroll to end: the page's offset holds still for 100 ms. (No timers in the page: it may run no script.) */
async function scrollSettled(page: Page) {
  const offset = () => page.evaluate(() => window.scrollY);
  await expect
    .poll(async () => {
      const before = await offset();
      await page.waitForTimeout(100);
      return before === (await offset());
    })
    .toBe(true);
}

/** The whole box of `el` lies within the viewport, once any scroll has ended. */
async function expectInsideViewport(page: Page, el: Locator, what: string) {
  await scrollSettled(page);
  await expect
    .poll(
      async () => {
        const box = await el.boundingBox();
        const vp = page.viewportSize()!;
        return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
      },
      { message: `${what} is inside the viewport` },
    )
    .toBe(true);
}

for (const js of [true, false]) {
  test.describe(`choices that reveal a field (JavaScript ${js ? "on" : "off"})`, () => {
    test("the organization is asked only of professionals, labelled as required for referrals, with where records go", async ({ browser, baseURL }) => {
      const { context, page } = await openForm(browser, baseURL, js);
      try {
        const organization = field.organization(page);
        await expect(organization).toBeHidden();
        for (const r of ["self", "loved-one"] as const) {
          await field.role(page, r).check();
          await expect(organization).toBeHidden();
        }
        await field.role(page, "professional").check();
        await expect(organization).toBeVisible();
        await expect(page.locator('label[for="inquiry-organization"]')).toContainText(`(${t.requiredForReferrals})`);
        const hint = page.locator("#inquiry-organization-hint");
        await expect(hint).toContainText(center.referrals.secureFax.display);
        await expect(hint).toContainText(center.referrals.phone.display);
        await field.role(page, "self").check();
        await expect(organization).toBeHidden();
      } finally {
        await context.close();
      }
    });

    test('the permission to text appears right beside "Text message" when it is chosen', async ({ browser, baseURL }) => {
      const { context, page } = await openForm(browser, baseURL, js, 390);
      try {
        const textOk = field.textOk(page);
        await expect(textOk).toBeHidden();
        for (const m of ["phone", "email"] as const) {
          await field.method(page, m).check();
          await expect(textOk).toBeHidden();
        }
        await field.method(page, "text").check();
        await expect(textOk).toBeVisible();
        // Directly under the option's label, indented to it: nothing between them.
        const option = (await page.locator('label[for="inquiry-contactMethod-text"]').boundingBox())!;
        const box = (await textOk.boundingBox())!;
        expect(box.y - (option.y + option.height), "gap under Text message").toBeLessThan(24);
        expect(box.y).toBeGreaterThan(option.y);
        expect(Math.abs(box.x - option.x), "lined up with the option's label").toBeLessThan(4);
        await field.method(page, "phone").check();
        await expect(textOk).toBeHidden();
      } finally {
        await context.close();
      }
    });
  });

  test.describe(`errors (JavaScript ${js ? "on" : "off"})`, () => {
    /** A professional's inquiry wrong in six places, one of them a message carrying a date of birth. */
    async function submitWithErrors(page: Page) {
      await field.role(page, "professional").check();
      await field.phone(page).fill("555-01");
      await field.method(page, "text").check();
      await field.message(page).fill("Referral for J., DOB 1/2/1990, evenings.");
      const posted = js ? null : page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
      await page.getByRole("button", SUBMIT).click();
      if (posted) expect((await posted).status()).toBe(400);
      await expect(page.locator("#error-summary")).toBeVisible();
    }

    for (const width of [390, 1280]) {
      test(`at ${width} px: the summary follows the form's order, and each link leaves the field's label and message on screen`, async ({
        browser,
        baseURL,
      }) => {
        const { context, page } = await openForm(browser, baseURL, js, width);
        try {
          await submitWithErrors(page);
          const summary = page.locator("#error-summary");
          const records = m.message.patient_identifiers(center.referrals.secureFax.display, center.referrals.phone.display);
          const expected = [e.organization, e.name, e.phone, e.needTextOk, records, e.consent];
          await expect(summary.getByRole("link")).toHaveText(expected);
          // The order of the links is the order of their fields in the page.
          const hrefs = await summary.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
          const inPageOrder = await page.evaluate(
            (ids) =>
              [...ids].sort((a, b) => {
                const [x, y] = [document.querySelector(a)!, document.querySelector(b)!];
                return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
              }),
            hrefs,
          );
          expect(hrefs).toEqual(inPageOrder);

          for (const href of hrefs) {
            await page.evaluate(() => window.scrollTo(0, 0));
            await summary.locator(`a[href="${href}"]`).click();
            const target = page.locator(href);
            await expect(target).toBeFocused();
            await expectInsideViewport(page, await labelOf(page, target), `the label of ${href}`);
            const f = (await target.getAttribute("name"))!;
            await expectInsideViewport(page, page.locator(`#inquiry-${f}-error`), `the message of ${href}`);
            await expectInsideViewport(page, target, href);
          }
          if (js) await expectNoAxeViolations(page, `contact form with revealed fields and errors (${width}px)`);
        } finally {
          await context.close();
        }
      });
    }

    test("typing in a wrong field does not move the form: no message line comes or goes on a keystroke", async ({ browser, baseURL }) => {
      const { context, page } = await openForm(browser, baseURL, js, 390);
      try {
        await submitWithErrors(page);
        const form = page.locator("form#inquiry-form");
        const measure = () => form.evaluate((f) => ({ height: f.getBoundingClientRect().height, button: f.querySelector("button")!.offsetTop }));
        for (const input of [field.name(page), field.phone(page)]) {
          await input.focus();
          const before = await measure();
          await page.keyboard.type("5");
          expect(await measure(), "after one character").toEqual(before);
          await page.keyboard.type("55-010-0100");
          expect(await measure(), "after the rest").toEqual(before);
        }
      } finally {
        await context.close();
      }
    });

    test("on a phone, a one-line privacy summary sits above the form and links to the privacy section", async ({ browser, baseURL }) => {
      const { context, page } = await openForm(browser, baseURL, js, 390);
      try {
        const line = page.getByText(t.privacySummary(center.inquiryRetentionDays));
        await expect(line).toBeVisible();
        const formBox = (await page.locator("form#inquiry-form").boundingBox())!;
        const lineBox = (await line.boundingBox())!;
        expect(lineBox.y + lineBox.height).toBeLessThanOrEqual(formBox.y);
        await expectInsideViewport(page, line, "the privacy line");
        const link = line.getByRole("link", { name: t.privacySummaryLink });
        await link.click();
        await expectInsideViewport(page, page.getByRole("heading", { name: t.privacyHeading }), "the privacy section's heading");
        // On a wide screen the privacy section itself stands beside the form, so the line is not repeated.
        await page.setViewportSize({ width: 1280, height: 800 });
        await expect(line).toBeHidden();
      } finally {
        await context.close();
      }
    });
  });
}
