import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupChat, mediaMessage, textMessage } from "../../src/local-api/updates.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { harness, john, salma, seen } from "../support/harness.js";

const tempStore = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), "mujaz-sub-")), "mujaz.sqlite"));

describe("/subscribe, step by step", () => {
  it("asks time, zone, topic and confirmation, then stores the subscription", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(salma, "/subscribe"));
    expect(seen(h.last(salma.id).text)).toContain("متى تريد الموجز كل يوم؟");
    await h.press(salma, h.last(salma.id), "08:00");
    expect(seen(h.last(salma.id).text)).toContain("في أي منطقة زمنية؟");
    expect(h.buttons(h.last(salma.id)).map((b) => b.text)).toContain("القاهرة");
    await h.send(textMessage(salma, "africa/cairo"));
    expect(seen(h.last(salma.id).text)).toContain("هل تريد موضوعاً محدداً؟");
    await h.send(textMessage(salma, "الطاقة"));
    expect(seen(h.last(salma.id).text)).toBe("سأرسل الموجز كل يوم الساعة 08:00 بتوقيت القاهرة، عن: الطاقة. تأكيد؟");
    await h.press(salma, h.last(salma.id), "تأكيد");
    expect(seen(h.last(salma.id).text)).toContain("✅ تم الاشتراك: كل يوم الساعة 08:00 بتوقيت القاهرة، عن: الطاقة.");
    expect(await store.getSubscription(salma.id)).toMatchObject({ minutes: 480, timeZone: "Africa/Cairo", topic: "الطاقة", paused: false, active: true, language: "ar" });
    expect(h.refused()).toEqual([]);
  });

  it("re-asks with an example on bad input at every step and stores nothing until confirmed", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(john, "/subscribe"));
    await h.send(textMessage(john, "25:99"));
    expect(seen(h.last(john.id).text)).toContain("I did not understand the time “25:99”. Type it like 08:30");
    await h.send(mediaMessage(john, "sticker"));
    expect(seen(h.last(john.id).text)).toContain("Type it like 08:30");
    await h.send(textMessage(john, "٠٧:٤٥"));
    await h.send(textMessage(john, "Mars/Base"));
    expect(seen(h.last(john.id).text)).toContain("I don't know the time zone “Mars/Base”");
    await h.press(john, h.last(john.id), "Moscow");
    await h.send(textMessage(john, "😀😀"));
    expect(seen(h.last(john.id).text)).toContain("Type the topic's words");
    await h.press(john, h.last(john.id), "All articles");
    await h.send(textMessage(john, "yes"));
    expect(seen(h.last(john.id).text)).toContain("Confirm?");
    expect(await store.getSubscription(john.id)).toBeUndefined();
    await h.press(john, h.last(john.id), "Confirm");
    expect(await store.getSubscription(john.id)).toMatchObject({ minutes: 465, timeZone: "Europe/Moscow", language: "en" });
    expect((await store.getSubscription(john.id))!.topic).toBeUndefined();
  });

  it("cancels at any step with the button or /cancel, storing nothing", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(salma, "/subscribe"));
    await h.press(salma, h.last(salma.id), "09:00");
    await h.press(salma, h.last(salma.id), "إلغاء");
    expect(seen(h.last(salma.id).text)).toBe("أُلغي الاشتراك قبل إتمامه، ولم يُحفظ شيء.");
    await h.send(textMessage(salma, "/subscribe"));
    await h.send(textMessage(salma, "/cancel"));
    expect(seen(h.last(salma.id).text)).toBe("أُلغي الاشتراك قبل إتمامه، ولم يُحفظ شيء.");
    expect(await store.getSubscription(salma.id)).toBeUndefined();
    // After cancelling, text is a question again.
    await h.send(textMessage(salma, "قوة سيبيريا"));
    expect(seen(h.last(salma.id).text)).toContain("🔎 قوة سيبيريا");
  });

  it("leaves the conversation when another command is sent, and runs that command", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/subscribe"));
    await h.send(textMessage(salma, "/help"));
    expect(seen(h.last(salma.id).text)).toContain("كيف أستخدم موجز؟");
    // Help and the welcome tell how to subscribe.
    for (const command of ["/subscribe", "/settings", "/digest", "/unsubscribe"]) expect(seen(h.last(salma.id).text)).toContain(command);
    await h.send(textMessage(salma, "/start"));
    expect(seen(h.last(salma.id).text)).toContain("ولموجز يومي بالوقت الذي تختاره: /subscribe (ثم /settings لتغييره).");
    // No longer in the conversation: "08:00" is a question now, not an answer to "when?".
    await h.send(textMessage(salma, "08:00"));
    expect(seen(h.last(salma.id).text)).toContain("لم أجد في الملف ما يطابق «08:00»");
    expect(await h.store.getSubscription(salma.id)).toBeUndefined();
  });

  it("survives a restart in the middle: the next answer continues where it stopped", async () => {
    const store = tempStore();
    const before = await harness({ store });
    await before.send(textMessage(salma, "/subscribe"));
    await before.send(textMessage(salma, "07:15"));
    expect(seen(before.last(salma.id).text)).toContain("في أي منطقة زمنية؟");
    const after = await harness({ store });
    await after.send(textMessage(salma, "Asia/Baghdad"));
    expect(seen(after.last(salma.id).text)).toContain("هل تريد موضوعاً محدداً؟");
    await after.send(textMessage(salma, "أوكرانيا"));
    await after.press(salma, after.last(salma.id), "تأكيد");
    expect(await store.getSubscription(salma.id)).toMatchObject({ minutes: 435, timeZone: "Asia/Baghdad", topic: "أوكرانيا" });
  });
});

