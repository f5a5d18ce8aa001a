/** Wiring only: config → logger → briefing → store → bot → polling or webhook. */
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { createServer } from "node:http";
import { createDeliverer, loadBriefing, makeDeps, trackArticles } from "./app.js";
import { startScheduler } from "./digest/scheduler.js";
import { watchFolder } from "./briefing/watch.js";
import { createBot, registerCommands } from "./bot/create-bot.js";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";
import { SqliteStore } from "./store/sqlite-store.js";

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
const logger = createLogger(cfg.logLevel, cfg.botToken);
const briefing = await loadBriefing(cfg, logger);
const store = SqliteStore.inDir(cfg.dataDir);
const deps = makeDeps(cfg, logger, briefing, store);
const bot = createBot({ token: cfg.botToken, deps, apiRoot: cfg.apiRoot });
await trackArticles(briefing, store, logger);

const stopWatching = cfg.watchSeeds
  ? watchFolder(cfg.seedsDir, () => {
      briefing
        .reload()
        .then((added) => added.length > 0 && logger.info({ added: added.map((a) => a.source) }, "ingest: new articles indexed"))
        .catch((err: unknown) => logger.error({ err }, "ingest: reload failed"));
    })
  : () => {};

await bot.init();
await registerCommands(bot.api);

let runner: RunnerHandle | undefined;
let server: ReturnType<typeof createServer> | undefined;
if (cfg.mode === "polling") {
  await bot.api.deleteWebhook();
  runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] } } });
} else {
  const handle = webhookCallback(bot, "http", { secretToken: cfg.webhookSecret });
  server = createServer((req, res) => {
    if (req.method === "POST" && req.url === new URL(cfg.webhookUrl).pathname) {
      handle(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook: update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server!.listen(cfg.port, cfg.host, resolve));
  await bot.api.setWebhook(cfg.webhookUrl, { secret_token: cfg.webhookSecret });
}
const scheduler = startScheduler(createDeliverer(bot.api, deps, cfg.digestPerSecond), logger);
logger.info(
  { mode: cfg.mode, articles: briefing.articles.length, passages: briefing.passageCount, bot: bot.botInfo.username, ready_ms: Math.round(process.uptime() * 1000) },
  "mujaz is ready",
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  stopWatching();
  if (runner?.isRunning()) await runner.stop();
  await scheduler.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await store.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
