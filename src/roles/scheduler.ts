/** The production scheduler role: who is due each minute goes into the digest queue (BullMQ on Redis). */
import type { App } from "../app.js";
import { Cron } from "croner";
import { DigestQueue, type QueueConnection } from "../digest/queue.js";

/**
 * The production scheduler: each minute (and at start, to catch up) it enqueues who is due. Any number may run;
 * a lock per minute in Redis lets exactly one act.
 */
export function startQueueScheduler(app: App, connection: QueueConnection): { tick(): Promise<void>; stop(): Promise<void> } {
  const { deliverer, logger, clock, stores } = app;
  const queue = new DigestQueue(connection, { deliverer, deliveries: stores.deliveries, logger, clock });
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= queue
      .enqueueDue(new Date(clock.now()))
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err }, "digest: scheduling failed"))
      .finally(() => {
        running = undefined;
      }));
  const job = new Cron("0 * * * * *", () => void tick());
  void tick();
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      job.stop();
      await running;
      await queue.close();
    })());
  app.onStop(stop);
  return { tick, stop };
}
