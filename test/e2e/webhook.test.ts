/** Webhook mode as Telegram drives it: a prompt 200, a redelivered update handled once, the same updates as polling. */
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { startPoller } from "../../src/roles/poller.js";
import { startWeb, type WebConfig } from "../../src/roles/web.js";
import { textMessage } from "../../src/local-api/updates.js";
import { harness, salma, seen } from "../support/harness.js";
import { until } from "../support/process.js";

const SECRET = "webhook-secret-for-the-test";
const web: WebConfig = { webhookUrl: "https://bot.example.org/telegram", webhookSecret: SECRET, host: "127.0.0.1", port: 0 };

describe("webhook", () => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  async function serving() {
    const h = await harness();
    const { port } = await startWeb(h.app, web);
    cleanup.push(() => h.app.stop());
    const post = (update: unknown, secret = SECRET) =>
      fetch(`http://127.0.0.1:${port}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update),
      });
    return { h, post };
  }

  it("answers 200 before a slow reply is sent, and handles an update posted again only once", async () => {
    const { h, post } = await serving();
    h.api.setFaults({ seed: 1, rates: { slow: 1 }, methods: ["sendMessage"], slowMs: [1_500, 1_500] });
    const update = { ...textMessage(salma, "/start"), update_id: 900_001 } as Update;

    expect((await post(update)).status).toBe(200);
    // Answered while the reply is still on its way to a Bot API that takes 1.5 s.
    expect(h.messages(salma.id)).toHaveLength(0);
    // Telegram posts it again (it never saw that 200, say).
    expect((await post(update)).status).toBe(200);

    await until("the welcome", () => h.messages(salma.id)[0]);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(h.messages(salma.id).map((m) => seen(m.text).slice(0, 11))).toEqual(["مرحباً سلمى"]);
    expect(h.api.callsOf("sendMessage")).toHaveLength(1);
    expect(h.logs.some((l) => String(l.msg).includes("posted again"))).toBe(true);
  });

  it("refuses a post without the secret token and handles nothing", async () => {
    const { h, post } = await serving();
    expect((await post({ ...textMessage(salma, "/start"), update_id: 900_002 }, "wrong-secret-xxxxxxxx")).status).toBe(401);
    expect((await post("not an update")).status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.messages(salma.id)).toHaveLength(0);
  });

  it("asks Telegram for the same updates as long polling", async () => {
    const { h } = await serving();
    const webhook = h.api.callsOf("setWebhook")[0]!.params;
    expect(webhook).toMatchObject({ url: web.webhookUrl, secret_token: SECRET });

    const polling = await harness();
    let asked: unknown;
    polling.bot.api.config.use((prev, method, payload, signal) => {
      if (method === "getUpdates") asked ??= (payload as { allowed_updates?: unknown }).allowed_updates;
      return prev(method, payload, signal);
    });
    await startPoller(polling.app);
    cleanup.push(() => polling.app.stop());
    await until("the first getUpdates", () => asked);
    expect(webhook.allowed_updates).toEqual(asked);
    expect(asked).not.toContain("channel_post");
  });

  it("lets no channel post reach a command handler", async () => {
    const { h, post } = await serving();
    const channel = { id: -1_001_234_567_890, type: "channel", title: "قناة" };
    for (const [i, text] of ["/start", "/digest", "/subscribe 08:00 UTC", "بوتين"].entries()) {
      const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
      expect((await post({ update_id: 900_010 + i, channel_post: { message_id: 10 + i, date: 0, chat: channel, sender_chat: channel, text, ...(entities ? { entities } : {}) } })).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.calls.filter((c) => c.method !== "setWebhook" && c.method !== "setMyCommands")).toEqual([]);
    expect(await h.store.getSubscription(channel.id)).toBeUndefined();
  });
});
