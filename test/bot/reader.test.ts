/** What a reader meets beyond the answer itself: small talk, follow-ups, and English readers. */
import { describe, expect, it } from "vitest";
import { groupChat, textMessage } from "../../src/local-api/updates.js";
import { harness, john, salma, seen } from "../support/harness.js";

const movableClock = (start = Date.UTC(2026, 0, 5, 9, 0)) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe("small talk", () => {
  it("answers greetings and thanks with a short friendly line and one example question, not a search", async () => {
    const h = await harness();
    for (const [text, reply] of [
      ["السلام عليكم", "أهلاً بك! 👋"],
      ["مرحبا", "أهلاً بك! 👋"],
      ["شكرا جزيلا", "العفو! 🌷 اسأل متى شئت، مثلاً:"],
    ] as const) {
      await h.send(textMessage(salma, text));
      const m = h.last(salma.id);
      expect(seen(m.text).startsWith(reply), text).toBe(true);
      expect(seen(m.text)).not.toContain("🔎");
      expect(h.buttons(m).map((b) => b.text)).toEqual(["ما حجم التبادل التجاري بين روسيا والصين؟"]);
    }
    await h.press(salma, h.last(salma.id), "التبادل التجاري");
    expect(seen(h.last(salma.id).text)).toContain("240 مليار دولار");

    await h.send(textMessage(john, "hi"));
    expect(seen(h.last(john.id).text)).toMatch(/^Hello! 👋 I answer questions/);
    expect(h.buttons(h.last(john.id)).map((b) => b.text)).toEqual(["What did Putin say about relations with China?"]);
    expect(h.refused()).toEqual([]);
  });

  it("answers a greeting that mentions it in a group the same way", async () => {
    const h = await harness();
    const group = groupChat(-1005550000001);
    await h.send(textMessage(salma, "@mujaz_local_bot السلام عليكم", group));
    expect(seen(h.last(group.id).text)).toMatch(/^أهلاً بك! 👋/);
  });
});

describe("follow-ups", () => {
  it("reads a short follow-up within a few minutes with the subject of the question before it", async () => {
    const clock = movableClock();
    const h = await harness({ clock });
    await h.send(textMessage(salma, "ما هو خط انابيب قوة سيبيريا"));
    clock.advance(60_000);
    await h.send(textMessage(salma, "وماذا عن الغاز؟"));
    const lines = seen(h.last(salma.id).text).split("\n");
    expect(lines[0]).toBe("🔎 وماذا عن الغاز؟");
    expect(lines[1]).toBe("(مع سؤالك السابق: «ما هو خط انابيب قوة سيبيريا»)");
    // Read with "قوة سيبيريا": the pipeline paragraph answers.
    expect(seen(h.last(salma.id).text)).toContain("قوة سيبيريا-2");

    // A second follow-up keeps the first question's subject.
    clock.advance(60_000);
    await h.send(textMessage(salma, "والنفط؟"));
    expect(seen(h.last(salma.id).text).split("\n")[1]).toBe("(مع سؤالك السابق: «ما هو خط انابيب قوة سيبيريا»)");

    // Ten minutes later the same words are a question of their own.
    clock.advance(10 * 60_000);
    await h.send(textMessage(salma, "وماذا عن الغاز؟"));
    expect(seen(h.last(salma.id).text)).not.toContain("سؤالك السابق");
    expect(h.refused()).toEqual([]);
  });

  it("leads a follow-up with its own new words, and pages it under its own words, not the combined query", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "ماذا قال بوتين عن العلاقات مع الصين"));
    await h.send(textMessage(salma, "وعن الغاز؟"));
    const first = h.last(salma.id);
    const lines = seen(first.text).split("\n");
    expect(lines.slice(0, 2)).toEqual(["🔎 وعن الغاز؟", "(مع سؤالك السابق: «ماذا قال بوتين عن العلاقات مع الصين»)"]);
    // The lead (the line after the blank one) is about gas.
    expect(lines[3]).toContain("للغاز");
    await h.press(salma, first, "المزيد");
    const next = seen(h.last(salma.id).text).split("\n");
    expect(next.slice(0, 2)).toEqual(lines.slice(0, 2));
    expect(seen(h.last(salma.id).text)).not.toContain("\u2063");
    // A reader who pastes the mark gets an ordinary question, not a follow-up of nothing.
    await h.send(textMessage(john, "Russia \u2063 China trade"));
    expect(seen(h.last(john.id).text).split("\n")[0]).toBe("🔎 Russia China trade");
    expect(h.refused()).toEqual([]);
  });

  it("reads English follow-ups too, with the previous question named", async () => {
    const h = await harness();
    await h.send(textMessage(john, "What did Putin and Xi discuss about energy?"));
    await h.send(textMessage(john, "and the pipeline?"));
    const m = h.last(john.id);
    expect(seen(m.text).split("\n").slice(0, 2)).toEqual(["🔎 and the pipeline?", "(read with your last question: “What did Putin and Xi discuss about energy?”)"]);
    expect(seen(m.text)).toContain("قوة سيبيريا-2");
  });

  it("does not read group messages as follow-ups", async () => {
    const h = await harness();
    const group = groupChat(-1005550000002);
    await h.send(textMessage(salma, "@mujaz_local_bot ما هو خط انابيب قوة سيبيريا", group));
    await h.send(textMessage(salma, "@mujaz_local_bot وماذا عن الغاز؟", group));
    expect(seen(h.last(group.id).text)).not.toContain("سؤالك السابق");
  });
});

