/**
 * `npm run --silent ops -- COMMAND [--flags]` (API.md §2): prints JSON; bad input prints
 * `{"error":{"code","message"}}` and exits 2. Uses the server's database (DATABASE_URL or the embedded one).
 */
import { defaultDataDir, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { EmbeddedDatabaseBusyError } from "@/db/embedded-lock";
import { now, parseInstant, setFixedNow } from "@/lib/clock";
import { OpsError, parseFlags } from "@/lib/ops/args";
import { commands as domainCommands, opsErrorOf, systemContext, type Command } from "@/lib/ops/commands";
import { wireDomainHooks } from "@/lib/hooks";
import { seedDemo } from "@/lib/tooling/demo/seed";

/** The domain's commands, and the demo data (tooling: lib/ops never imports lib/tooling). */
const commands: Record<string, Command> = {
  ...domainCommands,
  "seed-demo": (env) => seedDemo({ ctx: systemContext(env), dataDir: defaultDataDir() }),
};

function fail(error: OpsError): never {
  process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  wireDomainHooks();
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(process.argv.slice(2));
  } catch (error) {
    fail(error instanceof OpsError ? error : new OpsError("invalid-argument", String(error)));
  }
  const { command, flags } = parsed;
  const run = command ? commands[command] : undefined;
  if (!run) fail(new OpsError("unknown-command", `unknown command "${command ?? ""}"; one of: ${Object.keys(commands).join(", ")}`));
  // Only import-bank-statement takes a bare FILE argument (lib/ops/args.ts keeps it as `file`).
  if (flags.file !== undefined && command !== "import-bank-statement") fail(new OpsError("invalid-argument", `unexpected argument "${flags.file}"`));
  if (flags.now !== undefined) {
    const at = parseInstant(flags.now);
    if (!at) fail(new OpsError("invalid-argument", `--now "${flags.now}": not an ISO instant with an offset, e.g. 2026-12-01T00:05:00+08:00`));
    setFixedNow(at);
  }
  const { now: _now, ...commandFlags } = flags;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  } catch (error) {
    // The console is running on the embedded database: say so and what to do, not a stack trace.
    if (error instanceof EmbeddedDatabaseBusyError) fail(new OpsError("database-busy", error.message));
    throw error;
  }
  try {
    if (command !== "migrate") await migrateDatabase(handle);
    const result = await run({ handle, now: now() }, commandFlags);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    const known = opsErrorOf(error);
    if (known) fail(known);
    throw error;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.stdout.write(`${JSON.stringify({ error: { code: "internal", message: "unexpected failure; see stderr" } })}\n`);
  process.exit(1);
});
