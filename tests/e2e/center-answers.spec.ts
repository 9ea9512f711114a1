import { expect, test, type Page } from "@playwright/test";
import { center } from "../../content/center";
import {
  accessibleContact,
  admissionsHours,
  admissionsHoursLine,
  clinicalLeadershipText,
  coverageSentence,
  languageHelpSentences,
  referralHours,
  responseTimePhrase,
  servesSentences,
  staffLanguagesSentences,
} from "../../lib/center/format";
import { en } from "../../lib/i18n/en";
import { formatTimeZone } from "../../lib/i18n/format";
import { localePath, locales } from "../../lib/i18n/locales";
import { strings } from "../../lib/i18n/strings";
import { crisisLines } from "../../lib/site/crisis";

/**
 * The center's answers where people decide: what it costs here (cost article, FAQ, home page),
 * how to refer (page for professionals) and what a family does about opioids and can join here (family page). Every
 * value is read from the config or lib/site/crisis.ts, so the test follows the center's own facts.
 */

const t = en.answers;
const COST = "/articles/cost-and-insurance";
const FAQ = "/articles/iop-faq";
const REFERRING = "/articles/referring-to-iop";
const FAMILIES = "/articles/helping-a-loved-one";
/** The family article writes the opioid box's heading itself (so its table of contents lists it first). */
const OPIOIDS = { heading: "If your loved one uses opioids", id: "if-your-loved-one-uses-opioids" };

/** The position of an element among the article body's top-level children (0 = first thing in the body). */
async function bodyIndex(page: Page, headingId: string): Promise<number> {
  return page.locator("article .prose").evaluate((body, id) => [...body.children].findIndex((el) => el.getAttribute("aria-labelledby") === id), headingId);
}

test("the cost article opens with “What it costs here”: each plan, the Medicaid program, the benefits check and the form's carrier field", async ({ page }) => {
  await page.goto(COST);
  expect(await bodyIndex(page, "cost-here-box"), "the cost box is the first thing in the article body").toBe(0);
  const costBox = page.getByRole("region", { name: t.cost.heading });
  await expect(costBox).toBeVisible();
  await expect(costBox.getByRole("heading", { name: t.cost.heading })).toBeVisible();
  for (const plan of center.payment.plansAccepted) await expect(costBox, `plan ${plan}`).toContainText(plan);
  if (center.payment.medicaid.accepted) {
    for (const program of center.payment.medicaid.programs) await expect(costBox, `Medicaid program ${program}`).toContainText(program);
  }
  if (center.payment.selfPay.priceUsd === null) await expect(costBox).toContainText(t.cost.selfPayAsk);
  await expect(costBox.locator(`a[href="tel:${center.phones.admissions.tel}"]`)).toHaveText(center.phones.admissions.display);
  await expect(costBox.getByRole("link", { name: t.cost.form("").link })).toHaveAttribute("href", "/contact");
  await expect(costBox).toContainText(en.inquiry.labels.insurance);
  await expect(costBox).toContainText(t.cost.neverMemberId);
});

test("the FAQ answers “How much does IOP cost here?” from the config and links the cost article", async ({ page }) => {
  await page.goto(FAQ);
  const question = page.getByRole("heading", { level: 3, name: "How much does IOP cost here?" });
  await expect(question).toBeVisible();
  const summary = page.locator("article .prose p", { hasText: coverageSentence(center, "en") });
  await expect(summary).toHaveCount(1);
  await expect(summary.locator(`a[href="tel:${center.phones.admissions.tel}"]`)).toBeVisible();
  // The summary and the link to the cost article sit under this question, before the next one.
  const order = await page.locator("article .prose").evaluate(
    (body, { text, href }) => {
      const kids = [...body.children];
      const q = kids.findIndex((el) => el.id === "how-much-does-iop-cost-here");
      const next = kids.findIndex((el, i) => i > q && el.tagName === "H3");
      const summary = kids.findIndex((el) => el.tagName === "P" && (el.textContent ?? "").includes(text));
      const link = kids.findIndex((el, i) => i > q && el.querySelector(`a[href="${href}"]`) !== null);
      return { q, summary, link, next };
    },
    { text: coverageSentence(center, "en"), href: COST },
  );
  expect(order.q).toBeGreaterThanOrEqual(0);
  for (const i of [order.summary, order.link]) {
    expect(i).toBeGreaterThan(order.q);
    expect(i).toBeLessThan(order.next);
  }
});

