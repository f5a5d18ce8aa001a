/** A cron tick each minute (and one at start-up, for digests missed while the bot was down). */
import { Cron } from "croner";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { DigestDeliverer } from "./deliver.js";

export function startScheduler(deliverer: DigestDeliverer, logger: Logger, clock: Clock): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  // A run still going when the next minute starts is not overlapped; the next tick picks up what is left.
  const run = (): Promise<void> => {
    running ??= deliverer
      .tick(new Date(clock.now()))
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err }, "digest: run failed"))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const job = new Cron("0 * * * * *", () => {
    void run();
  });
  void run();
  // The heartbeat keeps this process's claims alive through a long fan-out; a dead process's claims run out.
  const heartbeat = setInterval(() => {
    deliverer.renew().catch((err: unknown) => logger.error({ err }, "digest: could not renew the delivery leases"));
  }, 15_000);
  heartbeat.unref();
  return {
    stop: async () => {
      job.stop();
      clearInterval(heartbeat);
      await running;
    },
  };
}
