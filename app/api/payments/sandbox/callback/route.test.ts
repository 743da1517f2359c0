import { afterEach, expect, it } from "vitest";
import { POST } from "./route";

/** Issue 9 item 1: the sandbox callback URL answers 404 when the sandbox is off (lib/security/sandbox-gating.test.ts has the rest). */
const saved = { provider: process.env.PAYMENT_PROVIDER, url: process.env.DATABASE_URL };

afterEach(() => {
  if (saved.provider === undefined) delete process.env.PAYMENT_PROVIDER;
  else process.env.PAYMENT_PROVIDER = saved.provider;
  if (saved.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.url;
});

it("the sandbox callback URL answers 404 when the sandbox is off", async () => {
  delete process.env.PAYMENT_PROVIDER;
  process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
  const response = await POST(new Request("http://localhost/api/payments/sandbox/callback", { method: "POST", body: "{}" }));
  expect(response.status).toBe(404);
});
