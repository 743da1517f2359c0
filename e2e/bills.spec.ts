import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test, type Customer } from "./fixtures";
import { activate, createKey, shanghaiMonth, topUp } from "./metering-helpers";

/** The Shanghai month `back` months before the current one (ended, so the test-mode close route can bill it). */
function monthsAgo(back: number): string {
  const [year, month] = shanghaiMonth(new Date()).split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Test-mode only (app/api/test/close): usage for the account in `month`, then the real monthly close. */
async function activateProcessing(page: Page): Promise<void> {
  await activate(page, "processing");
}

async function closeWithUsage(page: Page, customer: Customer, month: string, usage: Record<string, number>, suspend = false): Promise<void> {
  const response = await page.request.post("/api/test/close", { data: { email: customer.email, month, usage, suspend } });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { results: { status: string }[] };
  expect(body.results.map((r) => r.status), JSON.stringify(body.results)).toEqual(Object.keys(usage).map(() => "accepted"));
}

// The close bills every account of the e2e database that existed in its month, and the suspension
// suspends every overdue account: these tests run one after another, each closing a month of its own
// (only the test-mode route dates accounts back, so no other spec's accounts are billed).
test.describe.configure({ mode: "serial" });

test("bills: browse, open, CSV and API; arrears banner with a live countdown on every page; a top-up clears it", async ({ page, customer }) => {
  await activateProcessing(page);
  const month = monthsAgo(1);
  // 500,000 calls, none covered (no free pack existed for that month): 500,000 × 0.002 = 1,000.00, with a balance of 0.
  await closeWithUsage(page, customer, month, { "processing.crop": 500_000 });

  await page.goto("/bills");
  await expect(page.getByTestId("bill-estimate-row").first()).toContainText("Estimate, not a bill");
  const row = page.locator(`[data-testid="bill-row"][data-month="${month}"]`);
  await expect(row.getByTestId("bill-total")).toHaveText("¥1,000.00");
  await expect(row.getByTestId("bill-status")).toHaveText("In arrears");

  await row.getByRole("link", { name: "View bill" }).click();
  await expect(page).toHaveURL(new RegExp(`/bills/${month}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bill for");
  const line = page.getByTestId("bill-line-processing.crop");
  await expect(line).toContainText("500,000");
  await expect(line.getByTestId("bill-line-formula")).toHaveText("500,000 × 0.002 = 1,000.00");
  await expect(line.getByTestId("bill-line-why")).toHaveText("500,000 calls this month fall in tier 1 (up to 999,999 calls): every billed call is priced at ¥0.002.");
  await expect(page.getByTestId("bill-usage-total")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("bill-balance-before")).toHaveText("¥0.00");
  await expect(page.getByTestId("bill-balance-after")).toHaveText("-¥1,000.00");
  await expect(page.getByTestId("statement-row")).toHaveCount(1);
  await expect(page.getByTestId("statement-row")).toContainText("-¥1,000.00");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("bill-csv").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bill-${month}.csv`);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.startsWith(`\uFEFFBill,${month}\r\n`)).toBe(true);
  expect(csv).toContain("Status,In arrears\r\n");
  expect(csv).toContain('processing.crop,Smart crop,500000,0,0,500000,1,0.002,1000.00,"500,000 × 0.002 = 1,000.00"\r\n');
  expect(csv).toContain("Usage total,,,,,,,,1000.00,\r\n");
  expect(csv).toContain("Balance after the bill,-1000.00\r\n");
  // The CSV is the signed-in customer's only: another browser without the session gets nothing.
  const anonymous = await page.context().browser()?.newContext();
  if (anonymous) {
    // The proxy sends a request without a session cookie to sign-in; the route itself answers 401 to a bad one.
    const response = await anonymous.request.get(new URL(`/bills/${month}/csv`, page.url()).toString(), { maxRedirects: 0 });
    expect([307, 401]).toContain(response.status());
    expect(await response.text()).not.toContain("processing.crop");
    await anonymous.close();
  }

  // API.md §1 with an API key: the closed month's bill, an open month refused, the packs.
  const key = await createKey(page, "finance tool");
  const auth = { Authorization: `Bearer ${key}` };
  const bill = await page.request.get(`/api/v1/bills?month=${month}`, { headers: auth });
  expect(bill.status()).toBe(200);
  expect(await bill.json()).toMatchObject({ month, status: "arrears", usageTotal: "1000.00", total: "1000.00", lines: [{ api: "processing.crop", calls: 500000, free: 0, fromPacks: 0, billable: 500000, tier: 1, unitPrice: "0.002", amount: "1000.00", formula: "500,000 × 0.002 = 1,000.00" }] });
  const open = await page.request.get(`/api/v1/bills?month=${shanghaiMonth(new Date())}`, { headers: auth });
  expect(open.status()).toBe(404);
  expect(await open.json()).toMatchObject({ error: { code: "not-closed" } });
  const packs = await page.request.get("/api/v1/packs", { headers: auth });
  expect(packs.status()).toBe(200);
  expect(((await packs.json()) as { packs: { source: string; status: string }[] }).packs.some((p) => p.source === "free" && p.status === "active")).toBe(true);

  // In arrears: the banner on the overview and on every other page, with the amount and a live countdown.
  await page.goto("/");
  const banner = page.getByTestId("arrears-banner");
  await expect(banner).toContainText("Your account is in arrears: ¥1,000.00 owed");
  const countdown = banner.getByTestId("arrears-countdown");
  await expect(countdown).toHaveText(/^2[0-3]:[0-5]\d:[0-5]\d$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? "");
  await expect(page.getByTestId("account-status")).toHaveText("In arrears");
  await page.goto("/usage");
  await expect(page.getByTestId("arrears-banner")).toBeVisible();

  await page.getByTestId("arrears-banner").getByRole("link", { name: "Top up" }).click();
  await expect(page).toHaveURL(/\/balance$/);
  await topUp(page, "1000");
  await page.goto("/");
  await expect(page.getByTestId("account-status")).toHaveText("Active");
  await expect(page.getByTestId("arrears-banner")).toHaveCount(0);
  await page.goto("/bills");
  await expect(page.locator(`[data-testid="bill-row"][data-month="${month}"]`).getByTestId("bill-status")).toHaveText("Settled");
});

test("a suspended account sees why and how to restore on every page; a top-up of what is owed restores it", async ({ page, customer }) => {
  await activateProcessing(page);
  await closeWithUsage(page, customer, monthsAgo(2), { "processing.crop": 500_000 }, true);

  for (const path of ["/", "/packs", "/bills"]) {
    await page.goto(path);
    const banner = page.getByTestId("suspended-banner");
    await expect(banner).toContainText("Your services are suspended");
    await expect(banner).toContainText("your APIs refuse calls and no free quota is issued");
    await expect(banner).toContainText("Top up at least ¥1,000.00");
  }
  await expect(page.getByTestId("arrears-banner")).toHaveCount(0);

  await topUp(page, "400");
  await page.goto("/");
  await expect(page.getByTestId("suspended-banner")).toContainText("Top up at least ¥600.00");
  await expect(page.getByTestId("account-status")).toHaveText("Suspended");
  await topUp(page, "600");
  await page.goto("/");
  await expect(page.getByTestId("suspended-banner")).toHaveCount(0);
  await expect(page.getByTestId("account-status")).toHaveText("Active");
});

/** `November 2026`: what the console calls a billing month in English. */
function monthName(month: string, locale = "en-US"): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, m - 1, 15)));
}

