/** `--flag value` and `--flag=value` pairs after the command name; a bare `--flag` is "true". */
export function parseFlags(argv: string[]): { command: string | undefined; flags: Record<string, string> } {
  const [command, ...rest] = argv;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (!arg.startsWith("--")) {
      // One bare argument is a file the command reads (`import-bank-statement FILE.csv`); the command's
      // own flags schema refuses it where no file is taken.
      if (flags.file !== undefined) throw new OpsError("invalid-argument", `unexpected argument "${arg}"`);
      flags.file = arg;
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        flags[arg.slice(2)] = next;
        i++;
      } else {
        flags[arg.slice(2)] = "true";
      }
    }
  }
  return { command, flags };
}

export class OpsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OpsError";
  }
}
