import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, messages } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { grantGiftPack } from "@/lib/packs/gift";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { listThresholds, thresholdInput, updateThreshold } from "./thresholds";

const t0 = new Date("2026-11-22T02:00:00Z");
const at = "2026-11-22T10:00:00+08:00";

it("accepts 1 to 99 and names the field otherwise", () => {
  expect(thresholdInput.safeParse({ product: "body", lowPercent: 1 }).success).toBe(true);
  expect(thresholdInput.safeParse({ product: "body", lowPercent: 99 }).success).toBe(true);
  for (const lowPercent of [0, 100, 12.5, "20"]) {
    const parsed = thresholdInput.safeParse({ product: "body", lowPercent });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["lowPercent"]);
    expect(parsed.error?.issues[0]?.message).toContain("lowPercent");
  }
  expect(thresholdInput.safeParse({ product: "video", lowPercent: 20 }).error?.issues[0]?.path).toEqual(["product"]);
});

describeEachDatabase("alert thresholds", (database) => {
  it("starts from the SPEC §5 defaults: scan 20, body 15, the others 20", async () => {
    const a = await newAccount(database().db, t0, "thr");
    expect((await listThresholds({ ctx: a.customer() })).map((r) => [r.product, r.lowPercent, r.isDefault])).toEqual([
      ["scan", 20, true],
      ["recognition", 20, true],
      ["processing", 20, true],
      ["body", 15, true],
    ]);
  });

  it("saves a product's threshold with an audit row, and the next draw alerts at it", async () => {
    const m = await meteredAccount(database().db, t0, ["body"]);
    await updateThreshold({ ctx: m.customer(), input: { product: "body", lowPercent: 50 } });
    await updateThreshold({ ctx: m.customer(), input: { product: "body", lowPercent: 60 } });
    expect((await listThresholds({ ctx: m.customer() })).find((r) => r.product === "body")).toMatchObject({ lowPercent: 60, defaultPercent: 15, isDefault: false });
    const audits = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, m.accountId), eq(auditLog.action, "alerts.thresholds-update")));
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ lowPercent: 15, isDefault: true }, { lowPercent: 50 }],
      [{ lowPercent: 50, isDefault: false }, { lowPercent: 60 }],
    ]);

    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.detection:10k" } });
    // 1,000 free, then 4,100 from the 10k pack: 5,900 left = 59% < 60%.
    await m.report([{ id: "1", api: "body.detection", calls: 5100, at }]);
    const sent = await database().db.select().from(messages).where(eq(messages.accountId, m.accountId));
    expect(sent.map((s) => [s.kind, s.params])).toEqual([["pack-low", expect.objectContaining({ threshold: 60, percent: 59 })]]);
  });

  it("is read-only under impersonation, and one account never changes another's", async () => {
    const a = await newAccount(database().db, t0, "thr-a");
    const b = await newAccount(database().db, t0, "thr-b");
    const impersonating: ServiceContext = { db: database().db, actor: { type: "impersonation", staffUserId: b.userId, accountId: a.accountId }, now: t0 };
    await expect(updateThreshold({ ctx: impersonating, input: { product: "scan", lowPercent: 30 } })).rejects.toMatchObject({ code: "read-only-impersonation" });
    await updateThreshold({ ctx: b.customer(), input: { product: "scan", lowPercent: 30 } });
    expect((await listThresholds({ ctx: a.customer() })).find((r) => r.product === "scan")).toMatchObject({ lowPercent: 20, isDefault: true });
  });
});
