/** Wiring only: config → createApp → the role asked for → stop on signals. */
import { createApp, watchSeeds, type App } from "./app.js";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.js";
import { startAll } from "./roles/all.js";
import { startHealth } from "./roles/health.js";
import { startPoller } from "./roles/poller.js";
import { startQueueScheduler } from "./roles/scheduler.js";
import { startWeb } from "./roles/web.js";
import { startWorker } from "./roles/worker.js";

function config(): Config {
  loadDotEnv();
  try {
    return readConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n\nTo try mujaz without Telegram: npm run chat\n`);
    process.exit(2);
  }
}

const cfg = config();
/** The role ROLE asks for (config has checked that it has what it needs). */
async function startRole(app: App, c: Config): Promise<void> {
  if (c.role === "all") return startAll(app, c);
  // Every instance watches the (shared) articles folder; first-seen times are recorded once in the store.
  watchSeeds(app);
  if (c.role === "poller") return startPoller(app);
  if (c.role === "web" && c.mode === "webhook") return startWeb(app, c);
  await app.bot.init();
  const queue = { url: c.redisUrl!, prefix: c.queuePrefix };
  if (c.role === "worker") startWorker(app, queue);
  else if (c.role === "scheduler") startQueueScheduler(app, queue);
}

const app = await createApp(cfg);
await startRole(app, cfg);
if (cfg.healthPort) await startHealth(app, cfg.healthPort);
app.logger.info(
  { role: cfg.role, mode: cfg.mode, articles: app.briefing.articles.length, passages: app.briefing.passageCount, bot: app.bot.botInfo.username, ready_ms: Math.round(process.uptime() * 1000) },
  "mujaz is ready",
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.logger.info({ signal }, "shutting down");
  await app.stop();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
