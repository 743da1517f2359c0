import { expect, test } from "./fixtures";
import { topUp } from "./metering-helpers";

test("a top-up leaves a notice that links to the balance; subscriptions are one form with one Save", async ({ page, customer: _customer }) => {
  await topUp(page, "50");
  await page.goto("/messages");
  const notice = page.getByRole("link", { name: "Top-up received: ¥50.00" });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(page).toHaveURL(/\/balance$/);

  await page.goto("/messages/subscriptions");
  await expect(page.getByRole("button", { name: "Save subscriptions" })).toHaveCount(1);
  const email = page.getByTestId("subscription-account-email");
  const sms = page.getByTestId("subscription-scan-sms");
  await email.getByRole("checkbox").check();
  await email.getByRole("textbox").fill("ops@example.com");
  await sms.getByRole("checkbox").check();
  await sms.getByRole("textbox").fill("not a phone");
  await page.getByRole("button", { name: "Save subscriptions" }).click();
  await expect(page.getByRole("status")).toContainText("1 setting was not saved");
  await expect(sms.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  await expect(sms.getByRole("textbox")).toHaveValue("not a phone");

  await page.reload();
  await expect(email.getByRole("textbox")).toHaveValue("ops@example.com");
  await expect(email.getByRole("checkbox")).toBeChecked();
  await expect(sms.getByRole("checkbox")).not.toBeChecked();
});

test("the inbox filters by topic and unread, by link; an unknown filter is not found", async ({ page, customer: _customer }) => {
  await topUp(page, "50");
  await page.goto("/messages");
  const filters = page.getByRole("navigation", { name: "Show messages" });
  await filters.getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/messages\?show=billing$/);
  await expect(filters.getByRole("link", { name: "Billing" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Top-up received: ¥50.00" })).toBeVisible();

  await filters.getByRole("link", { name: "Packs and quota" }).click();
  await expect(page).toHaveURL(/\/messages\?show=packs$/);
  await expect(page.getByText("No messages here.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Top-up received: ¥50.00" })).toHaveCount(0);

  await page.goto("/messages?show=unread");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("No messages here.")).toBeVisible();

  expect((await page.goto("/messages?show=nothing"))?.status()).toBe(404);
  // The inbox is paged (`?page=N`, 50 a page): a few messages are one page and no pager; a page
  // that is not a number, or past the end, is no page.
  await page.goto("/messages");
  await expect(page.getByRole("link", { name: "Top-up received: ¥50.00" })).toBeVisible();
  await expect(page.getByTestId("inbox-page")).toHaveCount(0);
  for (const bad of ["0", "2", "x", "-1"]) expect((await page.goto(`/messages?page=${bad}`))?.status(), bad).toBe(404);
});
