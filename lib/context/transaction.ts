import type { ServiceContext } from "./index";

/**
 * Runs `work` in one transaction on `ctx.db`. Inside a caller's transaction this becomes a savepoint,
 * so a service composes into a larger unit of work and still owns its own all-or-nothing step.
 */
export async function inTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (db) => work({ ...ctx, db }));
}