test("the home page has one cost line from the config, linking the cost article", async ({ page }) => {
  await page.goto("/");
  const line = page.locator("main p", { hasText: coverageSentence(center, "en") });
  await expect(line).toHaveCount(1);
  await expect(line).toBeVisible();
  await expect(line.getByRole("link", { name: en.home.costLink })).toHaveAttribute("href", COST);
});

test("the page for professionals opens with the referral line, secure fax, hours in the center's time zone and what to send", async ({ page }) => {
  await page.goto(REFERRING);
  expect(await bodyIndex(page, "referral-box"), "the referral box is the first thing in the article body").toBe(0);
  const referral = page.getByRole("region", { name: t.referrals.heading });
  await expect(referral).toBeVisible();
  const line = referral.locator('a[href^="tel:"]');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute("href", `tel:${center.referrals.phone.tel}`);
  await expect(line).toHaveText(center.referrals.phone.display);
  await expect(referral).toContainText(center.referrals.secureFax.display);
  for (const hours of referralHours(center, "en")) await expect(referral).toContainText(hours);
  await expect(referral).toContainText(t.referrals.businessDays(center.referrals.businessDaysToAssessment));
  for (const item of center.referrals.whatToSend) await expect(referral.getByRole("listitem").filter({ hasText: item.en })).toHaveCount(1);
  await expect(referral).toContainText(center.referrals.howRecordsTravel.en.replace(/\.$/, ""));
  // The article no longer restates a channel the config does not hold.
  await expect(page.locator("article .prose")).not.toContainText("secure portal");
});

test("the family page opens with the opioid box (911, naloxone, the overdose article) and shows what the center offers families", async ({ page }) => {
  await page.goto(FAMILIES);
  expect(await bodyIndex(page, OPIOIDS.id), "the opioid box is the first thing in the article body").toBe(0);
  const opioids = page.getByRole("region", { name: OPIOIDS.heading });
  await expect(opioids).toBeVisible();
  const call = opioids.getByRole("link", { name: t.opioids.call(crisisLines.emergency.display) });
  await expect(call).toHaveAttribute("href", `tel:${crisisLines.emergency.tel}`);
  // A tap target at least 44 px high on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await call.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expect(opioids.getByRole("link", { name: "naloxone", exact: true })).toHaveAttribute("href", /^\/articles\/preventing-overdose#/);
  await expect(opioids.locator('a[href="/articles/preventing-overdose"]')).toHaveCount(1);
  // One opioid section on the page, not a second one further down.
  await expect(page.getByRole("heading", { name: OPIOIDS.heading })).toHaveCount(1);
  // The table of contents leads with it.
  await expect(page.getByRole("navigation", { name: en.article.onThisPage }).getByRole("link").first()).toHaveAttribute("href", `#${OPIOIDS.id}`);

  const offer = page.getByRole("region", { name: t.families.heading });
  await expect(offer).toBeVisible();
  for (const f of center.families) {
    await expect(offer).toContainText(f.name.en);
    await expect(offer).toContainText(f.openToNonPatientFamilies ? t.families.openToAll : t.families.patientsOnly);
  }
});

/** A row of the about page's facts: the <dd> after the <dt> with this label. */
const factRow = (page: Page, label: string) => page.locator("main dl dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");

