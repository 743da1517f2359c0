import { ForbiddenError } from "./errors";
import type { Actor } from "./index";

/** The account an actor may act on; staff and the system must name one explicitly through their own tools. */
export function accountOf(actor: Actor): string {
  if (actor.type === "customer" || actor.type === "impersonation" || actor.type === "api-key") return actor.accountId;
  throw new ForbiddenError("no-account");
}

/** SPEC §8: impersonation is read-only. Every mutating service calls this first. */
export function assertCanWrite(actor: Actor): void {
  if (actor.type === "impersonation") throw new ForbiddenError("read-only-impersonation");
  if (actor.type === "anonymous") throw new ForbiddenError("sign-in-required");
}

export function assertStaff(actor: Actor, roles: readonly ("support" | "admin")[] = ["support", "admin"]): asserts actor is Extract<Actor, { type: "staff" }> {
  if (actor.type !== "staff" || !roles.includes(actor.role)) throw new ForbiddenError("staff-only");
}
