/**
 * The real servers some tests need: PostgreSQL at PG_TEST_URL and Redis at REDIS_TEST_URL (`.ci/run` starts both
 * on loopback). Without them those tests skip with a message saying how to run them, except under CI=true, where a
 * missing server is a failure: CI must never pass by skipping them.
 */
import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";

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
