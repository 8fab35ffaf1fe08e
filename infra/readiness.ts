/** Named checks of what a process cannot work without; each gets a bounded time to answer. */
export type Checks = Record<string, () => Promise<unknown>>;

export interface Readiness {
  ready: boolean;
  body: { status: 'ready' | 'not ready'; checks: Record<string, 'up' | 'down'> };
}

export async function readiness(checks: Checks, timeoutMs = 3_000): Promise<Readiness> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, 'up'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const ready = results.every(([, state]) => state === 'up');
  return { ready, body: { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) } };
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}
