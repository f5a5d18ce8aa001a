/** The fan-out with a fake clock, a real SQLite file and the local Bot API. */
import { installApiLayers, NETWORK_RETRIES } from "../../src/bot/api-defaults.js";
import { Api } from "grammy";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import { createI18n, translator } from "../../src/bot/i18n.js";
import { DigestDeliverer } from "../../src/digest/deliver.js";
import { startScheduler } from "../../src/digest/scheduler.js";
import { saveSubscription } from "../../src/digest/subscribe.js";
import { LocalBotApi } from "../../src/local-api/local-api.js";
import { createLogger } from "../../src/logger.js";
import { MAX_ATTEMPTS, SqliteStore } from "../../src/store/sqlite-store.js";
import { storesOf, type Store, type Subscription } from "../../src/store/store.js";
import { systemClock } from "../../src/clock.js";
import { seen, seeds } from "../support/harness.js";
import { until } from "../support/process.js";

const i18n = createI18n();
const tempFile = () => join(mkdtempSync(join(tmpdir(), "mujaz-digest-")), "mujaz.sqlite");

function sub(chatId: number, time: string, timeZone: string, extra: Partial<Subscription> = {}): Subscription {
  const [h, m] = time.split(":").map(Number);
  return { chatId, userId: chatId, minutes: h! * 60 + m!, timeZone, paused: false, notifyEmpty: false, language: "ar", active: true, ...extra };
}

async function setup(options: { store?: Store; briefing?: Briefing; perSecond?: number; timeoutMs?: number; fetch?: typeof fetch } = {}) {
  const local = new LocalBotApi();
  const api = new Api(`${local.botInfo.id}:digest-test-token-for-the-local-api`, { fetch: options.fetch ?? local.fetch });
  // The bot's own layers; network retries do not wait here.
  installApiLayers(api, { ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), sleep: async () => {} });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const store = options.store ?? new SqliteStore(tempFile());
  const briefing = options.briefing ?? Briefing.fromArticles((await seeds()).articles);
  const deliverer = new DigestDeliverer({
    api,
    stores: storesOf(store),
    clock: systemClock,
    briefing,
    logger: createLogger("debug", undefined, sink),
    view: (lang) => ({ lang, t: translator(i18n, lang) }),
    perSecond: options.perSecond ?? 1000,
    perChatGapMs: 0,
  });
  const received = (chatId: number) => local.chatMessages(chatId);
  return { local, api, store, briefing, deliverer, logs, received };
}

const at = (iso: string) => new Date(iso);

