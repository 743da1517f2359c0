import "server-only";
import type { z } from "zod";
import { ValidationError, type Actor, type ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";

export type StaffRole = "support" | "admin";
export type StaffContext = ServiceContext & { actor: Extract<Actor, { type: "staff" }> };

export interface StaffTool<S extends z.ZodType, R> {
  (call: { ctx: ServiceContext; input: z.input<S> }): Promise<R>;
  /** The roles allowed, declared once here; the server action reads them for its own gate. */
  readonly roles: readonly StaffRole[];
  /** The input schema, which the server action parses at its boundary too. */
  readonly input: S;
}

/**
 * A staff tool (issue 10): a service `{ ctx, input }` whose roles are declared once, input parsed with
 * zod, run in one transaction that also holds its audit row. A support view (impersonation) is not
 * staff, so it is refused here too.
 */
export function staffTool<S extends z.ZodType, R>(def: { roles: readonly StaffRole[]; input: S; run: (tx: StaffContext, input: z.output<S>) => Promise<R> }): StaffTool<S, R> {
  const tool = async ({ ctx, input }: { ctx: ServiceContext; input: z.input<S> }): Promise<R> => {
    assertStaff(ctx.actor, def.roles);
    const actor = ctx.actor;
    const parsed = def.input.safeParse(input);
    if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.path.map(String).join(".") || "input");
    return inTransaction(ctx, (tx) => def.run({ ...tx, actor }, parsed.data));
  };
  return Object.assign(tool, { roles: def.roles, input: def.input });
}
