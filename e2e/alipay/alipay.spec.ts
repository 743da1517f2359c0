import { devices } from "@playwright/test";
import { expect, test } from "../fixtures";

/**
 * Issue 20: a customer on PostgreSQL with PAYMENT_PROVIDER=alipay tops up through the gateway
 * simulator (playwright.alipay.config.ts): website pay at 1440 px, mobile-website pay at 390 px on a
 * phone; the order page credits nothing itself and turns paid when Alipay's notice has credited it;
 * the order list shows it, in both languages.
 */
async function topUpAtAlipay(page: import("@playwright/test").Page, amount: string) {
  await page.goto("/balance");
  await page.getByLabel("Amount (¥)").fill(amount);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: /Alipay simulator/ })).toBeVisible();
  await expect(page.getByTestId("alipay-sim-amount")).toHaveText(`¥${amount}`);
}

test.describe("desktop, 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("pays with computer-website pay and sees the paid order, in English and Chinese", async ({ page, customer }) => {
    expect(customer.email).toContain("@");
    await topUpAtAlipay(page, "88.80");
    await expect(page.getByTestId("alipay-sim-channel")).toContainText("page");
    await page.getByRole("button", { name: /Pay/ }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
    await expect(page.getByTestId("order-live-status")).toHaveAttribute("data-status", "paid");
    await expect(page.getByText("Paid: ¥88.80 is in your cash balance.")).toBeVisible();
    const orderUrl = new URL(page.url()).pathname;
    await page.goto(orderUrl);
    await expect(page.getByTestId("order-receipt")).toContainText("Alipay");
    await expect(page.getByTestId("order-total")).toHaveText("¥88.80");

    await page.goto("/orders");
    const row = page.getByTestId("order-row").first();
    await expect(row).toHaveAttribute("data-method", "alipay");
    await expect(row).toHaveAttribute("data-status", "paid");
    await expect(row).toContainText("Top-up to cash");
    await page.goto("/orders?method=alipay&status=paid");
    await expect(page.getByTestId("order-row")).toHaveCount(1);

    await page.context().addCookies([{ name: "locale", value: "zh-CN", url: page.url() }]);
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "订单", exact: true })).toBeVisible();
    await expect(page.getByTestId("order-row").first()).toContainText("支付宝");
    await expect(page.getByTestId("order-row").first()).toContainText("已支付");
    await page.goto(orderUrl);
    await expect(page.getByTestId("order-receipt")).toContainText("支付宝交易号");
  });
});

test.describe("phone, 390 px", () => {
  const iphone = devices["iPhone 13"];
  test.use({ viewport: { width: 390, height: 844 }, userAgent: iphone.userAgent, deviceScaleFactor: iphone.deviceScaleFactor, isMobile: true, hasTouch: true });

  test("pays with mobile-website pay; an abandoned payment is cancelled and closes", async ({ page, customer }) => {
    expect(customer.email).toContain("@");
    await topUpAtAlipay(page, "12.34");
    await expect(page.getByTestId("alipay-sim-channel")).toContainText("wap");
    await page.getByRole("button", { name: /Pay/ }).click();
    await expect(page.getByTestId("order-live-status")).toHaveAttribute("data-status", "paid");

    // The second one is abandoned: back to the console without paying, then cancelled there.
    await topUpAtAlipay(page, "5.00");
    await page.getByRole("link", { name: /Back to the merchant/ }).click();
    await expect(page.getByTestId("order-live-status")).toHaveAttribute("data-status", "pending");
    await expect(page.getByText("Waiting for the payment.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Cancel this payment" }).click();
    // The page re-renders without the form: the order's own status says it.
    await expect(page.getByTestId("order-live-status")).toHaveAttribute("data-status", "closed");
    await expect(page.getByText("This order is closed. Nothing was charged for it.")).toBeVisible();
    await page.goto("/orders");
    await expect(page.getByTestId("order-row")).toHaveCount(2);
    await expect(page.getByTestId("order-row").first()).toHaveAttribute("data-status", "closed");
    await expect(page.getByTestId("order-row").nth(1)).toHaveAttribute("data-status", "paid");
  });
});
