/** A figure a bench prints: a label, a value and its unit. */
export interface BenchFigure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** A registered bench: a name and a function that measures and returns its figures. */
export interface Bench {
  readonly name: string;
  readonly description: string;
  /** Figures, or a promise of them for benches that drive a server or a database. */
  run(): BenchFigure[] | Promise<BenchFigure[]>;
}

/** CPU time of this process in milliseconds (user + system). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `body` repeatedly for about `seconds` of CPU time after a 1 s warm-up (so the JIT
 * has settled), returning iterations per CPU second. CPU time rather than wall time keeps
 * the figure steady when other processes share the machine; the loop is single-threaded,
 * so this is one core.
 * `body` returns a value folded into a sink so the work cannot be optimised away.
 */
export function measureRate(body: () => unknown, seconds = 2): number {
  let sink = 0;
  const fold = (value: unknown): void => {
    sink += typeof value === "string" ? value.length : 1;
  };
  const warmUntil = cpuMs() + 1000;
  while (cpuMs() < warmUntil) fold(body());
  let iterations = 0;
  const start = cpuMs();
  const until = start + seconds * 1000;
  let now = start;
  while (now < until) {
    for (let i = 0; i < 100; i++) fold(body());
    iterations += 100;
    now = cpuMs();
  }
  if (sink < 0) console.log(sink);
  return iterations / ((now - start) / 1000);
}
