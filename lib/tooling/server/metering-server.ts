/**
 * `npm run metering`: the metering API (POST /api/v1/usage, POST /api/v1/authorize) as its own
 * process beside the console (issue 18 item 2; deploy/nginx.conf sends those two paths here). Same
 * repository, same lib/metering, same answers as the console's route handlers; its own port and its
 * own database pool. PostgreSQL only (DATABASE_URL): the embedded database allows one process, and
 * there `npm start`'s route handlers serve the same paths.
 *
 * METERING_PORT, else PORT (default 3100); HOSTNAME (default: every interface, as the console).
 * SIGTERM or SIGINT: stop accepting, answer what is in flight, close the pool, exit (metering-service.ts).
 * RUN_DUE_INTERVAL_MS > 0 also runs the scheduler as a console does (instrumentation.ts), printing
 * one JSON line per run it made (the scale-out test checks that instances never run it at once).
 */
import { closeDb, getDb } from "@/db";
import { startRunDueLoop } from "@/lib/billing/scheduler";
import { createMeteringService } from "./metering-service";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("the metering service needs DATABASE_URL (PostgreSQL); on the embedded database `npm start` serves the metering API itself");
  const portText = process.env.METERING_PORT?.trim() || process.env.PORT?.trim() || "3100";
  const port = Number.parseInt(portText, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65_535 || String(port) !== portText) throw new Error(`METERING_PORT (or PORT) must be a port number; got "${portText}"`);
  const hostname = process.env.HOSTNAME?.trim() || "0.0.0.0";
  // Opened (and migrated) before listening: a database that cannot be reached fails the start, not the first gateway.
  await getDb();
  const service = createMeteringService({ port, hostname });
  const bound = await service.listening;
  console.log(`metering service listening on http://${hostname}:${bound}`);
  const runDueMs = Number.parseInt(process.env.RUN_DUE_INTERVAL_MS ?? "0", 10);
  const stopRunDue = runDueMs > 0 ? startRunDueLoop(runDueMs, (run) => console.log(JSON.stringify({ runDue: run })), runDueMs) : () => {};
  const stop = (signal: NodeJS.Signals) => {
    console.log(`metering service: ${signal}, finishing ${service.inFlight()} request(s) in flight`);
    stopRunDue();
    void service
      .shutdown()
      .then(() => closeDb())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