describe("the short form and settings", () => {
  it("subscribes in one message, says which part is wrong, and when the first digest comes", async () => {
    const store = tempStore();
    // 10:19 in Cairo (UTC+2 in January).
    const h = await harness({ store, clock: { now: () => Date.UTC(2026, 0, 15, 8, 19) } });
    const cases: Array<[string, string]> = [
      ["/subscribe 25:00 القاهرة", "الوقت «25:00» غير صحيح: اكتبه هكذا 08:30 أو ٠٨:٣٠ (من 00:00 إلى 23:59)، ثم المنطقة الزمنية، مثل: /subscribe 08:30 القاهرة"],
      ["/subscribe 08:30", "ينقص المنطقة الزمنية بعد الوقت، مثل: /subscribe 08:30 القاهرة"],
      ["/subscribe القاهرة", "ينقص الوقت قبل المنطقة الزمنية، مثل: /subscribe 08:30 القاهرة"],
      ["/subscribe 08:30 Caiiro", "الوقت صحيح، لكني لا أعرف المنطقة الزمنية «Caiiro».\nهل تقصد: القاهرة (Africa/Cairo)؟"],
      ["/subscribe 08:30 Mars/Base", "الوقت صحيح، لكني لا أعرف المنطقة الزمنية «Mars/Base».\nاكتب اسم مدينة مثل القاهرة أو الرياض أو دبي، أو اسماً مثل Europe/Moscow، أو فرق التوقيت مثل UTC+3."],
    ];
    for (const [bad, reply] of cases) {
      await h.send(textMessage(salma, bad));
      expect(seen(h.last(salma.id).text), bad).toBe(reply);
    }
    expect(await store.getSubscription(salma.id)).toBeUndefined();
    await h.send(textMessage(salma, "/subscribe ٠٨:٣٠ القاهرة"));
    expect(seen(h.last(salma.id).text)).toBe(
      "✅ تم الاشتراك: كل يوم الساعة 08:30 بتوقيت القاهرة، عن: كل المقالات. غيّر ذلك متى شئت من /settings.\nيصلك أول موجز غداً الساعة 08:30.",
    );
    expect(await store.getSubscription(salma.id)).toMatchObject({ minutes: 510, timeZone: "Africa/Cairo" });
    await h.send(textMessage(john, "/subscribe 21:00 riyadh"));
    expect(seen(h.last(john.id).text)).toBe("✅ Subscribed: every day at 21:00 (Riyadh), about: all articles. Change it any time in /settings.\nYour first brief comes today at 21:00.");
  });

  it("accepts time zones typed as people type them", async () => {
    const store = tempStore();
    const h = await harness({ store });
    for (const [typed, zone] of [["cairo", "Africa/Cairo"], ["Riyadh", "Asia/Riyadh"], ["الرياض", "Asia/Riyadh"], ["بتوقيت مكة", "Asia/Riyadh"], ["أبو ظبي", "Asia/Dubai"], ["UTC+3", "Etc/GMT-3"], ["new york", "America/New_York"], ["Tashkent", "Asia/Tashkent"]] as const) {
      await h.send(textMessage(salma, `/subscribe 07:00 ${typed}`));
      expect((await store.getSubscription(salma.id))?.timeZone, typed).toBe(zone);
    }
    // A name of two places offers both.
    await h.send(textMessage(salma, "/subscribe 07:00 عمان"));
    expect(seen(h.last(salma.id).text)).toContain("هل تقصد: دبي (Asia/Dubai)، عمّان (Asia/Amman)؟");
  });

  it("keeps the topic when the one-line form changes time and zone, and says so", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await store.saveSubscription({ chatId: salma.id, userId: salma.id, minutes: 480, timeZone: "UTC", topic: "الطاقة", paused: false, notifyEmpty: false, language: "ar", active: true });
    await h.send(textMessage(salma, "/subscribe 09:00 القاهرة"));
    expect(seen(h.last(salma.id).text)).toContain("عن: الطاقة.");
    expect(seen(h.last(salma.id).text).split("\n").at(-1)).toBe("أبقيت موضوعك السابق: الطاقة. لتغييره أو إزالته: /settings ثم «تغيير الوقت أو الموضوع».");
    expect((await store.getSubscription(salma.id))!.topic).toBe("الطاقة");
  });

  it("delivers today's digest at a later time chosen the same day", async () => {
    const store = tempStore();
    let now = Date.UTC(2026, 0, 15, 10, 19);
    const h = await harness({ store, clock: { now: () => now } });
    await h.send(textMessage(salma, "/subscribe 08:00 UTC"));
    expect(seen(h.last(salma.id).text)).toContain("يصلك أول موجز غداً الساعة 08:00.");
    await h.send(textMessage(salma, "/subscribe 10:20 UTC"));
    expect(seen(h.last(salma.id).text)).toContain("يصلك أول موجز اليوم الساعة 10:20.");
    const before = h.messages(salma.id).length;
    now = Date.UTC(2026, 0, 15, 10, 20);
    await h.app.deliverer.tick(new Date(now));
    const digest = h.messages(salma.id).slice(before);
    expect(digest.length).toBeGreaterThan(0);
    expect(seen(digest[0]!.text)).toContain("موجز اليوم");
    // Earlier than now the same day: nothing more today.
    await h.send(textMessage(salma, "/subscribe 09:00 UTC"));
    const after = h.messages(salma.id).length;
    now = Date.UTC(2026, 0, 15, 11, 0);
    await h.app.deliverer.tick(new Date(now));
    expect(h.messages(salma.id)).toHaveLength(after);
    // Later again the same day, after today's digest went out: the next one is tomorrow's, and it says so.
    await h.send(textMessage(salma, "/subscribe 12:00 UTC"));
    expect(seen(h.last(salma.id).text)).toContain("يصلك أول موجز غداً الساعة 12:00.");
    const last = h.messages(salma.id).length;
    now = Date.UTC(2026, 0, 15, 12, 0);
    await h.app.deliverer.tick(new Date(now));
    expect(h.messages(salma.id)).toHaveLength(last);
  });

  it("answers /cancel outside a flow, keeps a subscription when a change is cancelled, and says once that a command left the flow", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(salma, "/cancel"));
    expect(seen(h.last(salma.id).text)).toBe("لا شيء لإلغائه الآن.");
    await h.send(textMessage(salma, "/subscribe 08:00 القاهرة"));
    await h.send(textMessage(salma, "/settings"));
    await h.press(salma, h.last(salma.id), "تغيير الوقت أو الموضوع");
    await h.press(salma, h.last(salma.id), "09:00");
    await h.send(textMessage(salma, "/cancel"));
    expect(seen(h.last(salma.id).text)).toBe("أُلغي التغيير، واشتراكك الحالي باقٍ كما هو: كل يوم الساعة 08:00 بتوقيت القاهرة، عن: كل المقالات.");
    expect(await store.getSubscription(salma.id)).toMatchObject({ minutes: 480, timeZone: "Africa/Cairo" });

    await h.send(textMessage(salma, "/subscribe"));
    const count = h.messages(salma.id).length;
    await h.send(textMessage(salma, "/sources"));
    const replies = h.messages(salma.id).slice(count).map((m) => seen(m.text));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toBe("(تركتَ إعداد الاشتراك دون حفظ.)");
    expect(replies[1]).toContain("مقالات الملف (5)");
    await h.send(textMessage(salma, "/cancel"));
    expect(seen(h.last(salma.id).text)).toBe("لا شيء لإلغائه الآن.");
    expect(h.refused()).toEqual([]);
  });

  it("shows settings with buttons to pause, resume, change the empty-day note and unsubscribe", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(john, "/settings"));
    expect(seen(h.last(john.id).text)).toContain("You are not subscribed");
    await h.send(textMessage(john, "/subscribe 21:00 UTC"));
    await h.send(textMessage(john, "/settings"));
    const settings = h.last(john.id);
    expect(seen(settings.text)).toContain("Time: 21:00 (UTC)");
    expect(seen(settings.text)).toContain("Status: on");
    await h.press(john, settings, "Pause");
    expect((await store.getSubscription(john.id))!.paused).toBe(true);
    expect(seen(h.last(john.id).text)).toContain("Status: paused");
    expect(h.last(john.id).message_id).toBe(settings.message_id);
    await h.press(john, h.last(john.id), "Resume");
    await h.press(john, h.last(john.id), "Note when nothing is new");
    expect(await store.getSubscription(john.id)).toMatchObject({ paused: false, notifyEmpty: true });
    // Unsubscribing asks first; "Back" returns to the settings, "Yes" unsubscribes.
    await h.press(john, h.last(john.id), "Unsubscribe");
    expect(seen(h.last(john.id).text)).toBe("Unsubscribe from the daily brief?");
    expect(h.buttons(h.last(john.id)).map((b) => b.text)).toEqual(["🗑 Yes, unsubscribe", "↩️ Back"]);
    expect(await store.getSubscription(john.id)).toBeDefined();
    await h.press(john, h.last(john.id), "Back");
    expect(seen(h.last(john.id).text)).toContain("Time: 21:00 (UTC)");
    await h.press(john, h.last(john.id), "Unsubscribe");
    await h.press(john, h.last(john.id), "Yes, unsubscribe");
    expect(seen(h.last(john.id).text)).toBe("You are unsubscribed from the daily brief.");
    expect(await store.getSubscription(john.id)).toBeUndefined();
    await h.send(textMessage(john, "/unsubscribe"));
    expect(seen(h.last(john.id).text)).toContain("You are not subscribed");
    expect(h.refused()).toEqual([]);
  });

  it("shows the digest now with /digest, without marking anything as received", async () => {
    const store = tempStore();
    const h = await harness({ store });
    await h.send(textMessage(salma, "/digest"));
    expect(seen(h.last(salma.id).text)).toContain("الموجز الآن");
    expect(seen(h.last(salma.id).text)).toContain("(5 مقالات جديدة)");
    expect((await store.receivedArticles(salma.id)).size).toBe(0);
  });
});

