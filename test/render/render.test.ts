import fc from "fast-check";
import type { InlineKeyboardMarkup } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { createI18n, translator } from "../../src/bot/i18n.js";
import { numberOf } from "../../src/bot/create-bot.js";
import { PRIVATE_SNIPPET } from "../../src/bot/helpers/answer.js";
import { renderAnswer, renderNotCovered, saysNotCovered } from "../../src/render/answer.js";
import { renderArticle, renderParagraph } from "../../src/render/article.js";
import { decode, encode, type Action } from "../../src/render/callback-data.js";
import { decodeDeepLink, encodeDeepLink } from "../../src/render/deep-link.js";
import { escapeHtml, highlight, MESSAGE_LIMIT, snippet, splitMessages, visibleLength } from "../../src/render/html.js";
import { renderSources, renderSummary } from "../../src/render/sources.js";
import { renderDigest } from "../../src/render/digest.js";
import { transcript } from "../../src/console/plain.js";
import { parseTelegramHtml } from "../../src/local-api/telegram-html.js";
import { QUESTIONS } from "../briefing/questions.js";
import { seen } from "../support/harness.js";

const briefing = await Briefing.load({ dir: "seeds" });
const i18n = createI18n();
const articleNumber = numberOf({ briefing });
const ar = { lang: "ar" as const, t: translator(i18n, "ar"), articleNumber };
const en = { lang: "en" as const, t: translator(i18n, "en"), articleNumber };
const RLM = "\u200F";
const LRM = "\u200E";

function parsed(html: string) {
  const p = parseTelegramHtml(html);
  if (!p.ok) throw new Error(`${p.error}\n${html}`);
  return p;
}

/** What a reader sees: the parsed text without the invisible direction and isolation marks. */
const visible = (html: string) => seen(parsed(html).text);
/** The line of the "not covered" reply that says what the briefing lacks (the one after "does not cover this"). */
const lacking = (question: string, view: typeof ar | typeof en) => visible(renderNotCovered(briefing.answer(question), view).text).split("\n")[1];

function callbackData(keyboard: InlineKeyboardMarkup): string[] {
  return keyboard.inline_keyboard.flat().flatMap((b) => ("callback_data" in b && b.callback_data ? [b.callback_data] : []));
}

describe("escaping and highlighting", () => {
  it("escaped text reads back exactly as Telegram parses it", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => parsed(escapeHtml(s)).text === s));
  });

  it("bolds exactly the highlighted words and escapes the rest", () => {
    const text = 'قال "بوتين" <إن> العلاقات & الصين';
    const at = (w: string) => [text.indexOf(w), text.indexOf(w) + w.length] as const;
    const html = highlight(text, [at("بوتين"), at("العلاق")]);
    const p = parsed(html);
    expect(p.text).toBe(text);
    expect(p.entities.map((e) => p.text.slice(e.offset, e.offset + e.length))).toEqual(["بوتين", "العلاق"]);
  });

  it("cuts a snippet around the first match at word boundaries and keeps the match", () => {
    const words = Array.from({ length: 200 }, (_, i) => `كلمة${i}`);
    const text = words.join(" ");
    const at = text.indexOf("كلمة150");
    const s = snippet(text, [[at, at + 7]], 200);
    expect(s.text.length).toBeLessThanOrEqual(204);
    expect(s.text.startsWith("… ")).toBe(true);
    expect(s.ranges).toHaveLength(1);
    expect(s.text.slice(s.ranges[0]![0], s.ranges[0]![1])).toBe("كلمة150");
  });
});

