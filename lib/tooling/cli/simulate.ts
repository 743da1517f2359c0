/**
 * `npm run simulate -- --key KEY [--url http://localhost:3000] [--rate 200] [--duration 30]
 *   [--apis processing.quality,body.detection] [--batch 100]`
 * Sends realistic gateway traffic through the metering HTTP API: `rate` calls a second spread over
 * the APIs, reported in batches, until `duration` seconds pass. Bounded in count and time; loopback
 * or the console you point it at only. Prints what the console answered.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseFlags } from "@/lib/ops/args";
import { shanghaiIsoString } from "@/lib/pricing";

const flags = z.object({
  key: z.string({ error: "--key is required (create one on the API keys page)" }).min(10),
  url: z.string().url().default("http://localhost:3000"),
  rate: z.coerce.number().int().min(1).max(100_000).default(200),
  duration: z.coerce.number().int().min(1).max(3600).default(30),
  apis: z.string().default("processing.quality,recognition.product,body.detection"),
  batch: z.coerce.number().int().min(1).max(1000).default(100),
});

async function main(): Promise<void> {
  const parsed = flags.safeParse(parseFlags(["simulate", ...process.argv.slice(2)]).flags);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`--${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}`);
    process.exit(2);
  }
  const options = parsed.data;
  const apis = options.apis.split(",").map((a) => a.trim()).filter(Boolean);
  const run = randomUUID().slice(0, 8);
  const totals = { requests: 0, accepted: 0, duplicate: 0, rejected: 0, errors: 0 };
  const rejections = new Map<string, number>();
  const started = Date.now();
  let sequence = 0;
  const intervalMs = Math.max(50, Math.round((options.batch / options.rate) * 1000));
  while (Date.now() - started < options.duration * 1000) {
    const tickStart = Date.now();
    const events = Array.from({ length: options.batch }, () => {
      sequence += 1;
      // Bursty, like real traffic: mostly single calls, sometimes a gateway-side aggregate.
      const calls = Math.random() < 0.9 ? 1 : 1 + Math.floor(Math.random() * 20);
      return { id: `sim-${run}-${sequence}`, api: apis[sequence % apis.length] ?? "processing.quality", calls, at: shanghaiIsoString(new Date()) };
    });
    try {
      const response = await fetch(new URL("/api/v1/usage", options.url), {
        method: "POST",
        headers: { authorization: `Bearer ${options.key}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
      });
      totals.requests += 1;
      if (!response.ok) {
        totals.errors += 1;
        console.error(`HTTP ${response.status}: ${await response.text()}`);
        if (response.status === 401) process.exit(1);
      } else {
        const { results } = (await response.json()) as { results: { status: string; error?: { code: string } }[] };
        for (const result of results) {
          if (result.status === "accepted") totals.accepted += 1;
          else if (result.status === "duplicate") totals.duplicate += 1;
          else {
            totals.rejected += 1;
            const code = result.error?.code ?? "?";
            rejections.set(code, (rejections.get(code) ?? 0) + 1);
          }
        }
      }
    } catch (error) {
      totals.errors += 1;
      console.error(error instanceof Error ? error.message : error);
    }
    const wait = intervalMs - (Date.now() - tickStart);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ ...totals, seconds: Math.round(seconds), eventsPerSecond: Math.round((totals.accepted + totals.duplicate + totals.rejected) / seconds), rejections: Object.fromEntries(rejections) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
