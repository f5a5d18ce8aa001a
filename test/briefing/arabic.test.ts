import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, normalize, stem, stemCandidates, tokenize } from "../../src/briefing/arabic.js";

const stemsOf = (word: string) => new Set(analyze(word).stems);
const shareStem = (a: string, b: string) => [...stemsOf(a)].some((s) => stemsOf(b).has(s));

describe("normalize", () => {
  it("folds diacritics, tatweel, alef forms, ى, ة, hamza carriers and digits", () => {
    expect(normalize("العَلاقَاتُ")).toBe(normalize("العلاقات"));
    expect(normalize("الـصـيـن")).toBe("الصين");
    expect(normalize("أوكرانيا")).toBe("اوكرانيا");
    expect(normalize("إيران آسيا ٱلله")).toBe("ايران اسيا الله");
    expect(normalize("مستوى")).toBe("مستوي");
    expect(normalize("الشراكة")).toBe("الشراكه");
    expect(normalize("مؤتمر رئيس")).toBe("موتمر رييس");
    expect(normalize("٢٤٠ ۲۰۲۵")).toBe("240 2025");
    expect(normalize("Putin BRICS")).toBe("putin brics");
  });

  it("reads a letter stretched for emphasis as the one letter, and leaves a doubled one or three a folded word holds", () => {
    expect(normalize("الصيييين روسياااا")).toBe("الصين روسيا");
    expect(normalize("ممكن اللذين")).toBe("ممكن اللذين");
    expect(normalize("2000")).toBe("2000");
    // بيئي folds to بييي: still "environmental", and normalizing it again changes nothing.
    expect(shareStem("البيئية", "البيئة")).toBe(true);
    expect(normalize(normalize("بيئي"))).toBe(normalize("بيئي"));
  });

  it("drops the alef that only carries a written accusative tanween", () => {
    expect(normalize("ليست طرفًا في الأزمة")).toBe("ليست طرف في الازمه");
    expect(normalize("سابقاً كبيرًا")).toBe("سابق كبير");
    expect(normalize("روسيا أمريكا طرفا")).toBe("روسيا امريكا طرفا");
  });

  it("drops zero-width and direction marks", () => {
    expect(normalize("\u200Fبوتين\u200B\u2068شي\u2069")).toBe("بوتينشي");
  });

  it("is idempotent on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => normalize(normalize(s)) === normalize(s)));
    const arabic = fc.string({ unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(arabic, (s) => normalize(normalize(s)) === normalize(s)));
  });
});

