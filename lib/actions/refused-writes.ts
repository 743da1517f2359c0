import "server-only";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { actorOf } from "@/lib/context/actor";
import { recordSupportRefusal } from "@/lib/support/impersonation";
import type { Viewer } from "./viewer";

/**
 * A write a support view tried and the read-only gate refused (a purchase, a top-up…): one row in the
 * customer's trail, so their access log lists it beside the pages the view read (issue 19 item 7).
 * Written on its own, outside any transaction: nothing else happens for a refused action.
 */
export async function recordRefusedWrite(viewer: Extract<Viewer, { kind: "impersonation" }>, action: string): Promise<void> {
  await recordSupportRefusal({ db: await getDb(), actor: actorOf(viewer), now: now() }, viewer.view, action);
}
