/** Timing and memory helpers shared by the bench processes. */

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** p50, p95, p99 and max of a list of milliseconds, named `<name>_p50` and so on. */
export function latencies(name: string, xs: readonly number[]): Record<string, number> {
  return { [`${name}_p50`]: percentile(xs, 50), [`${name}_p95`]: percentile(xs, 95), [`${name}_p99`]: percentile(xs, 99), [`${name}_max`]: Math.max(...xs) };
}

export function timeEach<T>(inputs: readonly T[], run: (x: T) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = performance.now();
      run(x);
      times.push(performance.now() - t);
    }
  }
  return times;
}

/**
 * Memory in use after a full collection (the bench processes run with --expose-gc): the JS heap plus array
 * buffers, which typed arrays keep outside it.
 */
export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench: run with node --expose-gc so heap figures are after a collection");
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * What a digest fan-out did, read from the local Bot API's call log: messages accepted a second, 429s, chats
 * that got more than one message, and subscribers that got none.
 */
export async function fanoutCounts(apiRoot: string, subscribers: number, seconds: number): Promise<{ rate: number; tooMany: number; duplicates: number; lost: number }> {
  const calls = (await (await fetch(`${apiRoot}/_local/calls?brief=1`)).json()) as Array<{ method: string; ok: boolean; chat_id: number; description?: string }>;
  const sends = calls.filter((c) => c.method === "sendMessage");
  const accepted = sends.filter((c) => c.ok);
  const tooMany = sends.filter((c) => !c.ok && c.description?.startsWith("Too Many Requests")).length;
  const perChat = new Map<number, number>();
  for (const c of accepted) perChat.set(Number(c.chat_id), (perChat.get(Number(c.chat_id)) ?? 0) + 1);
  return {
    rate: accepted.length / seconds,
    tooMany,
    duplicates: [...perChat.values()].filter((n) => n > 1).length,
    lost: subscribers - perChat.size,
  };
}
