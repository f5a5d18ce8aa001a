/**
 * Fan-out through the digest queue: N subscribers due at one minute, enqueued by one scheduler, sent by W worker
 * processes (`ROLE=worker`, the production entry) against the local Bot API in a process of its own, which answers
 * 429 past its rate limit. Reports the achieved rate against the limit, 429s, duplicates and losses.
 * Needs PostgreSQL and Redis: `BENCH_PG_URL`/`BENCH_REDIS_URL` (or `PG_TEST_URL`/`REDIS_TEST_URL`).
 * `tsx bench/queue-fanout.ts [N] [limit] [workers]`
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { benchDatabase, startMain } from "./servers.js";
import { Briefing } from "../src/briefing/briefing.js";
import { createApp } from "../src/app.js";
import { DigestQueue } from "../src/digest/queue.js";
import { fanoutCounts } from "./stats.js";
import { createLogger } from "../src/logger.js";

const subscribers = Number(process.argv[2] ?? 10_000);
const limit = Number(process.argv[3] ?? 1000);
const workers = Number(process.argv[4] ?? 1);
const token = "123456:queue-bench-token-for-the-local-api";

// A database of its own for this run; the workers reach it through DATABASE_URL as in production.
const database = await benchDatabase("queue-fanout");
const redisUrl = database.redisUrl;
// BullMQ keys of this run only.
const prefix = `bench${randomBytes(4).toString("hex")}`;

const server = spawn(process.execPath, ["--import", "tsx", "bench/fanout-server.ts", token, String(limit)], { stdio: ["ignore", "pipe", "inherit"] });
const apiRoot = await new Promise<string>((resolve) => server.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim())));

const env = {
  ...process.env,
  BOT_TOKEN: token,
  TELEGRAM_API_ROOT: apiRoot,
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  WATCH_SEEDS: "false",
  LOG_LEVEL: "info",
  ROLE: "worker",
  // As in production (25/s under Telegram's ~30/s), the global limit runs a little under the Bot API's.
  DIGEST_PER_SECOND: String(limit * 0.95),
  QUEUE_PREFIX: prefix,
};
const app = await createApp(
  { apiRoot, logLevel: "warn", seedsDir: "seeds", dataDir: "data", adminIds: [], watchSeeds: false, rateLimitPerMinute: 20, digestPerSecond: limit, digestLeaseSeconds: 60, databaseUrl: database.url, redisUrl },
  { logger: createLogger("warn"), briefing: await Briefing.load({ dir: "seeds" }) },
);
for (let chat = 1; chat <= subscribers; chat += 1000) {
  const ids = Array.from({ length: Math.min(1000, subscribers - chat + 1) }, (_, i) => chat + i);
  await Promise.all(ids.map((id) => app.stores.subscriptions.saveSubscription({ chatId: id, userId: id, minutes: 480, timeZone: "UTC", paused: false, notifyEmpty: false, language: "ar", active: true })));
}

const children = await Promise.all(Array.from({ length: workers }, () => startMain(env)));

const queue = new DigestQueue({ url: redisUrl, prefix }, { deliverer: app.deliverer, deliveries: app.stores.deliveries, logger: app.logger, clock: app.clock });
const started = performance.now();
await queue.enqueueDue(new Date("2026-01-15T08:00:00Z"));
while ((await app.stores.deliveries.digestStats(0)).sentSince < subscribers) await new Promise((r) => setTimeout(r, 100));
const seconds = (performance.now() - started) / 1000;
const { rate, tooMany, duplicates, lost } = await fanoutCounts(apiRoot, subscribers, seconds);
process.stdout.write(
  `${JSON.stringify({ workers, subscribers, limit_per_s: limit, seconds: Math.round(seconds * 10) / 10, rate_per_s: Math.round(rate), ratio: Math.round((rate / limit) * 1000) / 1000, http_429: tooMany, duplicates, lost })}\n`,
);
for (const child of children) child.kill("SIGTERM");
await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
server.kill();
await queue.close();
await app.stop();
await database.drop();
