import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { outbox, type DeliveryChannel } from "@/db/schema/messaging";
import type { ServiceContext } from "@/lib/context";
import type { ChannelSender } from "./channels";

/** Retry policy: exponential from 30 s, capped at 10 minutes (SPEC §5: delivery may lag up to 10 minutes). */
export const DELIVERY_RETRY = { firstDelayMs: 30_000, maxDelayMs: 10 * 60_000, maxAttempts: 50, batch: 50 } as const;

export function nextDelayMs(attempts: number): number {
  return Math.min(DELIVERY_RETRY.firstDelayMs * 2 ** Math.max(0, attempts - 1), DELIVERY_RETRY.maxDelayMs);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
}

/**
 * Sends the deliveries that are due. Each row is claimed with FOR UPDATE SKIP LOCKED inside its own
 * transaction and marked sent in that transaction, so two workers never send the same row and a
 * row is sent once. A failure schedules a retry; an unconfigured channel keeps its rows pending
 * (nothing is lost: they go out once the channel is configured) but backs off to the cap.
 */
export async function deliverDue(ctx: ServiceContext, senders: Partial<Record<DeliveryChannel, ChannelSender>>): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  for (let i = 0; i < DELIVERY_RETRY.batch; i++) {
    const outcome = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, ctx.now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return "none" as const;
      const sender = senders[row.channel];
      try {
        if (!sender) throw new Error(`the ${row.channel} channel is not configured`);
        await sender.send({ id: row.id, target: row.target, subject: row.subject, body: row.body });
        await tx.update(outbox).set({ status: "sent", sentAt: ctx.now, attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(eq(outbox.id, row.id));
        return "sent" as const;
      } catch (error) {
        const attempts = row.attempts + 1;
        const dead = attempts >= DELIVERY_RETRY.maxAttempts;
        await tx
          .update(outbox)
          .set({
            attempts,
            status: dead ? "dead" : "pending",
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
            nextAttemptAt: new Date(ctx.now.getTime() + nextDelayMs(attempts)),
          })
          .where(eq(outbox.id, row.id));
        return dead ? ("dead" as const) : ("retrying" as const);
      }
    });
    if (outcome === "none") break;
    report[outcome] += 1;
  }
  return report;
}