for (const locale of locales) {
  const s = strings(locale);
  const at = (p: string) => localePath(locale, p);

  test.describe(`the center's facts from config (${locale})`, () => {
    test("admissions hours name the center's time zone: footer, home, contact, thank-you and about pages, and the call bar", async ({ page }) => {
      const lines = admissionsHours(center, locale);
      const zone = formatTimeZone(center.timeZone, locale);
      for (const line of lines) expect(line.endsWith(zone), line).toBe(true);
      for (const p of ["/", "/contact", "/contact/thanks", "/about"]) {
        await page.goto(at(p));
        const footer = page.getByRole("contentinfo");
        for (const line of lines) await expect(footer.getByRole("listitem").filter({ hasText: line }), `${p} footer`).toHaveCount(1);
      }
      await page.goto(at("/"));
      for (const line of lines) await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: line })).toHaveCount(1);
      await page.goto(at("/contact/thanks"));
      for (const line of lines) await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: line })).toHaveCount(1);
      await page.goto(at("/contact"));
      const contactHours = page.getByRole("region", { name: s.inquiry.thanks.hoursHeading });
      for (const line of lines) await expect(contactHours.getByRole("listitem").filter({ hasText: line })).toHaveCount(1);
      await page.goto(at("/about"));
      await expect(factRow(page, s.trustFacts.hours)).toHaveText(lines.join(s.center.listSeparator));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(at("/articles/what-is-iop"));
      await expect(page.getByRole("region", { name: s.callBar.label })).toContainText(s.callBar.hours(admissionsHoursLine(center, locale)));
    });

    test("relay, TTY or text line (or the way without them) on the contact, about and nondiscrimination pages, each number a link", async ({ page }) => {
      const sentences = accessibleContact(center, locale);
      const scopes = [
        { p: "/contact", scope: () => page.locator("#inquiry-accessible-contact") },
        { p: "/about", scope: () => factRow(page, s.trustFacts.accessibleContact) },
        { p: "/nondiscrimination", scope: () => page.getByRole("main") },
      ];
      for (const { p, scope } of scopes) {
        await page.goto(at(p));
        for (const { text, link } of sentences) {
          await expect(scope(), `${p}: ${text}`).toContainText(text);
          if (link) await expect(scope().locator(`a[href="${link.href}"]`).filter({ hasText: link.display }), p).toHaveCount(1);
        }
      }
      // The nondiscrimination page no longer promises help the config does not hold.
      await expect(page.getByRole("main")).not.toContainText(locale === "en" ? "sign language interpreter" : "lengua de señas");
    });

    test("the about page gives who we serve, clinical leadership, languages and who answers a call, from config", async ({ page }) => {
      await page.goto(at("/about"));
      await expect(factRow(page, s.trustFacts.serves)).toHaveText(servesSentences(center, locale).join(" "));
      await expect(factRow(page, s.trustFacts.clinicalLeadership)).toHaveText(clinicalLeadershipText(center, locale));
      if (center.clinicalLeadership.length === 0) await expect(factRow(page, s.trustFacts.clinicalLeadership)).toHaveText(s.center.leadershipNotNamed);
      await expect(factRow(page, s.trustFacts.languages)).toHaveText(staffLanguagesSentences(center, locale).join(" "));
      const main = page.getByRole("main");
      await expect(main).toContainText(s.home.callAnsweredBy[center.admissionsAnsweredBy]);
      await expect(main).not.toContainText(locale === "en" ? "the center's own admissions staff" : "personal de admisión del propio centro");
    });

    test("the FAQ's young-adults answer says whom this center treats, and the contact page how soon it answers", async ({ page }) => {
      await page.goto(at("/articles/iop-faq"));
      const answer = await page.locator("article .prose").evaluate((body, text) => {
        const kids = [...body.children];
        const q = kids.findIndex((el) => el.tagName === "H3" && /young adults|adultos jóvenes/.test(el.textContent ?? ""));
        const next = kids.findIndex((el, i) => i > q && el.tagName === "H3");
        return { q, next, at: kids.findIndex((el, i) => i > q && (el.textContent ?? "").includes(text)) };
      }, servesSentences(center, locale).join(" "));
      expect(answer.q).toBeGreaterThanOrEqual(0);
      expect(answer.at).toBeGreaterThan(answer.q);
      expect(answer.at).toBeLessThan(answer.next);

      await page.goto(at("/contact"));
      await expect(page.locator("#inquiry-form-intro")).toContainText(s.inquiry.responseTime(responseTimePhrase(center, locale)));
    });

    test("the nondiscrimination page says what interpreting the config offers, and that the site is built to WCAG 2.2 AA", async ({ page }) => {
      await page.goto(at("/nondiscrimination"));
      const main = page.getByRole("main");
      await expect(main).toContainText(languageHelpSentences(center, locale).join(" "));
      if (locale === "en") await expect(main.locator('p[lang="es"]')).toContainText(languageHelpSentences(center, "es")[0]);
      await expect(main).toContainText("(WCAG) 2.2");
      await expect(main).not.toContainText("2.1");
    });
  });
}
