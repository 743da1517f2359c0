import "server-only";
import type { ServiceContext } from "@/lib/context";
import { mayRead } from "@/lib/identity/roles";
import { supportConsoleSession } from "@/lib/support/console-view";
import { currentSession as auth } from "./current-session";
import { customerContext } from "./session";

/**
 * The context of a console route handler (a CSV download, a live JSON read), or null when the request
 * may not read the console: signed out, or staff without a live support view. Route handlers sit
 * outside the console layout's guard, so each calls this; the account comes from the session or the
 * view, never from the URL. A support view's read is recorded in the customer's access log here
 * (issue 17 item 5): a download with its query (which month, which dates), a live read by its path.
 */
export async function consoleRouteContext(request: Request, kind: "download" | "data"): Promise<ServiceContext | "forbidden-role" | null> {
  const user = (await auth())?.user;
  if (!user?.id || !user.role) return null;
  if (user.role === "customer") {
    if (!user.accountId) return null;
    const memberRole = user.memberRole ?? "owner";
    // The role matrix (docs/roles.md): a route the member's role may not read answers 403.
    if (!mayRead(memberRole, new URL(request.url).pathname)) return "forbidden-role";
    return customerContext({ userId: user.id, accountId: user.accountId, email: user.email ?? "", name: user.name ?? "", memberRole });
  }
  const url = new URL(request.url);
  const viewing = await supportConsoleSession(user.id, { path: kind === "download" ? `${url.pathname}${url.search}` : url.pathname, kind });
  return viewing ? customerContext({ ...viewing, memberRole: "owner" }) : null;
}
