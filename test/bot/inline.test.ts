import type { InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import { decodeDeepLink } from "../../src/render/deep-link.js";
import { parseTelegramHtml } from "../../src/local-api/telegram-html.js";
import { inlineQuery, textMessage } from "../../src/local-api/updates.js";
import { harness, john, salma, seen } from "../support/harness.js";

type Answered = { results: InlineQueryResultArticle[]; next_offset?: string; cache_time?: number; is_personal?: boolean; button?: { text: string; start_parameter: string } };

async function ask(h: Awaited<ReturnType<typeof harness>>, who = salma, query = "", offset = "") {
  await h.send(inlineQuery(who, query, offset));
  const calls = h.api.callsOf("answerInlineQuery");
  expect(calls.at(-1)!.ok).toBe(true);
  return calls.at(-1)!.params as unknown as Answered;
}

function withinLimits(a: Answered) {
  expect(a.results.length).toBeLessThanOrEqual(50);
  expect(new Set(a.results.map((r) => r.id)).size).toBe(a.results.length);
  for (const r of a.results) {
    expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
    expect(r.title.length).toBeLessThanOrEqual(100);
    expect((r.description ?? "").length).toBeLessThanOrEqual(180);
    const content = r.input_message_content as { message_text: string; parse_mode: string };
    const parsed = parseTelegramHtml(content.message_text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.text.length).toBeLessThanOrEqual(4096);
  }
  expect(a.is_personal).toBe(true);
  expect(a.cache_time).toBeGreaterThan(0);
}

describe("inline mode", () => {
  it("offers key points first, then the passage that answers, with a deep link into a private chat", async () => {
    const h = await harness();
    const a = await ask(h, salma, "ما هو خط انابيب قوة سيبيريا");
    withinLimits(a);
    // The answer in a line comes first, then the passage it is cut from.
    const points = a.results[0]!;
    expect(points.id).toMatch(/^k:/);
    expect(points.description).toContain("قوة سيبيريا-2");
    const posted = (points.input_message_content as { message_text: string }).message_text;
    expect(seen(posted)).toContain("[1] المقال 4: بوتين يختتم زيارة غير مسبوقة إلى الصين.. أوكرانيا والطاقة في قلب… — الفقرة 5");
    const passage = a.results[1]!;
    expect(passage.title).toBe("بوتين يختتم زيارة غير مسبوقة إلى الصين.. أوكرانيا والطاقة في قلب المباحثا");
    expect(passage.description).toContain("قوة سيبيريا");
    const html = (passage.input_message_content as { message_text: string }).message_text;
    const parsed = parseTelegramHtml(html);
    const postedPassage = seen(parsed.ok ? parsed.text : html);
    expect(postedPassage).toContain("ناقش الجانبان مشروع خط أنابيب");
    expect(postedPassage).toContain("— الفقرة 5");
    expect(postedPassage).not.toContain("بلا تاريخ");
    const url = (passage.reply_markup!.inline_keyboard[0]![0] as { url: string }).url;
    expect(url).toMatch(/^https:\/\/t\.me\/mujaz_local_bot\?start=p_[A-Za-z0-9]{8}_5$/);

    // The link opens the same paragraph in a private chat.
    const payload = new URL(url).searchParams.get("start")!;
    expect(decodeDeepLink(payload)?.kind).toBe("paragraph");
    await h.send(textMessage(salma, `/start ${payload}`));
    expect(seen(h.last(salma.id).text)).toContain("الفقرة 5 من 9");
    expect(h.refused()).toEqual([]);
  });

  it("shows the whole-briefing summary and the latest articles for an empty query", async () => {
    const h = await harness();
    const a = await ask(h, john);
    withinLimits(a);
    const id = (prefix: string) => `a:${h.briefing.articles.find((x) => x.source.startsWith(prefix))!.id}`;
    // The dated article first, then the undated ones, newest added first.
    expect(a.results.map((r) => r.id)).toEqual(["summary", id("004"), id("003"), id("002"), id("001"), id("000")]);
    expect(seen(a.results[0]!.title)).toBe("Key points of the briefing (5 articles)");
    expect(a.results[1]!.title).toMatch(/^أكد الرئيس الروسي/);
    expect(a.results[1]!.description).toMatch(/^2 September 2025 · /);
    expect(a.next_offset).toBe("");
  });

  it("pages with next_offset and brings new passages on the next page", async () => {
    const h = await harness();
    const first = await ask(h, salma, "الصين");
    withinLimits(first);
    // Exactly 20 results a page: the key-points result and 19 passages, the next page from passage 20.
    expect(first.results).toHaveLength(20);
    expect(first.results[0]!.id).toMatch(/^k:/);
    expect(first.next_offset).toBe("19");
    const second = await ask(h, salma, "الصين", first.next_offset);
    withinLimits(second);
    expect(second.results.length).toBeGreaterThan(0);
    expect(second.results.length).toBeLessThanOrEqual(20);
    expect(second.results.some((r) => r.id.startsWith("k:"))).toBe(false);
    const seenIds = new Set(first.results.map((r) => r.id));
    for (const r of second.results) expect(seenIds.has(r.id)).toBe(false);
  });

  it("answers English, 256-character, unsearchable and unmatched queries without an error", async () => {
    const h = await harness();
    const english = await ask(h, john, "Power of Siberia pipeline");
    expect(english.results.find((r) => r.id.startsWith("p:"))!.description).toContain("قوة سيبيريا");
    const long = await ask(h, salma, "العلاقات الروسية الصينية ".repeat(12).slice(0, 256));
    withinLimits(long);
    expect(long.results.length).toBeGreaterThan(0);
    for (const q of ["كرة القدم في البرازيل", "😀🎉", "北京"]) {
      const none = await ask(h, salma, q);
      expect(none.results).toEqual([]);
      expect(none.button?.start_parameter).toBe("help");
    }
    // A country the briefing never mentions is named on the button, in the reader's language.
    const button = async (who: typeof salma, q: string) => seen((await ask(h, who, q)).button!.text);
    expect(await button(salma, "كرة القدم في البرازيل")).toBe("لا يرد في الملف ذكر: البرازيل — افتح موجز");
    expect(await button(john, "What does India think?")).toBe("The briefing never mentions India — open mujaz");
    expect(await button(salma, "كرة القدم وكرة السلة")).toBe("لا نتائج — افتح موجز");
    expect(await button(john, "How much will the Power of Siberia 2 pipeline cost?")).toBe("The briefing gives no amount for this — open mujaz");
    expect(await button(salma, "كم سيارة صينية بيعت في روسيا؟")).toBe("لا يذكر الملف عددًا لذلك — افتح موجز");
    expect(await button(john, "When is the next SCO summit?")).toBe("The briefing says nothing of a next one — open mujaz");
    expect(await button(salma, "شو اسم رئيس مجلس الدولة الصيني؟")).toBe("لا يذكر الملف الاسم — افتح موجز");
    expect(await button(john, "What did Japan say about the parade?")).toBe("The briefing reports nothing said about this — open mujaz");
    // Many names are cut, never the way in.
    const many = await button(john, "What did Brazil, India, Indonesia, Argentina and Mexico say?");
    expect(many).toBe("The briefing never mentions Brazil, India,… — open mujaz");
    const bogusOffset = await ask(h, salma, "بوتين", "not-a-number");
    expect(bogusOffset.results[0]!.id).toMatch(/^k:/);
    expect(h.refused()).toEqual([]);
  });

  it("puts a share button under answers in private chats", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "قوة سيبيريا"));
    const share = h.buttons(h.last(salma.id)).find((b) => "switch_inline_query" in b)!;
    expect(share.switch_inline_query).toBe("قوة سيبيريا");
  });
});
