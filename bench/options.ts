import { parseArgs } from 'node:util';

export const sections = ['throughput', 'floor', 'read', 'memory'] as const;
export type Section = (typeof sections)[number];

export interface BenchOptions {
  /** Cases driven end to end (and floor workflows). */
  cases: number;
  /** Concurrent simulated users (and floor clients). */
  users: number;
  /** Cases generated into the read-side database (5 tasks each). */
  scale: number;
  /** Query iterations per read-side query. */
  iterations: number;
  /** Case workflows held open for the memory section. */
  openCases: number;
  only: Section[];
}

/** Defaults that finish in a few minutes on 2 cores; the full run is in `fullRun`. */
export const defaultOptions: BenchOptions = { cases: 60, users: 16, scale: 10_000, iterations: 200, openCases: 300, only: [...sections] };
export const fullRun = '--cases 1000 --users 16 --scale 100000 --open-cases 10000';

const flags = {
  cases: { env: 'BENCH_CASES' },
  users: { env: 'BENCH_USERS' },
  scale: { env: 'BENCH_SCALE' },
  iterations: { env: 'BENCH_ITERATIONS' },
  'open-cases': { env: 'BENCH_OPEN_CASES' },
} as const;

/** `--cases 200 --users 16 --scale 100000 --open-cases 10000 --only throughput,floor,read,memory`, or BENCH_* variables. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { ...Object.fromEntries(Object.keys(flags).map((name) => [name, { type: 'string' as const }])), only: { type: 'string' } },
    strict: true,
  });
  const number = (name: keyof typeof flags, fallback: number) => {
    const text = ((values as Record<string, string | undefined>)[name]) ?? env[flags[name].env];
    if (text === undefined) return fallback;
    const value = Number(text.replaceAll('_', ''));
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not ${text}`);
    return value;
  };
  const onlyText = (values.only as string | undefined) ?? env.BENCH_ONLY;
  const only = onlyText ? onlyText.split(',').map((s) => s.trim()) : [...sections];
  const unknown = only.filter((s) => !(sections as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--only knows ${sections.join(', ')}; not ${unknown.join(', ')}`);
  return {
    cases: number('cases', defaultOptions.cases),
    users: number('users', defaultOptions.users),
    scale: number('scale', defaultOptions.scale),
    iterations: number('iterations', defaultOptions.iterations),
    openCases: number('open-cases', defaultOptions.openCases),
    only: only as Section[],
  };
}
