import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { messages, qpsGrants, qpsGroupModes } from "@/db/schema";
import { activateProduct } from "@/lib/packs/activation";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { newAccount } from "@/lib/tooling/testing/wallet-fixtures";
import { lapseEndedQps } from "./lapse";

const t0 = new Date("2026-11-22T02:00:00Z");
const end = new Date("2026-11-25T16:00:00Z");

// Lapsing looks at every account of the database: this suite gets a database of its own.
describeEachDatabase(
  "QPS lapse (run-due)",
  (database) => {
    it("returns a QPS-billed group to call billing once no QPS is in force, and says so, once", async () => {
      const db = database().db;
      const account = await newAccount(db, t0, "lapse");
      await activateProduct({ ctx: account.customer(), input: { product: "body", acceptTerms: true } });
      await db.insert(qpsGroupModes).values({ accountId: account.accountId, groupId: "body", mode: "qps", changedAt: t0 });
      await db.insert(qpsGrants).values({ accountId: account.accountId, groupId: "body", qps: 5, startsAt: t0, endsAt: end });
      const mode = async () => (await db.select().from(qpsGroupModes).where(and(eq(qpsGroupModes.accountId, account.accountId), eq(qpsGroupModes.groupId, "body"))))[0]?.mode;

      expect(await lapseEndedQps({ ctx: account.system(new Date(end.getTime() - 1)) })).toEqual({ switched: 0 });
      expect(await mode()).toBe("qps");
      expect(await lapseEndedQps({ ctx: account.system(end) })).toEqual({ switched: 1 });
      expect(await mode()).toBe("calls");
      expect(await lapseEndedQps({ ctx: account.system(new Date(end.getTime() + 60_000)) })).toEqual({ switched: 0 });
      expect((await db.select().from(messages).where(eq(messages.accountId, account.accountId))).map((m) => m.kind)).toEqual(["qps-lapsed"]);
    });
  },
  { isolated: true },
);
