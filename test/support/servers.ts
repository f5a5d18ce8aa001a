/**
 * The real servers some tests need: PostgreSQL at PG_TEST_URL and Redis at REDIS_TEST_URL (`.ci/run` starts both
 * on loopback). Without them those tests skip with a message saying how to run them, except under CI=true, where a
 * missing server is a failure: CI must never pass by skipping them.
 */
import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { createApp, type App, type AppConfig } from "../../src/app.js";
import { Briefing } from "../../src/briefing/briefing.js";
import type { Clock } from "../../src/clock.js";
import { LOCAL_BOT } from "../../src/local-api/local-api.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { openRedis } from "../../src/store/redis/redis.js";
import { storesOf } from "../../src/store/store.js";
import { seeds, testConfig } from "./harness.js";

export const PG_TEST_URL = process.env.PG_TEST_URL?.trim() || undefined;
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL?.trim() || undefined;

const needed = { PostgreSQL: "PG_TEST_URL", Redis: "REDIS_TEST_URL" } as const;
type Server = keyof typeof needed;

/** `describe` when every server named is there; otherwise a skip with the reason, or a failure under CI=true. */
export function describeWithServers(servers: Server[], name: string, body: () => void): void {
  const missing = servers.filter((s) => (s === "PostgreSQL" ? PG_TEST_URL : REDIS_TEST_URL) === undefined);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const reason = `needs ${missing.map((s) => `${s} (${needed[s]})`).join(" and ")}; .ci/run starts them`;
  if (process.env.CI === "true") {
    describe(name, () => {
      it(`servers are running: ${reason}`, () => {
        throw new Error(`test servers: ${reason}. CI=true never skips these tests.`);
      });
    });
    return;
  }
  console.warn(`skipped "${name}": ${reason}`);
  describe.skip(`${name} (skipped: ${reason})`, body);
}

/** A fresh name for a PostgreSQL schema or a Redis key prefix, so tests never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** One mujaz instance of a deployment under test: its own connections to the shared PostgreSQL schema and Redis prefix. */
export async function serverInstance(o: {
  schema: string;
  redisPrefix: string;
  fetch: typeof fetch;
  logger?: Logger;
  config?: Partial<AppConfig>;
  briefing?: Briefing;
  clock?: Clock;
}): Promise<App> {
  const store = await PostgresStore.open({ url: PG_TEST_URL!, schema: o.schema, max: 4 });
  return createApp(testConfig(o.config), {
    logger: o.logger ?? createLogger("silent"),
    briefing: o.briefing ?? Briefing.fromArticles((await seeds()).articles),
    ...(o.clock ? { clock: o.clock } : {}),
    stores: storesOf(store),
    redis: openRedis(REDIS_TEST_URL!, `${o.redisPrefix}:`),
    fetch: o.fetch,
    botInfo: LOCAL_BOT,
  });
}
