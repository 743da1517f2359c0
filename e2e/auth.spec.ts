import { expect, formError, newCustomer, signIn, signUp, test } from "./fixtures";

test("sign up, land in the console, sign out, sign back in", async ({ page }) => {
  const customer = newCustomer("life");
  await signUp(page, customer);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByText(`Signed in as ${customer.email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, customer.email, customer.password, "");
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
});

test("sign-up names the field at fault and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Company or your name").fill("Acme");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("The password must be 8 to 200 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const customer = newCustomer("wrong");
  await signUp(page, customer);
  await page.context().clearCookies();
  await signIn(page, customer.email, "not-the-password");
  const message = formError(page);
  await expect(message).toHaveText("The email or password is incorrect.");
  await signIn(page, `nobody-${Date.now()}@e2e.test`, "whatever-password");
  await expect(message).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("repeated failures are throttled, even with the right password", async ({ page }) => {
  const customer = newCustomer("throttle");
  await signUp(page, customer);
  await page.context().clearCookies();
  for (let i = 0; i < 5; i++) {
    await signIn(page, customer.email, `wrong-${i}-password`);
    await expect(formError(page)).toHaveText("The email or password is incorrect.");
  }
  await signIn(page, customer.email, customer.password);
  await expect(formError(page)).toHaveText("Too many failed sign-in attempts. Wait 15 minutes and try again.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a signed-out visit to a console URL goes to sign-in and comes back after it", async ({ page }) => {
  const customer = newCustomer("return");
  await signUp(page, customer);
  await page.context().clearCookies();
  await page.goto("/?from=bookmark");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2F%3Ffrom%3Dbookmark/);
  await expect(page.getByText("Please sign in to continue.")).toBeVisible();
  await signIn(page, customer.email, customer.password, "");
  await expect(page).toHaveURL(/\/\?from=bookmark$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
});

test("an off-site callback URL is ignored", async ({ page }) => {
  const customer = newCustomer("open-redirect");
  await signUp(page, customer);
  await page.context().clearCookies();
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signIn(page, customer.email, customer.password, "");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});
