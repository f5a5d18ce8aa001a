import { describe, expect, it } from "vitest";
import { LOCAL_BOT } from "../../src/local-api/local-api.js";
import { groupChat, migrateMessage, myChatMember, textMessage } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { harness, john, salma, seen } from "../support/harness.js";

const GROUP = groupChat(-1001234567890, "قراء الموجز");
const say = (who: typeof salma, text: string, extra = {}) => textMessage(who, text, GROUP, extra);

describe("group chats", () => {
  it("answers a mention, replying to the message that asked", async () => {
    const h = await harness();
    await h.send(say(salma, "@mujaz_local_bot كم بلغ حجم التبادل التجاري؟"));
    const answer = h.last(GROUP.id);
    expect(seen(answer.text)).toContain("🔎 كم بلغ حجم التبادل التجاري؟");
    expect(seen(answer.text)).toContain("240 مليار");
    expect(answer.reply_to_message_id).toBeDefined();
    expect(h.refused()).toEqual([]);
  });

  it("answers a reply to one of its messages, and ignores other chatter", async () => {
    const h = await harness();
    await h.send(say(salma, "صباح الخير يا جماعة"));
    await h.send(say(john, "who is coming tonight?"));
    await h.send(say(john, "@someone_else بوتين"));
    expect(h.messages(GROUP.id)).toHaveLength(0);
    await h.send(say(salma, "@mujaz_local_bot بريكس"));
    const mine = h.last(GROUP.id);
    await h.send(say(john, "وماذا عن مجلس الأمن؟", { reply_to_message: { message_id: mine.message_id, date: 0, chat: GROUP, from: LOCAL_BOT, text: mine.text } }));
    expect(h.messages(GROUP.id)).toHaveLength(2);
    expect(seen(h.last(GROUP.id).text)).toContain("🔎 وماذا عن مجلس الأمن؟");
  });

  it("runs commands with and without @botname, and answers only unknown commands addressed to it", async () => {
    const h = await harness();
    await h.send(say(salma, "/search@mujaz_local_bot قوة سيبيريا"));
    await h.send(say(salma, "/search خاربين"));
    await h.send(say(salma, "/weather"));
    await h.send(say(salma, "/search@other_bot بوتين"));
    await h.send(say(salma, "/weather@mujaz_local_bot"));
    const texts = h.messages(GROUP.id).map((m) => seen(m.text));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("🔎 قوة سيبيريا");
    expect(texts[1]).toContain("🔎 خاربين");
    expect(texts[2]).toContain("لا أعرف الأمر /weather@mujaz_local_bot");
    for (const m of h.messages(GROUP.id)) expect(m.reply_to_message_id).toBeDefined();
  });

  it("keeps answers shorter in groups, with a button to continue in private instead of paging", async () => {
    const h = await harness();
    await h.send(say(salma, "@mujaz_local_bot الصين"));
    const inGroup = h.last(GROUP.id);
    await h.send(textMessage(salma, "الصين"));
    const inPrivate = h.last(salma.id);
    expect(inGroup.text.length).toBeLessThan(inPrivate.text.length);
    const buttons = h.buttons(inGroup);
    expect(buttons.some((b) => b.text!.includes("المزيد") && !b.url)).toBe(false);
    const more = buttons.find((b) => b.url)!;
    expect(more.url).toMatch(/^https:\/\/t\.me\/mujaz_local_bot\?start=q_[A-Za-z0-9_-]{10}$/);
    expect(h.buttons(inPrivate).some((b) => b.callback_data?.startsWith("p:"))).toBe(true);
  });

  it("opens an article pressed in a group in a private chat, through a deep link, instead of posting it there", async () => {
    const h = await harness();
    await h.send(say(salma, "/sources"));
    const list = h.last(GROUP.id);
    const count = h.messages(GROUP.id).length;
    await h.press(salma, list, /^2$/);
    expect(h.messages(GROUP.id)).toHaveLength(count);
    const answer = h.api.callsOf("answerCallbackQuery").at(-1)!;
    const article = h.briefing.articles[1]!;
    expect(answer.params.url).toBe(`https://t.me/mujaz_local_bot?start=a_${article.id}`);
    // The link opens the article in the private chat.
    await h.send(textMessage(salma, `/start a_${article.id}`));
    expect(seen(h.messages(salma.id)[0]!.text)).toContain(`2. ${article.title}`);
    expect(h.refused()).toEqual([]);
  });

  it("limits one group to 8 answers a minute with one short note; chatter does not count", async () => {
    const h = await harness();
    for (let i = 0; i < 20; i++) await h.send(say(john, `chatter ${i}`));
    for (let i = 0; i < 10; i++) await h.send(say(salma, `@mujaz_local_bot بوتين ${i}`));
    const texts = h.messages(GROUP.id).map((m) => seen(m.text));
    expect(texts).toHaveLength(9);
    expect(texts[8]).toBe("طلبات كثيرة من هذه المجموعة. سأعود للإجابة بعد دقيقة.");
    // Another group is not affected.
    const other = groupChat(-1009999999999);
    await h.send(textMessage(salma, "@mujaz_local_bot بوتين", other));
    expect(h.messages(other.id)).toHaveLength(1);
  });

  it("introduces itself when added, remembers the group, and moves it when it becomes a supergroup", async () => {
    const store = new SqliteStore(":memory:");
    const h = await harness({ store });
    const small = { id: -4001, type: "group" as const, title: "صغيرة" };
    await h.send(myChatMember(salma, small, LOCAL_BOT, "left", "member"));
    expect(seen(h.last(small.id).text)).toContain("أنا موجز");
    expect(seen(h.last(small.id).text)).toContain("@mujaz_local_bot");
    expect(await store.groupCount()).toBe(1);

    await store.saveSubscription({ chatId: small.id, userId: salma.id, minutes: 480, timeZone: "UTC", paused: false, notifyEmpty: false, language: "ar", active: true });
    await h.send(migrateMessage(salma, small, -1004001));
    const rows = store.db.prepare("SELECT chat_id, type FROM chats").all();
    expect(rows).toEqual([{ chat_id: -1004001, type: "supergroup" }]);
    expect(await store.getSubscription(small.id)).toBeUndefined();
    expect(await store.getSubscription(-1004001)).toMatchObject({ userId: salma.id, minutes: 480 });

    await h.send(myChatMember(salma, groupChat(-1004001), LOCAL_BOT, "member", "kicked"));
    expect(await store.groupCount()).toBe(0);
    expect(h.refused()).toEqual([]);
  });

  it("answers a bare mention with how to use it in the group", async () => {
    const h = await harness();
    await h.send(say(salma, "@mujaz_local_bot"));
    expect(seen(h.last(GROUP.id).text)).toContain("اذكرني ثم اكتب سؤالك");
  });
});
