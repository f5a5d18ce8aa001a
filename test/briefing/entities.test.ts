import { describe, expect, it } from "vitest";
import { absentEntities, namedEntities } from "../../src/briefing/entities.js";

const codes = (q: string) => namedEntities(q).map((e) => e.code).sort();

describe("countries and currencies named in a question (CLDR names through Intl)", () => {
  it("finds Arabic names as written and with an attached letter or the article after ل", () => {
    expect(codes("ما موقف الهند")).toEqual(["IN"]);
    expect(codes("والهند وللهند")).toEqual(["IN"]);
    expect(codes("زار بوتين كوريا الشمالية")).toEqual(["KP"]);
    expect(codes("سعر اليوان")).toEqual(["CNY"]);
  });

  it("finds a country by its adjective, with the article, feminine and plural, and not ordinary adjectives", () => {
    expect(codes("ماذا قال الرئيس الفرنسي")).toEqual(["FR"]);
    expect(codes("موقف الحكومة الهندية")).toEqual(["IN"]);
    expect(codes("المسؤولين البرازيليين واليابانيون")).toEqual(["BR", "JP"]);
    expect(codes("الموقف الصيني والأمريكي")).toEqual(["CN", "US"]);
    expect(codes("المستشار الألماني والرئيس السوري")).toEqual([...codes("ألمانيا"), "SY"].sort());
    // In English through the dictionary's sense (French → الفرنسيون), the Guiana of "French Guiana" not needed.
    expect(codes("What did the French president say?")).toEqual(["FR"]);
    expect(codes("the Indian government and american officials")).toEqual(["IN", "US"]);
    // Adjectives of other things, and نسبة forms the thesaurus knows as words (مالي "financial"), are no country.
    expect(codes("الدعم المالي الدولي والعربي والغربي والسياسي والعسكري الشمالي والاستراتيجي")).toEqual([]);
  });

  it("finds English names, multi-word ones whole, and currencies by their noun", () => {
    expect(codes("What did India say?")).toEqual(["IN"]);
    expect(codes("relations with North Korea")).toEqual(["KP"]);
    // The ruble is Russia's and Belarus's.
    expect(codes("the yuan to ruble rate")).toEqual(["BYN", "CNY", "RUB"]);
  });

  it("does not take ordinary words for names", () => {
    expect(codes("هل حققت العلاقات تقدما كبيرا")).toEqual([]);
    expect(codes("ذهب بوتين إلى المدينة")).toEqual([]);
    // ماليًا is "financially" (Mali), مُصرّ "insistent" (Egypt), بئر a well (the birr), أوقية an ounce (the ouguiya).
    expect(codes("هل قدمت الصين دعماً مالياً؟ هل بوتين مصر على الحرب؟ بئر نفط وأوقية ذهب والملف الأفغاني وقال ليو")).toEqual(["CN"]);
    // France is not plural; a currency may be.
    expect(codes("frances guineas")).toEqual([]);
    expect(codes("prices in rubles")).toEqual(["BYN", "RUB"]);
    expect(codes("Who won the vote? Is it real? Tell us.")).toEqual([]);
  });

  it("knows the names news and readers use besides CLDR's, accents or none", () => {
    expect(codes("ماذا قالت بريطانيا؟")).toEqual(["GB"]);
    expect(codes("What did the United Kingdom and Britain say?")).toEqual(["GB"]);
    expect(codes("what did turkey say, and Türkiye, and turkiye")).toEqual(["TR"]);
    expect(codes("موقف روسيا البيضاء والمجر")).toEqual(expect.arrayContaining(["BY", "HU"]));
    // An old code CLDR still names (UK, SU) is not a second country.
    expect(codes("روسيا")).toEqual(["RU"]);
  });

  it("counts a country as mentioned when the index holds any of its names", () => {
    const held = new Set(["بريطانيا"]);
    const df = (s: string) => (held.has(s) ? 1 : 0);
    expect(absentEntities("What did the United Kingdom say?", df)).toEqual([]);
    expect(absentEntities("ماذا قالت المملكة المتحدة؟", df)).toEqual([]);
  });

  it("finds a country by its capital, which news names it by, but not by a capital that is an ordinary word", () => {
    expect(codes("بماذا تتهم واشنطن بكين؟")).toEqual(["CN", "US"]);
    expect(codes("What did Tokyo say?")).toEqual(["JP"]);
    expect(codes("وبطوكيو")).toEqual(["JP"]);
    // كيف (Kyiv, also "how") and القاهرة ("overwhelming") are not taken alone.
    expect(codes("كيف ردت موسكو")).toEqual(["RU"]);
    // A country the briefing names only by its capital is mentioned; one it names by neither is not.
    const df = (s: string) => (s === "بروكسل" ? 1 : 0);
    expect(absentEntities("Why are Washington and Brussels mentioned?", df).map((e) => e.code)).toEqual(["US"]);
  });

  it("reports only the names whose words the index does not hold", () => {
    const held = new Set(["صين", "هند"]);
    const df = (s: string) => (held.has(s) ? 1 : 0);
    expect(absentEntities("الصين والهند واليابان", df).map((e) => e.code)).toEqual(["JP"]);
  });
});
