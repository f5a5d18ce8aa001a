import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/create-bot.js";
import { callbackQuery, mediaMessage, textMessage } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { harness, john, salma, seeds, seen, spec } from "../support/harness.js";

describe("start, help and language", () => {
  it("welcomes an Arabic reader with three example questions that answer when pressed", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/start"));
    const welcome = h.last(salma.id);
    expect(seen(welcome.text)).toContain("مرحباً سلمى");
    expect(seen(welcome.text)).toContain("5 مقالات");
    expect(h.buttons(welcome).map((b) => b.text)).toHaveLength(3);
    await h.press(salma, welcome, "التبادل التجاري");
    const answer = h.last(salma.id);
    expect(answer.message_id).toBeGreaterThan(welcome.message_id);
    // The answer in one line, cited, right under the question.
    expect(seen(answer.text).split("\n")[2]).toMatch(/240 مليار دولار.* \[1\]$/);
    expect(h.refused()).toEqual([]);
  });

  it("speaks English to a reader whose Telegram is in English", async () => {
    const h = await harness();
    await h.send(textMessage(john, "/start"));
    expect(seen(h.last(john.id).text)).toContain("Hello John");
    await h.send(textMessage(john, "/help"));
    expect(seen(h.last(john.id).text)).toContain("How to use mujaz");
    expect(seen(h.last(john.id).text)).toContain("@mujaz_local_bot");
  });

  it("switches language with /language, remembers it in the store, and answers in it", async () => {
    const store = new SqliteStore(":memory:");
    const h = await harness({ store });
    await h.send(textMessage(salma, "/language"));
    await h.press(salma, h.last(salma.id), "English");
    expect(seen(h.last(salma.id).text)).toBe("Done. I will speak English with you.");
    expect(await store.getLanguage(salma.id)).toBe("en");
    await h.send(textMessage(salma, "/help"));
    expect(seen(h.last(salma.id).text)).toContain("How to use mujaz");
    expect(h.refused()).toEqual([]);
  });

  it("answers a second press of the same language button once, with no error logged", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/language"));
    const menu = h.last(salma.id);
    const data = h.buttons(menu).find((b) => b.text!.includes("English"))!.callback_data!;
    const press = () => h.send(callbackQuery(salma, data, { message_id: menu.message_id, chat_id: menu.chat_id, text: menu.text }));
    await press();
    const after = h.api.callsOf("answerCallbackQuery").length;
    await press();
    expect(h.api.callsOf("answerCallbackQuery").length).toBe(after + 1);
    expect(seen(h.last(salma.id).text)).toBe("Done. I will speak English with you.");
    expect(h.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    // Telegram refuses the repeated edit as "not modified": the bot expects that and says nothing more.
    expect(h.refused().map((c) => `${c.method}: ${c.description}`)).toEqual(["editMessageText: Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"]);
  });

  it("registers the command menu in Arabic, English and as default", async () => {
    const h = await harness();
    await registerCommands(h.bot.api);
    const calls = h.api.callsOf("setMyCommands");
    expect(calls.map((c) => c.params.language_code)).toEqual(["ar", "en", undefined]);
    expect((calls[1]!.params.commands as Array<{ command: string; description: string }>).find((c) => c.command === "search")!.description).toBe(
      "Search the briefing",
    );
    expect(h.refused()).toEqual([]);
  });
});

