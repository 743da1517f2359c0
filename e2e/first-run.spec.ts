import { expect, test } from "./fixtures";
import { activate, createKey, postUsage } from "./metering-helpers";

/** Issue 19 item 10: a new customer is told what to do first, and every empty page says why it is empty. */

test("packs: someone with none is told so with the way to get one; filters that hide packs say they match none", async ({ page, customer: _customer }) => {
  await page.goto("/packs");
  const none = page.getByTestId("packs-none-yet");
  await expect(none).toContainText("You have no packs yet");
  await expect(page.getByText("No packs match")).toHaveCount(0);
  // No service that sells packs is active: the link leads to activating one.
  await expect(none.getByRole("link", { name: "Activate a service" })).toHaveAttribute("href", "/services");

  await page.goto("/packs?status=refunded");
  await expect(page.getByTestId("packs-none-yet")).toContainText("You have no packs yet");

  // Activating scan issues this month's free packs: now a filter can hide packs the customer has.
  await activate(page, "scan");
  await page.goto("/packs?status=refunded");
  await expect(page.getByText("No packs match these filters.")).toBeVisible();
  await expect(page.getByTestId("packs-none-yet")).toHaveCount(0);
});

test("the API-keys curl sample names an activated API, and pasting it is accepted; without one it says to activate first", async ({ page, customer: _customer }) => {
  await page.goto("/api-keys");
  await expect(page.getByTestId("curl-activate-first")).toContainText("Activate a service first");
  await expect(page.getByTestId("curl-activate-first").getByRole("link", { name: "Activate a service" })).toHaveAttribute("href", "/services");
  await expect(page.getByLabel("POST /api/v1/usage")).toHaveCount(0);

  await activate(page, "body");
  const secret = await createKey(page, "gateway");
  await expect(page.getByTestId("curl-api").first()).toContainText("Body detection and attributes (body.detection)");
  const sample = (await page.getByLabel("POST /api/v1/usage").first().textContent()) ?? "";
  expect(sample).toContain('"api":"body.detection"');
  expect(sample).not.toContain("processing.quality");
  // The sample's own body, posted with the new key as the gateway would: accepted.
  const body = JSON.parse(/-d '(.*)'/.exec(sample)?.[1] ?? "{}") as { events: { id: string }[] };
  body.events = body.events.map((event) => ({ ...event, id: `first-run-${Date.now()}` }));
  const response = await postUsage(page.request, secret, body);
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(["accepted"]);
});

test("the SDK page: cards named in words, each form with its heading", async ({ page, customer: _customer }) => {
  await activate(page, "scan");
  await activate(page, "body");
  await page.goto("/sdk");
  await expect(page.getByRole("heading", { name: "Scanning SDK", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Body analysis offline SDK", exact: true })).toBeVisible();
  for (const name of ["Buy a licence for an app", "Try it free for 3 months", "Try it free for 60 days", "Ask for a formal licence"]) {
    await expect(page.getByRole("region", { name }).getByRole("button")).toBeVisible();
  }
  await expect(page.locator("main")).not.toContainText("scan.sdk");
  await expect(page.locator("main")).not.toContainText("body.offline-sdk");
  // Each form's fields are its own: the trial's "App name" is not the purchase's.
  await page.getByRole("region", { name: "Try it free for 3 months" }).getByLabel("App name").fill("Trial app");
  await expect(page.getByRole("region", { name: "Buy a licence for an app" }).getByLabel("App name")).toHaveValue("");
});

test("the empty overview shows the next steps, each linking to its page, ticked as they are done", async ({ page, customer: _customer }) => {
  const steps = page.getByTestId("next-steps");
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await expect(steps.getByRole("link", { name: "Activate a service" })).toHaveAttribute("href", "/services");
  await expect(steps.getByRole("link", { name: "Top up your balance" })).toHaveAttribute("href", "/balance");
  await expect(steps.getByRole("link", { name: "Create an API key" })).toHaveAttribute("href", "/api-keys");
  await expect(page.getByTestId("next-step-activate")).toHaveAttribute("data-done", "false");

  await steps.getByRole("link", { name: "Activate a service" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await activate(page, "processing");
  await createKey(page, "first key");
  await page.goto("/");
  await expect(page.getByTestId("next-step-activate")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("next-step-api-key")).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("next-step-top-up")).toHaveAttribute("data-done", "false");
});
