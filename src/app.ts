/** The parts every entry point shares: the briefing from its folder, the store, and what features need. */
import { Briefing } from "./briefing/briefing.js";
import type { BotSettings, Deps } from "./bot/context.js";
import type { BaseConfig } from "./config.js";
import type { Logger } from "./logger.js";
import type { Store } from "./store/store.js";

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
