import { ForbiddenError, type Actor } from "@/lib/context";

/** Credits and grants are operator tools (the ops command, or staff through their audited tools later). */
export function assertOperator(actor: Actor): void {
  if (actor.type === "system" || actor.type === "staff") return;
  throw new ForbiddenError("staff-only");
}