describe("splitting messages", () => {
  it("never exceeds the limit, breaks only between blocks, and keeps all text", () => {
    const block = fc.string({ unit: "grapheme", minLength: 1, maxLength: 900 }).map(escapeHtml);
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 20 }), fc.integer({ min: 300, max: 4096 }), (blocks, limit) => {
        const parts = splitMessages(blocks, limit);
        for (const p of parts) {
          expect(visibleLength(p)).toBeLessThanOrEqual(limit);
          parsed(p);
        }
        const strip = (s: string) => parsed(s).text.replace(/\s+/g, "");
        expect(parts.map(strip).join("")).toBe(blocks.map(strip).join(""));
      }),
      { numRuns: 150 },
    );
  });

  it("breaks a single block longer than the limit at spaces", () => {
    const long = escapeHtml(`${"روسيا والصين ".repeat(700)}`);
    const parts = splitMessages([long], MESSAGE_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});

describe("callback data and deep links", () => {
  const actions: Action[] = [
    { kind: "open", articleId: "AbCd1234", paragraph: 17 },
    { kind: "goto", articleId: "AbCd1234", paragraph: 99999 },
    { kind: "page", queryId: "a-b_c0123Z", offset: 30 },
    { kind: "read", articleId: "AbCd1234", part: 0 },
    { kind: "summary", articleId: "AbCd1234" },
    { kind: "example", index: 2 },
    { kind: "language", language: "en" },
    { kind: "sources", page: 3 },
  ];

  it("round-trips every action within 64 bytes", () => {
    for (const a of actions) {
      const data = encode(a);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decode(data)).toEqual(a);
    }
  });

  it("rejects forged, stale or malformed data", () => {
    for (const bad of ["", "o:short:1", "o:AbCd1234:-1", "o:AbCd1234:01", "p:../../etc:1", "l:fr", "x:12", "z:1", "o:AbCd1234:1:extra", "s:AbCd1234\n"]) {
      expect(decode(bad)).toBeUndefined();
    }
    fc.assert(fc.property(fc.string(), (s) => decode(s) === undefined || Buffer.byteLength(s) <= 64));
  });

  it("round-trips deep links and refuses anything else", () => {
    for (const link of [
      { kind: "paragraph", articleId: "AbCd1234", paragraph: 3 },
      { kind: "article", articleId: "AbCd1234" },
      { kind: "query", queryId: "a-b_c0123Z" },
    ] as const) {
      const payload = encodeDeepLink(link);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(decodeDeepLink(payload)).toEqual(link);
    }
    for (const bad of ["", "hello", "p_AbCd1234_0", "a_../x", "q_short", "x".repeat(65)]) expect(decodeDeepLink(bad)).toBeUndefined();
  });
});

