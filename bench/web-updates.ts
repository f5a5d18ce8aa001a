/**
 * Updates a second through one `web` instance (`ROLE=web BOT_MODE=webhook`, the production entry) with its
 * sessions, rate limits, stored queries and update de-duplication in Redis and its chats in PostgreSQL. Telegram's
 * part is played here: updates are posted to the webhook as Telegram posts them, a few at a time, and the local Bot
 * API (in this process) counts the replies. An update counts when its reply has reached the Bot API.
 * Needs PostgreSQL and Redis: `BENCH_PG_URL`/`BENCH_REDIS_URL` (or `PG_TEST_URL`/`REDIS_TEST_URL`).
 * `tsx bench/web-updates.ts [updates] [posts in flight]`
 */
import { randomBytes } from "node:crypto";
import { LocalBotApi } from "../src/local-api/local-api.js";
import { startLocalServer } from "../src/local-api/server.js";
import { textMessage } from "../src/local-api/updates.js";
import { QUESTIONS } from "../test/briefing/questions.js";
import { freePort } from "../test/support/process.js";
import { benchDatabase, startMain } from "./servers.js";
import { percentile } from "./stats.js";

const updates = Number(process.argv[2] ?? 3000);
const inFlight = Number(process.argv[3] ?? 16);
const token = "123456:web-bench-token-for-the-local-bot-api";
const secret = "web-bench-secret-0123456789";
const database = await benchDatabase("web-updates");

const api = new LocalBotApi();
const server = await startLocalServer(token, api);
const replied = new Map<number, number>();
api.onCall((call) => {
  if (call.method !== "sendMessage") return;
  const chat = Number(call.params.chat_id);
  replied.set(chat, (replied.get(chat) ?? 0) + 1);
});

const port = await freePort();
const child = await startMain({
  ...process.env,
  ROLE: "web",
  BOT_MODE: "webhook",
  BOT_TOKEN: token,
  TELEGRAM_API_ROOT: server.url,
  WEBHOOK_URL: "https://bot.example.org/telegram",
  WEBHOOK_SECRET: secret,
  HOST: "127.0.0.1",
  PORT: String(port),
  DATABASE_URL: database.url,
  REDIS_URL: database.redisUrl,
  QUEUE_PREFIX: `bench${randomBytes(4).toString("hex")}`,
  WATCH_SEEDS: "false",
  // "mujaz is ready" is an info line.
  LOG_LEVEL: "info",
  RATE_LIMIT_PER_MINUTE: "600",
});

// Each update comes from its own reader (Telegram's updates from thousands of chats), so no rate limit is reached.
const questions = QUESTIONS.map((q) => q.q);
// Update ids of this run only: the instance remembers handled ids in Redis, across runs too.
const firstId = 1 + Math.floor(Math.random() * 1e9);
const latencies: number[] = [];
let next = 0;
const started = performance.now();
const poster = async () => {
  while (next < updates) {
    const i = next++;
    const reader = { id: 800_000 + i, is_bot: false, first_name: "Reader", language_code: i % 4 === 0 ? "en" : "ar" };
    const update = { ...textMessage(reader, questions[i % questions.length]!), update_id: firstId + i };
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify(update),
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    // The webhook answers at once and handles the update after; wait for this reader's reply.
    while (!replied.has(reader.id)) await new Promise((r) => setTimeout(r, 1));
    latencies.push(performance.now() - t);
  }
};
await Promise.all(Array.from({ length: inFlight }, poster));
const seconds = (performance.now() - started) / 1000;
const twice = [...replied.values()].filter((n) => n > 1).length;
process.stdout.write(
  `${JSON.stringify({ updates, in_flight: inFlight, seconds: Math.round(seconds * 10) / 10, updates_per_s: Math.round(updates / seconds), reply_p50_ms: Math.round(percentile(latencies, 50)), reply_p99_ms: Math.round(percentile(latencies, 99)), answered_twice: twice })}\n`,
);
child.kill("SIGTERM");
await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
await server.close();
await database.drop();
