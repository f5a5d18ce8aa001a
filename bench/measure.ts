/** One corpus size in its own process, so heap and RSS are its own: `tsx bench/measure.ts <articles|seeds>`. */
import { Briefing } from "../src/briefing/briefing.js";
import { loadArticles } from "../src/briefing/ingest.js";
import { QUESTIONS } from "../test/briefing/questions.js";
import type { Update } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { LocalBotApi } from "../src/local-api/local-api.js";
import { inlineQuery } from "../src/local-api/updates.js";
import { createLogger } from "../src/logger.js";
import { storesOf } from "../src/store/store.js";
import { systemClock } from "../src/clock.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import { syntheticCorpus } from "./corpus.js";

const size = process.argv[2] ?? "seeds";
const seeds = await loadArticles("seeds", () => {});
const articles = size === "seeds" ? seeds : syntheticCorpus(seeds, Number(size));

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const builds: number[] = [];
let briefing!: Briefing;
for (let i = 0; i < (size === "seeds" ? 20 : 1); i++) {
  const t = performance.now();
  briefing = Briefing.fromArticles(articles);
  builds.push(performance.now() - t);
}

function timeEach(run: (q: string) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const { q } of QUESTIONS) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  return times;
}
const rounds = size === "seeds" ? 40 : Number(size) >= 10000 ? 6 : 20;
timeEach((q) => briefing.search(q), 1); // warm-up
const search = timeEach((q) => briefing.search(q), rounds);
const answer = timeEach((q) => briefing.answer(q), rounds);
// Inline queries through the real bot and the in-process local Bot API: what a reader typing @bot waits for.
const api = new LocalBotApi();
const bot = createBot({
  token: `${api.botInfo.id}:bench-token-for-the-local-api-only`,
  deps: { briefing, stores: storesOf(new SqliteStore(":memory:")), clock: systemClock, settings: { adminIds: [], rateLimitPerMinute: 1e6 }, logger: createLogger("silent") },
  fetch: api.fetch,
  botInfo: api.botInfo,
});
await bot.init();
const reader = { id: 42, first_name: "Reader", language_code: "ar" };
const inline: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const { q } of QUESTIONS) {
    const t = performance.now();
    await bot.handleUpdate({ ...inlineQuery(reader, q), update_id: api.nextId() } as Update);
    inline.push(performance.now() - t);
  }
}
const mem = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    corpus: size,
    articles: briefing.articles.length,
    passages: briefing.passageCount,
    build_ms: percentile(builds, 50),
    search_p50: percentile(search, 50),
    search_p99: percentile(search, 99),
    answer_p50: percentile(answer, 50),
    answer_p99: percentile(answer, 99),
    inline_p50: percentile(inline, 50),
    inline_p99: percentile(inline, 99),
    queries: search.length,
    heap_mb: mem.heapUsed / 2 ** 20,
    rss_mb: mem.rss / 2 ** 20,
  })}\n`,
);
