import { expect, test, type Page } from "@playwright/test";
import { expectCrisisLinks, expectNoAxeViolations, tabExpect } from "./helpers";

/** The main navigation, in order (lib/site/navigation.ts, labels from lib/i18n/en.ts). */
const NAV = [
  { name: "Learn about IOP", href: "/articles" },
  { name: "Common questions", href: "/articles/iop-faq" },
  { name: "For families", href: "/articles/helping-a-loved-one" },
  { name: "For professionals", href: "/articles/referring-to-iop" },
  { name: "Cost and insurance", href: "/articles/cost-and-insurance" },
  { name: "About us", href: "/about" },
  { name: "Contact us", href: "/contact" },
];

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const menuDetails = (page: Page) => mainNav(page).locator("details");
const menuSummary = (page: Page) => mainNav(page).locator("details > summary");
/** The always-rendered desktop list (the one not inside <details>). */
const desktopList = (page: Page) => mainNav(page).locator(":scope > ul");

test.describe("keyboard navigation", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("Tab from the page start reaches the skip link, then the header links in order", async ({ page }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    await tabExpect(page, page.getByRole("link", { name: "Skip to main content" }));
    // The strip and the language switch each have a second form for large text on a phone, not rendered at this size.
    await tabExpect(page, header.locator('a[href="tel:988"]').filter({ visible: true }));
    await tabExpect(page, header.locator('a[href="tel:911"]').filter({ visible: true }));
    await tabExpect(page, header.locator('a[href="/"]'));
    // The switch to the same page in Spanish, named in Spanish.
    await tabExpect(page, header.locator('a[hreflang="es"]').filter({ visible: true }));
    await tabExpect(page, header.locator('a[href^="tel:+1"]'));
    for (const item of NAV) {
      const link = desktopList(page).getByRole("link", { name: item.name, exact: true });
      await tabExpect(page, link);
      await expect(link).toHaveAttribute("href", item.href);
      await expect(link).toBeVisible();
    }
    // After the header comes the page's own content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
  });

  test("Enter on a focused nav link navigates to its page", async ({ page }) => {
    await page.goto("/");
    const link = desktopList(page).getByRole("link", { name: "Cost and insurance", exact: true });
    for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/articles\/cost-and-insurance$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/pay|cost|insurance/i);
  });

  test("at 1280 px the desktop nav links are visible and the menu button is hidden", async ({ page }) => {
    await page.goto("/");
    await expect(menuSummary(page)).toBeHidden();
    for (const item of NAV) await expect(desktopList(page).getByRole("link", { name: item.name, exact: true })).toBeVisible();
  });
});

test.describe("phone menu", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("is a <details> that is closed by default, opens with Enter and Space, shows the links and closes again", async ({ page }) => {
    await page.goto("/");
    const details = menuDetails(page);
    const summary = menuSummary(page);
    await expect(details).toHaveCount(1);
    await expect(summary).toHaveText(/Menu/);
    await expect(summary).toBeVisible();
    await expect(details).not.toHaveAttribute("open");
    await expect(desktopList(page)).toBeHidden();
    for (const item of NAV) await expect(details.getByRole("link", { name: item.name, exact: true })).toBeHidden();

    // Reach the summary by keyboard.
    for (let i = 0; i < 20 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(summary).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(details).toHaveAttribute("open", "");
    for (const item of NAV) {
      const link = details.getByRole("link", { name: item.name, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute("href", item.href);
    }
    await page.keyboard.press("Enter");
    await expect(details).not.toHaveAttribute("open");
    for (const item of NAV) await expect(details.getByRole("link", { name: item.name, exact: true })).toBeHidden();

    await page.keyboard.press("Space");
    await expect(details).toHaveAttribute("open", "");
    await expect(details.getByRole("link", { name: "Contact us", exact: true })).toBeVisible();
    // With the menu open, Tab goes into its links, in order.
    for (const item of NAV) await tabExpect(page, details.getByRole("link", { name: item.name, exact: true }));
    await summary.focus();
    await page.keyboard.press("Space");
    await expect(details).not.toHaveAttribute("open");
    await expect(details.getByRole("link", { name: "Contact us", exact: true })).toBeHidden();
  });

  test("choosing a link in the open menu goes to that page", async ({ page }) => {
    await page.goto("/", { waitUntil: "networkidle" });
    await menuSummary(page).click();
    await menuDetails(page).getByRole("link", { name: "For families", exact: true }).click();
    await expect(page).toHaveURL(/\/articles\/helping-a-loved-one$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Helping someone you love");
    // The new page does not start with the menu still covering its top, as after a full page load.
    await expect(menuDetails(page)).not.toHaveAttribute("open");
    await expect(menuDetails(page).getByRole("link", { name: "For families", exact: true })).toBeHidden();
  });

  test("choosing a menu link with the keyboard loads that page with the menu closed and focus at its start", async ({ page }) => {
    await page.goto("/", { waitUntil: "networkidle" });
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    const summary = menuSummary(page);
    for (let i = 0; i < 20 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const link = menuDetails(page).getByRole("link", { name: "Contact us", exact: true });
    for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact admissions");
    // A new document (pages carry no client-side router), so the menu starts closed and the first Tab
    // reaches the skip link, as on any page load.
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBeUndefined();
    await expect(menuDetails(page)).not.toHaveAttribute("open");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  });
});

test("the 404 page: status 404, one h1, links home, to articles and to contact, and the crisis block", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveText("We couldn't find that page");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("href", "/");
  await expect(main.getByRole("link", { name: "Learn about IOP", exact: true })).toHaveAttribute("href", "/articles");
  await expect(main.getByRole("link", { name: "Contact us", exact: true })).toHaveAttribute("href", "/contact");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("heading", { name: "Need help right now?" })).toBeVisible();
  await expectCrisisLinks(footer);
  await expectNoAxeViolations(page, "404 page");
  // The links work.
  await main.getByRole("link", { name: "Contact us", exact: true }).click();
  await expect(page).toHaveURL(/\/contact$/);
});

test("with reduced motion, html does not scroll smoothly", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/articles/what-is-iop");
  // Control: without the preference the site does use smooth scrolling, so the check below is meaningful.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
});

test("printing an article hides the header navigation", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/articles/what-is-iop");
  await expect(mainNav(page)).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header nav")).toBeHidden();
  // The article itself and its sources still print.
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "References" })).toBeVisible();
});
