import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { EmbeddedDatabaseBusyError, lockEmbeddedDatabase } from "./embedded-lock";

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "embedded-lock-"));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process that runs until killed, and one that has already exited: their pids. */
async function otherProcess(): Promise<{ pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  await new Promise((resolve) => child.once("spawn", resolve));
  return { pid: child.pid ?? 0, stop: () => child.kill("SIGKILL") };
}

// `npm run ops` beside a running `npm start` on the embedded database wrote to the same folder from a
// second PGlite: the console never saw the staff member it made, and both wrote the same files.
describe("the embedded database takes one process at a time", () => {
  it("an opener holds <folder>.lock with its pid until it closes", async () => {
    const dataDir = folder();
    const handle = await openDatabase({ dataDir });
    const lock = path.join(dataDir, "pglite.lock");
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    await handle.close();
    expect(existsSync(lock)).toBe(false);
  });

  it("a folder locked by another live process is refused, saying what to do", async () => {
    const dir = path.join(folder(), "pglite");
    const other = await otherProcess();
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => lockEmbeddedDatabase(dir)).toThrow(EmbeddedDatabaseBusyError);
      expect(() => lockEmbeddedDatabase(dir)).toThrow(/stop the console \(Ctrl-C\)/);
      // Refused, it leaves the other process's lock alone.
      expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(other.pid));
    } finally {
      other.stop();
    }
  });

  it("a lock left by a process that is gone is taken over", async () => {
    const dir = path.join(folder(), "pglite");
    const other = await otherProcess();
    other.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    writeFileSync(`${dir}.lock`, String(other.pid));
    const release = lockEmbeddedDatabase(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
