import { expect, formError, newCustomer, signIn, signUp, staffLogin, test } from "./fixtures";

test("staff sign in on their own page and find a customer account", async ({ page, browser }) => {
  const customer = newCustomer("findme");
  const customerPage = await browser.newPage();
  await signUp(customerPage, customer);
  await customerPage.close();

  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  const staff = staffLogin();
  await signIn(page, staff.email, staff.password, "");
  await expect(page.getByRole("heading", { name: "Customer accounts" })).toBeVisible();

  await page.getByRole("searchbox").or(page.getByPlaceholder("Email, company or account ID")).fill(customer.email);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(customer.company);
  await expect(rows.nth(1)).toContainText("Active");
});

test("staff cannot use the customer sign-in, and customers cannot use the staff one", async ({ page }) => {
  const staff = staffLogin();
  await signIn(page, staff.email, staff.password, "/sign-in");
  await expect(formError(page)).toHaveText("The email or password is incorrect.");

  const customer = newCustomer("not-staff");
  await signUp(page, customer);
  await page.context().clearCookies();
  await signIn(page, customer.email, customer.password, "/staff/sign-in");
  await expect(formError(page)).toHaveText("The email or password is incorrect.");
});

test("a signed-in customer who opens a staff page is sent back to the console", async ({ page }) => {
  const customer = newCustomer("nosy");
  await signUp(page, customer);
  await page.goto("/staff");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});
