import { describe, expect, it } from "vitest";
import { actorOf } from "./actor";

describe("actorOf", () => {
  it("builds each kind of actor from its principal, the account from the session, view or key", () => {
    expect(actorOf({ kind: "customer", userId: "u", accountId: "a" })).toEqual({ type: "customer", userId: "u", accountId: "a" });
    expect(actorOf({ kind: "staff", userId: "s", role: "admin" })).toEqual({ type: "staff", userId: "s", role: "admin" });
    expect(actorOf({ kind: "impersonation", userId: "s", view: { accountId: "a" } })).toEqual({ type: "impersonation", staffUserId: "s", accountId: "a" });
    expect(actorOf({ kind: "api-key", keyId: "k", accountId: "a" })).toEqual({ type: "api-key", keyId: "k", accountId: "a" });
  });

  it("keeps nothing else a viewer carries (email, name, the view's details)", () => {
    const viewer = { kind: "impersonation" as const, userId: "s", role: "support" as const, email: "s@example.com", view: { id: "v", accountId: "a", accountName: "Co" } };
    expect(actorOf(viewer)).toEqual({ type: "impersonation", staffUserId: "s", accountId: "a" });
  });
});
