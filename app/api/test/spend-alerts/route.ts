import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { evaluateSpendAlerts } from "@/lib/budgets/evaluate";
import { isTestMode, now } from "@/lib/clock";

/**
 * TEST MODE ONLY (the e2e server, APP_TEST_MODE=1); every other server answers 404. The e2e server
 * runs no minute-by-minute run-due (tests drive time themselves), so a browser test runs run-due's
 * spend-alert step here: exactly what the scheduler would do at its next tick, and nothing else
 * (no close, which would bill other tests' accounts).
 */
export async function POST(): Promise<NextResponse> {
  if (!isTestMode()) return NextResponse.json({ error: { code: "not-found" } }, { status: 404 });
  const report = await evaluateSpendAlerts({ ctx: { db: await getDb(), actor: { type: "system", reason: "e2e spend alerts" }, now: now() } });
  return NextResponse.json(report);
}
