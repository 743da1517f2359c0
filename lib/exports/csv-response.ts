import "server-only";
import { auth } from "@/lib/auth";
import { customerContext } from "@/lib/auth/session";
import type { ServiceContext } from "@/lib/context";

/**
 * The signed-in customer's context for a CSV download, or null. Route handlers sit outside the
 * console layout's guard, so the session is checked here; the account comes from it, never the URL.
 */
export async function csvCustomerContext(): Promise<ServiceContext | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || user.role !== "customer" || !user.accountId) return null;
  return customerContext({ userId: user.id, accountId: user.accountId, email: user.email ?? "", name: user.name ?? "" });
}

export function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
  });
}
