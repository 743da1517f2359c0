import { expect, test, type Customer } from "./fixtures";
import type { Page } from "@playwright/test";
import { activate, topUp } from "./metering-helpers";
import { shootEverywhere } from "./shots";

// This file checks pages in the states it builds: axe on every visit, not once per worker (e2e/fixtures.ts).
test.use({ axeEveryVisit: true });

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
  // A refunded pack has no usable calls: an empty grey bar, not "1,000 of 1,000".
  await expect(row.getByTestId("refunded-remaining")).toContainText("No usable calls");
  await expect(row.getByRole("meter")).toHaveAttribute("aria-valuenow", "0");

  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥1,000.00");
  await expect(page.getByTestId("voucher-remaining")).toHaveText("¥0.00");
  await page.goto("/refunds");
  await expect(page.getByTestId("refund-row")).toContainText("Refunded");
  await expect(page.getByTestId("refund-row")).toContainText("¥30.00");
});

/** Each word of an element's text lies on one line: none is broken across two ("10,000 ca / lls"). */
async function wordsBrokenAcrossLines(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((element) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

test("not enough balance on a phone: one message, paying disabled, Top up with the shortfall and back to the same checkout", async ({ page, customer, baseURL }, testInfo) => {
  // Three pages photographed at two sizes in two languages on top of the round trip.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await topUp(page, "50");
  await activate(page, "scan");
  await grantVoucher(page, customer, "30", ["scan"]);
  const checkout = "/checkout?item=scan.code-recognition:10k&quantity=1";
  await page.goto(checkout);
  // The item's name wraps between words only.
  expect(await wordsBrokenAcrossLines(page, "checkout-item")).toEqual([]);

  // Without the voucher: one message, which does not speak of a voucher.
  await page.getByLabel("Voucher").selectOption({ label: "Don't use a voucher" });
  const short = page.getByTestId("checkout-short");
  await expect(short).toHaveText("Not enough balance: this costs ¥800.00 and your balance has ¥50.00. Top up at least ¥750.00 to pay.");
  const form = page.locator("main form");
  await expect(form.locator('[role="status"], [role="alert"]')).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Confirm and pay ¥800.00" })).toBeDisabled();
  await expect(page.getByTestId("checkout-top-up-link")).toHaveText("Top up ¥750.00");

  // With the voucher (the default choice) the message says what it pays, and the shortfall is smaller.
  await page.getByLabel("Voucher").selectOption({ index: 1 });
  await expect(short).toHaveText("Not enough balance: after the voucher's ¥30.00, ¥770.00 is to be paid from your balance, which has ¥50.00. Top up at least ¥720.00 to pay.");
  await expect(form.locator('[role="status"], [role="alert"]')).toHaveCount(1);
  await shootEverywhere(page, testInfo, "checkout-short", baseURL);

  // Top up: the shortfall is filled in, and paying comes back to this checkout.
  await page.getByTestId("checkout-top-up-link").click();
  await expect(page).toHaveURL(/\/balance\?/);
  await expect(page.getByLabel("Amount (¥)")).toHaveValue("720.00");
  await expect(page.getByTestId("top-up-return")).toHaveText("After paying you come back to your checkout.");
  await shootEverywhere(page, testInfo, "balance-top-up-for-checkout", baseURL);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByText("SANDBOX — test payments only")).toBeVisible();
  await page.getByRole("button", { name: "Pay ¥720.00" }).click();
  await expect(page).toHaveURL(/\/checkout\?item=scan\.code-recognition%3A10k&quantity=1&topup=/);
  await expect(page.getByTestId("checkout-top-up")).toHaveText("Top-up of ¥720.00 received. You can pay now.");
  await expect(page.getByTestId("checkout-short")).toHaveCount(0);
  await shootEverywhere(page, testInfo, "checkout-after-top-up", baseURL);

  // The sandbox badge sits in the top bar: it covers nothing, "From income balance" included.
  const income = page.getByTestId("split-income").locator("dt");
  await income.scrollIntoViewIfNeeded();
  const covered = await income.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top === element || element.contains(top) ? null : (top?.outerHTML.slice(0, 80) ?? "nothing");
  });
  expect(covered).toBeNull();
  const badge = await page.getByTestId("sandbox-payments-badge").boundingBox();
  const header = await page.locator("header").first().boundingBox();
  expect(badge && header && badge.y >= header.y && badge.y + badge.height <= header.y + header.height).toBe(true);

  await page.getByRole("button", { name: "Confirm and pay ¥800.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  await expect(page.getByTestId("split-voucher")).toContainText("¥30.00");
  await expect(page.getByTestId("split-cash")).toContainText("¥770.00");

  // Issue 19 item 9: the purchase's cut-off description says in words what it was, never an id.
  await page.goto("/balance");
  const purchase = page.getByTestId("transaction-document").filter({ hasText: "Order" }).first();
  const title = (await purchase.getAttribute("title")) ?? "";
  expect(title).toMatch(/^Purchase · Order PO-\d{8}-[0-9A-F]{8} · /);
  expect(title).toContain("10,000");
  expect(title).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
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
  await expect(page.getByTestId("qps-held")).toHaveText("2 (limit 200)");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Switch to QPS billing" }).click();
  await expect(page.getByTestId("qps-mode")).toHaveText("By QPS");
  await expect(page.getByText("Now billed by QPS")).toBeVisible();
  // Issue 22: what happens to days bought before the switch, and auto-renew turned on for the monthly grant.
  await expect(page.getByTestId("qps-starts-note")).toContainText("are not added back or refunded");
  await page.getByRole("button", { name: "Turn on auto-renew" }).click();
  await expect(page.getByTestId("qps-auto-renew")).toContainText("On: renews from your balance");
  await expect(page.getByRole("button", { name: "Turn off auto-renew" })).toBeVisible();
  // At 390 px and in Simplified Chinese (the fixture audits each page with axe): the page does not overflow.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: page.url() }]);
  await page.goto("/qps");
  await expect(page.getByTestId("qps-auto-renew")).toContainText("已开启");
  await expect(page.getByTestId("qps-starts-note")).toContainText("不会顺延");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
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
