/**
 * The digest fan-out across processes (BullMQ on Redis). Each minute exactly one scheduler (whoever takes that
 * minute's lock) resolves stale claims and enqueues one job per due subscriber under a deterministic id (chat and
 * local date), so a job already waiting is not added twice. Workers on any number of processes run the jobs under
 * BullMQ's global limiter; a 429 pauses the whole queue for `retry_after`; a failed attempt (5xx, network) is
 * retried with back-off. The store's claim stays the guard: a stalled job that runs again, or a job enqueued twice
 * after its first copy finished, finds the day taken and sends nothing.
 */
import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DeliveryLog, SubscriptionStore } from "../store/store.js";
import type { DigestDeliverer, Outcome } from "./deliver.js";

export const DIGEST_QUEUE = "digests";

export interface DigestJob {
  chatId: number;
  /** The subscriber's local date the digest is for. */
  date: string;
  /** The scheduler's minute (ms), the digest's "now". */
  at: number;
}

/** One job per chat and local day (BullMQ ids may not contain ':'). */
export const digestJobId = (chatId: number, date: string) => `${chatId}_${date}`;

export interface QueueConnection {
  url: string;
  /** BullMQ's key prefix; a deployment (or a test) of its own. */
  prefix?: string;
}

/** A connection BullMQ may block on (it requires no retry limit per command). */
export function queueRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Attempts of one job before it is left to the next minute's scheduler (the store counts attempts per day too). */
const JOB_ATTEMPTS = 3;

export class DigestQueue {
  readonly queue: Queue<DigestJob>;
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(
    connection: QueueConnection,
    private readonly o: { deliverer: DigestDeliverer; deliveries: DeliveryLog; logger: Logger; clock: Clock },
  ) {
    this.redis = queueRedis(connection.url);
    this.prefix = connection.prefix ?? "mujaz";
    this.queue = new Queue<DigestJob>(DIGEST_QUEUE, {
      connection: this.redis,
      prefix: this.prefix,
      defaultJobOptions: {
        attempts: JOB_ATTEMPTS,
        backoff: { type: "exponential", delay: 5_000 },
        // A finished job is dropped, so the next day's (or a retry's) job with the same id can be added again.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
  }

  /**
   * The scheduler's minute: only the first caller of a minute acts (a lock in Redis that outlives the minute), so
   * any number of schedulers may run. Returns what was enqueued, or undefined when another scheduler had the minute.
   */
  async enqueueDue(now: Date): Promise<{ due: number; resumed: number } | undefined> {
    const minute = Math.floor(now.getTime() / 60_000);
    const won = await this.redis.set(`${this.prefix}:scheduler:${minute}`, "1", "EX", 3600, "NX");
    if (won !== "OK") return undefined;
    const stale = await this.o.deliverer.resolveStale();
    const due = await this.o.deliverer.dueAt(now);
    await this.queue.addBulk(
      due.map(({ sub, date }) => ({
        name: "digest",
        data: { chatId: sub.chatId, date, at: now.getTime() },
        opts: { jobId: digestJobId(sub.chatId, date) },
      })),
    );
    await this.o.deliveries.recordRun(now.getTime());
    if (due.length > 0) this.o.logger.info({ due: due.length, resumed: stale.resumed }, "digest: jobs enqueued");
    return { due: due.length, resumed: stale.resumed };
  }

  /** Stop every worker from taking jobs for a while (Telegram's retry_after applies to the whole bot). */
  async pause(ms: number): Promise<void> {
    await this.queue.rateLimit(ms);
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}

export interface WorkerOptions {
  deliverer: DigestDeliverer;
  subscriptions: SubscriptionStore;
  logger: Logger;
  /** Digests started per second across every worker (Telegram allows about 30 messages a second). */
  perSecond: number;
  /** Jobs in flight in this process. */
  concurrency?: number;
  /** How long a job's lock lives without renewal; a dead worker's jobs run again after it. */
  lockMs?: number;
}

/**
 * BullMQ's limiter counts job starts in fixed windows, so two full windows back to back can start twice the rate
 * within one sliding second, which Telegram answers with 429s. Windows of about 100 ms keep that burst to a tenth
 * of a second's worth. (Measured at a 30/s Bot API with two workers and 1,000 subscribers: 1 s windows, 144 × 429.)
 */
export function globalLimit(perSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.round(perSecond / 10));
  return { max, duration: Math.round((1000 * max) / perSecond) };
}

/**
 * A send slot shared by every worker: sends are spaced 1/perSecond apart across all of them, each taking the next
 * free moment (GCRA: one "theoretical arrival time" in Redis, moved on by each send, read on Redis's own clock so
 * the workers' clocks do not matter). Evenly spaced sends reach Telegram evenly even when a busy worker delays some
 * on the way; the earlier fixed windows of ~100 ms let each window's sends start together, and with 4 workers on
 * 2 cores those bursts arrived close enough to draw 408 × 429 in 10,000 sends at 95% of the limit.
 */
export function sendSlots(redis: Redis, prefix: string, perSecond: number): () => Promise<number> {
  const key = `${prefix}:sends:tat`;
  const intervalUs = Math.round(1_000_000 / perSecond);
  return async () => {
    const [atUs, waitUs] = (await redis.eval(NEXT_SLOT, 1, key, intervalUs)) as [number, number];
    if (waitUs > 0) await new Promise((r) => setTimeout(r, Math.ceil(waitUs / 1000)));
    return atUs;
  };
}

/** Reserve the next send moment: returns it (microseconds on Redis's clock) and how long to wait for it. */
const NEXT_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(tat, now)
redis.call('SET', KEYS[1], string.format('%.0f', at + tonumber(ARGV[1])), 'PX', 60000)
return {at, at - now}
`;

/** A worker process's consumer: each job is one subscriber's day. */
export function startDigestWorker(connection: QueueConnection, o: WorkerOptions): { worker: Worker<DigestJob>; close(force?: boolean): Promise<void> } {
  const redis = queueRedis(connection.url);
  const worker = new Worker<DigestJob>(
    DIGEST_QUEUE,
    async (job: Job<DigestJob>): Promise<Outcome | "gone"> => {
      const { chatId, date, at } = job.data;
      // Read again: the subscriber may have paused or left since the job was enqueued.
      const sub = await o.subscriptions.getSubscription(chatId);
      if (!sub || !sub.active || sub.paused) return "gone";
      const outcome = await o.deliverer.deliverOne(sub, date, new Date(at));
      // BullMQ retries with back-off; the store resumes from the first part not confirmed.
      if (outcome === "failed") throw new Error(`digest: delivery to ${chatId} failed; retrying`);
      return outcome;
    },
    {
      connection: redis,
      prefix: connection.prefix ?? "mujaz",
      concurrency: o.concurrency ?? 64,
      limiter: globalLimit(o.perSecond),
      lockDuration: o.lockMs ?? 30_000,
      stalledInterval: Math.max(1000, Math.round((o.lockMs ?? 30_000) / 2)),
      maxStalledCount: 5,
    },
  );
  worker.on("error", (err) => o.logger.error({ err }, "digest: queue worker error"));
  return {
    worker,
    close: async (force = false) => {
      await worker.close(force);
      redis.disconnect();
    },
  };
}