describe("rendered answers", () => {
  it("stay within Telegram's limits for every question of the quality set, in both languages", () => {
    for (const view of [ar, en]) {
      for (const { q } of QUESTIONS) {
        const answer = briefing.answer(q);
        const { text, keyboard } = renderAnswer(answer, view, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
        expect(parsed(text).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
        for (const d of callbackData(keyboard)) expect(decode(d)).toBeDefined();
      }
    }
  });

  it("leads with the one-line answer, cited, then passages cut around it and sources grouped by article", () => {
    const answer = briefing.answer("كم بلغ حجم التبادل التجاري بين موسكو وبكين؟");
    const { text, keyboard } = renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
    const lines = visible(text).split("\n");
    expect(lines[0]).toBe("🔎 كم بلغ حجم التبادل التجاري بين موسكو وبكين؟");
    expect(lines[2]).toBe("ارتفع حجم التبادل التجاري إلى أكثر من 240 مليار دولار العام الماضي [1]");
    const p = parsed(text);
    const bold = p.entities.filter((e) => e.type === "bold").map((e) => seen(p.text.slice(e.offset, e.offset + e.length)));
    expect(bold).toContain("ارتفع حجم التبادل التجاري إلى أكثر من 240 مليار دولار العام الماضي");
    const order = ["ارتفع حجم", "المقاطع", "[1] أظهرت المباحثات", "المصادر", "المقال 4: "].map((s) => visible(text).indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(visible(text)).not.toContain("بلا تاريخ");
    expect(keyboard.inline_keyboard[0]!.map((b) => b.text)).toEqual(answer.citations.map((c) => `📄 ${c.n}`));
  });

  it("shows a one-paragraph answer once: the passage as the lead line, the lead in bold", () => {
    const answer = briefing.answer("ما هو خط انابيب قوة سيبيريا");
    expect(answer.hits).toHaveLength(1);
    const { text } = renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
    const shown = visible(text);
    const paragraph = answer.hits[0]!.paragraph.text;
    expect(shown.split(paragraph)).toHaveLength(2);
    expect(shown).not.toContain("المقاطع");
    expect(shown.split("\n")[2]).toBe(`${paragraph} [1]`);
    expect(shown).toContain("المصادر\n[1] المقال 4: بوتين يختتم زيارة غير مسبوقة إلى الصين.. أوكرانيا والطاقة في قلب… — الفقرة 5");
  });

  it("groups sources by article, listing the paragraphs in the order of the citation numbers before them", () => {
    const answer = briefing.answer("شو صار بالعرض العسكري ببكين؟");
    // Two of the three passages come from one article (which two depends on the ranking, not on rendering).
    const first = answer.citations.find((c) => answer.citations.some((o) => o !== c && o.articleId === c.articleId))!;
    const second = answer.citations.find((c) => c !== first && c.articleId === first.articleId)!;
    const { text } = renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
    const line = visible(text).split("\n").find((l) => l.startsWith(`[${first.n}] [${second.n}] المقال`))!;
    expect(line).toMatch(new RegExp(`الفقرتان ${first.paragraph}، ${second.paragraph}$`));
    expect(visible(text).split("\n").filter((l) => l.includes(`المقال ${articleNumber(first.articleId)}:`))).toHaveLength(1);
  });

  it("shows at most three key points, none repeating the lead or a passage shown, none ending in a colon", () => {
    for (const { q } of QUESTIONS) {
      const answer = briefing.answer(q);
      const shown = visible(renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 }).text);
      const bullets = shown.split("\n").filter((l) => l.startsWith("• "));
      expect(bullets.length, q).toBeLessThanOrEqual(3);
      for (const b of bullets) {
        const body = b.slice(2).replace(/ \[\d+\]$/, "").replace(/^…|…$/g, "");
        expect(shown.split(body).length, `${q}: ${b}`).toBe(2);
        expect(body, q).not.toMatch(/[:：]$/);
      }
    }
  });

  it("keeps answers short: most of the quality set well under 1,300 characters", () => {
    const lengths = QUESTIONS.map(({ q }) => parsed(renderAnswer(briefing.answer(q), ar, { queryId: "a-b_c0123Z", snippetChars: PRIVATE_SNIPPET, pageSize: 3 }).text).text.length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeLessThan(1200);
    expect(lengths.filter((n) => n > 1300).length).toBeLessThan(lengths.length / 4);
  });

  it("cuts a passage around the words that answer, not at a fixed length", () => {
    const answer = briefing.answer("هل الصين طرف في الحرب الأوكرانية؟", 0, 10);
    const i = answer.hits.findIndex((h) => h.paragraph.text.includes("ليست طرفًا"));
    expect(i).toBeGreaterThanOrEqual(0);
    const one = { ...answer, offset: 0, total: 1, hits: [answer.hits[i]!], citations: [{ ...answer.citations[i]!, n: 1 }], keyPoints: [] };
    delete (one as { lead?: unknown }).lead;
    const shown = visible(renderAnswer(one, ar, { queryId: "a-b_c0123Z", snippetChars: PRIVATE_SNIPPET, pageSize: 3 }).text);
    expect(shown).toContain("ليست طرفًا في الأزمة");
  });

  it("starts every Arabic line with a right-to-left mark, and English interface lines with a left-to-right one", () => {
    const answer = briefing.answer("الصين");
    const arText = renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 }).text;
    for (const line of arText.split("\n").filter(Boolean)) expect(line.startsWith(RLM)).toBe(true);
    const enText = parsed(renderAnswer(answer, en, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 }).text).text;
    const citation = enText.split("\n").find((l) => l.includes("paragraph"))!;
    expect(citation.startsWith(LRM)).toBe(true);
    const passage = enText.split("\n").find((l) => l.includes("[1]") && !l.includes("paragraph"))!;
    expect(passage.startsWith(RLM)).toBe(true);
  });

  it("offers paging buttons that point to the next and previous pages", () => {
    const answer = briefing.answer("الصين", 3, 3);
    const { keyboard } = renderAnswer(answer, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
    const data = callbackData(keyboard).map(decode);
    expect(data).toContainEqual({ kind: "page", queryId: "a-b_c0123Z", offset: 6 });
    expect(data).toContainEqual({ kind: "page", queryId: "a-b_c0123Z", offset: 0 });
  });
});

