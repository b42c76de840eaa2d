import { CvError } from "../../src/engine";

/** "kind:code:arg" of the engine error a call throws. */
export function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CvError) return `${error.kind}:${error.code}:${error.params.arg ?? ""}`;
    throw error;
  }
  throw new Error("no error thrown");
}

/** A deterministic pseudo-random generator (mulberry32) for reproducible test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
