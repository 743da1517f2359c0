import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { activate, shanghaiMonth } from "./metering-helpers";
import { seriousAxeViolations, signedInStaff } from "./staff-helpers";

/** A month of its own: bills.spec.ts closes the last two, live.spec.ts the third. */
function monthsAgo(back: number): string {
  const [year, month] = shanghaiMonth(new Date()).split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;

/** Both sizes, attached to the report (SHOTS_DIR also writes them to a folder to look at); no sideways scroll. */
async function shootBoth(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${name} at ${size} scrolls sideways`).toBeLessThanOrEqual(0);
    const body = await page.screenshot({ fullPage: true });
    await testInfo.attach(`${name}-${size}`, { body, contentType: "image/png" });
    if (process.env.SHOTS_DIR) await writeFile(path.join(process.env.SHOTS_DIR, `${name}-${size}.png`), body);
  }
  await page.setViewportSize(SIZES.desktop);
}

async function openAccount(staffPage: Page, email: string, company: string): Promise<void> {
  await staffPage.getByPlaceholder("Email, company or account ID").fill(email);
  await staffPage.getByRole("button", { name: "Search" }).click();
  await staffPage.getByRole("link", { name: company }).click();
}

test("a support adjustment above the threshold, approved by another (admin) staff member, appears on the bill and restores a suspended account", async ({ page, browser, customer }, testInfo) => {
  test.setTimeout(360_000);
  await activate(page, "processing");
  const month = monthsAgo(4);
  // 600,000 calls × 0.002 = ¥1,200.00 with a balance of 0: in arrears, then suspended (the route runs the suspension).
  const closed = await page.request.post("/api/test/close", { data: { email: customer.email, month, usage: { "processing.crop": 600_000 }, suspend: true } });
  expect(closed.status(), await closed.text()).toBe(200);
  await page.goto("/");
  await expect(page.getByTestId("account-status")).toHaveText("Suspended");

  // Support requests a credit of the whole bill: above ¥1,000.00, so it waits for an admin.
  const supportPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signedInStaff(supportPage, "Cai");
  await openAccount(supportPage, customer.email, customer.company);
  const card = supportPage.locator("section").filter({ has: supportPage.getByRole("heading", { name: "Bill adjustments" }) });
  // The closed month's whole bill: the account may also have a ¥0 bill for last month (the server's own close).
  const wholeBill = await card.locator("option", { hasText: "whole bill (left ¥1,200.00)" }).first().getAttribute("value");
  await card.getByLabel("Bill or line").selectOption(wholeBill ?? "");
  await card.getByLabel("Amount (¥)").fill("1200");
  await card.getByLabel("Reason (the customer sees it)").fill("gateway retries were counted twice");
  await card.getByLabel("Ticket reference").fill("TCK-4711");
  await card.getByRole("button", { name: "Request adjustment" }).click();
  await expect(card.getByText("Adjustment recorded.")).toBeVisible();
  await supportPage.reload();
  const note = supportPage.getByTestId("bill-adjustment");
  await expect(note).toHaveCount(1);
  await expect(note).toContainText("Awaiting approval");
  await expect(note).toContainText("An admin approves it.");
  await expect(note).toContainText("TCK-4711");
  expect(await seriousAxeViolations(supportPage)).toEqual([]);

  // An admin (not the requester) approves it.
  const adminPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signedInStaff(adminPage, "Dee", "admin");
  await openAccount(adminPage, customer.email, customer.company);
  const pending = adminPage.getByTestId("bill-adjustment");
  await expect(pending).toContainText("Awaiting approval");
  await shootBoth(adminPage, testInfo, "staff-adjustment-pending");
  await pending.getByRole("button", { name: "Approve" }).click();
  // Decided: the page refreshes and the note reads as posted, by whom.
  await expect(pending).toContainText("Posted by Dee");
  await adminPage.reload();
  await expect(adminPage.getByTestId("bill-adjustment")).toContainText("Posted");
  expect(await seriousAxeViolations(adminPage)).toEqual([]);

  // The customer: restored at once, the bill shows the note, the CSV holds it, a message and the staff activity say so.
  await page.goto("/");
  await expect(page.getByTestId("account-status")).toHaveText("Active");
  await expect(page.getByTestId("suspended-banner")).toHaveCount(0);
  await page.goto(`/bills/${month}`);
  const row = page.getByTestId("bill-adjustment-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Whole bill");
  await expect(row).toContainText("¥1,200.00");
  await expect(row).toContainText("gateway retries were counted twice");
  await expect(page.getByTestId("bill-net-total")).toHaveText("¥0.00");
  await shootBoth(page, testInfo, "bill-with-adjustment-en");
  const csv = await page.request.get(`/bills/${month}/csv`);
  expect(await csv.text()).toContain("gateway retries were counted twice,TCK-4711");
  await page.goto("/messages");
  await expect(page.getByText("Bill adjusted").first()).toBeVisible();
  await page.goto("/security");
  await expect(page.getByTestId("staff-activity").filter({ hasText: "Dee approved a credit of ¥1,200.00" })).toHaveCount(1);
  await expect(page.getByTestId("staff-activity").filter({ hasText: "Cai requested a credit of ¥1,200.00" })).toContainText("gateway retries were counted twice");

  // The same in Chinese.
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto(`/bills/${month}`);
  await expect(page.getByRole("heading", { name: "账单调整" })).toBeVisible();
  await expect(page.getByTestId("bill-adjustment-row")).toContainText("整张账单");
  await shootBoth(page, testInfo, "bill-with-adjustment-zh");
  await page.goto("/security");
  await expect(page.getByTestId("staff-activity").filter({ hasText: "批准为您" })).toHaveCount(1);
});
