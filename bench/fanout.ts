/**
 * Fan-out of one day's digest to N subscribers against the local Bot API, which answers 429 past its rate limit.
 * Reports the achieved rate against the limit, 429s seen, duplicates and losses. `tsx bench/fanout.ts [N] [limit]`
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Briefing } from "../src/briefing/briefing.js";
import { createI18n, translator } from "../src/bot/i18n.js";
import { DigestDeliverer } from "../src/digest/deliver.js";
import { createLogger } from "../src/logger.js";
import { storesOf } from "../src/store/store.js";
import { systemClock } from "../src/clock.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import { spawn } from "node:child_process";
import { fanoutCounts } from "./stats.js";

const subscribers = Number(process.argv[2] ?? 10_000);
const limit = Number(process.argv[3] ?? 1000);
const token = "123456:fanout-bench-token-for-the-local-api";

// The Bot API runs in its own process, over HTTP on loopback, as Telegram is never inside the bot's process.
const serverProcess = spawn(process.execPath, ["--import", "tsx", "bench/fanout-server.ts", token, String(limit)], { stdio: ["ignore", "pipe", "inherit"] });
const apiRoot = await new Promise<string>((resolve) => serverProcess.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())));
const api = new Api(token, { apiRoot });
api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 10 }));

const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "mujaz-fanout-")), "mujaz.sqlite"));
for (let chat = 1; chat <= subscribers; chat++) {
  await store.saveSubscription({ chatId: chat, userId: chat, minutes: 8 * 60, timeZone: "UTC", paused: false, notifyEmpty: false, language: "ar", active: true });
}
const briefing = await Briefing.load({ dir: "seeds" });
const i18n = createI18n();
const deliverer = new DigestDeliverer({
  api,
  stores: storesOf(store),
  clock: systemClock,
  briefing,
  logger: createLogger("warn"),
  view: (lang) => ({ lang, t: translator(i18n, lang) }),
  // As in production (25/s under Telegram's ~30/s), the throttle runs a little under the limit.
  perSecond: limit * 0.95,
  concurrency: 64,
});

const started = performance.now();
const result = await deliverer.tick(new Date("2026-01-15T08:00:00Z"));
const seconds = (performance.now() - started) / 1000;
const { rate, tooMany, duplicates, lost } = await fanoutCounts(apiRoot, subscribers, seconds);
process.stdout.write(
  `${JSON.stringify({ subscribers, limit_per_s: limit, seconds: Math.round(seconds * 10) / 10, sent: result.sent, rate_per_s: Math.round(rate), ratio: Math.round((rate / limit) * 1000) / 1000, http_429: tooMany, duplicates, lost })}\n`,
);
serverProcess.kill();
