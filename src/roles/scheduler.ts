/** The minute tick that finds who is due and delivers their digest (in this process, the embedded default). */
import type { App } from "../app.js";
import { Cron } from "croner";
import { DigestQueue, type QueueConnection } from "../digest/queue.js";
import { startScheduler } from "../digest/scheduler.js";

export function startDigests(app: App): void {
  const scheduler = startScheduler(app.deliverer, app.logger, app.clock);
  app.onStop(() => scheduler.stop());
}

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
