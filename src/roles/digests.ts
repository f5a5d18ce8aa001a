/** The minute tick that finds who is due and delivers their digest in this process (the embedded default). */
import type { App } from "../app.js";
import { startScheduler } from "../digest/scheduler.js";

export function startDigests(app: App): void {
  const scheduler = startScheduler(app.deliverer, app.logger, app.clock);
  app.onStop(() => scheduler.stop());
}
