/** A seeded pseudo-random source (mulberry32): a fault run that failed can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of a fault run: FAULT_SEED if set, else the one given (fixed, so that CI runs the same points). */
export function faultSeed(fallback: number): number {
  return process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : fallback;
}
