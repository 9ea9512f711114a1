import { expect, test } from "@playwright/test";

test("home page shows what IOP is, a phone number and the crisis block", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.locator('a[href^="tel:+1555"]').first()).toBeVisible();
  await expect(page.locator("footer").getByRole("link", { name: "Call 988" })).toBeVisible();
});
