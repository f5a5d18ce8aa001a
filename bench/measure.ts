/**
 * One corpus in its own process, so heap and RSS are its own: `node --expose-gc --import tsx bench/measure.ts
 * <seeds|light|dense> [articles]`. Prints one JSON line.
 */
import { Briefing } from "../src/briefing/briefing.js";
import { loadArticles } from "../src/briefing/ingest.js";
import { QUESTIONS } from "../test/briefing/questions.js";
import type { Update } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { LocalBotApi } from "../src/local-api/local-api.js";
import { inlineQuery, textMessage } from "../src/local-api/updates.js";
import { createLogger } from "../src/logger.js";
import { storesOf } from "../src/store/store.js";
import { systemClock } from "../src/clock.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import { syntheticCorpus, type CorpusKind } from "./corpus.js";
import { heapUsed, latencies, timeEach } from "./stats.js";

/** How long private questions are asked for the bot's rate, after its warm-up. */
const QPS_MS = 5000;
const kind = (process.argv[2] ?? "seeds") as CorpusKind | "seeds";
const size = Number(process.argv[3] ?? 0);
const seeds = await loadArticles("seeds", () => {});
const articles = kind === "seeds" ? seeds : syntheticCorpus(seeds, size, kind);

const heapBefore = heapUsed();
const builds: number[] = [];
let briefing!: Briefing;
for (let i = 0; i < (kind === "seeds" ? 20 : 1); i++) {
  const t = performance.now();
  briefing = Briefing.fromArticles(articles);
  builds.push(performance.now() - t);
}
/** Only the last briefing built is still held. */
const indexHeap = heapUsed() - heapBefore;

const rounds = kind === "seeds" ? 40 : size >= 10000 ? 6 : 20;
const questions = QUESTIONS.map((q) => q.q);
timeEach(questions, (q) => briefing.search(q), 1); // warm-up
const search = timeEach(questions, (q) => briefing.search(q), rounds);
const answer = timeEach(questions, (q) => briefing.answer(q), rounds);

// The real bot over the in-process local Bot API, on this one core: inline queries, then questions a second.
const api = new LocalBotApi();
const bot = createBot({
  token: `${api.botInfo.id}:bench-token-for-the-local-api-only`,
  deps: { briefing, stores: storesOf(new SqliteStore(":memory:")), clock: systemClock, settings: { adminIds: [], rateLimitPerMinute: 1e9 }, logger: createLogger("silent") },
  fetch: api.fetch,
  botInfo: api.botInfo,
});
await bot.init();
const inline: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const [i, q] of questions.entries()) {
    const reader = { id: 1000 + i, first_name: "Reader", language_code: "ar" };
    const t = performance.now();
    await bot.handleUpdate({ ...inlineQuery(reader, q), update_id: api.nextId() } as Update);
    inline.push(performance.now() - t);
  }
}
/** Private-chat questions for `ms`, readers taking turns from `firstReader`; how many were answered. */
const askFor = async (ms: number, firstReader: number): Promise<number> => {
  let asked = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const q = questions[asked % questions.length]!;
    const reader = { id: firstReader + (asked % 500), first_name: "Reader", language_code: "ar" };
    await bot.handleUpdate({ ...textMessage(reader, q), update_id: api.nextId() } as Update);
    asked++;
  }
  return asked;
};
// A second of private questions first, by other readers, so the rate is the steady one and not the compiler's
// warm-up of that path: on the seeds, two seconds from cold gave 580–710 a second, five after the warm-up 740–800.
await askFor(1000, 90_000);
const qpsStart = performance.now();
const asked = await askFor(QPS_MS, 5000);
const qps = asked / ((performance.now() - qpsStart) / 1000);

const heap = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({
    corpus: kind === "seeds" ? "seeds" : `${kind} ${size}`,
    articles: briefing.articles.length,
    passages: briefing.passageCount,
    build_ms: [...builds].sort((a, b) => a - b)[Math.floor(builds.length / 2)]!,
    ...latencies("search", search),
    ...latencies("answer", answer),
    ...latencies("inline", inline),
    queries: search.length,
    index_kb_per_passage: indexHeap / 1024 / briefing.passageCount,
    heap_mb: heap / 2 ** 20,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    qps,
  })}\n`,
);