describe("who is due, across zones", () => {
  it("delivers at each subscriber's local time, once per local day", async () => {
    const t = await setup();
    await t.store.saveSubscription(sub(1, "08:00", "Asia/Riyadh")); // 05:00 UTC
    await t.store.saveSubscription(sub(2, "08:00", "Africa/Cairo")); // 06:00 UTC in winter
    await t.store.saveSubscription(sub(3, "08:00", "Asia/Shanghai")); // 00:00 UTC
    await t.store.saveSubscription(sub(4, "21:30", "Europe/Moscow")); // 18:30 UTC

    expect((await t.deliverer.tick(at("2026-01-15T00:00:00Z"))).sent).toBe(1);
    expect(t.received(3)).toHaveLength(1);
    expect((await t.deliverer.tick(at("2026-01-15T04:59:00Z"))).sent).toBe(0);
    expect((await t.deliverer.tick(at("2026-01-15T05:00:00Z"))).sent).toBe(1);
    expect((await t.deliverer.tick(at("2026-01-15T05:00:30Z"))).sent).toBe(0);
    expect((await t.deliverer.tick(at("2026-01-15T06:00:00Z"))).sent).toBe(1);
    expect((await t.deliverer.tick(at("2026-01-15T18:30:00Z"))).sent).toBe(1);
    for (const chat of [1, 2, 3, 4]) expect(t.received(chat)).toHaveLength(1);
  });

  it("sends a digest missed while the bot was down, if it is still the same local day", async () => {
    const t = await setup();
    await t.store.saveSubscription(sub(1, "08:00", "Asia/Riyadh"));
    await t.store.saveSubscription(sub(2, "23:00", "Asia/Riyadh"));
    // The bot comes back at 23:30 Riyadh time: both times have passed today; both are sent.
    expect((await t.deliverer.tick(at("2026-01-15T20:30:00Z"))).sent).toBe(2);
    // Down for a whole day: yesterday's is not sent late on the next day, today's is sent at its time.
    const u = await setup();
    await u.store.saveSubscription(sub(5, "23:00", "Asia/Riyadh"));
    expect((await u.deliverer.tick(at("2026-01-16T05:00:00Z"))).due).toBe(0);
  });

  it("handles the spring-forward gap and the repeated autumn hour", async () => {
    const t = await setup({ briefing: Briefing.fromArticles([]) });
    await t.store.saveSubscription(sub(1, "02:30", "America/New_York", { notifyEmpty: true }));
    await t.store.saveSubscription(sub(2, "01:30", "America/New_York", { notifyEmpty: true }));
    // 2026-03-08: 02:30 does not exist in New York; the digest goes at 03:00 local (07:00 UTC), once.
    expect((await t.deliverer.tick(at("2026-03-08T06:59:00Z"))).sent).toBe(1); // 01:59 EST: only chat 2 (01:30)
    expect((await t.deliverer.tick(at("2026-03-08T07:00:00Z"))).sent).toBe(1);
    expect((await t.deliverer.tick(at("2026-03-08T07:30:00Z"))).sent).toBe(0);
    // 2026-11-01: 01:30 happens twice (EDT, then EST); one digest only.
    expect((await t.deliverer.tick(at("2026-11-01T05:30:00Z"))).sent).toBe(1); // 01:30 EDT: chat 2
    expect((await t.deliverer.tick(at("2026-11-01T06:30:00Z"))).sent).toBe(0); // 01:30 EST again
    expect((await t.deliverer.tick(at("2026-11-01T07:30:00Z"))).sent).toBe(1); // 02:30 EST: chat 1
    expect(t.received(1)).toHaveLength(2);
    expect(t.received(2)).toHaveLength(2);
  });

  it("starts a new subscription at the next occurrence of its time", async () => {
    const t = await setup();
    await saveSubscription(storesOf(t.store), sub(1, "08:00", "UTC"), at("2026-01-15T10:00:00Z"));
    expect((await t.deliverer.tick(at("2026-01-15T10:01:00Z"))).sent).toBe(0);
    expect((await t.deliverer.tick(at("2026-01-16T08:00:00Z"))).sent).toBe(1);
    await saveSubscription(storesOf(t.store), sub(2, "12:00", "UTC"), at("2026-01-16T10:00:00Z"));
    expect((await t.deliverer.tick(at("2026-01-16T12:00:00Z"))).sent).toBe(1);
  });
});

describe("what a digest holds", () => {
  it("covers the whole briefing first, then only what is new; quiet days are skipped unless a note is wanted", async () => {
    const briefing = Briefing.fromArticles((await seeds()).articles);
    const t = await setup({ briefing });
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    await t.store.saveSubscription(sub(2, "08:00", "UTC", { notifyEmpty: true, language: "en" }));
    await t.deliverer.tick(at("2026-01-15T08:00:00Z"));
    const first = seen(t.received(1)[0]!.text);
    expect(first).toContain("موجز اليوم — 15 يناير 2026 (5 مقالات جديدة)");
    for (const a of briefing.articles) expect(first).toContain(a.title);
    expect(first).toMatch(/\(الفقرة \d+\)/);
    expect(t.local.chatMessages(1)[0]!.reply_markup).toMatchObject({ inline_keyboard: [[{ text: "📰 1" }, {}, {}, {}, {}]] });

    // Day 2: nothing new.
    const day2 = await t.deliverer.tick(at("2026-01-16T08:00:00Z"));
    expect(day2).toMatchObject({ sent: 1, skipped: 1 });
    expect(t.received(1)).toHaveLength(1);
    expect(seen(t.received(2)[1]!.text)).toContain("Nothing new in the briefing since your last digest.");

    // Day 3: one article arrived.
    const added = parseArticle("005_new", "روسيا والصين توقعان اتفاقاً جديداً للطاقة\nوقّع البلدان اتفاقاً لتوسيع إمدادات الغاز عبر خط أنابيب جديد يمر بمنغوليا خلال السنوات المقبلة.")!;
    briefing.addArticles([added]);
    await t.deliverer.tick(at("2026-01-17T08:00:00Z"));
    const day3 = seen(t.received(1)[1]!.text);
    expect(day3).toContain("(مقال جديد)");
    expect(day3).toContain("روسيا والصين توقعان اتفاقاً جديداً للطاقة");
    expect(day3).not.toContain(briefing.articles[0]!.title);
  });

  it("applies the topic: only matching articles", async () => {
    const t = await setup();
    await t.store.saveSubscription(sub(1, "08:00", "UTC", { topic: "كوريا الشمالية" }));
    await t.deliverer.tick(at("2026-01-15T08:00:00Z"));
    const text = seen(t.received(1)[0]!.text);
    expect(text).toContain("الموضوع: كوريا الشمالية");
    expect(text).toContain("(3 مقالات جديدة)");
    expect(text).not.toContain("بوتين وشي: التحالف الروسي الصيني ركيزة استقرار عالمي");
  });
});

