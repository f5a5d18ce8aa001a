import { Api, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { FAULT_KINDS, type FaultKind } from "../../src/local-api/faults.js";
import { LocalBotApi, QUERY_TOO_OLD } from "../../src/local-api/local-api.js";
import { startLocalServer } from "../../src/local-api/server.js";

const TOKEN = "7000000001:local-api-test-token";
const only = (kind: FaultKind, seed = 1) => ({ seed, rates: { [kind]: 1 } });

describe("the local Bot API refuses what Telegram refuses", () => {
  it("refuses a lone UTF-16 surrogate in any string of a call, and accepts the whole pair", async () => {
    const api = new LocalBotApi();
    const emoji = "😀";
    const cut = `خبر ${emoji.slice(0, 1)}`;
    for (const [method, params] of [
      ["sendMessage", { chat_id: 5, text: cut }],
      ["sendMessage", { chat_id: 5, text: "ok", reply_markup: { inline_keyboard: [[{ text: emoji.slice(1), callback_data: "x:1" }]] } }],
      ["answerCallbackQuery", { callback_query_id: "q1", text: cut }],
      ["answerInlineQuery", { inline_query_id: "i1", results: [{ type: "article", id: "a", title: cut, input_message_content: { message_text: "ok" } }] }],
    ] as const) {
      expect(await api.handle(method, params)).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: strings must be encoded in UTF-8" });
    }
    expect(await api.handle("sendMessage", { chat_id: 5, text: `خبر ${emoji}` })).toMatchObject({ ok: true });
  });

  it("takes one answer per callback query and per inline query", async () => {
    const api = new LocalBotApi();
    expect(await api.handle("answerCallbackQuery", { callback_query_id: "q1" })).toMatchObject({ ok: true });
    expect(await api.handle("answerCallbackQuery", { callback_query_id: "q1" })).toMatchObject({ ok: false, error_code: 400, description: QUERY_TOO_OLD });
    expect(await api.handle("answerInlineQuery", { inline_query_id: "i1", results: [] })).toMatchObject({ ok: true });
    expect(await api.handle("answerInlineQuery", { inline_query_id: "i1", results: [] })).toMatchObject({ ok: false, description: QUERY_TOO_OLD });
  });

  it("edits an inline message it knows, answering true, and refuses one that does not exist", async () => {
    const api = new LocalBotApi();
    const id = api.addInlineMessage("النقاط الرئيسية");
    expect(await api.handle("editMessageText", { inline_message_id: id, text: "الصفحة 2" })).toEqual({ ok: true, result: true });
    expect(api.inlineMessage(id)!.text).toBe("الصفحة 2");
    expect(await api.handle("editMessageText", { inline_message_id: "AgAAAforged", text: "x" })).toMatchObject({
      ok: false,
      error_code: 400,
      description: "Bad Request: message to edit not found",
    });
    expect(await api.handle("editMessageReplyMarkup", { inline_message_id: "AgAAAforged", reply_markup: { inline_keyboard: [] } })).toMatchObject({
      description: "Bad Request: message to edit not found",
    });
  });
});

describe("fault mode, in-process", () => {
  const client = (local: LocalBotApi, timeoutSeconds = 5) => new Api(TOKEN, { fetch: local.fetch, timeoutSeconds });

  it("answers 429 with retry_after for the whole storm in that chat", async () => {
    const local = new LocalBotApi();
    local.setFaults({ seed: 3, rates: { "too-many-requests": 0.5 }, retryAfterSeconds: 30 });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await local.handle("sendMessage", { chat_id: 9, text: `n${i}` }));
    const first = answers.findIndex((a) => !a.ok);
    expect(first).toBeGreaterThanOrEqual(0);
    for (const a of answers.slice(first)) expect(a).toMatchObject({ error_code: 429, parameters: { retry_after: 30 } });
    expect(local.faults!.injected["too-many-requests"]).toBeGreaterThanOrEqual(answers.length - first);
  });

  it("stores the message and then loses the answer with a 502 or a reset (the case that makes a retry a duplicate)", async () => {
    for (const kind of ["server-error-after", "reset-after"] as const) {
      const local = new LocalBotApi();
      local.setFaults(only(kind));
      await expect(client(local).sendMessage(9, "مرة واحدة")).rejects.toThrow(kind === "reset-after" ? HttpError : /Bad Gateway/);
      expect(local.chatMessages(9).map((m) => m.text)).toEqual(["مرة واحدة"]);
      expect(local.stats()).toMatchObject({ storedPerChat: { "9": 1 }, injected: { [kind]: 1 } });
    }
  });

  it("shows a refusal as it is when a fault after storing meets a call Telegram refuses", async () => {
    const local = new LocalBotApi();
    local.setFaults(only("server-error-after"));
    expect(await local.handle("sendMessage", { chat_id: 9, text: " " })).toMatchObject({ error_code: 400, description: "Bad Request: message text is empty" });
    expect(local.stats()).toMatchObject({ refused: 1, injected: { "server-error-after": 0 } });
  });

  it("fails before storing with a 502 or a reset: nothing reaches the chat", async () => {
    for (const kind of ["server-error-before", "reset-before"] as const) {
      const local = new LocalBotApi();
      local.setFaults(only(kind));
      const error = await client(local).sendMessage(9, "x").catch((e: unknown) => e);
      if (kind === "reset-before") expect(((error as HttpError).error as Error & { cause: { code: string } }).cause.code).toBe("ECONNRESET");
      else expect(error).toMatchObject({ error_code: 502 });
      expect(local.chatMessages(9)).toEqual([]);
    }
  });

  it("hangs until the client gives up, and answers slowly but correctly", async () => {
    const local = new LocalBotApi();
    local.setFaults(only("hang"));
    const started = performance.now();
    await expect(client(local, 0.3).sendMessage(9, "x")).rejects.toThrow(HttpError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(local.chatMessages(9)).toEqual([]);

    local.setFaults({ seed: 1, rates: { slow: 1 }, slowMs: [120, 150] });
    const slowStart = performance.now();
    await client(local).sendMessage(9, "متأخر");
    expect(performance.now() - slowStart).toBeGreaterThanOrEqual(110);
    expect(local.chatMessages(9).map((m) => m.text)).toEqual(["متأخر"]);
  });

  it("is seeded: the same seed and calls give the same faults", async () => {
    const run = async (seed: number) => {
      const local = new LocalBotApi();
      local.setFaults({ seed, rates: { "server-error-before": 0.1, "server-error-after": 0.1, "reset-before": 0.05, "too-many-requests": 0.05 }, retryAfterSeconds: 0 });
      const outcomes: Array<string | undefined> = [];
      for (let i = 0; i < 200; i++) {
        await local.handle("sendMessage", { chat_id: i, text: "x" }).catch(() => undefined);
        outcomes.push(local.calls.at(-1)!.fault);
      }
      return outcomes;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(await run(43)).not.toEqual(a);
    expect(a.filter(Boolean).length).toBeGreaterThan(40);
    expect(a.filter(Boolean).length).toBeLessThan(80);
  });

  it("refuses rates that add up to more than 1", () => {
    expect(() => new LocalBotApi().setFaults({ seed: 1, rates: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0.2])) })).toThrow(/at most 1/);
  });
});

