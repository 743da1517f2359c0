import { expect, formError, test, type Customer } from "./fixtures";
import type { Page } from "@playwright/test";
import { activate, topUp } from "./metering-helpers";

async function grantVoucher(page: Page, customer: Customer, amount: string, products: string[]): Promise<void> {
  const response = await page.request.post("/api/test/grant-voucher", { data: { email: customer.email, amount, products, days: 30 } });
  expect(response.ok()).toBe(true);
}

test("top up, activate, buy a pack with a voucher, see the split, refund it: balances restored, voucher not", async ({ page, customer }) => {
  await topUp(page, "1000");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥1,000.00");
  await activate(page, "scan");
  await grantVoucher(page, customer, "30", ["scan"]);

  await page.goto("/packs");
  await page.getByLabel("Pack", { exact: true }).selectOption("scan.code-recognition:1k");
  await page.getByRole("button", { name: "Continue to checkout" }).click();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥100.00");
  await expect(page.getByTestId("refund-policy")).toContainText("within 7 days");
  await expect(page.getByTestId("split-voucher")).toContainText("¥30.00");
  await expect(page.getByTestId("split-cash")).toContainText("¥70.00");
  await page.getByRole("button", { name: "Confirm and pay ¥100.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  await expect(page.getByTestId("split-voucher")).toContainText("¥30.00");
  await expect(page.getByTestId("split-cash")).toContainText("¥70.00");

  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥930.00");
  await expect(page.getByTestId("voucher-remaining")).toHaveText("¥0.00");

  await page.goto("/packs");
  const row = page.locator('[data-testid="pack-row"][data-pack-spec="scan.code-recognition:1k"]');
  await expect(row.getByText(/Refundable through/)).toBeVisible();
  await row.getByRole("button", { name: /^Refund / }).click();
  // The confirmation dialog says where the money goes back, the voucher part kept, no review.
  const dialog = page.getByRole("dialog", { name: /^Refund / });
  await expect(dialog.getByTestId("refund-to-cash")).toContainText("¥70.00");
  await expect(dialog.getByTestId("refund-voucher")).toContainText("¥30.00");
  await expect(dialog.getByTestId("refund-review")).toHaveText("It is approved at once.");
  await dialog.getByRole("button", { name: "Refund ¥70.00" }).click();
  await expect(page.getByText("Refunded: ¥70.00 returned to your balance (¥30.00 voucher part not returned).")).toBeVisible();
  await expect(row.getByText("Refunded", { exact: true })).toBeVisible();

  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("voucher-remaining")).toHaveText("¥0.00");
  await page.goto("/refunds");
  await expect(page.getByTestId("refund-row")).toContainText("Approved");
  await expect(page.getByTestId("refund-row")).toContainText("¥30.00");
});

test("not enough balance: a clear message with the amounts, nothing charged", async ({ page, customer: _customer }) => {
  await topUp(page, "50");
  await activate(page, "scan");
  await page.goto("/checkout?item=scan.code-recognition:10k&quantity=1");
  await expect(page.getByText(/Not enough balance: ¥800.00 is needed after the voucher, you have ¥50.00/)).toBeVisible();
  await page.getByRole("button", { name: "Confirm and pay ¥800.00" }).click();
  await expect(formError(page)).toContainText("Top up at least ¥750.00. Nothing was charged.");
  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥50.00");
});

test("buy QPS and switch the body group to QPS billing", async ({ page, customer: _customer }) => {
  await topUp(page, "1000");
  await activate(page, "body");
  await page.goto("/qps");
  await expect(page.getByTestId("qps-mode")).toHaveText("By calls");
  await page.getByLabel("QPS", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Continue to checkout" }).click();
  await expect(page.getByTestId("checkout-total")).toHaveText("¥960.00");
  await expect(page.getByTestId("refund-policy")).toContainText("QPS can't be refunded");
  await page.getByRole("button", { name: "Confirm and pay ¥960.00" }).click();
  await page.getByRole("link", { name: "See your QPS" }).click();
  await expect(page.getByTestId("qps-held")).toHaveText("2 of at most 200");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Switch to QPS billing" }).click();
  await expect(page.getByTestId("qps-mode")).toHaveText("By QPS");
  await expect(page.getByText("Now billed by QPS")).toBeVisible();
});

test("start the offline SDK trial with devices, once", async ({ page, customer: _customer }) => {
  await activate(page, "body");
  await page.goto("/sdk");
  await page.getByLabel("Device IDs (one per line, up to 4)").fill("kiosk-0001\nkiosk-0002");
  await page.getByRole("button", { name: "Start the 60-day trial" }).click();
  await expect(page.getByTestId("licence-row")).toContainText("kiosk-0001, kiosk-0002");
  await page.getByLabel("Device IDs (one per line, up to 4)").fill("kiosk-0003");
  await page.getByRole("button", { name: "Start the 60-day trial" }).click();
  await expect(page.getByText("The trial has already been used by this account.")).toBeVisible();
});
