import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { activate, createKey, postUsage, shanghaiMonth, topUp } from "./metering-helpers";

// Figures that change while you watch (issue 11): no reload between the API call and the check.

test("usage reported through the API changes every section that shows it — usage page, free quota, overview — without a reload", async ({ page, context, customer: _customer }) => {
  await activate(page, "body");
  const secret = await createKey(page, "live gateway");
  // Three pages open at once, each read before the calls arrive (issue 19 item 3).
  const quota = await context.newPage();
  await quota.goto("/free-quota");
  const freeLeft = quota.getByTestId("free-body.detection").getByRole("meter");
  await expect(freeLeft).toHaveAttribute("aria-valuenow", "1000");
  const overview = await context.newPage();
  await overview.goto("/");
  await expect(overview.getByTestId("overview-estimate")).toHaveText("¥0.00");
  await page.goto("/usage");
  await expect(page.getByTestId("usage-total-calls")).toContainText("0");
  await expect(page.getByTestId("usage-empty")).toBeVisible();
  const forecast = page.getByTestId("month-forecast");
  await expect(forecast).toBeVisible();
  const forecastFigures = forecast.locator('[data-testid="forecast-thin"], [data-testid="forecast-total"]');
  await expect(forecastFigures).toHaveCount(0);
  await expect(page.getByTestId("estimate-body.detection")).toHaveCount(0);
  const reloaded = await Promise.all([page, quota, overview].map((tab) => watchForReload(tab)));

  const response = await postUsage(page.request, secret, { events: [{ id: "live-1", api: "body.detection", calls: 1234, at: new Date().toISOString() }] });
  expect(response.status()).toBe(200);
  // The usage page: tiles, the forecast card, the charts (its "no calls" text gone) and the estimate table.
  await expect(page.getByTestId("usage-total-calls")).toContainText("1,234");
  await expect(page.getByTestId("usage-total-free")).toContainText("1,000");
  await expect(forecastFigures).toHaveCount(1);
  await expect(page.getByTestId("usage-empty")).toHaveCount(0);
  await expect(page.getByTestId("daily-body.detection")).toBeVisible();
  await expect(page.getByTestId("estimate-body.detection")).toContainText("1,234");
  // The free quota page and the overview, each brought to the front as a person would switch tabs.
  await quota.bringToFront();
  await expect(freeLeft).toHaveAttribute("aria-valuenow", "0");
  await overview.bringToFront();
  await expect(overview.getByTestId("overview-estimate")).not.toHaveText("¥0.00");
  await expect(overview.getByText(/1,234 calls/)).toBeVisible();
  await expect(overview.getByTestId("month-forecast").locator('[data-testid="forecast-thin"], [data-testid="forecast-total"]')).toHaveCount(1);
  for (const wasReloaded of reloaded) expect(await wasReloaded()).toBe(false);
});

test("the bell's unread count rises when an alert fires and the pack's bar drops, without a reload", async ({ page, customer: _customer }) => {
  await topUp(page, "100");
  await activate(page, "body");
  await page.goto("/checkout?item=body.detection:10k&quantity=1");
  await page.getByRole("button", { name: /^Confirm and pay/ }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  const secret = await createKey(page, "bell gateway");
  await page.goto("/packs");
  const row = page.locator('[data-testid="pack-row"][data-pack-spec="body.detection:10k"]');
  await expect(row).toContainText("10,000 of 10,000");
  const badge = page.getByTestId("unread-count");
  const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;

  // 1,000 free, then 8,600 from the pack: 14% left crosses the 15% body threshold (SPEC §5).
  const response = await postUsage(page.request, secret, { events: [{ id: "bell-1", api: "body.detection", calls: 9600, at: new Date().toISOString() }] });
  expect(response.status()).toBe(200);
  await expect(badge).toHaveText(String(before + 1));
  await expect(page.getByRole("link", { name: `Messages, ${before + 1} unread` })).toBeVisible();
  await expect(row).toContainText("1,400 of 10,000");
});

test("the console's JSON routes need a session and answer only for its own account", async ({ page, customer: _customer, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/console/unread")).status()).toBe(401);
  expect((await anonymous.get("/api/console/usage")).status()).toBe(401);
  await anonymous.dispose();
  expect((await page.request.get("/api/console/usage?month=2026-13")).status()).toBe(400);
  expect((await page.request.get("/api/console/usage?month=1999-01")).status()).toBe(400);
  const own = await page.request.get("/api/console/usage");
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ calls: 0, estimatedTotal: "0.00" });
});

/**
 * A mark in the page's window, gone if the document is reloaded or replaced. (Playwright's
 * framenavigated also fires for same-document history updates, such as router.refresh's.)
 */
async function watchForReload(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  return async () => !(await page.evaluate(() => "__sameDocument" in window));
}

test("a pending top-up on the open balance page turns into received, with the new balance, when it is paid elsewhere", async ({ page, context, customer: _customer }) => {
  await page.goto("/balance");
  await page.getByLabel("Amount (¥)").fill("321");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByText("SANDBOX — test payments only")).toBeVisible();
  const providerPage = page.url();
  const orderId = new URL(providerPage).pathname.split("/").at(-1);
  // Back on the balance page before the provider has confirmed (a real provider's notice can lag).
  await page.goto(`/balance?topup=${orderId}`);
  const status = page.getByTestId("top-up-status");
  await expect(status).toHaveAttribute("data-status", "pending");
  await expect(status).toContainText("Top-up of ¥321.00 is waiting for the provider's confirmation");
  await expect(page.getByTestId("balance-total")).toHaveText("¥0.00");
  const transactions = page.getByRole("table").filter({ hasText: "Top-up order" });
  await expect(transactions).toHaveCount(0);
  const badge = page.getByTestId("unread-count");
  const unreadBefore = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;
  const reloaded = await watchForReload(page);

  const provider = await context.newPage();
  await provider.goto(providerPage);
  await provider.getByRole("button", { name: "Pay ¥321.00" }).click();
  await expect(provider.getByText("Top-up of ¥321.00 received")).toBeVisible();
  await provider.close();

  await expect(status).toHaveAttribute("data-status", "paid");
  await expect(status).toContainText("Top-up of ¥321.00 received");
  await expect(page.getByTestId("balance-total")).toHaveText("¥321.00");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥321.00");
  // The transaction list (server-rendered) was refreshed in place, and the bell counts the notice.
  await expect(transactions).toContainText("+¥321.00");
  await expect(badge).toHaveText(String(unreadBefore + 1));
  expect(await reloaded()).toBe(false);
});

test("the arrears banner appears when a close leaves the balance negative and goes when a top-up in another tab pays it", async ({ page, context, customer }) => {
  await activate(page, "processing");
  await page.goto("/");
  // Another spec's suspension run may suspend this account while it owes: either banner will do.
  const banner = page.locator('[data-testid="arrears-banner"], [data-testid="suspended-banner"]');
  await expect(banner).toHaveCount(0);
  const reloaded = await watchForReload(page);

  // A month of its own (bills.spec.ts closes 1 to 3 back, bill-adjustments.spec.ts 4, console-pages.spec.ts 5): 100,000 × 0.002 = ¥200.00 owed.
  const [year, month] = shanghaiMonth(new Date()).split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - 6;
  const closed = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  const response = await page.request.post("/api/test/close", { data: { email: customer.email, month: closed, usage: { "processing.crop": 100_000 } } });
  expect(response.status(), await response.text()).toBe(200);
  await expect(banner).toContainText("¥200.00", { timeout: 30_000 });

  const other = await context.newPage();
  await topUp(other, "200");
  await other.close();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  expect(await reloaded()).toBe(false);
});