describe("questions and answers", () => {
  it("answers free text with key points, passages and sources, and opens a cited paragraph", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "ما هو خط انابيب قوة سيبيريا"));
    const answer = h.last(salma.id);
    const text = seen(answer.text);
    expect(text).toMatch(/^🔎 ما هو خط انابيب قوة سيبيريا/);
    expect(text).toContain("قوة سيبيريا-2");
    expect(text).toContain("[1] المقال 4: بوتين يختتم زيارة غير مسبوقة إلى الصين.. أوكرانيا والطاقة في قلب… — الفقرة 5");
    expect(answer.entities.some((e) => e.type === "bold" && answer.text.slice(e.offset, e.offset + e.length).includes("قوة سيبيريا-2"))).toBe(true);

    await h.press(salma, answer, "📄 1");
    const paragraph = h.last(salma.id);
    expect(paragraph.message_id).toBe(answer.message_id + 1);
    expect(seen(paragraph.text)).toContain("الفقرة 5 من 9");
    expect(seen(paragraph.text)).toContain("ناقش الجانبان مشروع خط أنابيب");

    await h.press(salma, paragraph, "الفقرة التالية");
    const edited = h.last(salma.id);
    expect(edited.message_id).toBe(paragraph.message_id);
    expect(edited.edits).toBe(1);
    expect(seen(edited.text)).toContain("الفقرة 6 من 9");
    expect(h.refused()).toEqual([]);
  });

  it("pages through more results by editing the same message, and back", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/search الصين"));
    const first = h.last(salma.id);
    expect(seen(first.text)).toMatch(/المقاطع 1–3 من \d+/);
    await h.press(salma, first, "المزيد");
    const second = h.last(salma.id);
    expect(second.message_id).toBe(first.message_id);
    expect(seen(second.text)).toMatch(/المقاطع 4–6 من \d+/);
    expect(seen(second.text)).not.toContain("النقاط الرئيسية");
    expect(seen(second.text)).toContain("[4] ");
    await h.press(salma, second, "السابق");
    expect(seen(h.last(salma.id).text)).toMatch(/المقاطع 1–3 من/);
    expect(h.messages(salma.id)).toHaveLength(1);
    expect(h.refused()).toEqual([]);
  });

  it("keeps paging buttons working after a restart, since queries are stored", async () => {
    const store = new SqliteStore(":memory:");
    const before = await harness({ store });
    await before.send(textMessage(salma, "/search الصين"));
    const message = before.last(salma.id);
    const after = await harness({ store });
    after.api.messages.set(`${salma.id}:${message.message_id}`, { ...message });
    await after.press(salma, message, "المزيد");
    expect(seen(after.last(salma.id).text)).toMatch(/المقاطع 4–6/);
  });

  it("answers a forged or stale button with an alert and sends nothing", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/search الصين"));
    const m = h.last(salma.id);
    for (const data of ["p:AAAAAAAAAA:3", "o:ZZZZZZZZ:1", "nonsense", "r:AbCd1234:0"]) {
      const { callbackQuery } = await import("../../src/local-api/updates.js");
      await h.send(callbackQuery(salma, data, { message_id: m.message_id, chat_id: salma.id }));
    }
    const alerts = h.api.callsOf("answerCallbackQuery");
    expect(alerts).toHaveLength(4);
    for (const a of alerts) expect(a.params).toMatchObject({ show_alert: true, text: "انتهت صلاحية هذا الزر. أعد إرسال سؤالك." });
    expect(h.messages(salma.id)).toHaveLength(1);
  });

  it("says plainly when the briefing does not cover a question, and opens a closest article from its button", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "ماذا قال بوتين عن زيارته إلى الصين عام 2011؟"));
    const reply = h.last(salma.id);
    expect(seen(reply.text)).toContain("لا يتناول الملف ما سألت عنه");
    expect(seen(reply.text)).toContain("/sources");
    expect(seen(reply.text)).not.toContain("النقاط الرئيسية");
    const buttons = h.buttons(reply);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    const label = buttons[0]!.text!;
    await h.press(salma, reply, label);
    const article = h.last(salma.id);
    expect(article.message_id).toBeGreaterThan(reply.message_id);
    expect(seen(article.text)).toContain(label.replace(/^📰 /, "").replace(/…$/, "").slice(0, 20));
    expect(h.refused()).toEqual([]);
  });

  it("says so kindly when nothing matches, or when the text has no words it can search", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "كرة القدم وكرة السلة"));
    expect(seen(h.last(salma.id).text)).toContain("لم أجد في الملف ما يطابق «كرة القدم وكرة السلة»");
    // A country the briefing never mentions is named as the reason.
    await h.send(textMessage(salma, "كرة القدم في البرازيل"));
    expect(seen(h.last(salma.id).text)).toBe("لا يتناول الملف ما سألت عنه: «كرة القدم في البرازيل».\nلا يرد فيه ذكر: البرازيل.\n\nتصفح المقالات كلها: /sources");
    await h.send(textMessage(salma, "😀😀 🎉"));
    expect(seen(h.last(salma.id).text)).toContain("أقرأ النصوص العربية والإنجليزية فقط");
    await h.send(textMessage(john, "北京"));
    expect(seen(h.last(john.id).text)).toContain("I read Arabic and English text only");
    expect(h.refused()).toEqual([]);
  });

  it("does not answer markup and lone digits with unrelated passages", async () => {
    const h = await harness();
    await h.send(textMessage(john, "<i>hi</i> &amp; 1<2"));
    expect(seen(h.last(john.id).text)).toBe("Nothing in the briefing matches “<i>hi</i> &amp; 1<2”.\nTry other or fewer words, e.g. Putin, trade, Ukraine, Security Council — or browse /sources.");
  });

  it("escapes HTML and markdown typed by the reader", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "<b>بوتين</b> & **الصين** <script>"));
    const m = h.last(salma.id);
    expect(seen(m.text)).toContain("🔎 <b>بوتين</b> & **الصين** <script>");
    expect(h.refused()).toEqual([]);
  });

  it("answers a 4096-character message by its beginning, and says so", async () => {
    const h = await harness();
    const huge = `${"العلاقات الروسية الصينية ".repeat(200)}`.slice(0, 4096);
    await h.send(textMessage(salma, huge));
    const text = seen(h.last(salma.id).text);
    expect(text).toContain("سؤالك طويل؛ بحثت في أوله فقط.");
    expect(h.refused()).toEqual([]);
  });
});

