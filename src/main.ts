/** Wiring only: config → createApp → the role asked for → stop on signals; a failed start says what to fix. */
import { GrammyError, HttpError } from "grammy";
import { createApp, watchSeeds, type App } from "./app.js";
import { networkCause } from "./bot/api-defaults.js";
import { ConfigError, loadDotEnv, readConfig, StartupError, type Config } from "./config.js";
import { startAll } from "./roles/all.js";
import { knowBot } from "./roles/bot.js";
import { startHealth } from "./roles/health.js";
import { startPoller } from "./roles/poller.js";
import { startWeb } from "./roles/web.js";
import { StoreUnavailable } from "./store/sqlite-store.js";

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

/** One line naming the variable behind a failed start and what to do next; undefined for a defect (its stack helps). */
function startupFailure(err: unknown, cfg: Config): string | undefined {
  if (err instanceof StartupError) return err.message;
  if (err instanceof GrammyError && err.error_code === 401) return "BOT_TOKEN: Telegram refused this token (401 Unauthorized); copy it again from @BotFather";
  if (err instanceof GrammyError && err.error_code === 404) return `TELEGRAM_API_ROOT: ${cfg.apiRoot} does not answer as a Bot API (404); check the address`;
  if (err instanceof HttpError) return `TELEGRAM_API_ROOT: could not reach ${cfg.apiRoot} (${networkCause(err)}), retries exhausted; check the address and the network, then start again`;
  if (err instanceof StoreUnavailable) {
    const next = {
      "read-only": `make it writable for this user, or set DATA_DIR to a folder that is`,
      corrupt: `it was left as it is: move it aside or restore it from a backup, then start again`,
      newer: `a newer mujaz wrote it: run that version, or set DATA_DIR to another folder`,
      full: `free some space on its disk, then start again`,
      other: `check the folder and the file, then start again`,
    }[err.kind];
    return `DATA_DIR: cannot use the store ${err.file} (${err.kind}, ${err.code || (err.cause as Error).message}); ${next}`;
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT" && e.syscall === "scandir" && e.path !== undefined) {
    return `SEEDS_DIR: the articles folder ${e.path} does not exist; create it with the articles (.txt) or set SEEDS_DIR to the folder that has them`;
  }
  return undefined;
}

const cfg = config();
/** The role ROLE asks for (config has checked that it has what it needs). */
async function startRole(app: App, c: Config): Promise<void> {
  if (c.role === "all") return startAll(app, c);
  // Every instance watches the (shared) articles folder; first-seen times are recorded once in the store.
  watchSeeds(app);
  if (c.role === "poller") return startPoller(app);
  if (c.role === "web" && c.mode === "webhook") {
    await startWeb(app, c);
    return;
  }
  await knowBot(app);
  const queue = { url: c.redisUrl!, prefix: c.queuePrefix };
  // The queue's libraries (BullMQ, ioredis) load only in the roles that use them: the embedded default starts faster.
  if (c.role === "worker") (await import("./roles/worker.js")).startWorker(app, queue);
  else if (c.role === "scheduler") (await import("./roles/scheduler.js")).startQueueScheduler(app, queue);
}

let app: App | undefined;
try {
  app = await createApp(cfg);
  await startRole(app, cfg);
  if (cfg.healthPort) await startHealth(app, cfg.healthPort);
} catch (err) {
  const line = startupFailure(err, cfg);
  if (line === undefined) throw err;
  process.stderr.write(`mujaz could not start: ${line}\n`);
  await app?.stop().catch(() => {});
  process.exit(1);
}
const started = app;
started.logger.info(
  { role: cfg.role, mode: cfg.mode, articles: started.briefing.articles.length, passages: started.briefing.passageCount, bot: started.bot.botInfo.username, ready_ms: Math.round(process.uptime() * 1000) },
  "mujaz is ready",
);
// Off the path to "ready": in the roles that answer readers, the lexicons read on first use are read now, not on a
// reader's first question.
if (cfg.role !== "worker" && cfg.role !== "scheduler") {
  setImmediate(() => {
    const t = performance.now();
    started.briefing.warm();
    started.logger.debug({ ms: Math.round(performance.now() - t) }, "lexicons read");
  });
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  started.logger.info({ signal }, "shutting down");
  await started.stop();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