describe("failures", () => {
  it("deactivates a subscriber who blocked the bot, logs it, and serves the others", async () => {
    const t = await setup();
    for (const chat of [1, 2, 3]) await t.store.saveSubscription(sub(chat, "08:00", "UTC"));
    t.local.blocked.add(2);
    const r = await t.deliverer.tick(at("2026-01-15T08:00:00Z"));
    expect(r).toMatchObject({ sent: 2, deactivated: 1 });
    expect((await t.store.getSubscription(2))!.active).toBe(false);
    expect(t.logs.some((l) => l.chat === 2 && String(l.msg).includes("deactivated"))).toBe(true);
    expect((await t.deliverer.tick(at("2026-01-16T08:00:00Z"))).due).toBe(2);
  });

  it("waits out a 429; sends again on the next tick after a 502 (Telegram may have stored it), delivering once", async () => {
    const t = await setup();
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    await t.store.saveSubscription(sub(2, "08:00", "UTC"));
    t.local.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    t.local.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    expect(await t.deliverer.tick(at("2026-01-15T08:00:00Z"))).toMatchObject({ sent: 1, failed: 1 });
    expect(await t.deliverer.tick(at("2026-01-15T08:01:00Z"))).toMatchObject({ sent: 1, failed: 0 });
    expect(t.received(1)).toHaveLength(1);
    expect(t.received(2)).toHaveLength(1);
    expect((await t.store.digestStats(0)).ambiguousSince).toBe(1);
  });

  it("gives up on an unreachable Bot API after a bounded number of retries, counting nothing as shown", async () => {
    let attempts = 0;
    const refused = (async () => {
      attempts++;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });
    }) as typeof fetch;
    const t = await setup({ fetch: refused });
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    expect(await t.deliverer.tick(at("2026-01-15T08:00:00Z"))).toMatchObject({ sent: 0, failed: 1 });
    expect(attempts).toBe(1 + NETWORK_RETRIES);
    expect((await t.store.digestStats(0)).ambiguousSince).toBe(0);
  });

  it("logs any other error with the chat id, keeps going, and retries on a later tick (MAX_ATTEMPTS times a day at most)", async () => {
    const t = await setup();
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    await t.store.saveSubscription(sub(2, "08:00", "UTC"));
    const chatNotFound = { error_code: 400, description: "Bad Request: chat not found" };
    t.local.failNext("sendMessage", chatNotFound);
    const first = await t.deliverer.tick(at("2026-01-15T08:00:00Z"));
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    const failedChat = t.received(1).length === 0 ? 1 : 2;
    expect(t.logs.some((l) => l.chat === failedChat && l.level === 50)).toBe(true);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t.local.failNext("sendMessage", chatNotFound);
      expect(await t.deliverer.tick(at(`2026-01-15T08:0${attempt}:00Z`))).toMatchObject({ due: 1, failed: 1 });
    }
    expect((await t.deliverer.tick(at("2026-01-15T08:09:00Z"))).due).toBe(0);
    expect(t.received(failedChat)).toHaveLength(0);
  });
});

describe("a failing store", () => {
  it("a claim the store could not write is logged and tried again on the next tick, not lost for the day", async () => {
    const store = new SqliteStore(tempFile());
    let failures = 1;
    const flaky: Store = Object.assign(Object.create(store) as SqliteStore, {
      claimDelivery: (...args: Parameters<Store["claimDelivery"]>) =>
        failures-- > 0 ? Promise.reject(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })) : store.claimDelivery(...args),
    });
    const t = await setup({ store: flaky });
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    expect(await t.deliverer.tick(at("2026-01-15T08:00:00Z"))).toMatchObject({ due: 1, failed: 1 });
    expect(t.logs.some((l) => l.chat === 1 && String(l.msg).includes("in the store"))).toBe(true);
    expect(await t.deliverer.tick(at("2026-01-15T08:01:00Z"))).toMatchObject({ due: 1, sent: 1 });
    expect(t.received(1)).toHaveLength(1);
  });
});

