import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";

const briefing = await Briefing.load({ dir: "seeds" });

describe("questions the briefing does not cover", () => {
  it("says so for a year no passage holds, and offers the articles nearest to the rest of the question", () => {
    const result = briefing.search("ماذا قال بوتين عن زيارته إلى الصين عام 2011؟", { limit: 5 });
    expect(result.covered).toBe(false);
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(0);
    expect(result.closest!.length).toBeGreaterThan(0);
    expect(result.closest!.length).toBeLessThanOrEqual(3);
    const ids = briefing.articles.map((a) => a.id);
    for (const c of result.closest!) expect(ids).toContain(c.articleId);
  });

  it("says so when not one word of the question is in the briefing, with no passages that only look alike", () => {
    const result = briefing.search("yuan ruble", { limit: 5 });
    expect(result.covered).toBe(false);
    expect(result.hits).toEqual([]);
  });

  it("says so for a country or currency the briefing never names, in Arabic or English, with prepositions attached", () => {
    for (const q of ["ما موقف الهند من قمة شنغهاي في تيانجين؟", "شو قالت البرازيل عن زيارة بوتين لبكين", "هل دعمت روسيا للهند في الحرب؟", "What did Brazil say about Putin's visit to Beijing?", "كم سعر الين الياباني مقابل الروبل", "What is the yuan worth in rubles?"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.hits, q).toEqual([]);
    }
  });

  it("answers a question naming countries the briefing does name, and does not take ordinary words for names", () => {
    // كبير is not ك + بير (the birr); "won" is not the Korean won; اليابان and the European Union are in the briefing.
    for (const q of ["هل حققت العلاقات الاقتصادية تقدما كبيرا؟", "كيف تغير موقف اليابان من الصين والاتحاد الأوروبي؟", "What has China won from Russia's isolation?", "What did Japan do in 1945?"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).not.toBe(false);
      expect(result.hits.length, q).toBeGreaterThan(0);
    }
  });

  it("keeps answering questions whose figures and words the briefing holds", () => {
    for (const q of ["كم بلغ حجم التبادل التجاري بين روسيا والصين؟", "حروب الأفيون وهزيمة اليابان عام ١٩٤٥", "متى اندلعت الحرب في أوكرانيا 2022"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).not.toBe(false);
      expect(result.hits.length, q).toBeGreaterThan(0);
    }
  });
});