describe("the 'not covered' reply", () => {
  it("names what the briefing lacks in the reader's language, each name isolated, with the closest articles as buttons", () => {
    const answer = briefing.answer("ما موقف الهند والبرازيل من قمة شنغهاي عام 2019 وسعر الروبل؟");
    expect(answer.covered).toBe(false);
    const arabic = renderNotCovered(answer, ar);
    const lines = visible(arabic.text).split("\n");
    expect(lines[0]).toBe("لا يتناول الملف ما سألت عنه: «ما موقف الهند والبرازيل من قمة شنغهاي عام 2019 وسعر الروبل؟».");
    // The ruble is Russia's and Belarus's: named once, by its noun.
    expect(lines[1]).toBe("لا يرد فيه ذكر: الهند والبرازيل وروبل و2019.");
    expect(arabic.text.split("\n")[1]!.startsWith(RLM)).toBe(true);
    expect(arabic.text).toContain("\u2068الهند\u2069");
    expect(arabic.keyboard.inline_keyboard.length).toBeGreaterThan(0);
    expect(arabic.keyboard.inline_keyboard.length).toBeLessThanOrEqual(3);
    expect(visible(renderNotCovered(answer, en).text).split("\n")[1]).toBe("It never mentions India, Brazil, ruble, and 2019.");
  });

  it("names the thing a 'how many' question counts, and says plainly when a price is not given", () => {
    expect(lacking("قديش صاروخ عرضوا بالعرض العسكري ببكين؟", ar)).toBe("لا يرد فيه ذكر: صاروخ.");
    const price = briefing.answer("How much will the Power of Siberia 2 pipeline cost?");
    expect(saysNotCovered(price)).toBe(true);
    expect(visible(renderNotCovered(price, en).text).split("\n").slice(0, 2)).toEqual(["The briefing does not cover this: “How much will the Power of Siberia 2 pipeline cost?”.", "It gives no price or amount of money for it."]);
    expect(lacking("كم تكلفة خط قوة سيبيريا 2؟", ar)).toBe("لا يذكر الملف سعرًا أو مبلغًا لذلك.");
  });

  it("says plainly when the thing a 'how many' question counts is named but never counted", () => {
    expect(lacking("كم سيارة صينية بيعت في روسيا؟", ar)).toBe("يرد فيه ذكر «سيارة» دون عدد.");
    expect(lacking("How many Chinese cars were sold in Russia?", en)).toBe("It mentions “Chinese cars” but gives no number.");
  });

  it("says plainly when a country's words are asked and the briefing reports none, naming it in the reader's language", () => {
    expect(lacking("ماذا قالت اليابان عن العرض العسكري؟", ar)).toBe("لا ينقل الملف عن اليابان قولًا في ذلك.");
    expect(lacking("What did Japan say about the parade?", en)).toBe("It reports nothing Japan said about it.");
  });

  it("says plainly when the name of whom a title names is asked and the briefing gives the title alone", () => {
    expect(lacking("ما اسم رئيس مجلس الدولة الصيني؟", ar)).toBe("يرد فيه ذكر «رئيس مجلس الدولة الصيني» دون اسم.");
    expect(lacking("ما اسم رئيس مجلس الدولة الصيني؟", en)).toBe("It mentions “رئيس مجلس الدولة الصيني” but gives no name.");
  });

  it("says plainly when asked about a next event the briefing does not speak of", () => {
    expect(lacking("متى ستنعقد القمة المقبلة؟", ar)).toBe("لا يذكر الملف موعدًا مقبلًا لذلك.");
    expect(lacking("When is the next SCO summit?", en)).toBe("It says nothing of a next one.");
  });

  it("says plainly when a 'when' question's passages hold no date or span of time", () => {
    expect(lacking("When will the Power of Siberia 2 pipeline be finished?", en)).toBe("It gives no date or length of time for it.");
    expect(lacking("When will the Power of Siberia 2 pipeline be finished?", ar)).toBe("لا يذكر الملف تاريخًا أو مدة لذلك.");
  });

  it("names a number no passage holds, and has no such line when nothing named is missing", () => {
    expect(visible(renderNotCovered(briefing.answer("ماذا قال بوتين عن زيارته إلى الصين عام 2011؟"), ar).text)).toContain("لا يرد فيه ذكر: 2011.");
    // No word of this question is held and it names nothing: not covered, with nothing to name or offer.
    const nothing = briefing.answer("football basketball tennis");
    expect(nothing.covered).toBe(false);
    expect(saysNotCovered(nothing)).toBe(false);
    expect(visible(renderNotCovered(nothing, en).text)).not.toContain("never mentions");
  });
});

