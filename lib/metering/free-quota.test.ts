import { expect, it } from "vitest";
import { issueFreePacks } from "@/lib/packs/free-packs";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { setAccountStatus } from "@/lib/tooling/testing/wallet-fixtures";
import { freeQuota } from "./free-quota";

const october = new Date("2026-10-10T02:00:00Z");
const t0 = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("free quota", (database) => {
  it("shows this month's free pack of each activated product's APIs with used and left, and past months", async () => {
    const m = await meteredAccount(database().db, october, ["processing", "scan"]);
    await m.report([{ id: "oct", api: "processing.quality", calls: 300, at: "2026-10-12T10:00:00+08:00" }], new Date("2026-10-12T03:00:00Z"));
    await issueFreePacks({ ctx: m.system(t0), input: { accountId: m.accountId, month: "2026-11" } });
    await m.report(
      [
        { id: "nov", api: "processing.quality", calls: 1200, at: "2026-11-22T09:00:00+08:00" },
        { id: "lookup", api: "scan.barcode-lookup", calls: 20, at: "2026-11-22T09:00:00+08:00" },
      ],
      t0,
    );
    const quota = await freeQuota({ ctx: m.customer(t0) });
    expect(quota.month).toBe("2026-11");
    expect(quota.products.map((p) => p.product)).toEqual(["scan", "processing"]);
    const processing = quota.products.find((p) => p.product === "processing");
    expect(processing?.packs.map((p) => [p.pool, p.size, p.used, p.remaining])).toEqual([
      ["processing.crop", 1000, 0, 1000],
      ["processing.enhance", 1000, 0, 1000],
      ["processing.quality", 1000, 1000, 0],
    ]);
    // scan.barcode-lookup has no monthly pack: its 50 calls are the one-time grant, shown apart.
    expect(quota.products.find((p) => p.product === "scan")?.packs.map((p) => p.pool)).toEqual(["scan.code-recognition"]);
    expect(quota.grant).toMatchObject({ api: "scan.barcode-lookup", size: 50, used: 20, remaining: 30, status: "active" });
    expect(quota.grant?.expiresAt.toISOString()).toBe("2031-10-10T02:00:00.000Z");
    expect(quota.past.map((p) => p.month)).toEqual(["2026-10"]);
    expect(quota.past[0]?.packs.find((p) => p.pool === "processing.quality")).toMatchObject({ size: 1000, used: 300, remaining: 700 });
  });

  it("lists an activated product without a pack this month when the account was suspended on the 1st", async () => {
    const m = await meteredAccount(database().db, october, ["body"]);
    await setAccountStatus(database().db, m.accountId, "suspended");
    await issueFreePacks({ ctx: m.system(t0), input: { accountId: m.accountId, month: "2026-11" } });
    const quota = await freeQuota({ ctx: m.customer(t0) });
    expect(quota.products).toEqual([expect.objectContaining({ product: "body", packs: [] })]);
    expect(quota.grant).toBeNull();
  });
});