test("issue 19 item 6: messages name the month and use the 24-hour clock in either language; a past month's usage links to its bill", async ({ page, customer }) => {
  await activateProcessing(page);
  const month = monthsAgo(3);
  const name = monthName(month);
  await closeWithUsage(page, customer, month, { "processing.crop": 100_000 });

  await page.goto("/messages");
  const list = page.getByRole("list").filter({ hasText: "is ready" });
  await expect(page.getByRole("link", { name: `Your bill for ${name} is ready` })).toBeVisible();
  await expect(list).not.toContainText(`${month} `);
  const arrears = page.getByRole("listitem").filter({ hasText: "Your account is in arrears" });
  await expect(arrears).toContainText(`after the bill for ${name}`);
  // The deadline and each message's time: `Dec 3, 2026, 00:10`, never 12:10 AM.
  await expect(arrears).toContainText(/Top up by [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} \(Beijing time\)/);
  for (const time of await page.locator("main time").allTextContents()) expect(time).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}$/);
  await expect(page.locator("main")).not.toContainText(/\d (AM|PM)\b/);

  await page.getByRole("link", { name: `Your bill for ${name} is ready` }).click();
  await expect(page).toHaveURL(new RegExp(`/bills/${month}$`));

  await page.goto(`/usage?month=${month}`);
  const billLink = page.getByTestId("usage-bill-link");
  await expect(billLink).toHaveText(`Open the bill for ${name}`);
  await billLink.click();
  await expect(page).toHaveURL(new RegExp(`/bills/${month}$`));

  await page.goto("/balance");
  await expect(page.locator("main")).toContainText(`Bill for ${name}`);

  // The same stored messages, read in Chinese: the month and times in the reader's language.
  await page.goto("/messages");
  await page.getByRole("button", { name: "简体中文" }).click();
  const zhName = monthName(month, "zh-CN");
  await expect(page.getByRole("link", { name: `${zhName}账单已生成` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "您的账号已欠费" })).toContainText(/请在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）前充值/);
  for (const time of await page.locator("main time").allTextContents()) expect(time).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  await page.goto(`/usage?month=${month}`);
  await expect(page.getByTestId("usage-bill-link")).toHaveText(`查看${zhName}账单`);
  await page.getByRole("button", { name: "English" }).click();
});