describe("groups and admins", () => {
  it("lets only a group's admins subscribe the group", async () => {
    const store = tempStore();
    const h = await harness({ store });
    const group = groupChat(-100777);
    await h.send(textMessage(john, "/subscribe 08:00 UTC", group));
    expect(seen(h.last(group.id).text)).toBe("In groups, only the group's admins can subscribe it.");
    expect(await store.getSubscription(group.id)).toBeUndefined();
    h.api.admins.add(`${group.id}:${salma.id}`);
    await h.send(textMessage(salma, "/subscribe 08:00 UTC", group));
    expect(await store.getSubscription(group.id)).toMatchObject({ chatId: group.id, userId: salma.id });
  });

  it("gives admins /stats and /reload, and others an unknown-command reply", async () => {
    const store = tempStore();
    const h = await harness({ store, settings: { adminIds: [john.id] } });
    await store.saveSubscription({ chatId: 1, userId: 1, minutes: 60, timeZone: "UTC", paused: false, notifyEmpty: false, language: "ar", active: true });
    await store.saveSubscription({ chatId: 2, userId: 2, minutes: 60, timeZone: "UTC", paused: true, notifyEmpty: false, language: "ar", active: true });
    await h.send(textMessage(john, "/stats"));
    const stats = seen(h.last(john.id).text);
    expect(stats).toContain("Subscribers: 1 active, 1 paused, 0 stopped");
    expect(stats).toContain("Articles: 5 (47 paragraphs)");
    expect(stats).toContain("Last scheduler run: not yet");
    await h.send(textMessage(john, "/reload"));
    expect(seen(h.last(john.id).text)).toBe("Briefing reloaded: 0 new articles, 5 in all.");
    await h.send(textMessage(salma, "/stats"));
    expect(seen(h.last(salma.id).text)).toContain("لا أعرف الأمر /stats");
  });
});