describe("English readers", () => {
  it("get the bot's words in English, a note that passages are quoted in Arabic, and the English words beside the Arabic they matched", async () => {
    const h = await harness();
    await h.send(textMessage(john, "What did Putin and Xi say about the gas pipeline?"));
    const m = h.last(john.id);
    const text = seen(m.text);
    const lines = text.split("\n");
    expect(lines[0]).toBe("🔎 What did Putin and Xi say about the gas pipeline?");
    expect(lines[1]).toMatch(/^Matched in Arabic: .*pipeline → خط أنابيب/);
    expect(lines[1]).toContain("putin → بوتين");
    expect(text.split("(quoted in Arabic)")).toHaveLength(2);
    expect(text).toMatch(/\nSources\n\[1\] (\[\d\] )*article \d: /);
    for (const arabicInterface of ["المقاطع", "المصادر", "الفقرة", "المقال", "بلا تاريخ", "النقاط الرئيسية"]) expect(text).not.toContain(arabicInterface);
    expect(h.buttons(m).map((b) => b.text)).toEqual(expect.arrayContaining(["📄 1", "More ➡️", "↗️ Share in a chat"]));
    expect(h.refused()).toEqual([]);
  });

  it("glosses a phrase the dictionary has as one (last year → العام الماضي), and each Arabic word once however it is joined", async () => {
    const h = await harness();
    await h.send(textMessage(john, "How much trade did Russia and China do last year?"));
    const line = seen(h.last(john.id).text).split("\n")[1]!;
    expect(line).toMatch(/last year → العام الماضي/);
    expect(line).not.toMatch(/· last →|· year →/);
    expect(line).not.toMatch(/والتجاري|والصين/);
    await h.send(textMessage(john, "what did putin call xi when they met in beijing"));
    expect(seen(h.last(john.id).text).split("\n")[1]).toMatch(/call → وصف( ·|$)/);
    // With or without the article, a word is shown once (زيارة, not "زيارة الزيارة").
    await h.send(textMessage(john, "When did Xi last visit Moscow before this trip?"));
    expect(seen(h.last(john.id).text).split("\n")[1]).toMatch(/visit → زيارة( ·|$)/);
  });

  it("shows no glossary line for a question in Arabic, and says once that the quote is in Arabic when the answer is one passage", async () => {
    const h = await harness();
    await h.send(textMessage(john, "ما هو خط انابيب قوة سيبيريا"));
    const text = seen(h.last(john.id).text);
    expect(text).not.toContain("Matched in Arabic");
    expect(text.split("\n")[2]).toBe("(quoted in Arabic)");
    expect(text.split("(quoted in Arabic)")).toHaveLength(2);
    expect(text).toMatch(/\nSources\n\[1\] article 4: .* — paragraph 5$/);
  });
});
