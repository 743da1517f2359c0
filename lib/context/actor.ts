import type { Actor } from "./index";

/**
 * Who a request comes from, as the signed session, a live support view or an API key names them.
 * The request's viewer (lib/actions/viewer.ts) is one of these as it stands.
 */
export type Principal =
  | { kind: "customer"; userId: string; accountId: string }
  | { kind: "staff"; userId: string; role: "support" | "admin" }
  /** A staff member viewing a customer's console (SPEC §8): read-only for every service. */
  | { kind: "impersonation"; userId: string; view: { accountId: string } }
  | { kind: "api-key"; keyId: string; accountId: string };

/**
 * The one place an actor is built from a principal (STYLE §7): the audit trail names the same
 * actor for the same caller whether it came through a page, an action, a route or the metering API.
 * The account is always the principal's (session, view or key), never the request's.
 */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case "customer":
      return { type: "customer", userId: principal.userId, accountId: principal.accountId };
    case "staff":
      return { type: "staff", userId: principal.userId, role: principal.role };
    case "impersonation":
      return { type: "impersonation", staffUserId: principal.userId, accountId: principal.view.accountId };
    case "api-key":
      return { type: "api-key", keyId: principal.keyId, accountId: principal.accountId };
  }
}
