import { z } from "zod";
import { now } from "@/lib/clock";
import { testOnlyPost } from "@/lib/tooling/testing/test-route";
import { importBankStatement } from "@/lib/transfers/import";

const body = z.object({ csv: z.string().max(100_000) });

/** Test mode only: imports a bank statement as `ops import-bank-statement FILE.csv` does, for browser tests. */
export const POST = testOnlyPost(body, async (input, db) => importBankStatement({ ctx: { db, actor: { type: "system", reason: "ops" }, now: now() }, input }));
