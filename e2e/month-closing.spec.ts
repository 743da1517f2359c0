import { axeFindings, describeFindings } from "./axe";
import { expect, test } from "./fixtures";
import { shoot } from "./shots";

/**
 * Issue 22 part 1: during the close grace (CLOSE_GRACE, 2 hours by default) the month-to-date pages
 * say last month is still closing. The server's clock is shared by every parallel test, so this test
 * stands only its own pages at 00:30 Beijing time on the 1st of a month whose close has not started,
 * through the test-mode `app-test-now` cookie (lib/clock `requestNow`); nothing else moves.
 */
test("in the close grace, Overview and Usage say last month is closing, in both languages, at 390 and 1440 px", async ({ page, customer: _customer }, testInfo) => {
  test.setTimeout(180_000);
  const origin = new URL(page.url()).origin;
  // Without the cookie: no notice (the real now is outside any grace this test relies on).
  await page.goto("/");
  await expect(page.getByTestId("month-closing")).toHaveCount(0);

  await page.context().addCookies([{ name: "app-test-now", value: "2027-03-01T00:30:00+08:00", url: origin }]);
  await page.goto("/");
  const notice = page.getByTestId("month-closing");
  await expect(notice).toContainText("February 2027 is closing");
  await expect(notice).toContainText("02:00 (Beijing time)");
  await page.goto("/usage");
  await expect(page.getByTestId("month-closing")).toContainText("February 2027 is closing");

  const findings = [];
  for (const locale of ["en", "zh-CN"] as const) {
    await page.context().addCookies([{ name: "locale", value: locale, url: origin }]);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(viewport);
      for (const [name, path] of [["overview", "/"], ["usage", "/usage"]] as const) {
        await page.goto(path);
        await expect(page.getByTestId("month-closing")).toContainText(locale === "en" ? "February 2027 is closing" : "2027年2月正在结账");
        findings.push(...(await axeFindings(page)));
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} overflows at ${viewport.width} px in ${locale}`).toBe(true);
        await shoot(page, testInfo, `month-closing-${name}-${viewport.width}-${locale}`);
      }
    }
  }
  expect(findings, describeFindings(findings)).toEqual([]);

  // After the grace (02:00), the notice is gone.
  await page.context().addCookies([{ name: "app-test-now", value: "2027-03-01T02:00:00+08:00", url: origin }, { name: "locale", value: "en", url: origin }]);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(page.getByTestId("month-closing")).toHaveCount(0);
});
