import { expect, formError, newCustomer, signIn, signUp, staffLogin, test } from "./fixtures";
import { activate } from "./metering-helpers";
import { signedInStaff } from "./staff-helpers";

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

test("the staff account page tells packs apart, and the customer sees one line per staff visit", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const customer = newCustomer("packrows");
  const customerPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signUp(customerPage, customer);
  await activate(customerPage, "scan");

  await signedInStaff(page, "Lin");
  await page.goto("/staff");
  await page.getByPlaceholder("Email, company or account ID").fill(customer.email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: customer.company }).click();
  await expect(page.getByRole("heading", { name: customer.company, exact: true })).toBeVisible();
  // Each pack: where it came from, how long it is valid, its state.
  const pack = page.getByTestId("staff-pack").first();
  await expect(pack).toContainText(/Free quota \w+ \d{4}/);
  await expect(pack).toContainText("valid through");
  await expect(pack).toContainText("Active");
  // Three page loads in a row: one visit on the customer's access log, with its count.
  await page.reload();
  await page.reload();
  await expect(page.getByTestId("staff-pack").first()).toBeVisible();
  // The audit trail is paged (`?audit=N`); a short trail has one page and no pager. A page that is
  // not a number, or past the end, is no page — and not a look at the customer's data either.
  await expect(page.getByTestId("audit-page")).toHaveCount(0);
  const accountUrl = page.url();
  for (const bad of ["abc", "2", "0", "1e3"]) expect((await page.goto(`${accountUrl}?audit=${bad}`))?.status(), bad).toBe(404);
  await page.goto(accountUrl);

  await customerPage.goto("/security");
  await expect(customerPage.getByText("No support view of your console yet.")).toBeVisible();
  const visits = customerPage.getByTestId("staff-activity").filter({ hasText: "Lin opened your account in the support console" });
  await expect(visits).toHaveCount(1);
  await expect(visits).toContainText("4 times in one visit");
  // Each sign-in says the device and where it came from (the console's own view of the address).
  await customerPage.context().clearCookies();
  await signIn(customerPage, customer.email, customer.password, "/sign-in");
  await customerPage.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await customerPage.goto("/security");
  await expect(customerPage.getByTestId("security-event").filter({ hasText: "Signed in" }).first()).toContainText(/by you\s*Chrome on (Windows|Linux|macOS)\s*from IP address 127\.0\.0\.1/);
});
