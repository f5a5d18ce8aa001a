/**
 * Fault mode for the local Bot API: it fails the way Telegram and the network between do, from a seed, so a test
 * or the bench can run the same flows with faults switched on and count what it did to them.
 *
 * A failure "after" the call means the call took effect (the message is stored) and only the answer was lost:
 * that is the case in which a client's retry sends a message twice.
 */

export type FaultKind =
  | "too-many-requests"
  | "server-error-before"
  | "server-error-after"
  | "reset-before"
  | "reset-after"
  | "hang"
  | "slow";

export const FAULT_KINDS: readonly FaultKind[] = ["too-many-requests", "server-error-before", "server-error-after", "reset-before", "reset-after", "hang", "slow"];

export interface FaultOptions {
  seed: number;
  /** Chance per call of each fault, 0..1; their sum must stay ≤ 1. Absent kinds never happen. */
  rates: Partial<Record<FaultKind, number>>;
  /** Methods that may fail; by default every method except getUpdates (whose waits are the client's own). */
  methods?: readonly string[];
  /** Chats whose calls may fail; by default every chat. */
  chats?: readonly number[];
  /** A 429 starts a storm for its chat: every call there answers 429 until retry_after has passed. Default 1. */
  retryAfterSeconds?: number;
  /** How late a slow answer comes, in milliseconds, drawn between the two. Default [50, 400]. */
  slowMs?: readonly [number, number];
  /**
   * Transient faults only: after this many failed calls in a row in one scope, its next call is answered (a slow
   * answer is no failure; the 429s of a storm neither count nor are cut short). By default a run has no end.
   */
  maxRun?: number;
}

/** What the transport must do instead of answering: drop the connection. */
export class ConnectionReset extends Error {
  constructor(readonly method: string) {
    super(`local Bot API: connection reset during ${method} (fault mode)`);
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same faults for the same order of calls. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  /** How many faults of each kind were injected (every 429 of a storm counts). */
  readonly injected: Record<FaultKind, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  private readonly random: () => number;
  private readonly storms = new Map<string, number>();
  /** Failed calls in a row per scope, while maxRun is set. */
  private readonly runs = new Map<string, number>();

  constructor(readonly options: FaultOptions) {
    const total = Object.values(options.rates).reduce((s, r) => s + (r ?? 0), 0);
    if (total > 1) throw new Error(`local Bot API fault mode: the rates add up to ${total}; keep their sum at most 1`);
    this.random = seededRandom(options.seed);
  }

  get retryAfter(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  /** The fault for one call, or undefined to answer normally. `scope` is the chat (flood limits are per chat). */
  decide(method: string, scope: string, now: number): FaultKind | undefined {
    if (this.options.methods ? !this.options.methods.includes(method) : method === "getUpdates") return undefined;
    if (this.options.chats && !this.options.chats.some((c) => String(c) === scope)) return undefined;
    const storm = this.storms.get(scope);
    if (storm !== undefined && now < storm) return this.count("too-many-requests");
    this.storms.delete(scope);
    const kind = this.draw();
    const { maxRun } = this.options;
    if (maxRun !== undefined) {
      const run = this.runs.get(scope) ?? 0;
      if (kind === undefined || kind === "slow" || run >= maxRun) {
        this.runs.delete(scope);
        if (kind !== "slow") return undefined;
      } else this.runs.set(scope, run + 1);
    }
    if (kind === "too-many-requests") this.storms.set(scope, now + this.retryAfter * 1000);
    return kind === undefined ? undefined : this.count(kind);
  }

  private draw(): FaultKind | undefined {
    let r = this.random();
    for (const kind of FAULT_KINDS) {
      const rate = this.options.rates[kind] ?? 0;
      if (r < rate) return kind;
      r -= rate;
    }
    return undefined;
  }

  /** Seconds left in the storm of a scope, as Telegram's retry_after (at least 1). */
  retryAfterFor(scope: string, now: number): number {
    return Math.max(1, Math.ceil(((this.storms.get(scope) ?? now) - now) / 1000));
  }

  slowDelay(): number {
    const [min, max] = this.options.slowMs ?? [50, 400];
    return min + this.random() * (max - min);
  }

  get total(): number {
    return Object.values(this.injected).reduce((s, n) => s + n, 0);
  }

  private count(kind: FaultKind): FaultKind {
    this.injected[kind]++;
    return kind;
  }
}
