/** The embedded default: one process answers updates (polling or webhook), watches the seeds and sends digests. */
import { watchSeeds, type App } from "../app.js";
import type { Config } from "../config.js";
import { startPoller } from "./poller.js";
import { startDigests } from "./digests.js";
import { startWeb } from "./web.js";

export async function startAll(app: App, config: Config): Promise<void> {
  watchSeeds(app);
  if (config.mode === "webhook") await startWeb(app, config);
  else await startPoller(app);
  startDigests(app);
}
