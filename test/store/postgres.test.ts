/** The store behaviour suites against PostgreSQL, each case in a schema of its own; and the claim under contention. */
import { afterAll, expect, it } from "vitest";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { describeWithServers, PG_TEST_URL, uniqueName } from "../support/servers.js";
import { deliveryLogSuite } from "./delivery-log.suite.js";
import { rolesSuite } from "./roles.suite.js";

describeWithServers(["PostgreSQL"], "postgres store", () => {
  const opened: PostgresStore[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });
  const fresh = async (schema = uniqueName("store")) => {
    const store = await PostgresStore.open({ url: PG_TEST_URL!, schema, max: 4 });
    opened.push(store);
    return store;
  };
  deliveryLogSuite("postgres", () => fresh());
  rolesSuite("postgres", () => fresh());

  it("many workers claiming the same days at once: each day is won by exactly one, and a stale claim is resolved once", async () => {
    const schema = uniqueName("race");
    const workers = [await fresh(schema), await fresh(schema), await fresh(schema)];
    const T = 1_700_000_000_000;
    const wins = await Promise.all(
      Array.from({ length: 60 }, (_, i) => workers[i % 3]!.claimDelivery(i % 20, "2026-01-15", `w${i}`, T, T + 60_000)),
    );
    const winners = wins.filter((c) => c !== undefined);
    expect(winners.length).toBe(20);
    expect(new Set(winners.map((c) => c.chatId)).size).toBe(20);
    const resolutions = await Promise.all(workers.map((w) => w.resolveStale(T + 61_000, "at-least-once")));
    expect(resolutions.reduce((n, r) => n + r.resumed, 0)).toBe(20);
  });
});