describe("sources, articles and summaries", () => {
  it("lists sources with buttons that open each article", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/sources"));
    const list = h.last(salma.id);
    expect(seen(list.text)).toContain("مقالات الملف (5)");
    expect(seen(list.text)).toContain("5. أكد الرئيس الروسي فلاديمير بوتين");
    expect(seen(list.text)).toContain("2 سبتمبر 2025");
    await h.press(salma, list, "3");
    expect(seen(h.last(salma.id).text)).toContain("3. بوتين وشي: التحالف الروسي الصيني ركيزة استقرار عالمي");
  });

  it("sends a whole article, split under the limit, accepting Arabic-Indic digits", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/article ٢"));
    const parts = h.messages(salma.id);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4096);
    const all = parts.map((p) => p.text).join("\n");
    for (const p of (await seeds()).articles[1]!.paragraphs) expect(all).toContain(p.text);
    expect(all).toContain("أحمد السيد");
    expect(all).not.toContain("مقالات ذات صلة");
    expect(h.refused()).toEqual([]);
  });

  it("explains /article without a number or with a wrong one", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/article"));
    expect(seen(h.last(salma.id).text)).toContain("اكتب رقم المقال بعد الأمر");
    await h.send(textMessage(salma, "/article 99"));
    expect(seen(h.last(salma.id).text)).toContain("لا يوجد مقال بالرقم «99»");
    await h.send(textMessage(salma, "/article <x>"));
    expect(seen(h.last(salma.id).text)).toContain("لا يوجد مقال بالرقم «<x>»");
    expect(h.refused()).toEqual([]);
  });

  it("summarises the briefing and one article, each point cited", async () => {
    const h = await harness();
    await h.send(textMessage(john, "/summary"));
    const whole = seen(h.last(john.id).text);
    expect(whole).toContain("Key points of the briefing (5 articles)");
    expect(whole).toMatch(/\[1\]/);
    await h.send(textMessage(john, "/summary 4"));
    const one = h.last(john.id);
    expect(seen(one.text)).toContain("Key points: 4. بوتين يختتم زيارة");
    expect(seen(one.text)).toMatch(/\[1\] \[2\].* article 4: بوتين يختتم زيارة .* — paragraphs 1, 4/);
    await h.press(john, one, "📄 2");
    // The summary's second source is the trade-figure paragraph since summaries cover the article's facts.
    expect(seen(h.last(john.id).text)).toContain("paragraph 4 of 9");
    expect(h.refused()).toEqual([]);
  });
});

describe("every other input", () => {
  it("answers stickers, photos, voice and locations with a friendly note", async () => {
    const h = await harness();
    for (const kind of ["sticker", "photo", "voice", "location"] as const) await h.send(mediaMessage(salma, kind));
    const replies = h.messages(salma.id).map((m) => seen(m.text));
    expect(replies).toHaveLength(4);
    for (const r of replies) expect(r).toContain("أقرأ الرسائل النصية فقط");
  });

  it("answers an unknown command with a pointer to /help", async () => {
    const h = await harness();
    await h.send(textMessage(john, "/weather now"));
    expect(seen(h.last(john.id).text)).toBe("I don't know the command /weather. Type /help for the commands, or just ask your question.");
  });

  it("opens articles, paragraphs and queries from deep links, and welcomes on a bad one", async () => {
    const h = await harness();
    const article = (await seeds()).articles[3]!;
    await h.send(textMessage(salma, `/start p_${article.id}_7`));
    expect(seen(h.last(salma.id).text)).toContain("الفقرة 7 من 9");
    await h.send(textMessage(salma, `/start a_${article.id}`));
    expect(seen(h.last(salma.id).text)).toContain("4. بوتين يختتم زيارة");
    const qid = await h.store.saveQuery("قوة سيبيريا");
    await h.send(textMessage(salma, `/start q_${qid}`));
    expect(seen(h.last(salma.id).text)).toContain("🔎 قوة سيبيريا");
    await h.send(textMessage(salma, "/start p_nothere1_3"));
    expect(seen(h.last(salma.id).text)).toContain("مرحباً سلمى");
    await h.send(textMessage(salma, "/start <bad payload>"));
    expect(seen(h.last(salma.id).text)).toContain("مرحباً سلمى");
    expect(h.refused()).toEqual([]);
  });

  it("tells a reader who floods the bot to wait, once, and ignores the rest for a minute", async () => {
    const h = await harness({ settings: { rateLimitPerMinute: 3 } });
    for (let i = 0; i < 6; i++) await h.send(textMessage(salma, "بوتين"));
    const texts = h.messages(salma.id).map((m) => seen(m.text));
    expect(texts).toHaveLength(4);
    expect(texts[3]).toBe("رسائل كثيرة في وقت قصير. انتظر دقيقة ثم أعد المحاولة.");
  });

  it("answers every button press beyond the limit with a short note, so no button is left spinning", async () => {
    const h = await harness({ settings: { rateLimitPerMinute: 2 } });
    await h.send(textMessage(salma, "/start"));
    await h.send(textMessage(salma, "بوتين"));
    const welcome = h.messages(salma.id)[0]!;
    for (let i = 0; i < 3; i++) await h.press(salma, welcome, "التبادل التجاري");
    expect(h.api.callsOf("answerCallbackQuery").map((c) => c.params.text)).toEqual(Array(3).fill("رسائل كثيرة في وقت قصير. انتظر دقيقة ثم أعد المحاولة."));
    expect(h.messages(salma.id)).toHaveLength(2);
    expect(h.refused()).toEqual([]);
  });
});

