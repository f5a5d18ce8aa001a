/**
 * A tick each minute (and one at start-up, for digests missed while the bot was down). A tick does not wait for
 * the one before: a fan-out still sending (slow answers, a call waiting out its time limit) goes on while the
 * next minute's subscribers start, and the deliverer leaves to the earlier tick whoever it already queued.
 */
import { Cron } from "croner";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DigestDeliverer } from "./deliver.js";

/** Calls `minute` at the start of every minute until the returned function is called. */
export type MinuteTimer = (minute: () => void) => () => void;

const everyMinute: MinuteTimer = (minute) => {
  const job = new Cron("0 * * * * *", minute);
  return () => job.stop();
};

export function startScheduler(deliverer: DigestDeliverer, logger: Logger, clock: Clock, timer: MinuteTimer = everyMinute): { stop(): Promise<void> } {
  const running = new Set<Promise<void>>();
  const run = (): void => {
    const tick: Promise<void> = deliverer
      .tick(new Date(clock.now()))
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err }, "digest: run failed"))
      .finally(() => running.delete(tick));
    running.add(tick);
  };
  const stopTimer = timer(run);
  run();
  const stopHeartbeat = startHeartbeat(deliverer, logger);
  return {
    stop: async () => {
      stopTimer();
      stopHeartbeat();
      await Promise.all(running);
    },
  };
}

/**
 * The heartbeat keeps this process's claims alive through a long fan-out (four beats a lease, so one late beat
 * loses nothing); a dead process's claims run out. Returns the function that stops it.
 */
export function startHeartbeat(deliverer: DigestDeliverer, logger: Logger): () => void {
  const heartbeat = setInterval(() => {
    deliverer.renew().catch((err: unknown) => logger.error({ err }, "digest: could not renew the delivery leases"));
  }, deliverer.leaseMs / 4);
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}
