import { expect, test } from "./fixtures";
import { activate, topUp } from "./metering-helpers";
import { requestAndQuoteLicence } from "./staff-helpers";

test("licence quote: the customer asks, staff quote, the customer pays it at checkout and holds the licence", async ({ page, browser, customer }) => {
  test.setTimeout(180_000);
  const pkg = `com.e2e.kiosk${Date.now().toString(36)}`;
  await activate(page, "body");
  await requestAndQuoteLicence(page, browser, customer.company, { pkg, staffName: "Quinn", price: "1200.50", years: 2, quoted: "Quoted ¥1,200.50 for 2 years" });

  await topUp(page, "2000");
  await page.goto("/sdk");
  const quote = page.getByTestId("licence-quote");
  await expect(quote).toContainText(`${pkg}: ¥1,200.50 for 2 years`);
  await expect(quote).toContainText("pay or decline by");
  await quote.getByRole("link", { name: "Accept and pay" }).click();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥1,200.50");
  await expect(page.getByTestId("refund-policy")).toContainText("never refundable");
  await page.getByRole("button", { name: "Confirm and pay ¥1,200.50" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();

  await page.goto("/sdk");
  const licence = page.getByTestId("licence-row").filter({ hasText: "Offline SDK licence" });
  await expect(licence).toContainText(`App package ${pkg}`);
  await expect(page.getByTestId("licence-quote")).toContainText("Paid");
  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥799.50");
});
