import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { actionModules } from "@/app/action-manifest";
import type { SupportView } from "@/lib/support/impersonation";
import { actionMeta, type ActionMeta } from "@/lib/actions/define";
import type { Viewer } from "@/lib/actions/viewer";

// The session and the database are the two things an action reaches for; both are stand-ins here, so
// a refused call that touched the database (any service) would show as a call to getDb.
const getDb = vi.fn(async () => {
  throw new Error("a service ran: the database was asked for");
});
const viewer = { current: { kind: "anonymous" } as Viewer };
vi.mock("@/db", () => ({ getDb: () => getDb() }));
vi.mock("@/lib/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/actions/viewer", async () => {
  return { currentViewer: async () => viewer.current };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The one row a refused support view writes (issue 19 item 7): recorded here, never a service's write.
const refusedWrites = vi.fn(async (_viewer: Viewer, _action: string) => {});
vi.mock("@/lib/actions/refused-writes", () => ({ recordRefusedWrite: (v: Viewer, a: string) => refusedWrites(v, a) }));
vi.mock("next/headers", () => ({ cookies: vi.fn(), headers: vi.fn() }));

const ACCOUNT = "00000000-0000-4000-8000-00000000000a";
const view: SupportView = {
  id: "00000000-0000-4000-8000-0000000000ee",
  staffUserId: "00000000-0000-4000-8000-0000000000aa",
  staffName: "Support",
  accountId: ACCOUNT,
  accountName: "Viewed Co",
  reason: "checking the customer's bill",
  ticketRef: null,
  startedAt: new Date(),
  expiresAt: new Date(Date.now() + 3_600_000),
};
const viewers = {
  impersonation: { kind: "impersonation", userId: view.staffUserId, role: "support", email: "s@x", view },
  customer: { kind: "customer", userId: "00000000-0000-4000-8000-0000000000cc", accountId: ACCOUNT, email: "c@x", name: "C", memberRole: "owner" },
  staff: { kind: "staff", userId: view.staffUserId, role: "support", email: "s@x" },
  anonymous: { kind: "anonymous" },
} satisfies Record<string, Viewer>;

/** Plausible arguments for any action's signature: a previous form state and a FormData full of ids. */
function anyArguments(): unknown[] {
  const form = new FormData();
  for (const name of ["packId", "keyId", "accountId", "sessionId", "product", "amount", "item", "reason"]) form.set(name, ACCOUNT);
  return [{}, form];
}

function appFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? appFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * What an action answered, as text: its result, or the digest of Next's 404 / redirect when it threw
 * one (an action declared `refusal: "not-found"` refuses that way, see ActionMeta).
 */
async function answer(action: (...args: unknown[]) => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await action(...anyArguments())) ?? "";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && /^NEXT_(HTTP_ERROR_FALLBACK;404|REDIRECT)/.test(digest)) return digest;
    throw error;
  }
}

/** The refusal an action must give for `code`: the code itself, or a 404 / sign-in redirect for `refusal: "not-found"`. */
function refusalOf(meta: ActionMeta | undefined, code: string): string {
  if (meta?.refusal !== "not-found") return code;
  return code === "sign-in-required" ? "/sign-in?callbackUrl=" : "NEXT_HTTP_ERROR_FALLBACK;404";
}

async function loadedActions(): Promise<{ file: string; name: string; action: (...args: unknown[]) => Promise<unknown>; meta: ActionMeta | undefined }[]> {
  const all = [];
  for (const [file, entry] of Object.entries(actionModules)) {
    if (!("load" in entry)) continue;
    const mod = await entry.load();
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") all.push({ file, name, action: value as (...args: unknown[]) => Promise<unknown>, meta: actionMeta(value) });
    }
  }
  return all;
}

describe("the action manifest", () => {
  beforeEach(() => {
    getDb.mockClear();
    refusedWrites.mockClear();
  });

  it("lists every 'use server' file of the app", () => {
    const root = path.resolve(__dirname, "..");
    const serverFiles = appFiles(path.join(root, "app"))
      .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .sort();
    expect(serverFiles).toEqual(Object.keys(actionModules).sort());
  });

  it("every exported action is built with defineAction and names itself", async () => {
    const actions = await loadedActions();
    expect(actions.length).toBeGreaterThan(15);
    for (const { file, name, meta } of actions) {
      expect(meta, `${file}#${name} is not built with defineAction`).toBeDefined();
      expect(meta?.name.split("#")[1]).toBe(name);
    }
  });

  it("every writing action refuses a support view before any service runs", async () => {
    viewer.current = viewers.impersonation;
    const writers = (await loadedActions()).filter(({ meta }) => meta?.writes && !meta.allowedWhileViewing);
    expect(writers.length).toBeGreaterThan(12);
    for (const { file, name, action, meta } of writers) {
      expect(await answer(action), `${file}#${name}`).toContain(refusalOf(meta, "read-only-impersonation"));
      // …and the customer's access log is told what the view tried.
      expect(refusedWrites, `${file}#${name}`).toHaveBeenLastCalledWith(viewers.impersonation, meta?.name);
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("staff on the one-time password from create-staff may run no staff action but changing it, before any service runs", async () => {
    viewer.current = { ...viewers.staff, role: "admin", mustChangePassword: true };
    const staffActions = (await loadedActions()).filter(({ meta }) => meta?.audience === "staff");
    expect(staffActions.length).toBeGreaterThan(8);
    const exempt = staffActions.filter(({ meta }) => meta?.allowedBeforePasswordChange).map(({ meta }) => meta?.name);
    expect(exempt).toEqual(["staff-password#changeStaffPasswordAction"]);
    for (const { file, name, action, meta } of staffActions) {
      if (meta?.allowedBeforePasswordChange) continue;
      expect(JSON.stringify(await action(...anyArguments())) ?? "", `${file}#${name}`).toContain("password-change-required");
    }
    expect(getDb).not.toHaveBeenCalled();
  });

  it("customer actions refuse staff and the signed-out; staff actions refuse customers; before any service runs", async () => {
    const actions = await loadedActions();
    for (const { file, name, action, meta } of actions) {
      if (!meta || meta.audience === "public") continue;
      const label = `${file}#${name}`;
      viewer.current = viewers.anonymous;
      expect(await answer(action), label).toContain(refusalOf(meta, "sign-in-required"));
      viewer.current = meta.audience === "customer" ? viewers.staff : viewers.customer;
      expect(await answer(action), label).toContain(refusalOf(meta, meta.audience === "customer" ? "forbidden" : "staff-only"));
      if (meta.audience === "staff" && meta.roles && !meta.roles.includes("support")) {
        viewer.current = viewers.staff;
        expect(await answer(action), `${label} is for ${meta.roles.join(", ")} only`).toContain(refusalOf(meta, "staff-only"));
      }
    }
    expect(getDb).not.toHaveBeenCalled();
  });
});
