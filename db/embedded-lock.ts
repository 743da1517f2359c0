import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/**
 * One process at a time on an embedded (PGlite) data folder. PGlite is PostgreSQL in the process's
 * memory: a second process on the same folder neither sees the first one's writes (each keeps its
 * own buffers) nor keeps the files consistent when both write. So the folder's first opener holds
 * `<folder>.lock` (its pid) until it closes; another opener is refused with what to do instead. A
 * lock left by a process that no longer runs (killed) is taken over.
 */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dir} is open in another process (pid ${pid}, most likely the running console). ` +
        "It takes one process at a time: stop the console (Ctrl-C), run this, then start it again — or set DATABASE_URL to a PostgreSQL server, which any number of processes share.",
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock for this process; returns the function that releases it. */
export function lockEmbeddedDatabase(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        rmSync(file, { force: true });
        process.off("exit", release);
      };
      // A process that exits without closing the database still lets go of the folder.
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new EmbeddedDatabaseBusyError(dir, pid);
      // Left behind by a process that is gone (or unreadable): take it over once.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the embedded database at ${dir}`);
}
