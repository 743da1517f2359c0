import { NextResponse } from "next/server";
import { currentSession } from "@/lib/auth/current-session";
import { liveJson } from "@/lib/live/session";

/**
 * GET: who is signed in on this browser, as far as the public pages need to know (`{ role }`, null
 * without a session). The prerendered public pages are the same HTML for everyone; their client
 * island (components/public/use-viewer-role.ts) asks here to offer the way back to the console and,
 * on sign-in, to send a signed-in customer on. Never cached: the answer is this browser's.
 */
export async function GET(): Promise<NextResponse> {
  const role = (await currentSession())?.user?.role ?? null;
  return liveJson({ role });
}
