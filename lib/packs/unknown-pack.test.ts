import { expect, it } from "vitest";
import { packs } from "@/db/schema";
import { UnknownPackApiError } from "@/lib/pricing";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { drawFromPacks } from "./draw-batch";
import { listPacks } from "./list";

const at = new Date("2026-11-22T02:00:00Z");

// Every reader of a pack's product goes through productOfPack (lib/pricing): a row naming an API or
// pool the catalog does not know is refused the same way by each, never mapped to a guessed product.
describeEachDatabase("a pack of an unknown API", (database) => {
  const db = () => database().db;

  async function brokenPack() {
    const account = await newAccount(db(), at, "unknown-pack");
    const [pack] = await db()
      .insert(packs)
      .values({ accountId: account.accountId, api: "recognition.retired", size: 100, remaining: 100, source: "gift", promotionNoRefund: false, deliveredAt: at, expiresAt: new Date(at.getTime() + 86_400_000), createdAt: at })
      .returning();
    if (!pack) throw new Error("no pack");
    return { account, pack };
  }

  it("is refused by the packs list", async () => {
    const { account } = await brokenPack();
    await expect(listPacks({ ctx: account.customer() })).rejects.toBeInstanceOf(UnknownPackApiError);
  });

  it("is refused by a refund request", async () => {
    const { account, pack } = await brokenPack();
    await expect(requestRefund({ ctx: account.customer(), input: { packId: pack.id } })).rejects.toBeInstanceOf(UnknownPackApiError);
  });

  it("is refused by the metering draw", async () => {
    const { pack } = await brokenPack();
    expect(() => drawFromPacks([pack], [{ api: "recognition.product", calls: 1, at }])).toThrow(UnknownPackApiError);
  });
});
