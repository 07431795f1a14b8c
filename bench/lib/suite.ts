/** What a benchmark suite is: registered in bench/suites.ts, run by bench/run.ts. */

export interface SuiteContext {
  quick: boolean;
  /** Minimum warm-up; it goes on until the rate is steady, up to maxWarmupMs (see lib/load.ts). */
  warmupMs: number;
  maxWarmupMs: number;
  durationMs: number;
  /** How long to wait for other processes' CPU load to drop before a measurement (lib/cpu.ts waitForQuiet). */
  quietMaxWaitMs: number;
  /** Extra node flags for server children (BENCH_SERVER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"). */
  serverNodeFlags: string[];
  /** Progress for humans (stderr), kept out of the tables on stdout. */
  progress(line: string): void;
}

export interface SuiteOutput {
  /** Printed as is. */
  table: string;
  /** Stored in the result file next to the machine info and parameters. */
  results: unknown;
}

export interface Suite {
  name: string;
  description: string;
  run(ctx: SuiteContext): Promise<SuiteOutput>;
}