describe("Arabic number agreement", () => {
  it("agrees counted nouns with their number through the plural categories of Intl.PluralRules(\"ar\")", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ article: briefing.articles[i % 5]!, points: [] }));
    const digestTitle = (n: number) => visible(renderDigest(items(n), ar, { date: "2026-01-15", preview: false })[0]!.text).split("\n")[0];
    expect([1, 2, 3, 10, 11, 100].map(digestTitle)).toEqual(
      ["مقال جديد", "مقالان جديدان", "3 مقالات جديدة", "10 مقالات جديدة", "11 مقالاً جديداً", "100 مقال جديد"].map((s) => `📰 موجز اليوم — 15 يناير 2026 (${s})`),
    );
    const article = (n: number) => ({ ...briefing.articles[0]!, paragraphs: Array.from({ length: n }, (_, i) => ({ n: i + 1, text: "نص", sentences: ["نص"] })) });
    const meta = (n: number) => visible(renderArticle(article(n), 1, ar)[0]!.text).split("\n")[1];
    expect([1, 2, 9, 12].map(meta)).toEqual(["بلا تاريخ — فقرة واحدة", "بلا تاريخ — فقرتان", "بلا تاريخ — 9 فقرات", "بلا تاريخ — 12 فقرة"]);
    expect(visible(renderSummary(briefing.summary(), ar, 2).text).split("\n")[0]).toBe("📝 خلاصة الملف (مقالان)");
    expect(visible(renderSummary(briefing.summary(), en, 1).text).split("\n")[0]).toBe("📝 Key points of the briefing (1 article)");
  });

  it("names a last page of one passage in the singular", () => {
    const answer = briefing.answer("الصين", 3, 3);
    const last = { ...answer, total: 4, hits: answer.hits.slice(0, 1), citations: answer.citations.slice(0, 1) };
    expect(visible(renderAnswer(last, ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 }).text)).toContain("المقطع 4 من 4");
  });
});

