/**
 * Digests under chaos: 800 subscribers, ticks a minute apart, while the local Bot API fails a fifth of the calls
 * (429 storms, 5xx and resets before and after storing, slow answers). Counted per chat and part: nobody may be
 * left without a part of the day's digest, and a part may reach a chat twice only after a failure that left its
 * fate unknown (a 5xx or a reset: the deliverer counts each one as ambiguous and sends the part again).
 *
 * The faults are transient: a chat sees at most MAX_RUN failed calls in a row. A chat whose every call fails is
 * given up for the day after MAX_ATTEMPTS (deliver.test.ts); unbounded random runs made this test lose about one
 * run in sixty to a chat drawing six failures in a row, which tested the dice rather than the deliverer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { installApiLayers } from "../../src/bot/api-defaults.js";
import { createI18n, translator } from "../../src/bot/i18n.js";
import { Briefing } from "../../src/briefing/briefing.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import type { Article } from "../../src/briefing/types.js";
import { systemClock } from "../../src/clock.js";
import { DigestDeliverer } from "../../src/digest/deliver.js";
import { LocalBotApi } from "../../src/local-api/local-api.js";
import { createLogger } from "../../src/logger.js";
import { MAX_ATTEMPTS, SqliteStore } from "../../src/store/sqlite-store.js";
import { storesOf } from "../../src/store/store.js";

const SUBSCRIBERS = 800;
const SEED = 20_261_206;
/** Below MAX_ATTEMPTS, so no chat's day runs out on faults alone. */
const MAX_RUN = 3;
const RATES = { "too-many-requests": 0.05, "server-error-before": 0.04, "server-error-after": 0.04, "reset-before": 0.04, "reset-after": 0.04, slow: 0.1 };

/** The seeds twice over (a second copy under another name), so a digest runs to more than one message. */
function doubledSeeds(): Article[] {
  return readdirSync("seeds")
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => {
      const raw = readFileSync(join("seeds", f), "utf8");
      const source = f.replace(/\.txt$/, "");
      return [parseArticle(source, raw), parseArticle(`${source}-again`, raw)];
    })
    .filter((a): a is Article => a !== undefined);
}

describe("digests under chaos", () => {
  it(`delivers every part to each of ${SUBSCRIBERS} subscribers; duplicates only after an ambiguous failure, each counted`, async () => {
    const local = new LocalBotApi();
    const api = new Api(`${local.botInfo.id}:digest-chaos-token-for-the-local-api`, { fetch: local.fetch });
    // No call hangs here (hangs have their own test): the time limit only has to outlast a loaded machine's pauses,
    // or a slow answer cut off on a busy CI runner would be sent again and counted as unexplained.
    installApiLayers(api, { timeoutMs: 15_000, sleep: async () => {} });
    const store = new SqliteStore(":memory:");
    const i18n = createI18n();
    let errors = 0;
    const sink = new Writable({
      write(chunk, _e, done) {
        errors += String(chunk).split("\n").filter((l) => l.includes('"level":50')).length;
        done();
      },
    });
    const deliverer = new DigestDeliverer({
      api,
      stores: storesOf(store),
      clock: systemClock,
      briefing: Briefing.fromArticles(doubledSeeds()),
      logger: createLogger("info", undefined, sink),
      view: (lang) => ({ lang, t: translator(i18n, lang) }),
      perSecond: 1000,
      perChatGapMs: 0,
    });
    const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => 600_000 + i);
    for (const chatId of chats) {
      await store.saveSubscription({ chatId, userId: chatId, minutes: 8 * 60, timeZone: "UTC", paused: false, notifyEmpty: false, language: chatId % 3 ? "ar" : "en", active: true, ...(chatId % 5 === 0 ? { topic: "الغاز" } : {}) });
    }
    local.setFaults({ seed: SEED, rates: RATES, retryAfterSeconds: 1, slowMs: [5, 80], maxRun: MAX_RUN });

    let ticks = 0;
    for (let minute = 0; minute < 30; minute++) {
      const r = await deliverer.tick(new Date(Date.UTC(2026, 0, 15, 8, minute)));
      ticks++;
      if (r.due === 0) break;
    }

    // What each chat should have got: the parts its delivery planned, each once.
    const planned = (chatId: number) => (store.db.prepare("SELECT parts, status FROM deliveries WHERE chat_id = ?").get(chatId) as { parts: number; status: string } | undefined);
    let lost = 0;
    let duplicated = 0;
    const unexplained: number[] = [];
    const sends = local.callsOf("sendMessage");
    for (const chatId of chats) {
      const texts = local.chatMessages(chatId).map((m) => m.text);
      const distinct = new Set(texts).size;
      const plan = planned(chatId);
      if (plan?.status !== "sent" || distinct < plan.parts) lost++;
      duplicated += texts.length - distinct;
      const ambiguousHere = sends.filter((c) => Number(c.params.chat_id) === chatId && ["server-error-before", "server-error-after", "reset-before", "reset-after"].includes(c.fault ?? "")).length;
      if (texts.length - distinct > ambiguousHere) unexplained.push(chatId);
    }
    const { ambiguousSince } = await store.digestStats(0);
    const stats = local.stats();
    const multiPart = chats.filter((c) => (planned(c)?.parts ?? 0) > 1).length;
    console.info(`digest chaos: ${SUBSCRIBERS} subscribers, ${ticks} ticks → ${duplicated} duplicated / ${lost} lost`, {
      multiPart,
      ambiguousCounted: ambiguousSince,
      sendMessageCalls: sends.length,
      injected: stats.injected,
      errorsLogged: errors,
    });

    expect(MAX_RUN).toBeLessThan(MAX_ATTEMPTS);
    expect(multiPart).toBeGreaterThan(SUBSCRIBERS / 2);
    expect(stats.injected["server-error-after"] + stats.injected["reset-after"]).toBeGreaterThan(20);
    expect(lost).toBe(0);
    expect(unexplained).toEqual([]);
    expect(duplicated).toBeLessThanOrEqual(ambiguousSince);
    // Every duplicate is a part Telegram stored whose answer was lost: nothing else is ever sent twice.
    expect(duplicated).toBeLessThanOrEqual(stats.injected["server-error-after"] + stats.injected["reset-after"]);
    expect(local.calls.filter((c) => !c.ok && c.fault === undefined)).toEqual([]);
  }, 120_000);
});
