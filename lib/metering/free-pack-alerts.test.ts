import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages } from "@/db/schema";
import type { Database } from "@/db/client";
import { catalogs, createTranslator } from "@/lib/i18n/translate";
import { presentMessage } from "@/lib/messaging/present";
import { grantGiftPack } from "@/lib/packs/gift";
import { describeEachDatabase, describePostgres } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { packApisOfService } from "./pack-alerts";

// Reading FREE_PACK_IS_A_PACK (docs/readings.md): the month's free pack is a resource pack for
// seed 000's "仅剩一个可用资源包，且余量小于20%和余量为0时" and seed 003's 15% rule.
const t0 = new Date("2026-11-22T02:00:00Z");
const at = "2026-11-22T10:00:00+08:00";

async function sent(db: Database, accountId: string) {
  const rows = await db.select().from(messages).where(eq(messages.accountId, accountId));
  return rows.map((m) => [m.kind, m.params.threshold, m.params.free]).sort();
}

it("reads the service per API: the barcode-lookup grant is not a QR-code pack", () => {
  expect(packApisOfService("scan.code-recognition")).toEqual(["scan.code-recognition"]);
  expect(packApisOfService("recognition.vehicle-shared").sort()).toEqual(["recognition.vehicle", "recognition.vehicle-enhanced", "recognition.vehicle-shared"]);
  expect(packApisOfService("recognition.vehicle").sort()).toEqual(["recognition.vehicle", "recognition.vehicle-shared"]);
});

describeEachDatabase("free pack alerts", (database) => {
  it("a scan customer holding only the month's free pack is warned below 20% and at 0, once each", async () => {
    const m = await meteredAccount(database().db, t0, ["scan"]);
    await m.report([{ id: "1", api: "scan.code-recognition", calls: 700, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([]);
    await m.report([{ id: "2", api: "scan.code-recognition", calls: 150, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([["pack-low", 20, 1]]);
    await m.report([{ id: "3", api: "scan.code-recognition", calls: 100, at }]);
    await m.report([{ id: "4", api: "scan.code-recognition", calls: 100, at }]);
    await m.report([{ id: "5", api: "scan.code-recognition", calls: 100, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([
      ["pack-exhausted", 0, 1],
      ["pack-low", 20, 1],
    ]);
    const [low] = await database()
      .db.select()
      .from(messages)
      .where(and(eq(messages.accountId, m.accountId), eq(messages.kind, "pack-low")));
    const en = presentMessage(createTranslator(catalogs.en, "en"), "en", { kind: "pack-low", params: low?.params ?? {} });
    expect(en.title).toMatch(/free/);
    expect(en.body).toContain("150 calls left (15% of 1,000)");
    const zh = presentMessage(createTranslator(catalogs["zh-CN"], "zh-CN"), "zh-CN", { kind: "pack-low", params: low?.params ?? {} });
    expect(zh.title).toContain("免费");
  });

  it("next month's free pack warns again; one draw from above 20% to 0 sends only the used-up alert", async () => {
    const m = await meteredAccount(database().db, t0, ["scan"]);
    await m.report([{ id: "1", api: "scan.code-recognition", calls: 1200, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([["pack-exhausted", 0, 1]]);
    const { issueFreePacks } = await import("@/lib/packs/free-packs");
    const december = new Date("2026-12-05T02:00:00Z");
    await issueFreePacks({ ctx: { ...m.system(), now: december }, input: { accountId: m.accountId } });
    await m.report([{ id: "d1", api: "scan.code-recognition", calls: 900, at: "2026-12-05T10:00:00+08:00" }], december);
    expect((await sent(database().db, m.accountId)).filter(([kind]) => kind === "pack-low")).toHaveLength(1);
  });

  it("a free pack used up while a bought or gift pack takes over says nothing", async () => {
    const m = await meteredAccount(database().db, t0, ["body"]);
    await grantGiftPack({ ctx: m.system(), input: { accountId: m.accountId, packSpec: "body.detection:10k" } });
    await m.report([{ id: "1", api: "body.detection", calls: 900, at }]);
    await m.report([{ id: "2", api: "body.detection", calls: 200, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([]);
  });

  it("body's free pack, its last pack, warns below 15% and at 0 (seed 003)", async () => {
    const m = await meteredAccount(database().db, t0, ["body"]);
    await m.report([{ id: "1", api: "body.search", calls: 850, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([]);
    await m.report([{ id: "2", api: "body.search", calls: 1, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([["pack-low", 15, 1]]);
    await m.report([{ id: "3", api: "body.search", calls: 500, at }]);
    expect(await sent(database().db, m.accountId)).toEqual([
      ["pack-exhausted", 0, 1],
      ["pack-low", 15, 1],
    ]);
  });
});

describePostgres("free pack alert races", (database) => {
  it("concurrent usage reports crossing both levels send each warning once", async () => {
    const m = await meteredAccount(database().db, t0, ["scan"]);
    await Promise.all(Array.from({ length: 24 }, (_, i) => m.report([{ id: `r${i}`, api: "scan.code-recognition", calls: 50, at }])));
    expect(await sent(database().db, m.accountId)).toEqual([
      ["pack-exhausted", 0, 1],
      ["pack-low", 20, 1],
    ]);
  });
});
