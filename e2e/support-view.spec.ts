import type { Browser, Locator, Page } from "@playwright/test";
import { expect, newCustomer, signUp, test, type Customer } from "./fixtures";
import { activate, topUp } from "./metering-helpers";
import { seriousAxeViolations, signedInStaff } from "./staff-helpers";

async function customerPage(browser: Browser, prefix: string): Promise<{ page: Page; customer: Customer }> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  const customer = newCustomer(prefix);
  await signUp(page, customer);
  return { page, customer };
}

async function startViewing(page: Page, customer: Customer, reason: string): Promise<void> {
  await page.goto("/staff");
  await page.getByPlaceholder("Email, company or account ID").fill(customer.email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: customer.company }).click();
  await expect(page.getByRole("heading", { name: customer.company, exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByLabel("Reason (at least 10 characters)").fill(reason);
  await page.getByLabel("Ticket reference (optional)").fill("T-1001");
  await page.getByRole("button", { name: "Start viewing" }).click();
  await expect(page.getByTestId("support-view-banner")).toBeVisible();
}

/** The page turns write buttons off in a view; a tampered page can turn one back on, and the server must still refuse. */
async function pressDespiteView(button: Locator): Promise<void> {
  await expect(button).toBeDisabled();
  await button.evaluate((element) => element.removeAttribute("disabled"));
  await button.click();
}

test("staff view a customer's console read-only, the server refuses a replayed write, and the customer sees the session", async ({ page, browser }) => {
  // A top-up, a service and refused purchase and top-up attempts (issue 19 item 7): a long walk on a busy machine.
  test.setTimeout(360_000);
  const { page: owner, customer } = await customerPage(browser, "viewed");
  // The customer creates a key while we record the server action request, to replay it as staff later.
  await owner.goto("/api-keys");
  const recorded = owner.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await owner.getByLabel(/name/i).first().fill("first-key");
  await owner.getByRole("button", { name: /create/i }).first().click();
  const request = await recorded;
  await expect(owner.getByText("first-key").first()).toBeVisible();
  // Money and a service, so the checkout offers to pay.
  await topUp(owner, "200");
  await activate(owner, "scan");

  await signedInStaff(page, "Mei");
  await startViewing(page, customer, "customer asked why a pack is missing");

  for (const path of ["/", "/balance", "/packs"]) {
    await page.goto(path);
    const banner = page.getByTestId("support-view-banner");
    await expect(banner).toContainText("Mei is viewing");
    await expect(banner).toContainText(customer.company);
    await expect(banner).toContainText("customer asked why a pack is missing");
    await expect(banner).toContainText(/\d+ min left/);
  }
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Downloads and live reads during the view are reads of the customer's data too: each is logged.
  const csv = await page.request.get("/balance/transactions-csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await page.request.get("/api/console/unread")).status()).toBe(200);

  // The page says the view is read-only: write buttons are off, with a note, and the banner stays in sight.
  await page.goto("/balance");
  await expect(page.getByRole("button", { name: "Continue to payment" })).toBeDisabled();
  await expect(page.getByTestId("read-only-view-note").first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByTestId("support-view-banner")).toBeInViewport();
  await page.goto("/packs");
  await expect(page.getByRole("button", { name: "Continue to checkout" }).first()).toBeDisabled();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/balance");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByTestId("support-view-banner")).toBeInViewport();
  await expect(page.getByRole("button", { name: "Stop viewing" })).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });

  // A write button, turned back on in the browser and pressed in the staff view, is refused by the server.
  await page.goto("/api-keys");
  await page.getByLabel(/name/i).first().fill("staff-key");
  await pressDespiteView(page.getByRole("button", { name: /create/i }).first());
  await expect(page.getByText("Read-only: you are viewing this account as support staff.")).toBeVisible();

  // A purchase and a top-up tried in the view: refused, and the customer's log lists both (issue 19 item 7).
  await page.goto("/checkout?item=scan.code-recognition:1k&quantity=1");
  await expect(page.getByRole("button", { name: "Confirm and pay ¥100.00" })).toBeDisabled();
  await pressDespiteView(page.getByRole("button", { name: "Confirm and pay ¥100.00" }));
  await expect(page.getByText("Read-only: you are viewing this account as support staff.")).toBeVisible();
  await page.goto("/balance");
  await page.getByLabel("Amount (¥)").fill("50");
  await pressDespiteView(page.getByRole("button", { name: "Continue to payment" }));
  await expect(page.getByText("Read-only: you are viewing this account as support staff.")).toBeVisible();
  await expect(page.getByLabel("Amount (¥)")).toHaveValue("50");

  // The customer's own recorded action request, replayed with the staff session: refused, nothing made.
  const { cookie: _ownersCookie, ...headers } = request.headers();
  const replay = await page.request.post(request.url(), { headers, data: request.postDataBuffer() ?? undefined });
  expect(await replay.text()).toContain("read-only-impersonation");

  await page.getByRole("button", { name: "Stop viewing" }).click();
  await expect(page.getByRole("heading", { name: customer.company, exact: true })).toBeVisible();
  await page.goto("/balance");
  await expect(page).toHaveURL(/\/staff$/);

  await owner.goto("/api-keys");
  await expect(owner.getByText("staff-key")).toHaveCount(0);
  await expect(owner.getByText("first-key")).toHaveCount(1);
  await owner.goto("/security");
  const row = owner.getByTestId("support-session").filter({ hasText: "customer asked why a pack is missing" });
  await expect(row).toContainText("Mei");
  await expect(row).not.toContainText("@");
  await expect(row).toContainText("Stopped by staff");
  // Pages by name, not address (issue 19 item 7).
  const pages = row.getByTestId("support-pages");
  await expect(pages).toContainText("Overview");
  await expect(pages).toContainText("Balance");
  await expect(pages).toContainText("Resource packs");
  await expect(pages).toContainText("Checkout");
  await expect(pages).toContainText("Unread message count (live)");
  await expect(pages).not.toContainText("/");
  await expect(row).toContainText("Files downloaded");
  await expect(row).toContainText("Transactions (CSV download)");
  const refused = row.getByTestId("support-refused");
  await expect(refused).toContainText("Tried to buy a pack");
  await expect(refused).toContainText("Tried to top up");
  await expect(refused).toContainText("Tried to create or revoke an API key");
  // The start of the view was a message to the customer.
  await owner.goto("/messages");
  await expect(owner.getByText("Support is viewing your console").first()).toBeVisible();
  await expect(owner.getByText("Mei from support opened a read-only view of your console: customer asked why a pack is missing.", { exact: false }).first()).toBeVisible();
  await owner.goto("/security");
  // Opening the account on the staff side (before the view started) is staff access too.
  await expect(owner.getByTestId("staff-activity").filter({ hasText: "Mei opened your account in the support console" }).first()).toBeVisible();
  expect(await seriousAxeViolations(owner)).toEqual([]);
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.reload();
  await expect(row).toBeVisible();
  expect(await owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
});

test("a support view ends by itself after 60 minutes", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { customer } = await customerPage(browser, "expiry");
  await signedInStaff(page, "Tao");
  await startViewing(page, customer, "checking the monthly bill");
  await page.goto("/usage");
  await expect(page.getByTestId("support-view-banner")).toBeVisible();
  const aged = await page.request.post("/api/test/support-view-age", { data: { email: customer.email, minutes: 60 } });
  expect(await aged.json()).toEqual({ moved: 1 });
  await page.goto("/usage");
  await expect(page).toHaveURL(/\/staff$/);
});

test("the customer revokes a live support view and the staff view ends at the next request", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { page: owner, customer } = await customerPage(browser, "revoker");
  await signedInStaff(page, "Jun");
  await startViewing(page, customer, "looking into a refund question");

  await owner.goto("/security");
  await expect(owner.getByTestId("support-live")).toContainText("Jun");
  await owner.getByRole("button", { name: "Revoke access" }).click();
  await expect(owner.getByTestId("support-live")).toHaveCount(0);
  await expect(owner.getByTestId("support-session").filter({ hasText: "looking into a refund question" })).toContainText("Revoked by you");

  await page.goto("/packs");
  await expect(page).toHaveURL(/\/staff$/);
});
