/**
 * A server of the metering API's hot endpoints alone (the fast path, no console): what the
 * scale-out test starts twice on one PostgreSQL and one Redis, and what `npm run bench` measures
 * beside the full server. Everything else answers 404. PORT (required), HOSTNAME (default 127.0.0.1).
 * RUN_DUE_INTERVAL_MS > 0 also runs the scheduler as a server does (instrumentation.ts), printing
 * one JSON line per run it made (the scale-out test checks that instances never run it at once).
 */
import { createServer } from "node:http";
import { startRunDueLoop } from "@/lib/billing/scheduler";
import { NON_PAGE_HEADERS } from "@/lib/security/headers.mjs";
import { serveFastPath } from "./api-fast-path";

const port = Number.parseInt(process.env.PORT ?? "", 10);
if (!Number.isInteger(port)) throw new Error("PORT is required");
const server = createServer((request, response) => {
  if (serveFastPath(request, response)) return;
  response.writeHead(404, { ...NON_PAGE_HEADERS, "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not-found", message: "not served here" } }));
});
server.keepAliveTimeout = 65_000;
server.listen(port, process.env.HOSTNAME || "127.0.0.1", () => console.log(`metering server listening on ${port}`));
const runDueMs = Number.parseInt(process.env.RUN_DUE_INTERVAL_MS ?? "0", 10);
if (runDueMs > 0) startRunDueLoop(runDueMs, (run) => console.log(JSON.stringify({ runDue: run })), runDueMs);
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
