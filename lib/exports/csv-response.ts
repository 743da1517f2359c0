import "server-only";
import { consoleRouteContext } from "@/lib/auth/console-route";
import type { ServiceContext } from "@/lib/context";

/**
 * The context of a CSV download, or null: the signed-in customer, or a staff member's live support
 * view (a read, recorded in the customer's access log by `consoleRouteContext`).
 */
export async function csvCustomerContext(request: Request): Promise<ServiceContext | Response> {
  const ctx = await consoleRouteContext(request, "download");
  if (ctx === null) return new Response("sign in required", { status: 401 });
  if (ctx === "forbidden-role") return forbiddenRoleResponse();
  return ctx;
}

/** A route the member's role may not read (docs/roles.md). */
export function forbiddenRoleResponse(): Response {
  return Response.json({ error: "forbidden-role" }, { status: 403, headers: { "cache-control": "no-store" } });
}

export function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
}
