/** Wiring only: config → createApp → the role asked for → stop on signals. */
import { createApp } from "./app.js";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.js";
import { startAll } from "./roles/all.js";

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
const app = await createApp(cfg);
await startAll(app, cfg);
app.logger.info(
  { mode: cfg.mode, articles: app.briefing.articles.length, passages: app.briefing.passageCount, bot: app.bot.botInfo.username, ready_ms: Math.round(process.uptime() * 1000) },
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
