/** The one source of the time of day, injected everywhere, so tests and the digest's catch-up can move it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