describe("articles, sources and summaries", () => {
  it("renders every article in parts under the limit that together hold every paragraph", () => {
    for (const article of briefing.articles) {
      const parts = renderArticle(article, briefing.numberOf(article), ar);
      const text = parts.map((p) => parsed(p.text).text).join("\n");
      for (const p of parts) expect(parsed(p.text).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      for (const p of article.paragraphs) expect(text).toContain(p.text);
    }
  });

  it("splits a long article into numbered parts", () => {
    const long = { ...briefing.articles[1]!, paragraphs: Array.from({ length: 4 }, () => briefing.articles[1]!.paragraphs).flat().map((p, i) => ({ ...p, n: i + 1 })) };
    const parts = renderArticle(long, 2, en);
    expect(parts.length).toBeGreaterThan(1);
    expect(visible(parts[0]!.text)).toContain(`(part 1 of ${parts.length})`);
  });

  it("renders a paragraph with its place and steps through the article", () => {
    const article = briefing.articles[3]!;
    const { text, keyboard } = renderParagraph(article, 4, ar);
    expect(visible(text)).toContain("الفقرة 4 من 9");
    expect(visible(text)).toContain("الصين.. شريان اقتصادي لروسيا");
    const data = callbackData(keyboard).map(decode);
    expect(data).toContainEqual({ kind: "goto", articleId: article.id, paragraph: 3 });
    expect(data).toContainEqual({ kind: "goto", articleId: article.id, paragraph: 5 });
  });

  it("lists sources with dates and a button per article", () => {
    const { text, keyboard } = renderSources(briefing.articles, 0, en);
    expect(visible(text)).toContain("5. ");
    expect(visible(text)).toContain("2 September 2025");
    expect(callbackData(keyboard)).toHaveLength(5);
  });

  it("renders summaries with their citations", () => {
    const s = renderSummary(briefing.summary(), ar, 5);
    expect(visible(s.text)).toContain("خلاصة الملف");
    expect(callbackData(s.keyboard).length).toBe(briefing.summary().citations.length);
    // A fact several articles report carries their citation numbers after its own.
    const shared = briefing.summary().keyPoints.find((p) => (p.also ?? []).length > 0)!;
    const line = visible(s.text).split("\n").find((l) => l.startsWith(`• ${shared.text.slice(0, 20)}`))!;
    expect(line.endsWith([shared.cite, ...shared.also!].map((n) => `[${n}]`).join(""))).toBe(true);
  });
});

describe("the emulator's transcript", () => {
  it("prints a message the bot sends as a reader sees it, with its buttons, and other calls on one line", () => {
    const { text, keyboard } = renderAnswer(briefing.answer("قوة سيبيريا"), ar, { queryId: "a-b_c0123Z", snippetChars: 300, pageSize: 3 });
    const lines = transcript({ method: "sendMessage", params: { chat_id: 5, text, reply_markup: keyboard }, ok: true })!.split("\n");
    expect(lines[0]).toBe("── to chat 5 ──");
    expect(lines[1]).toBe("🔎 قوة سيبيريا");
    expect(lines.join("\n")).not.toMatch(/<\/?b>|[\u200E\u200F\u2066-\u2069]/);
    expect(lines.at(-1)).toBe("  [📄 1]");
    expect(transcript({ method: "answerCallbackQuery", params: { callback_query_id: "1", text: "انتهت صلاحية هذا الزر." }, ok: true })).toBe("🔔 answer to a button: انتهت صلاحية هذا الزر.");
    expect(transcript({ method: "sendMessage", params: { chat_id: 5, text: "x" }, ok: false, description: "Forbidden: bot was blocked by the user" })).toBe("⛔ sendMessage refused: Forbidden: bot was blocked by the user");
    expect(transcript({ method: "answerInlineQuery", params: { inline_query_id: "1", results: [], button: { text: "The briefing gives no price for this — open mujaz", start_parameter: "help" } }, ok: true })).toBe(
      "── inline results (0) ──\n  [The briefing gives no price for this — open mujaz]",
    );
    expect(transcript({ method: "getUpdates", params: {}, ok: true })).toBeUndefined();
  });
});
