/** The real process (`npm start`) against the local Bot API on 127.0.0.1, as Telegram would drive it. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { callbackQuery, inlineQuery, textMessage } from "../../src/local-api/updates.js";
import { salma, seen } from "../support/harness.js";
import { localServer, startBot, stop, TOKEN, until } from "../support/process.js";

describe("npm start against a local Bot API", () => {
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it("starts, answers /start, a question and a button press, and stops on SIGTERM — with no request refused", async () => {
    const server = await localServer();
    const bot = startBot(server, mkdtempSync(join(tmpdir(), "mujaz-e2e-")));
    cleanup.push(() => server.close(), () => stop(bot.child, "SIGKILL"));
    await until("the ready log line", () => bot.output().includes("mujaz is ready"), 30_000);
    expect(server.api.callsOf("setMyCommands")).toHaveLength(3);

    server.api.pushUpdate(textMessage(salma, "/start"));
    const welcome = await until("the welcome", () => server.api.chatMessages(salma.id)[0]);
    expect(seen(welcome.text)).toContain("مرحباً سلمى");

    server.api.pushUpdate(textMessage(salma, "قوة سيبيريا"));
    const answer = await until("the answer", () => server.api.chatMessages(salma.id)[1]);
    expect(seen(answer.text)).toContain("قوة سيبيريا-2");

    const button = (answer.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!;
    server.api.pushUpdate(callbackQuery(salma, button.callback_data, { message_id: answer.message_id, chat_id: salma.id }));
    const paragraph = await until("the opened paragraph", () => server.api.chatMessages(salma.id)[2]);
    expect(seen(paragraph.text)).toContain("الفقرة 5 من 9");

    expect(server.api.calls.filter((c) => !c.ok)).toEqual([]);
    expect(bot.output()).not.toContain(TOKEN.split(":")[1]);
    stop(bot.child, "SIGTERM");
    await bot.exited;
    await until("the shutdown log line", () => bot.output().includes("shutting down"), 5_000);
  });

  it("answers an inline query sent through the emulator", async () => {
    const server = await localServer();
    const bot = startBot(server, mkdtempSync(join(tmpdir(), "mujaz-e2e-")));
    cleanup.push(() => server.close(), () => stop(bot.child, "SIGKILL"));
    await until("the ready log line", () => bot.output().includes("mujaz is ready"), 30_000);
    server.api.pushUpdate(inlineQuery(salma, "قوة سيبيريا"));
    const call = await until("the inline answer", () => server.api.callsOf("answerInlineQuery")[0]);
    expect(call.ok).toBe(true);
    const results = call.params.results as Array<{ id: string; description: string }>;
    // The answer in a line first, then the passage it comes from.
    expect(results[0]!.id).toMatch(/^k:/);
    expect(results[1]!.id).toMatch(/^p:/);
    expect(results[1]!.description).toContain("قوة سيبيريا");
  });

  it("refuses to start with a clear message when the token is missing", async () => {
    const child = spawn("npm", ["start"], { env: { ...process.env, BOT_TOKEN: "", DATA_DIR: mkdtempSync(join(tmpdir(), "mujaz-e2e-")) }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(err).toContain("BOT_TOKEN");
    expect(err).toContain("npm run chat");
  });
});
