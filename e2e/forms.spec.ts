import { expect, test } from "./fixtures";

/**
 * Issue 19 item 4: a refused submit keeps everything typed (passwords excepted, as a browser clears
 * them), names the field and the rule beside it, and never rewrites what was typed.
 */
test("sign-up keeps the company after a password error, and company and email after a taken email", async ({ browser, customer: taken }) => {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Company or your name").fill("Acme Robotics");
  await page.getByLabel("Email").fill(`keep-${Date.now()}@e2e.test`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("The password must be 8 to 200 characters.")).toBeVisible();
  await expect(page.getByLabel("Company or your name")).toHaveValue("Acme Robotics");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.goto("/sign-up");
  await page.getByLabel("Company or your name").fill("Second Company");
  await page.getByLabel("Email").fill(taken.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // Said beside the email, which is the field at fault.
  await expect(page.locator("#email-error")).toHaveText("An account with this email already exists. Sign in instead.");
  await expect(page.getByLabel("Company or your name")).toHaveValue("Second Company");
  await expect(page.getByLabel("Email")).toHaveValue(taken.email);
});

test("the budget form keeps '-5' and '50, 80, abc' and says what is wrong with each", async ({ page, customer: _customer }) => {
  await page.goto("/budgets");
  await page.getByLabel("Applies to").selectOption({ label: "QR & barcode scanning" });
  await page.getByLabel("Monthly budget (¥)").fill("-5");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Enter the budget in yuan, more than 0, with at most two decimals.")).toBeVisible();
  await expect(page.getByLabel("Monthly budget (¥)")).toHaveValue("-5");
  await expect(page.getByLabel("Applies to")).toHaveValue("scan");

  await page.getByLabel("Monthly budget (¥)").fill("300");
  await page.getByLabel("Alert at (% of the budget)").fill("50, 80, abc");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("“abc” is not a whole percentage from 1 to 1000.", { exact: false })).toBeVisible();
  // Never silently turned back into "50, 80, 100".
  await expect(page.getByLabel("Alert at (% of the budget)")).toHaveValue("50, 80, abc");
  await expect(page.getByLabel("Monthly budget (¥)")).toHaveValue("300");
  await expect(page.getByLabel("Applies to")).toHaveValue("scan");
  await expect(page.getByText("Budget saved.")).toHaveCount(0);

  await page.getByLabel("Alert at (% of the budget)").fill("50, 80");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Budget saved.")).toBeVisible();
});

test("the profile form keeps a refused phone number and the company typed beside it", async ({ page, customer: _customer }) => {
  await page.goto("/profile");
  await page.getByLabel("Company or your name").fill("Renamed Co");
  await page.getByLabel("Contact phone").fill("call me maybe");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByLabel("Contact phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Contact phone")).toHaveValue("call me maybe");
  await expect(page.getByLabel("Company or your name")).toHaveValue("Renamed Co");
});