describe("restarts", () => {
  it("a restart in the middle of a fan-out sends to those not yet served and to nobody twice", async () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    for (let chat = 1; chat <= 40; chat++) await first.saveSubscription(sub(chat, "08:00", "Asia/Riyadh"));
    // The process dies after 15 deliveries: the 16th claim never returns.
    let claims = 0;
    const dying: Store = Object.assign(Object.create(first) as SqliteStore, {
      claimDelivery: (chat: number, date: string, owner: string, now: number, lease: number) =>
        ++claims > 15 ? new Promise<undefined>(() => {}) : first.claimDelivery(chat, date, owner, now, lease),
    });
    const a = await setup({ store: dying });
    void a.deliverer.tick(at("2026-01-15T05:00:00Z"));
    await new Promise((r) => setTimeout(r, 300));
    const before = [...Array(40).keys()].map((i) => a.received(i + 1).length);
    expect(before.reduce((x, y) => x + y, 0)).toBe(15);

    // Restart: a new store on the same file, a new deliverer, the next tick.
    const b = await setup({ store: new SqliteStore(file) });
    await b.deliverer.tick(at("2026-01-15T05:01:00Z"));
    const after = [...Array(40).keys()].map((i) => b.received(i + 1).length);
    for (let i = 0; i < 40; i++) expect(before[i]! + after[i]!).toBe(1);
  });

  it("queue jobs that run again after their worker died each send their chat's digest, however their resolving interleaves", async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    const date = "2026-01-15";
    const chats = [1, 2, 3, 4];
    // A worker claimed these days and died: its lease ran out a minute ago.
    for (const chat of chats) {
      await store.saveSubscription(sub(chat, "08:00", "UTC"));
      expect(await store.claimDelivery(chat, date, "dead-worker", Date.now() - 120_000, Date.now() - 60_000)).toBeDefined();
    }
    // BullMQ's stalled check hands the jobs to the surviving worker together; the first to resolve the dead
    // worker's claims resolves all of them.
    const t = await setup({ store: new SqliteStore(file) });
    const subs = await Promise.all(chats.map((c) => t.store.getSubscription(c)));
    const outcomes = await Promise.all(subs.map((s) => t.deliverer.deliverOne(s!, date, at("2026-01-15T08:05:00Z"))));
    expect(outcomes).toEqual(["sent", "sent", "sent", "sent"]);
    for (const chat of chats) expect(t.received(chat)).toHaveLength(1);
  });

  it("leaves alone a delivery claimed by another process whose lease still runs", async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    await store.saveSubscription(sub(1, "08:00", "UTC"));
    expect(await store.claimDelivery(1, "2026-01-15", "other", Date.now(), Date.now() + 60_000)).toBeDefined();
    const t = await setup({ store: new SqliteStore(file) });
    expect((await t.deliverer.tick(at("2026-01-15T08:05:00Z"))).due).toBe(0);
    expect(t.received(1)).toHaveLength(0);
  });
});

describe("no single call stalls the scheduler", () => {
  it("a hung sendMessage ends at its time limit while the next minute's subscribers are served; it is sent later, once", async () => {
    const t = await setup({ timeoutMs: 3_000 });
    await t.store.saveSubscription(sub(1, "08:00", "UTC"));
    await t.store.saveSubscription(sub(2, "08:01", "UTC"));
    t.local.setFaults({ seed: 1, rates: { hang: 1 }, methods: ["sendMessage"], chats: [1] });
    let now = at("2026-01-15T08:00:00Z").getTime();
    let minute = () => {};
    const scheduler = startScheduler(t.deliverer, createLogger("silent"), { now: () => now }, (m) => ((minute = m), () => {}));
    const status = (chat: number) => (t.store as SqliteStore).db.prepare("SELECT status FROM deliveries WHERE chat_id = ?").get(chat) as { status: string } | undefined;
    await until("chat 1's part in flight", () => status(1)?.status === "sending");

    now = at("2026-01-15T08:01:00Z").getTime();
    minute();
    await until("chat 2's digest", () => t.received(2)[0]);
    expect(status(1)?.status).toBe("sending");

    await until("the hung call to end at its time limit", () => status(1)?.status === "failed");
    expect(t.received(1)).toHaveLength(0);
    t.local.setFaults(undefined);
    now = at("2026-01-15T08:02:00Z").getTime();
    minute();
    await until("chat 1's digest", () => t.received(1)[0]);
    await scheduler.stop();
    expect(t.received(1)).toHaveLength(1);
    expect(t.received(2)).toHaveLength(1);
    // The hung part may have been shown (Telegram's side is unknown): sent again, and counted.
    expect((await t.store.digestStats(0)).ambiguousSince).toBe(1);
  }, 20_000);
});
