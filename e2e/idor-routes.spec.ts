import { expect, newCustomer, signUp, test } from "./fixtures";
import { activate, shanghaiMonth, topUp } from "./metering-helpers";

/**
 * The IDOR matrix's route half (issue 9): every page and route that takes an id in its URL, opened by
 * another customer with the first one's ids: not found (or nothing of theirs shown), nothing changed.
 * (The actions' half is app/action-manifest.idor.test.ts, generated from the action manifest.)
 */
test("another customer's purchase, top-up and bill ids show nothing of theirs", async ({ page, browser, customer: _customer }) => {
  test.setTimeout(180_000);
  await topUp(page, "500");
  const topUpId = new URL(page.url()).searchParams.get("topup");
  expect(topUpId).toMatch(/^[0-9a-f-]{36}$/);
  await activate(page, "scan");
  await page.goto("/checkout?item=scan.code-recognition:1k&quantity=1");
  await page.getByRole("button", { name: "Confirm and pay ¥100.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  const purchasePath = new URL(page.url()).pathname;
  expect(purchasePath).toMatch(/^\/checkout\/done\/[0-9a-f-]{36}$/);

  const other = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(other, newCustomer("idor-b"));
  expect((await other.goto(purchasePath))?.status()).toBe(404);
  await other.goto(`/balance?topup=${topUpId}`);
  await expect(other.getByText(/Top-up of .* received/)).toHaveCount(0);
  await expect(other.getByText("¥500.00")).toHaveCount(0);
  const month = shanghaiMonth(new Date());
  expect((await other.request.get(`/bills/${month}/csv`)).status()).toBe(404);

  // The first customer's purchase is still theirs and unchanged.
  await page.goto(purchasePath);
  await expect(page.getByTestId("done-total")).toHaveText("¥100.00");
});
