/**
 * The one composition root. Every entry point (the roles in `roles/`, the local console, the CLI, the tests and
 * the bench) builds through createApp, so what runs in production is what was tested. Overrides replace a part
 * (the stores, the clock, the Bot API's fetch) without a second way of wiring it.
 */
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import { Briefing } from "./briefing/briefing.js";
import { watchFolder } from "./briefing/watch.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext, Deps } from "./bot/context.js";
import { createI18n, translator } from "./bot/i18n.js";
import { systemClock, type Clock } from "./clock.js";
import type { BaseConfig } from "./config.js";
import { DigestDeliverer } from "./digest/deliver.js";
import { createLogger, type Logger } from "./logger.js";
import { SqliteStore } from "./store/sqlite-store.js";
import { storesOf, type Stores } from "./store/store.js";

/** What createApp needs beyond the briefing settings: a token when the bot talks to Telegram. */
export type AppConfig = BaseConfig & { botToken?: string };

export interface AppOverrides {
  logger?: Logger;
  stores?: Stores;
  briefing?: Briefing;
  clock?: Clock;
  /** Replaces the Bot API client's fetch (the local console, the tests' Bot API fake). */
  fetch?: typeof fetch;
  /** Known bot identity; skips getMe at start. */
  botInfo?: UserFromGetMe;
  /** The Redis client for shared state (tests give one with a key prefix of their own); else REDIS_URL's. */
  redis?: Redis;
}

export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly briefing: Briefing;
  readonly stores: Stores;
  readonly deps: Deps;
  readonly bot: Bot<BotContext>;
  readonly deliverer: DigestDeliverer;
  /** Shared state across instances, when REDIS_URL is set. */
  readonly redis: Redis | undefined;
  /** Be told of every 429 (retry_after in seconds) the Bot API answers this app (with Redis: the queue's workers). */
  onRetryAfter(listener: (seconds: number) => void): void;
  /** Runs a clean-up when the app stops (roles register what they started), last registered first. */
  onStop(cleanup: () => Promise<void> | void): void;
  /** Stops what the roles started, then closes the stores. Safe to call twice. */
  stop(): Promise<void>;
}

export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger(config.logLevel, config.botToken);
  const clock = overrides.clock ?? systemClock;
  const briefing = overrides.briefing ?? (await loadBriefing(config, logger));
  // PostgreSQL's and Redis's clients load only when configured: the embedded default starts without them.
  const shared = overrides.redis || config.redisUrl ? await import("./store/redis/redis.js") : undefined;
  const redis = overrides.redis ?? (config.redisUrl ? shared!.openRedis(config.redisUrl) : undefined);
  const own = overrides.stores ?? (await openStores(config));
  const stores = redis ? withRedis(own, redis, shared!) : own;
  const deps: Deps = { briefing, stores, clock, logger, settings: { adminIds: config.adminIds, rateLimitPerMinute: config.rateLimitPerMinute } };
  // Without a token the bot can only talk to a local Bot API, which accepts any token of its bot's id.
  const token = config.botToken ?? `${overrides.botInfo?.id ?? 1}:local-token-for-the-local-bot-api-only`;
  const retryAfterListeners: Array<(seconds: number) => void> = [];
  const bot = createBot({
    token,
    deps,
    // Only a deployment with Redis has a queue to pause; the embedded bot keeps its Api as it was.
    ...(redis ? { onRetryAfter: (seconds: number) => retryAfterListeners.forEach((l) => l(seconds)) } : {}),
    ...(redis ? { shared: { rateLimits: redis, firstDelivery: shared!.firstDelivery(redis, Number(token.split(":")[0])) } } : {}),
    apiRoot: config.apiRoot,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    ...(overrides.botInfo ? { botInfo: overrides.botInfo } : {}),
  });
  const i18n = createI18n();
  const deliverer = new DigestDeliverer({
    api: bot.api,
    stores,
    briefing,
    clock,
    logger,
    view: (lang) => ({ lang, t: translator(i18n, lang) }),
    perSecond: config.digestPerSecond,
    leaseMs: config.digestLeaseSeconds * 1000,
  });
  await trackArticles(briefing, stores, logger, clock);

  const cleanups: Array<() => Promise<void> | void> = [];
  let stopped: Promise<void> | undefined;
  return {
    config,
    logger,
    clock,
    briefing,
    stores,
    deps,
    bot,
    deliverer,
    redis,
    onRetryAfter: (listener) => void retryAfterListeners.push(listener),
    onStop: (cleanup) => void cleanups.push(cleanup),
    stop: () =>
      (stopped ??= (async () => {
        for (const cleanup of cleanups.reverse()) await cleanup();
        await stores.close();
      })()),
  };
}

/** With Redis, the questions behind buttons and conversation state are shared by every instance. */
function withRedis(stores: Stores, redis: Redis, shared: typeof import("./store/redis/redis.js")): Stores {
  return {
    ...stores,
    queries: new shared.RedisQueryStore(redis),
    state: new shared.RedisStateStore(redis),
    close: async () => {
      await stores.close();
      await redis.quit();
    },
  };
}

/** SQLite in DATA_DIR (the embedded default), or PostgreSQL when DATABASE_URL is set. */
export async function openStores(config: Pick<BaseConfig, "dataDir" | "databaseUrl">): Promise<Stores> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import("./store/postgres/postgres-store.js");
    return storesOf(await PostgresStore.open({ url: config.databaseUrl }));
  }
  return storesOf(SqliteStore.inDir(config.dataDir));
}

export async function loadBriefing(config: Pick<BaseConfig, "seedsDir">, logger: Logger): Promise<Briefing> {
  const briefing = await Briefing.load({
    dir: config.seedsDir,
    warn: (w) => logger.warn({ source: w.source }, `ingest: skipped ${w.source}: ${w.reason}`),
  });
  if (briefing.articles.length === 0) logger.warn({ dir: config.seedsDir }, "ingest: no articles found; check SEEDS_DIR");
  return briefing;
}

/** Store each article's first-seen time: those loaded now, and those a reload adds later. */
async function trackArticles(briefing: Briefing, stores: Stores, logger: Logger, clock: Clock): Promise<void> {
  await stores.deliveries.recordArticles(briefing.articles, clock.now());
  briefing.onAdded((added) => {
    stores.deliveries.recordArticles(added, clock.now()).catch((err: unknown) => logger.error({ err }, "store: could not record new articles"));
  });
}

/** New files in SEEDS_DIR join the index while the app runs (when WATCH_SEEDS is on). */
export function watchSeeds(app: App): void {
  if (!app.config.watchSeeds) return;
  const { briefing, logger } = app;
  app.onStop(
    watchFolder(app.config.seedsDir, () => {
      briefing
        .reload()
        .then((added) => added.length > 0 && logger.info({ added: added.map((a) => a.source) }, "ingest: new articles indexed"))
        .catch((err: unknown) => logger.error({ err }, "ingest: reload failed"));
    }),
  );
}
