import type { Browser, Page } from "@playwright/test";
import { expect, newCustomer, signIn, test, type Customer } from "./fixtures";
import { seriousAxeViolations } from "./staff-helpers";
import { topUp } from "./metering-helpers";

// This file checks pages in the states it builds: axe on every visit, not once per worker (e2e/fixtures.ts).
test.use({ axeEveryVisit: true });

/** An owner in a browser context of their own (the test's `page` is the invitee's). */
async function ownerPage(browser: Browser): Promise<{ page: Page; customer: Customer }> {
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();
  const customer = newCustomer("team");
  await page.goto("/sign-up");
  await page.getByLabel("Company or your name").fill(customer.company);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // The first sign-up of a fresh server (hashing, the console's first render) can be slow on a busy machine.
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible({ timeout: 60_000 });
  return { page, customer };
}

async function invitationLink(page: Page, email: string): Promise<string> {
  const outbox = (await (await page.request.get(`/api/test/outbox?email=${encodeURIComponent(email)}`)).json()) as { emails: { body: string }[] };
  const link = /https?:\/\/\S+\/invite\?token=\S+/.exec(outbox.emails[0]?.body ?? "")?.[0] ?? "";
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

test("invite → accept → a developer creates a key but cannot top up → the owner removes them → their open tab is signed out", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { page: owner, customer } = await ownerPage(browser);

  // The owner's own top-up request, recorded to replay it later with the developer's session.
  await owner.goto("/balance");
  const recorded = owner.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await owner.getByLabel("Amount (¥)").fill("100");
  await owner.getByRole("button", { name: "Continue to payment" }).click();
  const topUp = await recorded;

  // Invite a developer.
  await owner.goto("/members");
  const devEmail = newCustomer("dev").email;
  await owner.getByLabel("Email").fill(devEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("developer");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${devEmail}.`)).toBeVisible();
  await expect(owner.getByTestId("invitation-row").filter({ hasText: devEmail })).toContainText("Developer");
  expect(await seriousAxeViolations(owner)).toEqual([]);

  // The invitee follows the link, chooses a name and a password, and signs in on the same page as everyone.
  const link = await invitationLink(owner, devEmail);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${customer.company}` })).toBeVisible();
  await page.getByLabel("Your name").fill("Dev Person");
  await page.getByLabel("Password (at least 8 characters)").fill("dev-password-1");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("You joined the account. Sign in with your email and password.")).toBeVisible();
  await signIn(page, devEmail, "dev-password-1", "");
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible({ timeout: 30_000 });
  // The link was single-use.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();

  // The developer creates a key: it names them as its creator, with both scopes by default.
  await page.goto("/api-keys");
  await page.getByLabel("Key name").fill("dev-key");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("heading", { name: "Key “dev-key” created" })).toBeVisible();
  const keyRow = page.getByTestId("api-key-row").filter({ hasText: "dev-key" });
  await expect(keyRow.getByTestId("api-key-creator")).toHaveText("Dev Person");
  await expect(keyRow.getByTestId("api-key-scopes")).toHaveText("usage:write, read");

  // No top-up for a developer: the form is absent, the checkout is not theirs, and a replayed top-up is refused.
  await page.goto("/balance");
  await expect(page.getByRole("button", { name: "Continue to payment" })).toHaveCount(0);
  await expect(page.getByTestId("role-note")).toContainText("Developer");
  await expect(page.getByRole("navigation").first().getByRole("link", { name: "Members" })).toBeVisible();
  const { cookie: _ownersCookie, ...headers } = topUp.headers();
  const replay = await page.request.post(topUp.url(), { headers, data: topUp.postDataBuffer() ?? undefined });
  expect(await replay.text()).toContain("forbidden-role");
  // The members page: read, no management.
  await page.goto("/members");
  await expect(page.getByTestId("my-role")).toContainText("Developer");
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  // The owner removes the developer; the key they made is listed and revoked by default.
  await owner.goto("/members");
  const row = owner.getByTestId("member-row").filter({ hasText: devEmail });
  await row.getByText("Remove…").click();
  await expect(row.getByTestId("member-keys")).toContainText("dev-key");
  await row.getByRole("button", { name: "Remove from the account" }).click();
  // The row (and its form) leaves the list as the page refreshes.
  await expect(owner.getByTestId("member-row").filter({ hasText: devEmail })).toHaveCount(0);
  await owner.goto("/api-keys");
  await expect(owner.getByTestId("api-key-row").filter({ hasText: "dev-key" })).toContainText("Revoked");

  // The developer's open tab: its next request lands on sign-in.
  await page.getByRole("navigation").first().getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // And they cannot sign in again.
  await signIn(page, devEmail, "dev-password-1", "/sign-in");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the members page in Chinese at 390 and 1440 px, axe clean, for an owner", async ({ page, customer }) => {
  void customer;
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.context().addCookies([{ name: "locale", value: "zh-CN", url: new URL(page.url()).origin }]);
    await page.goto("/members");
    await expect(page.getByRole("heading", { name: "成员", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "发送邀请" })).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    await page.context().addCookies([{ name: "locale", value: "en", url: new URL(page.url()).origin }]);
    await page.goto("/members");
    await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  }
  // The only owner's own row offers no role change nor removal: Transfer ownership is the way.
  const own = page.getByTestId("member-row").filter({ hasText: "(you)" });
  await expect(own.getByTestId("own-row-note")).toContainText("Transfer ownership");
  await expect(own.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await expect(own.getByText("Remove")).toHaveCount(0);
});

test("a finance member sees who topped up: the owner by name, their own as You", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { page: owner, customer } = await ownerPage(browser);
  await topUp(owner, "100");
  await owner.goto("/members");
  const finEmail = newCustomer("fin").email;
  await owner.getByLabel("Email").fill(finEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("finance");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${finEmail}.`)).toBeVisible();
  await page.goto(await invitationLink(owner, finEmail));
  await page.getByLabel("Your name").fill("Fiona Finance");
  await page.getByLabel("Password (at least 8 characters)").fill("fin-password-1");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("You joined the account. Sign in with your email and password.")).toBeVisible();
  await signIn(page, finEmail, "fin-password-1", "");
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible({ timeout: 30_000 });
  await topUp(page, "50");
  await page.goto("/balance");
  // Newest first: the finance member's own top-up, then the owner's (the sign-up names them by company).
  await expect(page.getByTestId("transaction-actor")).toHaveText(["You", customer.company]);
  // The owner reads the finance member by name.
  await owner.goto("/balance");
  await expect(owner.getByTestId("transaction-actor")).toHaveText(["Fiona Finance", "You"]);
});
