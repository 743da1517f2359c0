import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { licences, supportRequests } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { startOfflineSdkTrial, startScanSdkTrial } from "./licences";
import { switchQpsMode } from "./mode";
import { qpsOverview } from "./overview";
import { addShanghaiMonths } from "@/lib/pricing";
import { requestFormalLicence, requestQpsIncrease } from "./requests";
import { offlineTrialInput } from "./schemas";

const at = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("QPS and licences", (database) => {
  const db = () => database().db;

  async function bodyAccount() {
    const account = await newAccount(db(), at, "qps");
    await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
    await activateProduct({ ctx: account.customer(), input: { product: "scan", acceptTerms: true } });
    return account;
  }

  it("switches the body group to QPS billing only with QPS in force, and back", async () => {
    const account = await bodyAccount();
    await expect(switchQpsMode({ ctx: account.customer(), input: { group: "body", mode: "qps" } })).rejects.toMatchObject({ code: "no-qps-held" });
    await topUp(account, "1000");
    await purchase({ ctx: account.customer(), input: { idempotencyKey: `q-${Date.now()}`, item: "qps:body", quantity: 2, period: "month", periods: 1 } });
    expect(await switchQpsMode({ ctx: account.customer(), input: { group: "body", mode: "qps" } })).toEqual({ mode: "qps", changed: true });
    expect(await qpsOverview({ ctx: account.customer(), group: "body" })).toMatchObject({ mode: "qps", held: 2 });
    // A month later the grant has ended.
    expect((await qpsOverview({ ctx: account.customer(new Date("2026-12-22T02:00:00Z")), group: "body" })).held).toBe(0);
    expect(await switchQpsMode({ ctx: account.customer(), input: { group: "body", mode: "calls" } })).toEqual({ mode: "calls", changed: true });
    expect(await switchQpsMode({ ctx: account.customer(), input: { group: "body", mode: "calls" } })).toEqual({ mode: "calls", changed: false });
  });

  it("records a request for more than 200 QPS only at least a week ahead", async () => {
    const account = await bodyAccount();
    await expect(
      requestQpsIncrease({ ctx: account.customer(), input: { group: "body", totalQps: 300, neededBy: new Date("2026-11-25T00:00:00Z"), note: "" } }),
    ).rejects.toMatchObject({ code: "needed-by-too-soon" });
    // Issue 17 item 2: a date beyond lib/params/calendar's range (a year ahead) names the field.
    await expect(
      requestQpsIncrease({ ctx: account.customer(), input: { group: "body", totalQps: 300, neededBy: new Date("9999-12-31T00:00:00+08:00"), note: "" } }),
    ).rejects.toMatchObject({ code: "calendar-out-of-range", field: "neededBy" });
    const { requestId } = await requestQpsIncrease({ ctx: account.customer(), input: { group: "body", totalQps: 300, neededBy: new Date("2026-12-10T00:00:00Z"), note: "launch" } });
    const [row] = await db().select().from(supportRequests).where(eq(supportRequests.id, requestId));
    expect(row).toMatchObject({ kind: "qps-increase", status: "open", details: { totalQps: 300, note: "launch" } });
  });

  it("starts the scan SDK trial for 3 months, once per account", async () => {
    const account = await bodyAccount();
    const app = { name: "Shop", iosBundleId: "com.example.shop", androidPackage: "com.example.shop" };
    const trial = await startScanSdkTrial({ ctx: account.customer(), input: { app } });
    expect(trial.endsAt.toISOString()).toBe("2027-02-22T02:00:00.000Z");
    await expect(startScanSdkTrial({ ctx: account.customer(), input: { app } })).rejects.toMatchObject({ code: "trial-already-used" });
  });

  it("starts the offline-SDK trial for 60 days with at most 4 devices, once; records a formal licence request", async () => {
    const account = await bodyAccount();
    expect(offlineTrialInput.safeParse({ deviceIds: ["dev-1", "dev-2", "dev-3", "dev-4", "dev-5"] }).success).toBe(false);
    expect(offlineTrialInput.safeParse({ deviceIds: ["dev-1", "dev-1"] }).success).toBe(false);
    const trial = await startOfflineSdkTrial({ ctx: account.customer(), input: { deviceIds: ["dev-0001", "dev-0002"] } });
    expect(trial.endsAt.toISOString()).toBe("2027-01-21T02:00:00.000Z");
    const [row] = await db().select().from(licences).where(eq(licences.id, trial.licenceId));
    expect(row?.deviceIds).toEqual(["dev-0001", "dev-0002"]);
    await expect(startOfflineSdkTrial({ ctx: account.customer(), input: { deviceIds: ["dev-0003"] } })).rejects.toMatchObject({ code: "trial-already-used" });
    const { requestId } = await requestFormalLicence({ ctx: account.customer(), input: { packageName: "com.example.kiosk", years: 1, note: "" } });
    const [request] = await db().select().from(supportRequests).where(eq(supportRequests.id, requestId));
    expect(request).toMatchObject({ kind: "offline-sdk-formal", status: "awaiting-quote" });
  });

  it("refuses a trial of a product not activated", async () => {
    const account = await newAccount(db(), at, "noact");
    await expect(startOfflineSdkTrial({ ctx: account.customer(), input: { deviceIds: ["dev-0001"] } })).rejects.toMatchObject({ code: "not-activated" });
  });
});

it("adds months on the Shanghai calendar, clamping to the month's last day", () => {
  expect(addShanghaiMonths(new Date("2027-01-31T02:00:00Z"), 1).toISOString()).toBe("2027-02-28T02:00:00.000Z");
  // 2026-11-30 23:00 Shanghai + 3 months = 2027-02-28 23:00 Shanghai.
  expect(addShanghaiMonths(new Date("2026-11-30T15:00:00Z"), 3).toISOString()).toBe("2027-02-28T15:00:00.000Z");
});
