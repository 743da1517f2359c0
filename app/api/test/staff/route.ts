import { z } from "zod";
import { now } from "@/lib/clock";
import { createStaff } from "@/lib/identity/staff";
import { testOnlyPost } from "@/lib/tooling/testing/test-route";

const body = z.object({ email: z.string().email(), role: z.enum(["support", "admin"]), name: z.string().min(1).max(100) });

/**
 * Test mode only: a staff user of its own per browser test (a staff member holds one support view at
 * a time, so parallel tests must not share one).
 */
export const POST = testOnlyPost(body, async (input, db) => {
  const created = await createStaff({ ctx: { db, actor: { type: "system", reason: "e2e" }, now: now() }, input });
  return { email: created.email, password: created.oneTimePassword };
});
