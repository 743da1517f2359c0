import "server-only";
import { z } from "zod";
import { amountSchema } from "@/lib/wallet/schemas";
import { creditAccount } from "@/lib/wallet/credit";
import { staffTool } from "./staff-tool";

/**
 * A goodwill credit from the console (the `ops credit … --to gift` action): admin only, reason
 * required, to the gift sub-account. The ledger posting and its audit row are creditAccount's, in this
 * tool's transaction.
 */
export const goodwillCredit = staffTool({
  roles: ["admin"],
  input: z.object({ accountId: z.uuid(), amount: amountSchema, reason: z.string().trim().min(5).max(500) }),
  run: async (tx, input) => creditAccount({ ctx: tx, input: { accountId: input.accountId, amount: input.amount, to: "gift", reason: input.reason } }),
});
