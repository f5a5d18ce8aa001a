/**
 * The digest worker (production): takes one subscriber's day at a time from the queue, under the global rate
 * limit. A 429 pauses every worker for `retry_after`; the heartbeat keeps this process's claims alive, so a worker
 * that dies leaves claims that run out and are resumed by the next minute's scheduler.
 */
import type { App } from "../app.js";
import { DigestQueue, queueRedis, sendSlots, startDigestWorker, type QueueConnection } from "../digest/queue.js";
import { startHeartbeat } from "../digest/scheduler.js";

export interface WorkerRole {
  /** Stop taking jobs; `force` abandons the jobs in flight (as a crash would). */
  close(force?: boolean): Promise<void>;
}

export function startWorker(app: App, connection: QueueConnection, o: { concurrency?: number; lockMs?: number } = {}): WorkerRole {
  const { deliverer, logger, clock, stores } = app;
  const queue = new DigestQueue(connection, { deliverer, deliveries: stores.deliveries, logger, clock });
  app.onRetryAfter((seconds) => {
    queue.pause(seconds * 1000).catch((err: unknown) => logger.error({ err }, "digest: could not pause the queue after a 429"));
  });
  // Every digest message waits for a send slot shared by all workers (a worker's Api sends nothing else).
  const slotsRedis = queueRedis(connection.url);
  const slot = sendSlots(slotsRedis, connection.prefix ?? "mujaz", app.config.digestPerSecond);
  app.bot.api.config.use(async (prev, method, payload, signal) => {
    if (method === "sendMessage") await slot();
    return prev(method, payload, signal);
  });
  const consumer = startDigestWorker(connection, {
    deliverer,
    subscriptions: stores.subscriptions,
    logger,
    perSecond: app.config.digestPerSecond,
    // A dead worker's jobs run again once their lock runs out. Twice the lease (the lock is renewed every half
    // lock, the lease every quarter lease) means the dead worker's claim on the day has run out by then too, so
    // the job that runs again can resolve it and send instead of finding the day still taken.
    lockMs: 2 * deliverer.leaseMs,
    ...o,
  });
  const stopHeartbeat = startHeartbeat(deliverer, logger);
  let closed: Promise<void> | undefined;
  const close = (force = false) =>
    (closed ??= (async () => {
      stopHeartbeat();
      await consumer.close(force);
      await queue.close();
      slotsRedis.disconnect();
    })());
  app.onStop(() => close());
  return { close };
}
