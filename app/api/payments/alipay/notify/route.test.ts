import { afterEach, expect, it } from "vitest";
import { alipayTestKeys, rsa2Sign, signingString } from "@/lib/tooling/testing/alipay-simulator";
import { configuredPaymentProvider } from "@/lib/wallet/providers/config";
import { POST } from "./route";

/** Issue 20: the notify URL exists only with PAYMENT_PROVIDER=alipay, and refuses a forged notice before touching the database. */
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["PAYMENT_PROVIDER", "DATABASE_URL", "ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const post = (body: string) => POST(new Request("http://localhost/api/payments/alipay/notify", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));

it("answers 404 when Alipay is not the configured provider", async () => {
  process.env.PAYMENT_PROVIDER = "sandbox";
  expect((await post("a=b")).status).toBe(404);
});

it("npm start refuses PAYMENT_PROVIDER=alipay without its keys, naming the variable", () => {
  expect(() => configuredPaymentProvider({ PAYMENT_PROVIDER: "alipay", DATABASE_URL: "postgres://x@127.0.0.1/db" })).toThrow(/ALIPAY_APP_ID is required/);
});

it("refuses a notice signed with another key with `fail`, before any database work", async () => {
  const keys = alipayTestKeys();
  const forger = alipayTestKeys();
  Object.assign(process.env, { PAYMENT_PROVIDER: "alipay", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ALIPAY_APP_ID: keys.appId, ALIPAY_PRIVATE_KEY: keys.appPrivateKey, ALIPAY_PUBLIC_KEY: keys.alipayPublicKey });
  const fields: Record<string, string> = { app_id: keys.appId, out_trade_no: "a".repeat(32), trade_status: "TRADE_SUCCESS", total_amount: "10.00", sign_type: "RSA2" };
  fields.sign = rsa2Sign(signingString(fields, ["sign", "sign_type"]), forger.alipayPrivateKey);
  const response = await post(new URLSearchParams(fields).toString());
  expect(response.status).toBe(400);
  expect(await response.text()).toBe("fail");
  expect((await post("no=sign")).status).toBe(400);
});
