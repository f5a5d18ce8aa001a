/** The digest with the real process: on time, once, across SIGKILL and restart, and caught up after downtime. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatTime, localTime } from "../../src/digest/schedule.js";
import { textMessage } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { john, salma, seen } from "../support/harness.js";
import { localServer, startBot, stop, until } from "../support/process.js";

describe("daily digest with the real process", () => {
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it("delivers at the chosen minute exactly once, keeps subscribers across SIGKILL, and catches up after downtime", { timeout: 180_000 }, async () => {
    const server = await localServer();
    cleanup.push(() => server.close());
    const dataDir = mkdtempSync(join(tmpdir(), "mujaz-e2e-digest-"));
    const digests = (chatId: number) => server.api.chatMessages(chatId).filter((m) => seen(m.text).startsWith("📰"));

    let bot = startBot(server, dataDir);
    cleanup.push(() => stop(bot.child, "SIGKILL"));
    await until("ready", () => bot.output().includes("mujaz is ready"), 30_000);

    // Salma subscribes for the next minute (two ahead if this one is nearly over).
    const now = new Date();
    const ahead = now.getUTCSeconds() > 45 ? 2 : 1;
    const due = localTime(new Date(now.getTime() + ahead * 60_000), "UTC");
    server.api.pushUpdate(textMessage(salma, `/subscribe ${formatTime(due.minutes)} UTC`));
    await until("the confirmation", () => server.api.chatMessages(salma.id).find((m) => seen(m.text).includes("تم الاشتراك")));
    await until("the digest at its minute", () => digests(salma.id)[0], 150_000);
    const arrived = localTime(new Date(), "UTC");
    expect(arrived.minutes).toBe(due.minutes);
    expect(seen(digests(salma.id)[0]!.text)).toContain("(5 مقالات جديدة)");

    // Killed; meanwhile John's subscription for a time already past today is written to the store.
    stop(bot.child, "SIGKILL");
    await bot.exited;
    const store = new SqliteStore(join(dataDir, "mujaz.sqlite"));
    const earlier = Math.max(0, localTime(new Date(), "UTC").minutes - 1);
    await store.saveSubscription({ chatId: john.id, userId: john.id, minutes: earlier, timeZone: "UTC", paused: false, notifyEmpty: false, language: "en", active: true });
    await store.close();

    bot = startBot(server, dataDir);
    cleanup.push(() => stop(bot.child, "SIGKILL"));
    await until("ready again", () => bot.output().includes("mujaz is ready"), 30_000);
    await until("John's digest right after start-up", () => digests(john.id)[0], 20_000);
    expect(seen(digests(john.id)[0]!.text)).toContain("Today's brief");

    server.api.pushUpdate(textMessage(salma, "/settings"));
    await until("Salma's settings", () => server.api.chatMessages(salma.id).find((m) => seen(m.text).includes("اشتراكك في الموجز اليومي")));
    expect(digests(salma.id)).toHaveLength(1);
    expect(server.api.calls.filter((c) => !c.ok)).toEqual([]);
  });
});
