import type { Database } from "@/db/client";

/** Who is acting (STYLE §7). The account always comes from the session or API key, never from input. */
export type Actor =
  | { type: "customer"; userId: string; accountId: string }
  | { type: "staff"; userId: string; role: "support" | "admin" }
  /** A staff member seeing a customer's console: read-only, enforced by `assertCanWrite`. */
  | { type: "impersonation"; staffUserId: string; accountId: string }
  | { type: "api-key"; keyId: string; accountId: string }
  | { type: "system"; reason?: string }
  | { type: "anonymous" };

export interface ServiceContext {
  db: Database;
  actor: Actor;
  /** The instant the service acts at; from `lib/clock` in production, fixed in tests. */
  now: Date;
}

export { ServiceError, ValidationError, ForbiddenError, NotFoundError, ConflictError } from "./errors";
