import { beforeEach, describe, expect, it, vi } from "vitest";
import { actionModules } from "@/app/action-manifest";
import { actionMeta, type ActionMeta } from "@/lib/actions/define";
import type { Viewer } from "@/lib/actions/viewer";
import { mayRun, memberRoles, roleMatrix } from "@/lib/identity/roles";

/**
 * The role dimension of the action manifest (issue 21 item 7), generated from the one declaration
 * (lib/identity/roles.ts, the same matrix as docs/roles.md): every customer action × every role. Where
 * the matrix says no, the action answers `forbidden-role` before any service runs (the database is
 * never asked for); where it says yes, the gate lets it through to the service (which here meets the
 * stand-in database). The other-account dimension, on a real database, is in
 * app/action-manifest.idor.test.ts (every role of account B against account A's objects).
 */
const getDb = vi.fn(async () => {
  throw new Error("a service ran: the database was asked for");
});
const viewer = { current: { kind: "anonymous" } as Viewer };
vi.mock("@/db", () => ({ getDb: () => getDb() }));
vi.mock("@/lib/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/actions/viewer", () => ({ currentViewer: async () => viewer.current }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// A write refused during a support view is recorded on the access log (issue 19 item 7); here that
// record is a stand-in, so the stand-in database still means "a service ran".
vi.mock("@/lib/actions/refused-writes", () => ({ recordRefusedWrite: vi.fn(async () => undefined) }));
vi.mock("next/headers", () => ({ cookies: vi.fn(), headers: vi.fn() }));

const ACCOUNT = "00000000-0000-4000-8000-00000000000a";

function anyArguments(): unknown[] {
  const form = new FormData();
  for (const name of ["packId", "keyId", "accountId", "sessionId", "userId", "invitationId", "quoteId", "id", "orderId"]) form.set(name, ACCOUNT);
  for (const [name, value] of Object.entries({ product: "scan", amount: "100", item: "scan.code-recognition:1k", quantity: "1", reason: "a reason", email: "x@test.example", role: "finance", name: "n" })) form.set(name, value);
  return [{}, form];
}

async function customerActions(): Promise<{ meta: ActionMeta; action: (...args: unknown[]) => Promise<unknown> }[]> {
  const all = [];
  for (const entry of Object.values(actionModules)) {
    if (!("load" in entry)) continue;
    for (const value of Object.values(await entry.load())) {
      const meta = actionMeta(value);
      if (meta?.audience === "customer") all.push({ meta, action: value as (...args: unknown[]) => Promise<unknown> });
    }
  }
  return all;
}

/** The action's answer as text, or what it threw (a stand-in database error, Next's 404 / redirect). */
async function answer(action: (...args: unknown[]) => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await action(...anyArguments())) ?? "";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" ? digest : String((error as Error).message);
  }
}

describe("the role matrix over the action manifest", () => {
  beforeEach(() => {
    getDb.mockClear();
  });

  it("every customer action is declared in the matrix, and every declared action exists", async () => {
    const names = (await customerActions()).map(({ meta }) => meta.name).sort();
    expect(names).toEqual(Object.keys(roleMatrix.actions).sort());
  });

  for (const role of memberRoles) {
    it(`as ${role}: refused with forbidden-role before any service exactly where the matrix says no`, async () => {
      for (const { meta, action } of await customerActions()) {
        viewer.current = { kind: "customer", userId: "00000000-0000-4000-8000-0000000000cc", accountId: ACCOUNT, email: "c@x", name: "C", memberRole: role };
        getDb.mockClear();
        const text = await answer(action);
        if (mayRun(role, meta.name)) {
          expect(text, `${meta.name} as ${role}`).not.toContain("forbidden-role");
        } else {
          expect(text, `${meta.name} as ${role}`).toContain(meta.refusal === "not-found" ? "NEXT_HTTP_ERROR_FALLBACK;404" : "forbidden-role");
          expect(getDb, `${meta.name} as ${role} reached a service`).not.toHaveBeenCalled();
        }
      }
    });
  }

  it("a support view is the owner's view and stays read-only", async () => {
    for (const { meta, action } of await customerActions()) {
      viewer.current = {
        kind: "impersonation",
        userId: "00000000-0000-4000-8000-0000000000aa",
        role: "support",
        email: "s@x",
        view: { id: "v", staffUserId: "s", staffName: "S", accountId: ACCOUNT, accountName: "A", reason: "r", ticketRef: null, startedAt: new Date(), expiresAt: new Date(Date.now() + 60_000) },
      };
      const text = await answer(action);
      expect(text, meta.name).not.toContain("forbidden-role");
      if (meta.writes) expect(text, meta.name).toMatch(/read-only-impersonation|NEXT_HTTP_ERROR_FALLBACK;404/);
    }
  });
});