describe("tokenize and analyze", () => {
  it("never yields empty tokens or empty stems", () => {
    const arabic = fc.string({ unit: fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ًٌٍَُِّْـ٠١٢٣ .،؟"), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(arabic, fc.string()), (s) => {
        const a = analyze(s);
        return tokenize(s).every((t) => t.length > 0) && a.stems.every((t) => t.length > 0) && a.exact.every((t) => t.length > 0);
      }),
    );
  });

  it("splits numbers glued to the article (الـ80)", () => {
    expect(tokenize("الذكرى الـ80")).toEqual(["الذكري", "ال", "80"]);
    expect(analyze("الذكرى الـ80").exact).toEqual(["الذكري", "80"]);
  });

  it("drops a stop word behind an attached conjunction or preposition, and keeps words that only start like one", () => {
    expect(analyze("وكيف بأي ولذلك فما وبين وزير بوتين كيفية").exact).toEqual(["وزير", "بوتين", "كيفيه"]);
  });

  it("keeps a noun that only reads as letters before a colloquial stop word or two letters before any (ولاية, كمين, فلبين)", () => {
    // و + ل + ايه, ك + مين, ف + ل + بين: readings the nouns of the dictionary do not take.
    expect(analyze("ولاية خامسة كمين الفلبين فلبين").exact).toEqual(["ولايه", "خامسه", "كمين", "الفلبين", "فلبين"]);
    // One letter before a standard stop word still reads so, noun or not: وهم is "and they", فقد "so has".
    expect(analyze("وهم فقد وين ليه").exact).toEqual([]);
  });

  it("drops a verb of the stop list in the future (سيكون, وستكون), and keeps words that only start like one", () => {
    expect(analyze("سيكون وستكون سيزور سيطرة ستة").exact).toEqual(["سيزور", "سيطره", "سته"]);
  });

  it("drops a stop word with an attached pronoun (لبعضهما, بينهما, معهم, ولكنه), and keeps words that only end like one", () => {
    expect(analyze("لبعضهما بينهما ومعهم ولكنه لديها كلمته كلمه ماله بلدهم").exact).toEqual(["كلمته", "كلمه", "ماله", "بلدهم"]);
    // The article takes no pronoun: آلة ("machine", اله) is a word.
    expect(analyze("وآلة الحرب").exact).toEqual(["واله", "الحرب"]);
  });

  it("drops the standard verbs of becoming (أصبح, بات), as it drops كان: they say that something is, not what", () => {
    expect(analyze("لماذا أصبح الكرملين بحاجة إلى الصين وباتت بكين شريكه").exact).toEqual(["الكرملين", "بحاجه", "الصين", "بكين", "شريكه"]);
  });

  it("drops the adverbs of time and purpose (أثناء, عقب, طوال, حين, لكي, حوالي): أثناء is not ثناء, \"praise\"", () => {
    expect(analyze("ماذا قال بوتين أثناء الزيارة وعقب القمة وطوال الأسبوع حين وصل لكي يلتقي حوالي 40 مرة").exact).toEqual(
      ["قال", "بوتين", "الزياره", "القمه", "الاسبوع", "وصل", "يلتقي", "40", "مره"],
    );
    // إثر ("after") is أثر ("effect") once the hamza folds: a content word.
    expect(analyze("ما أثر العقوبات").exact).toEqual(["اثر", "العقوبات"]);
  });

  it("removes stop words in Arabic and English", () => {
    expect(analyze("ما هو حجم التجارة بين روسيا والصين؟").exact).toEqual(["حجم", "التجاره", "روسيا", "والصين"]);
    expect(analyze("What is the trade between Russia and China").exact).toEqual(["trade", "russia", "china"]);
  });

  it("removes the dialects' question words and negated particles (اد ايه, ملهاش, مفيش)", () => {
    expect(analyze("بوتين قعد اد ايه في الصين؟").exact).toEqual(["بوتين", "قعد", "الصين"]);
    // Not a dialect word that is a common word of the standard language: Egyptian دول ("those") is دول ("countries").
    expect(analyze("دول الجنوب العالمي ولدول بريكس").exact).toEqual(["دول", "الجنوب", "العالمي", "ولدول", "بريكس"]);
    expect(analyze("الشراكه اللي ملهاش حدود ومفيش مثلها").exact).toEqual(["الشراكه", "حدود", "مثلها"]);
  });
});

describe("light stemming", () => {
  it.each([
    ["والصين", "الصين"],
    ["بالصين", "الصين"],
    ["لروسيا", "روسيا"],
    ["العلاقات", "علاقات"],
    ["البريكس", "بريكس"],
    ["أوكرانيا", "اوكرانيا"],
    ["٢٤٠", "240"],
    ["وَالصِّينِ", "الصين"],
    ["الْعَلَاقَاتُ", "العلاقة"],
    ["للتعاون", "التعاون"],
    ["زيارته", "الزيارة"],
    ["قمتهما", "قمة"],
    ["علاقتها", "العلاقة"],
    ["شركائها", "الشركاء"],
    ["آرائهم", "آراء"],
  ])("%s meets %s", (a, b) => {
    expect(shareStem(a, b)).toBe(true);
  });

  it("reads a hamza on its seat before a pronoun as ء, but not ية (ولاية is not ولاء)", () => {
    expect(shareStem("بقاؤهم", "البقاء")).toBe(true);
    expect(shareStem("ولاية", "ولاء")).toBe(false);
  });

  it("keeps proper nouns whole", () => {
    for (const name of ["بوتين", "موسكو", "بكين", "روسيا", "بينغ", "كييف"]) expect(stem(normalize(name))).toBe(normalize(name));
    expect(stemCandidates("بوتين")).toContain("بوتين");
    expect(stemCandidates("بكين")).toContain("بكين");
  });

  it("does not read a dictionary noun as an attached letter and a shorter word, and still reads one off a name", () => {
    expect(shareStem("وزارة", "زار")).toBe(false);
    expect(shareStem("ووزارة", "زار")).toBe(false);
    expect(shareStem("ووزارة", "الوزارة")).toBe(true);
    expect(shareStem("بيان", "يان")).toBe(false);
    expect(shareStem("كبير", "بير")).toBe(false);
    expect(shareStem("وشي", "شي")).toBe(true);
    expect(shareStem("وبكين", "بكين")).toBe(true);
    expect(shareStem("فقال", "قال")).toBe(true);
  });

  it("does not join unrelated words", () => {
    expect(shareStem("روسيا", "الصين")).toBe(false);
    expect(shareStem("بوتين", "بكين")).toBe(false);
  });
});
