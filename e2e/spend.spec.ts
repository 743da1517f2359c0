import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { activate, createKey, postUsage, topUp } from "./metering-helpers";

test("a ¥100 budget: usage reported through the API brings the 80% alert to Messages and the bars to the budget page", async ({ page, customer: _customer }) => {
  await activate(page, "scan");
  const key = await createKey(page, "gateway");

  await page.goto("/budgets");
  await expect(page.getByText("No budget yet.", { exact: false })).toBeVisible();
  await page.getByLabel("Monthly budget (¥)").fill("100");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByTestId("budget-account")).toBeVisible();

  // 1,700 calls: 1,000 free, 700 × ¥0.12 = ¥84.00, 84% of the budget.
  const at = new Date().toISOString();
  const response = await postUsage(page.request, key, { events: [{ id: `budget-${Date.now()}`, api: "scan.code-recognition", calls: 1_700, at }] });
  expect(response.status()).toBe(200);
  expect((await page.request.post("/api/test/spend-alerts")).status()).toBe(200);

  await page.goto("/messages");
  const alert = page.getByRole("listitem").filter({ hasText: "Budget 80% reached: the whole account" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("¥84.00");
  await expect(page.getByRole("listitem").filter({ hasText: "Budget 100% reached" })).toHaveCount(0);
  // An account opened minutes ago has no history to forecast from: no forecast alert (issue 19).
  await expect(page.getByRole("listitem").filter({ hasText: "Forecast to reach" })).toHaveCount(0);
  // The title is the link to the page that acts on it.
  await alert.getByRole("link", { name: /Budget 80% reached/ }).click();

  await expect(page).toHaveURL(/\/budgets$/);
  const budget = page.getByTestId("budget-account");
  await expect(budget.getByTestId("budget-actual")).toHaveText("¥84.00");
  await expect(budget.getByTestId("budget-amount")).toHaveText("¥100.00");
  await expect(budget.getByRole("img", { name: /spent ¥84\.00.*of a ¥100\.00 budget/ })).toBeVisible();
  const width = await budget.getByTestId("bar-actual").evaluate((el) => (el as HTMLElement).style.width);
  expect(Number.parseFloat(width)).toBeGreaterThan(0);

  await expect(budget.getByTestId("budget-forecast")).toHaveText("not enough history yet");

  await page.goto("/usage");
  // The same usage and CSV on the usage page; the forecast says it needs a full day of history first (issue 19).
  await expect(page.getByTestId("month-forecast")).toContainText("Not enough history yet for a forecast");
  await expect(page.getByTestId("forecast-thin")).toContainText("Spent so far this month: ¥84.00");
  await expect(page.getByTestId("forecast-range")).toHaveCount(0);
  const csv = await page.request.get(await page.getByTestId("daily-usage-csv").getAttribute("href") ?? "");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("scan.code-recognition");
});

test("a balance alert: a purchase that takes the balance below it sends a message", async ({ page, customer: _customer }) => {
  await topUp(page, "1000");
  await activate(page, "recognition");
  await page.goto("/budgets");
  await page.getByLabel("Alert me when the balance falls below the amount").check();
  await page.getByLabel("Amount (¥)").fill("500");
  await page.getByRole("button", { name: "Save alert" }).click();
  await expect(page.getByTestId("balance-alert-state")).toHaveText("On: watching for the balance to fall below ¥500.00");

  await page.goto("/checkout?item=recognition.vehicle-enhanced:10k&quantity=1");
  await page.getByRole("button", { name: "Confirm and pay ¥730.00" }).click();
  await expect(page).toHaveURL(/\/checkout\/done\//);

  await page.goto("/messages");
  const alert = page.getByRole("listitem").filter({ hasText: "Balance below ¥500.00" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("¥270.00");
  await page.goto("/budgets");
  await expect(page.getByTestId("balance-alert-state")).toContainText("Sent");
});

test("the balance page pages its transactions, filters them by date and exports them; the API reads the same", async ({ page, customer: _customer }) => {
  await topUp(page, "10");
  await topUp(page, "20");
  await activate(page, "scan");
  const key = await createKey(page, "finance");
  await page.goto("/balance");
  await expect(page.getByTestId("transactions-page")).toHaveText("Page 1 of 1 · total 2");
  await page.getByLabel("From", { exact: true }).fill("2022-09-01");
  await page.getByLabel("To", { exact: true }).fill("2022-09-30");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("transactions-page")).toHaveText("Page 1 of 1 · total 0");
  await page.getByRole("link", { name: "Clear" }).click();
  const csv = await page.request.get("/balance/transactions-csv");
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(3);

  const api = await page.request.get("/api/v1/transactions?pageSize=1&page=2", { headers: { Authorization: `Bearer ${key}` } });
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { total: number; pages: number; transactions: { kind: string; changes: { cash: string } }[] };
  expect(body).toMatchObject({ total: 2, pages: 2 });
  expect(body.transactions[0]).toMatchObject({ kind: "top-up", changes: { cash: "20.00" } });
  const bad = await page.request.get("/api/v1/transactions?from=2026-02-30", { headers: { Authorization: `Bearer ${key}` } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("from");
  expect((await page.request.get("/api/v1/usage/daily?month=2026-13", { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(400);
  expect((await page.request.get("/api/v1/usage/daily?month=2026-11")).status()).toBe(401);
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`the budgets page fits ${size.width} px without sideways scrolling, in both languages`, async ({ page, customer: _customer }) => {
    // Usage first, so the forecast card has something to say (a new account: "not enough history yet", issue 19).
    await activate(page, "scan");
    const key = await createKey(page, "gateway");
    await postUsage(page.request, key, { events: [{ id: `fit-${Date.now()}`, api: "scan.code-recognition", calls: 12_345, at: new Date().toISOString() }] });
    await page.setViewportSize(size);
    for (const locale of ["en", "zh-CN"]) {
      await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
      await page.goto("/budgets");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "en" ? "Budgets and balance alert" : "预算与余额预警");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // This page's own content (the shell is checked by its own suite): no serious or critical axe violation.
      const axe = await new AxeBuilder({ page }).include("main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    }
    // The forecast and advice cards on the overview and usage pages stay inside the screen.
    for (const path of ["/", "/usage"]) {
      await page.goto(path);
      await expect(page.getByTestId("forecast-thin")).toBeAttached();
      for (const id of ["month-forecast", "usage-advice"]) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(size.width);
      }
      if (path === "/") {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
    }
  });
}
