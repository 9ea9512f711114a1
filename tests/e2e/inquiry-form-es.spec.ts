import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { center } from "../../content/center";
import { languageHelpSentences, responseTimePhrase } from "../../lib/center/format";
import { inquiryText as t } from "../../lib/i18n/inquiry.es";
import { expectNoAxeViolations, serverDataDir } from "./helpers";

/**
 * The Spanish form, from /es/contact to /es/contact/thanks, with JavaScript on and off: every label, hint, the error
 * summary and each field's message in Spanish (lib/i18n/inquiry.es.ts, through the same schema), the page sent back
 * without JavaScript in Spanish, the inquiry stored with the site language, and the staff mail saying so.
 */

const field = {
  name: (p: Page) => p.getByLabel(t.labels.name),
  phone: (p: Page) => p.getByLabel(t.labels.phone),
  email: (p: Page) => p.getByLabel(t.labels.email),
  language: (p: Page) => p.getByLabel(t.labels.language),
  consent: (p: Page) => p.getByRole("checkbox", { name: t.labels.consent }),
  role: (p: Page) => p.getByRole("radio", { name: t.roles.self, exact: true }),
  phoneMethod: (p: Page) => p.getByRole("radio", { name: t.options.contactMethod.phone, exact: true }),
};

async function fillValid(page: Page, name: string) {
  await field.role(page).check();
  await field.name(page).fill(name);
  await field.phone(page).fill("(555) 010-0150");
  await field.phoneMethod(page).check();
  await field.consent(page).check();
}

async function expectSpanishThanks(page: Page) {
  await expect(page).toHaveURL(/\/es\/contact\/thanks$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.thanks.title);
  await expect(page.getByRole("main").getByText(t.thanks.next(responseTimePhrase(center, "es")))).toBeVisible();
}

/** The newest stored inquiry's site language and its staff mail (file transport in the tests), from the server's data folder. */
function newest(): { siteLocale: string; mail: string | null } | undefined {
  const dir = serverDataDir();
  const db = new Database(path.join(dir, "inquiries.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT id, site_locale FROM inquiries ORDER BY created_at DESC LIMIT 1").get() as { id: string; site_locale: string } | undefined;
    if (!row) return undefined;
    const mail = path.join(dir, "mail", `${row.id}.eml`);
    return { siteLocale: row.site_locale, mail: fs.existsSync(mail) ? fs.readFileSync(mail, "utf8") : null };
  } finally {
    db.close();
  }
}

/** The inquiry was stored as sent from the Spanish site, and the staff mail says so plainly. */
async function expectStoredFromSpanishSite(name: string) {
  const text = async () => {
    const mail = newest()?.mail;
    return mail ? ((await simpleParser(mail)).text ?? "") : "";
  };
  await expect.poll(text, { timeout: 15_000 }).toContain(`Name: ${name}`);
  expect(newest()?.siteLocale).toBe("es");
  const body = await text();
  expect(body).toContain("This person wrote from the SPANISH (ESPAÑOL) website (/es).");
  expect(body).toContain("Contact them in: Spanish (Español).");
}

async function noJsPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  return { context, page: await context.newPage() };
}

test("the Spanish contact page speaks Spanish, starts the language on Spanish and says from config how admissions talks with Spanish speakers", async ({
  page,
}) => {
  await page.goto("/es/contact");
  await expect(page.locator('form#inquiry-form[data-enhanced="yes"]')).toHaveCount(1);
  await expect(page.locator('script[type="module"]')).toHaveAttribute("src", /\/assets\/inquiry-form-es\.js\?v=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  await expect(field.language(page)).toHaveValue("es");
  await expect(page.getByText(languageHelpSentences(center, "es").join(" "))).toBeVisible();
  await expect(page.getByRole("button", { name: t.submit })).toBeVisible();
  await expectNoAxeViolations(page, "/es/contact");
});

test("with JavaScript: mistakes are listed and explained in Spanish, and a complete form reaches the Spanish thank-you page", async ({ page }) => {
  await page.goto("/es/contact");
  await expect(page.locator('form#inquiry-form[data-enhanced="yes"]')).toHaveCount(1);
  await page.getByRole("button", { name: t.submit }).click();
  const summary = page.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText(t.errorCount(5));
  await expect(summary).toContainText(t.errorSummary);
  for (const message of [
    t.errors.role.required,
    t.errors.name.required,
    t.errors.phone.need_contact,
    t.errors.contactMethod.required,
    t.errors.consent.invalid,
  ])
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(field.name(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#inquiry-name-error")).toContainText(t.errors.name.required);
  // A message goes when the person leaves the field they fixed; the summary waits for the next attempt, so nothing
  // moves under their pointer (as in English).
  await field.name(page).fill("Ana Sofía");
  await field.name(page).press("Tab");
  await expect(page.locator("#inquiry-name-error")).toBeHidden();
  await expect(summary.getByRole("heading")).toHaveText(t.errorCount(5));

  await fillValid(page, "Ana Sofía");
  await page.getByRole("button", { name: t.submit }).click();
  await expectSpanishThanks(page);
  await expectStoredFromSpanishSite("Ana Sofía");
});

test.describe("without JavaScript", () => {
  test("a form with mistakes comes back as a Spanish page, with Spanish messages and what was typed", async ({ browser, baseURL }) => {
    const { context, page } = await noJsPage(browser, baseURL);
    try {
      await page.goto("/es/contact");
      await field.name(page).fill("Luis");
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
      await page.getByRole("button", { name: t.submit }).click();
      expect((await answer).status()).toBe(400);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page).toHaveTitle(new RegExp(`^${t.errorTitlePrefix} ${t.title}`));
      const summary = page.locator("#error-summary");
      await expect(summary.getByRole("heading")).toHaveText(t.errorCount(4));
      for (const message of [t.errors.role.required, t.errors.phone.need_contact, t.errors.contactMethod.required, t.errors.consent.invalid])
        await expect(summary.getByRole("link", { name: message })).toBeVisible();
      await expect(field.name(page)).toHaveValue("Luis");
      // The page sent back is Spanish throughout: its frame links to the English form, and no script runs.
      await expect(page.getByRole("banner").locator('a[hreflang="en"]').filter({ visible: true })).toHaveAttribute("href", "/contact");
      await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);

      await fillValid(page, "Luis");
      await page.getByRole("button", { name: t.submit }).click();
      await expectSpanishThanks(page);
      await expectStoredFromSpanishSite("Luis");
    } finally {
      await context.close();
    }
  });
});

test("the Spanish page sent back with mistakes has no axe violations (posted natively, as without JavaScript)", async ({ page }) => {
  // axe needs JavaScript: form.submit() posts natively (no submit event for the module to catch), as a browser without JS.
  await page.goto("/es/contact");
  await expect(page.locator('form#inquiry-form[data-enhanced="yes"]')).toHaveCount(1);
  const posted = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/inquiries");
  await page.locator("form#inquiry-form").evaluate((f: HTMLFormElement) => f.submit());
  expect((await posted).status()).toBe(400);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator("#error-summary")).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await expectNoAxeViolations(page, `Spanish no-JS error page (${width}px)`);
  }
});
