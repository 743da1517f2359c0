import fc from "fast-check";
import { calendarLike, HOSTILE_CALENDAR_VALUES } from "../lib/tooling/testing/hostile-params";
import { expect, formError, test } from "./fixtures";
import { shootEverywhere } from "./shots";

/**
 * Issue 17 item 2, the pages: months and dates in a page's address (the balance page's `from`/`to`,
 * the usage page's `month`, a bill's path) are parsed by lib/params/calendar. A crafted value is never
 * a 5xx; a refused one is said in the page's form, beside what was typed. The API, CSV and
 * /api/console routes are fuzzed in-process by lib/params/routes-fuzz.test.ts.
 */
const generated = fc.sample(calendarLike(2022, 2027), { numRuns: 40, seed: 17 });
const VALUES = [...new Set([...HOSTILE_CALENDAR_VALUES, ...generated])];

test("the reported /balance?from=0001-01-01 shows the filter's error with the value kept, not a 500", async ({ page, customer: _customer, baseURL }, testInfo) => {
  const response = await page.goto("/balance?from=0001-01-01");
  expect(response?.status()).toBe(200);
  await expect(formError(page)).toContainText(/From: choose a date from 2022-09-01 to \d{4}-\d{2}-\d{2}\./);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("0001-01-01");
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Issue 19 item 9: From after To names the rule, keeps both dates, and lists nothing (not the unfiltered list as if filtered).
  await page.goto("/balance?from=2026-03-02&to=2026-03-01");
  await expect(formError(page)).toHaveText("From must be on or before To.");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-03-02");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-03-01");
  await expect(page.getByTestId("transactions-not-filtered")).toHaveText("No transactions are listed until the dates above are corrected: the filter was not applied.");
  await expect(page.getByRole("table", { name: "Transactions" })).toHaveCount(0);
  await expect(page.getByTestId("transactions-csv")).toHaveCount(0);
  await expect(page.getByTestId("transactions-page")).toHaveCount(0);
  await shootEverywhere(page, testInfo, "balance-from-after-to", baseURL);
  await page.goto("/balance?from=2026-02-30");
  await expect(formError(page)).toHaveText("From: enter a real date as YYYY-MM-DD.");
});

test("the usage page says a refused month in its picker's form, in both languages", async ({ page, customer: _customer }) => {
  const response = await page.goto("/usage?month=9999-12");
  expect(response?.status()).toBe(200);
  await expect(formError(page)).toContainText(/Month: choose a month from 2022-09 to \d{4}-\d{2}\./);
  await page.goto("/usage?month=2026-13");
  await expect(formError(page)).toHaveText("Month: enter a month as YYYY-MM.");
  // In range but not one the picker offers (before the account existed): said, not silently swapped.
  await page.goto("/usage?month=2022-09");
  await expect(formError(page)).toContainText("2022-09 is not one of the months listed");
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: page.url() }]);
  await page.goto("/usage?month=9999-12");
  await expect(formError(page)).toContainText("请选择 2022-09 至");
});

/** The range written out again (docs/api.md): 2022-09(-01) to a year from today in Shanghai. */
function accepted(kind: "day" | "month", raw: string, currentMonth: string): boolean {
  const value = raw.trim();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const lastDay = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (kind === "month") return value === currentMonth;
  const at = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value) && value >= "2022-09-01" && value <= lastDay;
}

test(`crafted months and dates (${VALUES.length} values) on every page that reads them: no 5xx, and the form says each refusal`, async ({ page, customer: _customer }) => {
  test.setTimeout(300_000);
  const get = (url: string) => page.request.get(url, { maxRedirects: 0 });
  // A new account's usage picker offers this month only.
  const currentMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  for (const value of VALUES) {
    const v = encodeURIComponent(value);
    const blank = value.trim() === "";
    const cases: [string, boolean][] = [
      [`/balance?from=${v}`, !blank && !accepted("day", value, currentMonth)],
      [`/balance?to=${v}`, !blank && !accepted("day", value, currentMonth)],
      [`/balance?from=${v}&from=2026-01-01`, true],
      [`/usage?month=${v}`, !blank && !accepted("month", value, currentMonth)],
      [`/usage?month=${v}&month=${currentMonth}`, true],
    ];
    for (const [url, refused] of cases) {
      const response = await get(url);
      const label = url.slice(0, 200);
      // Node refuses a request line over 16 kB itself (431), before the console sees it.
      if (url.length > 16_000) {
        expect(response.status(), label).toBe(431);
        continue;
      }
      expect(response.status(), label).toBe(200);
      expect((await response.text()).includes('role="alert"'), label).toBe(refused);
    }
    for (const url of [`/bills/${v}`, `/bills/${v}/csv`]) {
      const response = await get(url);
      expect(response.status(), url.slice(0, 200)).toBeLessThan(500);
    }
  }
});

test("crafted values in the other parameters pages read (page numbers, filters, checkout items) are never a 5xx", async ({ page, customer: _customer }) => {
  test.setTimeout(300_000);
  const hostile = ["0", "-1", "1e20", "9007199254740993", "NaN", "x".repeat(5000), "1' OR '1'='1", "%00", "２", " 1 ", ""];
  for (const raw of hostile) {
    const v = encodeURIComponent(raw);
    for (const url of [
      `/balance?page=${v}&topup=${v}&cancelled=${v}&amount=${v}&return=${v}`,
      `/bills?page=${v}`,
      `/packs?page=${v}&status=${v}&product=${v}&refund=${v}`,
      `/checkout?item=${v}&quantity=${v}&period=${v}&periods=${v}&quoteId=${v}`,
      `/checkout?item=scan.code-recognition:10k&quantity=${v}`,
      `/checkout?item=scan.code-recognition:10k&quantity=1&topup=${v}&cancelled=${v}`,
    ]) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeLessThan(500);
    }
  }
});

test("the top-up's return path and amount from the address are checked: another origin or a bad amount is dropped", async ({ page, customer: _customer }) => {
  for (const hostile of ["//evil.example/checkout", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "javascript:alert(1)"]) {
    await page.goto(`/balance?amount=12.5&return=${encodeURIComponent(hostile)}`);
    await expect(page.getByLabel("Amount (¥)")).toHaveValue("12.5");
    await expect(page.locator('input[name="return"]')).toHaveCount(0);
    await expect(page.getByTestId("top-up-return")).toHaveCount(0);
  }
  await page.goto(`/balance?amount=-5&return=${encodeURIComponent("/checkout?item=scan.sdk")}`);
  await expect(page.getByLabel("Amount (¥)")).toHaveValue("");
  await expect(page.locator('input[name="return"]')).toHaveValue("/checkout?item=scan.sdk");
});
