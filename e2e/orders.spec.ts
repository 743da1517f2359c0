import { expect, test } from "./fixtures";
import { shanghaiMonth, topUp } from "./metering-helpers";

/** The month as the console names it (lib/i18n/format-date.ts), for the English page. */
function monthName(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1, 15)).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

test("orders filter by a month chosen by name (the account's months, newest first), and the CSV link keeps the filter", async ({ page, customer: _customer }) => {
  await topUp(page, "20");
  await page.goto("/orders");
  const month = page.getByLabel("Month");
  const thisMonth = shanghaiMonth(new Date());
  // A new account has one month: this one, by name; no empty "--------- ----" month box.
  await expect(month.locator("option")).toHaveText(["Any", monthName(thisMonth)]);
  await month.selectOption({ label: monthName(thisMonth) });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders\\?.*month=${thisMonth}$`));
  await expect(page.getByLabel("Month")).toHaveValue(thisMonth);
  await expect(page.getByRole("cell", { name: "Top-up" }).first()).toBeVisible();
  await expect(page.getByTestId("orders-csv")).toHaveAttribute("href", `/orders/csv?month=${thisMonth}`);
});

test("Balance names a top-up by the number Orders shows, linking to its receipt", async ({ page, customer: _customer }) => {
  await topUp(page, "20");
  await page.goto("/orders");
  const number = (await page.getByTestId("order-row").first().getByRole("link").textContent())?.trim() ?? "";
  expect(number).toMatch(/^TU-\d{8}-[0-9A-F]{8}$/);
  await page.goto("/balance");
  const movement = page.getByTestId("transaction-document").filter({ hasText: number });
  await expect(movement).toHaveText(`Top-up order ${number}`);
  await movement.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${number}`);
});
