/**
 * The real process (`npm start`) against the HTTP emulator in fault mode: replies over real sockets that are
 * dropped before and after the message is stored, 5xx answers and 429 storms. No reader gets an answer twice.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { textMessage, type Person } from "../../src/local-api/updates.js";
import { seen } from "../support/harness.js";
import { localServer, startBot, stop, until } from "../support/process.js";

const READERS = 120;
const APOLOGY = "عذراً، حدث خطأ أثناء تجهيز الرد";

describe("npm start against a failing Bot API", () => {
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it("answers 120 questions over dropped connections and 5xx without sending any answer twice", async () => {
    const server = await localServer();
    const bot = startBot(server, mkdtempSync(join(tmpdir(), "mujaz-chaos-")));
    cleanup.push(() => server.close(), () => stop(bot.child, "SIGKILL"));
    await until("the ready log line", () => bot.output().includes("mujaz is ready"), 30_000);

    server.api.setFaults({
      seed: 7,
      methods: ["sendMessage"],
      rates: { "too-many-requests": 0.05, "server-error-before": 0.05, "server-error-after": 0.05, "reset-before": 0.05, "reset-after": 0.05 },
      retryAfterSeconds: 1,
    });
    const readers: Person[] = Array.from({ length: READERS }, (_, i) => ({ id: 300_000 + i, first_name: `قارئ ${i}`, language_code: "ar" }));
    for (const reader of readers) server.api.pushUpdate(textMessage(reader, "قوة سيبيريا"));

    // Settled when nothing more has been sent for two seconds.
    let seenCalls = -1;
    let quietSince = Date.now();
    await until(
      "the replies to settle",
      () => {
        const n = server.api.callsOf("sendMessage").length;
        if (n !== seenCalls) [seenCalls, quietSince] = [n, Date.now()];
        return n > 0 && Date.now() - quietSince > 2_000;
      },
      60_000,
    );

    const answersPerReader = readers.map((r) => server.api.chatMessages(r.id).filter((m) => !seen(m.text).includes(APOLOGY)).length);
    const stats = server.api.stats();
    console.info("chaos, real process:", {
      readers: READERS,
      injected: stats.injected,
      answeredOnce: answersPerReader.filter((n) => n === 1).length,
      withoutAnswer: answersPerReader.filter((n) => n === 0).length,
      duplicated: answersPerReader.filter((n) => n > 1).length,
    });
    expect(stats.injected["reset-after"] + stats.injected["server-error-after"]).toBeGreaterThan(0);
    expect(answersPerReader.filter((n) => n > 1)).toEqual([]);
    expect(answersPerReader.filter((n) => n === 1).length).toBeGreaterThan(READERS * 0.7);
    expect(stats.refused).toBe(0);
  }, 90_000);
});
