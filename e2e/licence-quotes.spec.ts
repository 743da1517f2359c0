import { expect, test } from "./fixtures";
import { activate, topUp } from "./metering-helpers";
import { signedInStaff } from "./staff-helpers";

test("licence quote: the customer asks, staff quote, the customer pays it at checkout and holds the licence", async ({ page, browser, customer }) => {
  test.setTimeout(180_000);
  const pkg = `com.e2e.kiosk${Date.now().toString(36)}`;
  await activate(page, "body");
  await page.goto("/sdk");
  await page.getByLabel("App package name").fill(pkg);
  await page.getByRole("button", { name: "Request a formal licence" }).click();
  await expect(page.getByText("Request recorded. Support will send you a quote.")).toBeVisible();

  const staffPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signedInStaff(staffPage, "Quinn");
  await staffPage.getByRole("region", { name: "Licence requests awaiting a quote" }).getByRole("link", { name: customer.company }).click();
  const request = staffPage.getByTestId("licence-quote-request");
  await expect(request).toContainText(pkg);
  await request.getByLabel("Price for the whole validity (¥)").fill("1200.50");
  await request.getByLabel("Validity (years, 1–5)").fill("2");
  await request.getByRole("button", { name: "Send quote" }).click();
  await expect(staffPage.getByTestId("licence-quote-request")).toContainText("Quoted ¥1,200.50 for 2 years");

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
