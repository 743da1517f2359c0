import type { Page } from "@playwright/test";
import { expect, newCustomer, signIn, signUp, test } from "./fixtures";

/**
 * Issue 9, in the browser against the production build: security headers (and pages still work
 * under the CSP), sandbox payment gating, return targets, sessions ending at sign-out, password
 * change and reset, strict ids. The unit-level cases are in lib/security/.
 */

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  // zod probes `new Function("")` once to learn whether eval is allowed, and falls back when it is
  // not: that refused probe is the policy working, not a page breaking.
  return async () => (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).filter((v) => v !== "script-src eval");
}

async function startTopUp(page: Page, amount: string): Promise<string> {
  await page.goto("/balance");
  await page.getByLabel("Amount (¥)").fill(amount);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByText("SANDBOX — test payments only")).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe("security headers", () => {
  test("a page carries a nonce CSP that its own scripts satisfy, and the app hydrates under it", async ({ page }) => {
    const violations = await watchCsp(page);
    // A page rendered per request (the customer sign-in is prerendered: see the next test).
    const response = await page.goto("/staff/sign-in");
    const headers = response?.headers() ?? {};
    const policy = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Plain HTTP here: no HSTS (it is sent only over HTTPS).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script the server wrote carries this response's nonce. (Chunks Next's runtime adds later,
    // e.g. for a prefetched page of the other root layout, run by 'strict-dynamic' without one.)
    const scriptTags = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

    expect(await violations()).toEqual([]);
  });

  test("a prerendered page has no nonce to carry: its policy allows only its own origin's scripts, and it hydrates under it", async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto("/calculator");
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(response?.headers()["x-nextjs-prerender"]).toBeTruthy();
    expect(policy).toContain("script-src 'self' 'unsafe-inline';");
    expect(policy).not.toContain("nonce-");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => (s as HTMLScriptElement).nonce).length)).toBe(0);
    // A client-side page works (React hydrated): the calculator computes as you type.
    await page.getByLabel("Image quality assessment", { exact: true }).fill("2,000,000");
    await expect(page.getByTestId("total")).toHaveText("¥4,997.50");
    expect(await violations()).toEqual([]);
  });

  test("every response gets a fresh nonce", async ({ request }) => {
    const nonces = await Promise.all([1, 2, 3].map(async () => /'nonce-([^']+)'/.exec((await request.get("/staff/sign-in")).headers()["content-security-policy"] ?? "")?.[1]));
    expect(new Set(nonces).size).toBe(3);
  });

  test("the API and files are not sniffed, framed or scripted", async ({ request }) => {
    const api = await request.get("/api/v1/packs");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(api.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("a signed-in console page works under the CSP", async ({ page }) => {
    const violations = await watchCsp(page);
    await signUp(page, newCustomer("csp"));
    await page.goto("/balance");
    await expect(page.getByRole("heading", { name: "Balance" })).toBeVisible();
    await expect(page.getByTestId("sandbox-payments-badge")).toHaveText("Sandbox payments");
    expect(await violations()).toEqual([]);
    // The badge fits a phone's top bar without pushing the page sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect(page.getByTestId("sandbox-payments-badge")).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("sandbox payments", () => {
  test("only the order's owner, signed in, can open its sandbox page; others get 404", async ({ page, browser, customer: _customer }) => {
    const path = await startTopUp(page, "10000000");
    const stranger = await browser.newPage();
    await signUp(stranger, newCustomer("stranger"));
    expect((await stranger.goto(path))?.status()).toBe(404);
    await expect(stranger.getByRole("button", { name: /^Pay ¥/ })).toHaveCount(0);
    await stranger.close();

    const anonymous = await browser.newPage();
    await anonymous.goto(path);
    await expect(anonymous).toHaveURL(/\/sign-in\?callbackUrl=/);
    await anonymous.close();

    await page.goto(path);
    await page.getByRole("button", { name: /^Pay ¥/ }).click();
    await expect(page.getByText(/Top-up of ¥10,000,000.00 received/)).toBeVisible();
    await expect(page.getByTestId("balance-cash")).toHaveText("¥10,000,000.00");
  });

  test("a hostile return target on the sandbox page leads back to our own origin", async ({ page, customer: _customer }) => {
    const path = await startTopUp(page, "12");
    await page.goto(`${path}?return=/%09/evil.example/x`);
    await page.getByRole("button", { name: /^Pay ¥/ }).click();
    await expect(page.getByText(/Top-up of ¥12.00 received/)).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "").host);
    expect(new URL(page.url()).pathname).toBe("/balance");
  });

  test("a return target with dot segments is not turned into another host (issue 17 item 1)", async ({ page, customer: _customer }) => {
    const path = await startTopUp(page, "13");
    await page.goto(`${path}?return=/.//evil.example/phish`);
    await expect(page.getByRole("link", { name: "Cancel and return" })).toHaveAttribute("href", "/balance?cancelled=1");
    await expect(page.getByRole("link", { name: "Return to the console" })).toHaveAttribute("href", "/balance");
  });

  test("ids are parsed strictly: 36 dashes is a 404, never a 500", async ({ page, customer: _customer }) => {
    const dashes = "-".repeat(36);
    expect((await page.goto(`/sandbox/checkout/${dashes}`))?.status()).toBe(404);
    expect((await page.goto(`/checkout/done/${dashes}`))?.status()).toBe(404);
    expect((await page.goto(`/balance?topup=${dashes}`))?.status()).toBe(200);
  });
});

test.describe("return targets and sessions", () => {
  test("a callbackUrl that decodes to another host is ignored after sign-in", async ({ page }) => {
    const customer = newCustomer("cb");
    await signUp(page, customer);
    await page.context().clearCookies();
    for (const hostile of ["/%09/evil.example/x", "/%5Cevil.example", "%2F%2Fevil.example"]) {
      await page.goto(`/sign-in?callbackUrl=${hostile}`);
      await signIn(page, customer.email, customer.password, "");
      await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "").host);
      await page.context().clearCookies();
    }
  });

  test("signed in, a callbackUrl whose dot segments make another host is refused (issue 17 item 1)", async ({ page, customer: _customer }) => {
    // Sign-in is one prerendered page for everyone (issue 18 item 3): a signed-in customer is sent on
    // by the page's island, through the same safeReturnPath as the action.
    // Opened as a link would be, not with page.goto: the fixture's axe audit of a page.goto would run
    // into the island's redirect (e2e/prerendered.spec.ts does the same).
    const origin = new URL(test.info().project.use.baseURL ?? "").origin;
    const open = (url: string) => page.evaluate((target) => window.location.assign(target), url);
    for (const hostile of ["%2F.%2F%2Fevil.example%2Fphish", "%2Fx%2F..%2F%2Fevil.example"]) {
      await open("/usage");
      await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
      await open(`/sign-in?callbackUrl=${hostile}`);
      await expect(page, hostile).toHaveURL(`${origin}/`);
      await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    }
  });

  test("after sign-out, a copy of the old session cookie opens nothing", async ({ page, customer: _customer }) => {
    const stolen = await page.context().cookies();
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.context().addCookies(stolen);
    await page.goto("/balance");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("change the password from the account menu: the current one is required, other sessions end", async ({ page, browser, customer }) => {
    const other = await browser.newPage();
    await signIn(other, customer.email, customer.password);
    await expect(other.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("link", { name: "Change password" }).click();
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("New password").fill("brand-new-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The current password is incorrect.")).toBeVisible();
    await page.getByLabel("Current password").fill(customer.password);
    await page.getByLabel("New password").fill("brand-new-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password was changed. Every other session was signed out.")).toBeVisible();
    await page.goto("/balance");
    await expect(page.getByRole("heading", { name: "Balance" })).toBeVisible();

    await other.goto("/balance");
    await expect(other).toHaveURL(/\/sign-in/);
    await signIn(other, customer.email, "brand-new-password-1", "");
    await expect(other.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
    await other.close();
  });

  test("forgot password: a link by email sets a new password once", async ({ page }) => {
    const customer = newCustomer("forgot");
    await signUp(page, customer);
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await page.getByLabel("Email").fill(customer.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByText(`If an account uses ${customer.email}, a link to reset its password is on its way.`)).toBeVisible();

    const outbox = (await (await page.request.get(`/api/test/outbox?email=${encodeURIComponent(customer.email)}`)).json()) as { emails: { body: string }[] };
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(outbox.emails[0]?.body ?? "")?.[0] ?? "";
    const target = new URL(link);
    await page.goto(`${target.pathname}${target.search}`);
    await page.getByLabel("New password").fill("reset-password-2");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page.getByText("Your new password is set. Sign in with it.")).toBeVisible();
    await signIn(page, customer.email, "reset-password-2", "");
    await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();

    await page.goto(`${target.pathname}${target.search}`);
    await expect(page.getByText(/This link is not valid/)).toBeVisible();
  });
});
