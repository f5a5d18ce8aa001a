/**
 * Two bot instances (as two `web` processes would be) over one PostgreSQL and one Redis and the strict local Bot
 * API: whichever instance Telegram hands an update to, the reader sees one bot.
 */
import type { Update } from "grammy/types";
import { afterEach, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { LOCAL_BOT, LocalBotApi, refusedByApi, type StoredMessage } from "../../src/local-api/local-api.js";
import { callbackQuery, textMessage, type Person } from "../../src/local-api/updates.js";
import { john, salma, seen, spec } from "../support/harness.js";
import { describeWithServers, serverInstance, uniqueName } from "../support/servers.js";
import { SpecChecker } from "../support/spec.js";

describeWithServers(["PostgreSQL", "Redis"], "two instances, one PostgreSQL and one Redis", () => {
  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.stop()));
  });

  async function deployment(config: { rateLimitPerMinute?: number } = {}) {
    const api = new LocalBotApi(LOCAL_BOT, spec ? [new SpecChecker(spec).check] : []);
    const schema = uniqueName("inst");
    const redisPrefix = uniqueName("inst");
    const [a, b] = [
      await serverInstance({ schema, redisPrefix, fetch: api.fetch, config }),
      await serverInstance({ schema, redisPrefix, fetch: api.fetch, config }),
    ];
    apps.push(a, b);
    await Promise.all([a.bot.init(), b.bot.init()]);
    const deliver = (app: App, update: Update) => app.bot.handleUpdate(update);
    const send = (app: App, u: Omit<Update, "update_id">) => deliver(app, { ...u, update_id: api.nextId() } as Update);
    const last = (chatId: number): StoredMessage => api.chatMessages(chatId).at(-1)!;
    const press = (app: App, who: Person, m: StoredMessage, label: string) => {
      const b = ((m.reply_markup as { inline_keyboard?: Array<Array<Record<string, string>>> } | undefined)?.inline_keyboard ?? [])
        .flat()
        .find((x) => x.text!.includes(label));
      if (!b?.callback_data) throw new Error(`no button ${label}`);
      return send(app, callbackQuery(who, b.callback_data, { message_id: m.message_id, chat_id: m.chat_id, text: m.text }));
    };
    return { api, a, b, deliver, send, last, press };
  }

  it("a /subscribe conversation started on one instance continues on the other, and the subscription is stored once", async () => {
    const { api, a, b, send, last, press } = await deployment();
    await send(a, textMessage(salma, "/subscribe"));
    expect(seen(last(salma.id).text)).toContain("متى تريد الموجز كل يوم؟");
    await send(b, textMessage(salma, "07:15"));
    expect(seen(last(salma.id).text)).toContain("في أي منطقة زمنية؟");
    await send(a, textMessage(salma, "Asia/Baghdad"));
    expect(seen(last(salma.id).text)).toContain("هل تريد موضوعاً محدداً؟");
    await send(b, textMessage(salma, "أوكرانيا"));
    await press(a, salma, last(salma.id), "تأكيد");
    expect(seen(last(salma.id).text)).toContain("✅ تم الاشتراك: كل يوم الساعة 07:15 بتوقيت بغداد، عن: أوكرانيا.");
    expect(await b.stores.subscriptions.getSubscription(salma.id)).toMatchObject({ minutes: 435, timeZone: "Asia/Baghdad", topic: "أوكرانيا" });
    expect(api.calls.filter(refusedByApi)).toEqual([]);
  });

  it("an update Telegram redelivers to the other instance is answered once", async () => {
    const { api, a, b, deliver, last } = await deployment();
    const update = { ...textMessage(john, "What is the trade volume between Russia and China?"), update_id: api.nextId() } as Update;
    await Promise.all([deliver(a, update), deliver(b, update)]);
    await deliver(b, update);
    const answers = api.chatMessages(john.id);
    expect(answers.length).toBe(1);
    expect(seen(last(john.id).text)).toContain("What is the trade volume");
  });

  it("the questions behind buttons and a reader's rate limit are shared: 'More' made on one works on the other, the limit counts both", async () => {
    const { api, a, b, send, last, press } = await deployment({ rateLimitPerMinute: 3 });
    await send(a, textMessage(salma, "بوتين"));
    expect(seen(last(salma.id).text)).not.toContain("المقاطع 4–6");
    await press(b, salma, last(salma.id), "المزيد");
    expect(api.chatMessages(salma.id).length).toBe(1);
    expect(seen(last(salma.id).text)).toContain("المقاطع 4–6");
    await send(a, textMessage(salma, "الصين"));
    const before = api.chatMessages(salma.id).length;
    await send(b, textMessage(salma, "روسيا"));
    expect(api.chatMessages(salma.id).length).toBe(before + 1);
    expect(seen(last(salma.id).text)).toContain("رسائل كثيرة في وقت قصير");
  });
});
