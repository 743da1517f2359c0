import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { axeFindings, describeFindings } from "./axe";
import { expect, test, type Customer } from "./fixtures";
import { activate, topUp } from "./metering-helpers";
import { shoot } from "./shots";
import { requestAndQuoteLicence } from "./staff-helpers";

/**
 * Issue 22 part 4: an actual auto-renewal and its message. The e2e server runs no run-due of its own
 * and its clock is shared by every parallel test, so /api/test/run-due runs run-due's renewal steps
 * for this test's account alone, at an instant before the end of its item; the server's clock never moves.
 */
async function runDueBeforeEnd(request: APIRequestContext, customer: Customer, of: "qps" | "licence", minutes: number) {
  const response = await request.post("/api/test/run-due", { data: { email: customer.email, beforeEndOf: of, minutes } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { qps: { renewed: number; failed: number }; licences: { renewed: number; failed: number }; reminders: { sent: number } };
}

/** The page at 390 and 1440 px in both languages, photographed and audited with axe each time (the fixture audits only `goto`s, once per width). */
async function shootAndAudit(page: Page, testInfo: TestInfo, name: string, path: string): Promise<void> {
  const findings = [];
  for (const locale of ["en", "zh-CN"] as const) {
    await page.context().addCookies([{ name: "locale", value: locale, url: new URL(page.url()).origin }]);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      findings.push(...(await axeFindings(page)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} overflows at ${viewport.width} px in ${locale}`).toBe(true);
      await shoot(page, testInfo, `${name}-${viewport.width}-${locale}`);
    }
  }
  await page.context().addCookies([{ name: "locale", value: "en", url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(findings, describeFindings(findings)).toEqual([]);
}

test("monthly QPS with auto-renew on is renewed at the end of its month from the balance, says so, and a short balance fails whole", async ({ page, customer }, testInfo) => {
  test.setTimeout(180_000);
  await topUp(page, "2000");
  await activate(page, "body");
  await page.goto("/qps");
  await page.getByLabel("QPS", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Continue to checkout" }).click();
  await page.getByRole("button", { name: "Confirm and pay ¥960.00" }).click();
  await page.getByRole("link", { name: "See your QPS" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Switch to QPS billing" }).click();
  await expect(page.getByTestId("qps-mode")).toHaveText("By QPS");
  await page.getByRole("button", { name: "Turn on auto-renew" }).click();
  await expect(page.getByTestId("qps-auto-renew")).toContainText("On: renews from your balance");

  // Two days before the end: the message before, with the price; nothing bought yet.
  expect(await runDueBeforeEnd(page.request, customer, "qps", 2 * 24 * 60)).toMatchObject({ qps: { renewed: 0, failed: 0 }, reminders: { sent: 1 } });
  // In the grant's last hour: renewed once, however often run-due runs.
  expect((await runDueBeforeEnd(page.request, customer, "qps", 30)).qps).toEqual({ renewed: 1, failed: 0 });

  await page.goto("/qps");
  // The renewed grant is listed beside the old one, and keeps renewing.
  await expect(page.getByTestId("qps-auto-renew")).toHaveCount(2);
  await expect(page.getByTestId("qps-auto-renew").nth(0)).toContainText("On: renews from your balance");
  await page.goto("/messages");
  await expect(page.getByRole("listitem").filter({ hasText: /QPS for .* renews on/ })).toContainText("¥960.00");
  const renewed = page.getByRole("listitem").filter({ hasText: "was paid from your balance" });
  await expect(renewed).toContainText(/QPS for .* renewed/);
  await expect(renewed).toContainText("renewed for one month");
  await expect(renewed).toContainText("¥960.00 was paid");
  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥80.00");

  // The next month's end: the message before again, then ¥80.00 cannot pay ¥960.00. Nothing charged, nothing renewed, a clear message.
  expect(await runDueBeforeEnd(page.request, customer, "qps", 2 * 24 * 60)).toMatchObject({ qps: { renewed: 0, failed: 0 }, reminders: { sent: 1 } });
  expect((await runDueBeforeEnd(page.request, customer, "qps", 30)).qps).toEqual({ renewed: 0, failed: 1 });
  expect((await runDueBeforeEnd(page.request, customer, "qps", 20)).qps).toEqual({ renewed: 0, failed: 1 });
  await page.goto("/messages");
  // Said once, though tried twice.
  const failed = page.getByRole("listitem").filter({ hasText: /could not be renewed/ });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("Nothing was charged and nothing was renewed");
  await expect(failed).toContainText("Top up at least ¥880.00");
  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥80.00");
  await page.goto("/qps");
  await expect(page.getByTestId("qps-auto-renew")).toHaveCount(2);
  await page.goto("/messages");
  await shootAndAudit(page, testInfo, "auto-renew-qps-messages", "/messages");
});

test("a formal offline-SDK licence with auto-renew on is renewed before it ends at its quoted price, and Messages says so", async ({ page, browser, customer }, testInfo) => {
  test.setTimeout(240_000);
  const pkg = `com.e2e.renew${Date.now().toString(36)}`;
  await activate(page, "body");
  await requestAndQuoteLicence(page, browser, customer.company, { pkg, staffName: "Rena", price: "800.00", years: 1, quoted: "Quoted ¥800.00 for 1 year" });

  await topUp(page, "2000");
  await page.goto("/sdk");
  await page.getByTestId("licence-quote").getByRole("link", { name: "Accept and pay" }).click();
  await page.getByRole("button", { name: "Confirm and pay ¥800.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();

  await page.goto("/sdk");
  const licence = page.getByTestId("licence-row").filter({ hasText: "Offline SDK licence" });
  await expect(licence.getByTestId("licence-auto-renew")).toContainText("Off");
  await licence.getByRole("button", { name: "Turn on auto-renew" }).click();
  await expect(licence.getByTestId("licence-auto-renew")).toContainText("On: renews from your balance at its quoted price");

  // A month before: the message before, with the quoted price. An hour before: renewed, once.
  expect(await runDueBeforeEnd(page.request, customer, "licence", 20 * 24 * 60)).toMatchObject({ licences: { renewed: 0, failed: 0 }, reminders: { sent: 1 } });
  expect((await runDueBeforeEnd(page.request, customer, "licence", 60)).licences).toEqual({ renewed: 1, failed: 0 });
  expect((await runDueBeforeEnd(page.request, customer, "licence", 24 * 60 * 365 + 60)).licences).toEqual({ renewed: 0, failed: 0 });

  await page.goto("/sdk");
  await expect(page.getByTestId("licence-row").filter({ hasText: "Offline SDK licence" })).toHaveCount(2);
  await expect(page.getByTestId("licence-auto-renew").filter({ hasText: "On: renews" })).toHaveCount(2);
  await page.goto("/messages");
  await expect(page.getByRole("listitem").filter({ hasText: /renews on/ })).toContainText("at ¥800.00, the price of its quote");
  const renewed = page.getByRole("listitem").filter({ hasText: "was paid from your balance" });
  await expect(renewed).toContainText("was renewed for 1 year");
  await expect(renewed).toContainText(pkg);
  await page.goto("/balance");
  await expect(page.getByTestId("balance-cash")).toHaveText("¥400.00");
  await page.goto("/sdk");
  await shootAndAudit(page, testInfo, "auto-renew-licence-sdk", "/sdk");
});
