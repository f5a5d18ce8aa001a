/** The real bot from createBot, fed real updates, talking to the local Bot API made strict by the specification. */
import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { Briefing } from "../../src/briefing/briefing.js";
import { createApp, type AppConfig } from "../../src/app.js";
import type { BotSettings } from "../../src/bot/context.js";
import type { Clock } from "../../src/clock.js";
import { createLogger } from "../../src/logger.js";
import { LocalBotApi, LOCAL_BOT, refusedByApi, type StoredMessage } from "../../src/local-api/local-api.js";
import { callbackQuery, type Person } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { storesOf, type Store } from "../../src/store/store.js";
import { loadSpec, SpecChecker } from "./spec.js";

export const spec = loadSpec();
let seedBriefing: Promise<Briefing> | undefined;
export const seeds = () => (seedBriefing ??= Briefing.load({ dir: "seeds" }));

export const salma: Person = { id: 501, first_name: "سلمى", language_code: "ar" };
export const john: Person = { id: 502, first_name: "John", language_code: "en" };

export interface HarnessOptions {
  briefing?: Briefing;
  store?: Store;
  settings?: Partial<BotSettings>;
  clock?: Clock;
}

/** The configuration tests build the app with: the seeds, no folder watching, limits out of the way. */
export function testConfig(extra: Partial<AppConfig> = {}): AppConfig {
  return {
    apiRoot: "https://api.telegram.org",
    logLevel: "debug",
    seedsDir: "seeds",
    dataDir: "data",
    adminIds: [],
    watchSeeds: false,
    rateLimitPerMinute: 1000,
    digestPerSecond: 1000,
    digestLeaseSeconds: 60,
    ...extra,
  };
}

export async function harness(options: HarnessOptions = {}) {
  const api = new LocalBotApi(LOCAL_BOT, spec ? [new SpecChecker(spec).check] : []);
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger("debug", undefined, sink);
  const briefing = options.briefing ?? (await seeds());
  const store = options.store ?? new SqliteStore(":memory:");
  const config = testConfig({ adminIds: [...(options.settings?.adminIds ?? [])], rateLimitPerMinute: options.settings?.rateLimitPerMinute ?? 1000 });
  const app = await createApp(config, {
    logger,
    briefing,
    stores: storesOf(store),
    fetch: api.fetch,
    botInfo: LOCAL_BOT,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const { bot } = app;
  await bot.init();

  const send = async (update: Omit<Update, "update_id">) => {
    await bot.handleUpdate({ ...update, update_id: api.nextId() } as Update);
  };
  const messages = (chatId: number) => api.chatMessages(chatId);
  const last = (chatId: number): StoredMessage => {
    const m = messages(chatId).at(-1);
    if (!m) throw new Error(`no message in chat ${chatId}`);
    return m;
  };
  const buttons = (m: StoredMessage) =>
    ((m.reply_markup as { inline_keyboard?: Array<Array<Record<string, string>>> } | undefined)?.inline_keyboard ?? []).flat();
  /** Press the button whose text contains `label` under message m. */
  const press = async (who: Person, m: StoredMessage, label: string | RegExp) => {
    const b = buttons(m).find((x) => (typeof label === "string" ? x.text!.includes(label) : label.test(x.text!)));
    if (!b?.callback_data) throw new Error(`no button "${String(label)}" under message ${m.message_id}: ${buttons(m).map((x) => x.text).join(" | ")}`);
    await send(callbackQuery(who, b.callback_data, { message_id: m.message_id, chat_id: m.chat_id, text: m.text }));
  };
  /** Calls the API refused (Telegram would have rejected them); failures fault mode made up are not refusals. */
  const refused = () => api.calls.filter(refusedByApi);
  return { app, api, bot, briefing, store, logs, send, messages, last, buttons, press, refused };
}

/** What a reader sees: no invisible direction or isolation marks. */
export const seen = (text: string) => text.replace(/[\u200E\u200F\u2066-\u2069]/g, "");
