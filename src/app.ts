/** The parts every entry point shares: the briefing from its folder, the store, and what features need. */
import { Briefing } from "./briefing/briefing.js";
import type { BotSettings, Deps } from "./bot/context.js";
import type { BaseConfig } from "./config.js";
import type { Logger } from "./logger.js";
import type { Store } from "./store/store.js";
import type { Api } from "grammy";
import { createI18n, translator } from "./bot/i18n.js";
import { DigestDeliverer } from "./digest/deliver.js";

export async function loadBriefing(config: Pick<BaseConfig, "seedsDir">, logger: Logger): Promise<Briefing> {
  const briefing = await Briefing.load({
    dir: config.seedsDir,
    warn: (w) => logger.warn({ source: w.source }, `ingest: skipped ${w.source}: ${w.reason}`),
  });
  if (briefing.articles.length === 0) logger.warn({ dir: config.seedsDir }, "ingest: no articles found; check SEEDS_DIR");
  return briefing;
}

export function makeDeps(config: BaseConfig, logger: Logger, briefing: Briefing, store: Store): Deps {
  const settings: BotSettings = { adminIds: config.adminIds, rateLimitPerMinute: config.rateLimitPerMinute };
  return { briefing, store, settings, logger };
}

/** Store each article's first-seen time: those loaded now, and those a reload adds later. */
export async function trackArticles(briefing: Briefing, store: Store, logger: Logger, now: () => number = Date.now): Promise<void> {
  await store.recordArticles(briefing.articles, now());
  briefing.onAdded((added) => {
    store.recordArticles(added, now()).catch((err: unknown) => logger.error({ err }, "store: could not record new articles"));
  });
}

export function createDeliverer(api: Api, deps: Deps, perSecond: number): DigestDeliverer {
  const i18n = createI18n();
  return new DigestDeliverer({
    api,
    store: deps.store,
    briefing: deps.briefing,
    logger: deps.logger,
    view: (lang) => ({ lang, t: translator(i18n, lang) }),
    perSecond,
  });
}
