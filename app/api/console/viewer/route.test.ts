import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/console/viewer/route";

/**
 * The one question the prerendered public pages ask the server (app/api/console/viewer): the
 * session's role and nothing more, never cached, null without a session.
 */
const state: { session: { user: { id: string; role: string; accountId: string | null; email: string } } | null } = { session: null };
vi.mock("@/lib/auth", () => ({ auth: async () => state.session, signIn: vi.fn(), signOut: vi.fn() }));

describe("GET /api/console/viewer", () => {
  it("answers the session's role only, never from a cache", async () => {
    state.session = { user: { id: "00000000-0000-0000-0000-000000000001", role: "customer", accountId: "00000000-0000-0000-0000-000000000002", email: "a@example.com" } };
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ role: "customer" });
  });

  it("answers null without a session", async () => {
    state.session = null;
    expect(await (await GET()).json()).toEqual({ role: null });
  });
});
