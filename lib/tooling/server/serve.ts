/**
 * The production server `npm start` runs: Next's request handler, with the metering API's hot
 * endpoints (POST /api/v1/usage, POST /api/v1/authorize) answered first by a plain Node handler in
 * the same process (api-fast-path.ts) — the same code as their route handlers, without Next's
 * routing and request wrapping around a call a gateway makes on every request.
 *
 * The fast path runs only on PostgreSQL (DATABASE_URL): there its database pool and caches are its
 * own beside Next's, and what they share (revocations, QPS counts) goes through Redis or the
 * database. The embedded database (the demo) allows one open handle per process, so there Next
 * serves everything, as `next start` would. METERING_FAST_PATH=0 turns the fast path off.
 *
 * The public pages' prerendered copies are answered from memory too (prerendered-fast-path.ts), on
 * either database; PRERENDERED_FAST_PATH=0 leaves them to Next.
 * PORT (default 3000), HOSTNAME (default: every interface, as `next start`).
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { serveFastPath } from "./api-fast-path";
import { loadPrerenderedCopies, servePrerendered } from "./prerendered-fast-path";

export async function serve(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? "3000", 10);
  const hostname = process.env.HOSTNAME || undefined;
  const fastPath = Boolean(process.env.DATABASE_URL) && process.env.METERING_FAST_PATH !== "0";
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The public pages' unchanging prerendered copies, answered from memory (prerendered-fast-path.ts).
  const copies = process.env.PRERENDERED_FAST_PATH === "0" ? new Map() : loadPrerenderedCopies(path.join(process.cwd(), ".next"));
  const server = createServer((request, response) => {
    if (fastPath && serveFastPath(request, response)) return;
    if (servePrerendered(copies, request, response)) return;
    void handle(request, response);
  });
  // Gateways keep their connections open; outlive a typical 60 s idle timeout in front.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`  ▲ Ready on http://${hostname ?? "localhost"}:${port}${fastPath ? " (metering fast path on)" : ""}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

serve().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
