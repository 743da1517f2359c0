import { NextResponse } from "next/server";
import { isTestMode } from "@/lib/clock";

/**
 * Test mode only (the e2e server, APP_TEST_MODE=1): a route handler that fails, so the browser
 * tests can check that Next's 500 carries the security headers (e2e/security-headers.spec.ts).
 * Any other server answers 404.
 */
export async function GET(): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  throw new Error("test mode: a route handler that fails on purpose");
}
