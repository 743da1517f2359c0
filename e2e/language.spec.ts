import { expect, test } from "./fixtures";

test("the language switch changes every visible string and is remembered", async ({ page, customer }) => {
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: `欢迎，${customer.company}` })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "概览" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  await expect(page.getByText("账号状态").first()).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
});

test("the sign-in page follows the language switch too", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "登录控制台" })).toBeVisible();
  await expect(page.getByLabel("邮箱")).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
});