describe("failures", () => {
  it("waits and retries when Telegram answers 429", async () => {
    const h = await harness();
    h.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    const started = Date.now();
    await h.send(textMessage(salma, "/help"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.messages(salma.id)).toHaveLength(1);
    expect(h.api.callsOf("sendMessage").map((c) => c.ok)).toEqual([false, true]);
  });

  it("logs a 403 from a reader who blocked the bot and keeps serving others", async () => {
    const h = await harness();
    h.api.blocked.add(salma.id);
    await h.send(textMessage(salma, "بوتين"));
    await h.send(textMessage(john, "/help"));
    expect(h.messages(john.id)).toHaveLength(1);
    expect(h.logs.some((l) => l.level === 50 && String((l.err as { message?: string })?.message).includes("blocked"))).toBe(true);
  });

  it("apologises instead of going silent when a feature fails", async () => {
    const broken: Store = Object.assign(new SqliteStore(":memory:"), {
      saveQuery: () => Promise.reject(new Error("disk full")),
    });
    const h = await harness({ store: broken });
    await h.send(textMessage(salma, "بوتين"));
    expect(seen(h.last(salma.id).text)).toBe("عذراً، حدث خطأ أثناء تجهيز الرد. حاول مرة أخرى بعد قليل.");
    expect(h.logs.some((l) => l.msg === "update failed")).toBe(true);
  });
});

describe("the strict Bot API fake", () => {
  it.skipIf(!spec)("refuses calls the published Bot API would refuse", async () => {
    const h = await harness();
    const refuse = async (method: string, params: Record<string, unknown>) => (await h.api.handle(method, params)).description;
    expect(await refuse("sendMessage", { chat_id: 1 })).toMatch(/text is required/);
    expect(await refuse("sendMessage", { chat_id: 1, text: "x", colour: "red" })).toMatch(/not a field/);
    expect(await refuse("sendMesage", { chat_id: 1, text: "x" })).toMatch(/not a method/);
    expect(await refuse("sendMessage", { chat_id: 1, text: "x", reply_markup: { inline_keyboard: [[{ text: "a", callback_data: "x".repeat(65) }]] } })).toMatch(
      /1-64 bytes/,
    );
  });

  it("refuses malformed HTML, over-long text and bad buttons even without the specification", async () => {
    const h = await harness();
    const refuse = async (params: Record<string, unknown>) => (await h.api.handle("sendMessage", { chat_id: 1, ...params })).description;
    expect(await refuse({ text: "<b>open", parse_mode: "HTML" })).toMatch(/can't parse entities/);
    expect(await refuse({ text: "a < b", parse_mode: "HTML" })).toMatch(/can't parse entities/);
    expect(await refuse({ text: "<div>x</div>", parse_mode: "HTML" })).toMatch(/unsupported start tag/);
    expect(await refuse({ text: "x".repeat(4097) })).toMatch(/too long/);
    expect(await refuse({ text: "<b>x</b>".repeat(1000) + "y".repeat(3000), parse_mode: "HTML" })).toBeUndefined();
    expect(await refuse({ text: "x", reply_markup: { inline_keyboard: [[{ text: "a" }]] } })).toMatch(/exactly one/);
  });
});
