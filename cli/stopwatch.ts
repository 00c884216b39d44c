/**
 * How long a piece of work took, for the `time` that CI test reports show. The clock is passed in so
 * a test can give a fake one; the real one is monotonic (performance.now), so the system clock being
 * set back or forward during a run never gives a negative or absurd duration.
 */

/** Milliseconds from some fixed point: only differences between two readings mean anything. */
export type Clock = () => number;

export const monotonicClock: Clock = () => performance.now();

/** Do the work and say how long it took, in milliseconds (never negative, whatever the clock does). */
export function timed<T>(clock: Clock, work: () => T): { value: T; ms: number } {
  const start = clock();
  const value = work();
  return { value, ms: Math.max(0, clock() - start) };
}