describe("fault mode through the HTTP emulator", () => {
  it("is switched on at POST /_local/faults, drops connections, hangs until the client leaves, and counts at /_local/stats", async () => {
    const server = await startLocalServer(TOKEN);
    try {
      const control = (path: string, body?: unknown) =>
        fetch(`${server.url}${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
          (r) => r.json() as Promise<Record<string, unknown>>,
        );
      const api = new Api(TOKEN, { apiRoot: server.url, timeoutSeconds: 0.5 });

      expect(await control("/_local/faults", only("reset-after"))).toEqual({ ok: true, on: true });
      await expect(api.sendMessage(9, "stored, answer lost")).rejects.toThrow(HttpError);
      expect(server.api.chatMessages(9).map((m) => m.text)).toEqual(["stored, answer lost"]);

      await control("/_local/faults", only("hang"));
      const hung = (await api.sendMessage(9, "never").catch((e: unknown) => e)) as HttpError;
      expect(String(hung.error)).toMatch(/timed out after 0.5 seconds/);

      expect(await control("/_local/faults", {})).toEqual({ ok: true, on: false });
      await api.sendMessage(9, "fine again");
      const stats = await control("/_local/stats");
      expect(stats).toMatchObject({ storedPerChat: { "9": 2 }, injected: { "reset-after": 1, hang: 1, "server-error-after": 0 } });
    } finally {
      await server.close();
    }
  });
});
