import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The calls input of an API, by its id (labels are the API names, which change with the language). */
function calls(page: Page, api: string) {
  return page.locator(`[id="calls-${api}"]`);
}

test.describe("public price calculator", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/calculator");
    await expect(page.getByRole("heading", { name: "Price calculator" })).toBeVisible();
  });

  test("opens without signing in and offers the sign-in link", async ({ page }) => {
    await expect(page).toHaveURL(/\/calculator$/);
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  });

  test("SPEC §9 example 7: processing.quality 2,000,000 calls", async ({ page }) => {
    await page.getByLabel("Image quality assessment", { exact: true }).fill("2,000,000");
    await expect(page.getByTestId("formula-processing.quality")).toHaveText("(2,000,000 − 1,000) × 0.0025 = 4,997.50");
    await expect(page.getByTestId("amount-processing.quality")).toHaveText("¥4,997.50");
    await expect(page.getByTestId("total")).toHaveText("¥4,997.50");
    const tiers = page.getByTestId("tiers-processing.quality");
    await expect(tiers.locator("tr[aria-current=true]")).toContainText("1,000,000 – 2,999,999");
    await expect(tiers.locator("tr[aria-current=true]")).toContainText("¥0.0025 per call");
  });

  test("SPEC §9 examples 4 and 5: vehicle recognition", async ({ page }) => {
    await calls(page, "recognition.vehicle-enhanced").fill("10000");
    await expect(page.getByTestId("formula-recognition.vehicle-enhanced")).toHaveText("(10,000 − 1,000) × 0.075 = 675.00");
    await expect(page.getByTestId("total")).toHaveText("¥675.00");

    await calls(page, "recognition.vehicle").fill("10000");
    await expect(page.getByTestId("formula-recognition.vehicle")).toHaveText("(10,000 − 1,000) × 0.003 = 27.00");
    await expect(page.getByTestId("total")).toHaveText("¥702.00");
    // 9,000 postpaid calls at 0.075 (675.00) are cheaper than a 10k pack (730.00): no advice.
    await expect(page.getByRole("heading", { name: "Ways to pay less" })).toHaveCount(0);
  });

  test("says when more calls would cost less (tier boundary) and when packs beat postpaid", async ({ page }) => {
    await calls(page, "processing.quality").fill("2999000");
    await expect(page.getByTestId("total")).toHaveText("¥7,495.00");
    await expect(page.getByTestId("advice-tier-processing.quality")).toContainText(
      "At 3,000,000 calls the whole month reaches tier 3 (¥0.002 per call) and would cost ¥5,998.00, ¥1,497.00 less.",
    );

    await calls(page, "scan.code-recognition").fill("20000");
    await expect(page.getByTestId("advice-pack-scan.code-recognition")).toContainText("2 × 10,000-call packs bought this month (¥1,600.00)");
  });

  test("packs owned and purchases are priced", async ({ page }) => {
    await calls(page, "body.detection").fill("50000");
    await page.getByRole("button", { name: "Add a pack" }).first().click();
    await page.getByLabel("1. Pack").selectOption("body.detection:10k");
    await page.getByLabel("Calls left", { exact: true }).fill("4000");
    await expect(page.getByTestId("formula-body.detection")).toHaveText("(50,000 − 4,000 − 1,000) × 0.002 = 90.00");

    await page.getByRole("button", { name: "Add the scanning SDK" }).click();
    await expect(page.getByTestId("purchase-total")).toHaveText("¥50,000.00");
    await expect(page.getByTestId("total")).toHaveText("¥50,090.00");
  });

  test("invalid input names the field and does not break the page", async ({ page }) => {
    await calls(page, "processing.crop").fill("-5");
    await expect(page.getByTestId("calc-error")).toHaveText("Calls of Smart crop: enter a whole number that is not negative, within the allowed range.");
    await expect(calls(page, "processing.crop")).toHaveAttribute("aria-invalid", "true");
    await calls(page, "processing.crop").fill("500000");
    await expect(page.getByTestId("total")).toHaveText("¥998.00");

    await page.getByLabel("Billing month").fill("2022-08");
    await expect(page.getByTestId("calc-error")).toContainText("Billing month: there are no prices before September 2022");
    await page.getByLabel("Billing month").fill("2023-11");
    await calls(page, "recognition.pet").fill("10");
    await expect(page.getByTestId("calc-error")).toHaveText("Calls of Pet recognition: this API is not offered in November 2023; it is priced from December 2023.");
  });

  test("works in Simplified Chinese", async ({ page }) => {
    await page.getByRole("button", { name: "简体中文" }).click();
    await expect(page.getByRole("heading", { name: "价格计算器" })).toBeVisible();
    await page.getByLabel("图像质量评估", { exact: true }).fill("2000000");
    await expect(page.getByTestId("formula-processing.quality")).toHaveText("(2,000,000 − 1,000) × 0.0025 = 4,997.50");
    await expect(page.getByTestId("total")).toHaveText("¥4,997.50");
    await expect(page.getByText("第 2 档 · 每次 ¥0.0025")).toBeVisible();
  });
});

test("a signed-in customer gets a way back to the console", async ({ page, customer }) => {
  expect(customer.email).toContain("@");
  await page.goto("/calculator");
  await expect(page.getByRole("link", { name: "Back to the console" })).toHaveAttribute("href", "/");
});
