import { expect, signIn, test } from "./fixtures";
import { changeOneTimePassword, newStaff } from "./staff-helpers";

test("new staff must replace the one-time password before any staff page; then the new one signs in", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  const staff = await newStaff(page, "Fresh");
  await signIn(page, staff.email, staff.password, "/staff/sign-in");
  await expect(page).toHaveURL(/\/staff\/change-password$/);
  await expect(page.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  // Every staff page sends them back here until they do.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/change-password$/);

  await page.getByLabel("Current password").fill("not-the-one-time-password");
  await page.getByLabel("New password").fill("my-own-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/change-password$/);

  await changeOneTimePassword(page, staff.password, "my-own-password-1");
  await expect(page.getByRole("heading", { name: "Customer accounts" })).toBeVisible();
  await page.goto("/staff/change-password");
  await expect(page).toHaveURL(/\/staff$/);

  await page.context().clearCookies();
  await signIn(page, staff.email, "my-own-password-1", "/staff/sign-in");
  await expect(page.getByRole("heading", { name: "Customer accounts" })).toBeVisible();
});
