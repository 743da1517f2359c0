import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { packs } from "@/db/schema";
import { grantGiftPack } from "@/lib/packs/gift";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { packsNeedingAttention } from "./pack-attention";
import { drainingPacks } from "./pack-forecasts";

const t0 = new Date("2026-11-22T02:00:00Z");

describeEachDatabase("pack forecasts", (database) => {
  it("forecasts each prepaid pack's run-out at the last 7 days' draw from packs", async () => {
    const m = await meteredAccount(database().db, t0, ["body"]);
    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.detection:10k" } });
    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.search:10k" } });
    // 1,000 free then 1,400 from the pack: 200 a day over 7 days; 8,600 left lasts 43 days.
    await m.report([{ id: "1", api: "body.detection", calls: 2400, at: "2026-11-22T10:00:00+08:00" }]);
    // Both packs were granted at the same instant: order them by API, not by what the query returned.
    const draining = (await drainingPacks({ ctx: m.customer() })).sort((a, b) => a.pack.api.localeCompare(b.pack.api));
    expect(draining.map((d) => [d.pack.api, d.pack.remaining, d.drawnInWindow, d.forecast.kind])).toEqual([
      ["body.detection", 8600, 1400, "runs-out"],
      ["body.search", 10000, 0, "not-at-current-rate"],
    ]);
    expect(draining[0]?.forecast).toMatchObject({ days: 43 });
    // A week later the window has moved past the calls: no longer draining.
    const later = await drainingPacks({ ctx: m.customer(new Date(t0.getTime() + 8 * 86_400_000)) });
    expect(later.map((d) => d.forecast.kind)).toEqual(["not-at-current-rate", "not-at-current-rate"]);
  });

  it("leaves a refunded pack out of the draining list and the overview's packs needing attention", async () => {
    const m = await meteredAccount(database().db, t0, ["body"]);
    const { packId } = await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.detection:10k" } });
    await m.report([{ id: "1", api: "body.detection", calls: 9600, at: "2026-11-22T10:00:00+08:00" }]);
    expect((await drainingPacks({ ctx: m.customer() })).map((d) => d.pack.id)).toEqual([packId]);
    expect((await packsNeedingAttention({ ctx: m.customer() })).map((a) => [a.pack.id, a.lowThreshold])).toEqual([[packId, 15]]);
    // Refunded (the refund service sets refunded_at; SPEC §4: never drawn again), it is no pack to watch.
    await database().db.update(packs).set({ refundedAt: t0 }).where(eq(packs.id, packId));
    expect(await drainingPacks({ ctx: m.customer() })).toEqual([]);
    expect(await packsNeedingAttention({ ctx: m.customer() })).toEqual([]);
  });
});
