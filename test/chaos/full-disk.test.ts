/**
 * A full disk: every write to the store fails with SQLITE_FULL. The bot stays up — each update still gets its
 * answer or a short apology, a digest run fails and is logged without taking the process down — and works again
 * once there is space.
 */
import { describe, expect, it } from "vitest";
import { startScheduler } from "../../src/digest/scheduler.js";
import { textMessage } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { harness, salma, seen } from "../support/harness.js";
import { until } from "../support/process.js";

const WRITES = new Set([
  "setLanguage", "saveQuery", "rememberChat", "forgetChat", "migrateChat", "saveSubscription", "deleteSubscription", "setPaused", "setNotifyEmpty",
  "deactivate", "claimDelivery", "planDelivery", "beginPart", "endPart", "finishDelivery", "renewLeases", "resolveStale", "skipDay", "recordArticles",
  "recordRun", "writeState", "deleteState",
]);

describe("a full disk", () => {
  it("keeps the bot answering (or apologizing), logs the failed digest run, and recovers when space is back", async () => {
    const store = new SqliteStore(":memory:");
    let full = false;
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (full && WRITES.has(String(prop))) return Promise.reject(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Store;
    const h = await harness({ store: failing });
    let now = Date.parse("2026-01-15T08:00:00Z");
    await h.send(textMessage(salma, "/start"));
    full = true;

    const updates = ["/start", "قوة سيبيريا", "/language", "/subscribe 08:00 UTC", "/settings", "/digest"];
    for (const text of updates) {
      const before = h.messages(salma.id).length;
      await h.send(textMessage(salma, text));
      expect(h.messages(salma.id).length, text).toBeGreaterThan(before);
    }
    let minute = () => {};
    const scheduler = startScheduler(h.app.deliverer, h.app.logger, { now: () => now }, (m) => ((minute = m), () => {}));
    await until("the failed run in the log", () => h.logs.find((l) => l.msg === "digest: run failed" && (l.err as { message?: string }).message?.includes("full")));

    full = false;
    await h.send(textMessage(salma, "/subscribe 08:00 UTC"));
    expect(seen(h.last(salma.id).text)).toContain("تم الاشتراك");
    now = Date.parse("2026-01-16T08:00:00Z");
    minute();
    await until("the next day's digest", () => h.messages(salma.id).find((m) => seen(m.text).startsWith("📰")));
    await scheduler.stop();
    expect(h.refused()).toEqual([]);
  });
});
