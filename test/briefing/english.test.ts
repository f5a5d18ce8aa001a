import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, normalize, roots, stemCandidates, tokenize } from "../../src/briefing/arabic.js";
import { Briefing } from "../../src/briefing/briefing.js";
import { englishDictionary, englishToArabic, lemmas, stemWeights, withEnglish, type IndexVocabulary } from "../../src/briefing/english.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import { SearchIndex } from "../../src/briefing/search-index.js";
import { NameMatcher, nameDistance, sounds } from "../../src/briefing/transliterate.js";

/** An index over a few Arabic sentences, answering as SearchIndex does: stems' passage counts and the words as written. */
function indexOf(...passages: string[]): IndexVocabulary {
  const df = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const p of passages) {
    const a = analyze(p);
    for (const s of new Set(a.stems)) df.set(s, (df.get(s) ?? 0) + 1);
    for (const w of a.exact) vocabulary.add(w);
  }
  return { df: (s) => df.get(s) ?? 0, vocabulary: () => vocabulary, version: () => passages.length };
}

const seeded = await Briefing.load({ dir: "seeds" });
const briefingLead = (question: string) => seeded.answer(question).lead?.text ?? "";

const texts = (query: string, index: IndexVocabulary, glossary = false) => englishToArabic(query, index, { glossary }).map((t) => t.text);

const NAMES = indexOf(
  "التقى الرئيس شي جين بينغ في تيانجين ثم زار خاربين.",
  "وصل الزعيم كيم جونغ أون من بيونغ يانغ، وتذكر البعض ساحة تيانانمن.",
  // Words that look alike: a name must find its own spelling, not these.
  "بيان الجانبين في الحربية جنوبي المدينة والقديم أقيم.",
);

describe("English → Arabic dictionary", () => {
  it("loads the FreeDict headwords once, with their Arabic senses", () => {
    const dict = englishDictionary();
    expect(dict.size).toBeGreaterThan(80_000);
    expect(dict.get("war")).toContain("الحرب");
    expect(englishDictionary()).toBe(dict);
  });

  it("maps plural, possessive, past and -ing forms to headwords", () => {
    expect(lemmas("sanctions")).toContain("sanction");
    expect(lemmas("countries")).toContain("country");
    expect(lemmas("china's")).toEqual(["china"]);
    expect(lemmas("declared")).toContain("declare");
    expect(lemmas("planned")).toContain("plan");
    expect(lemmas("making")).toContain("make");
    expect(lemmas("pass")).toEqual(["pass"]);
  });

  it("keeps only senses whose words the briefing holds", () => {
    const index = indexOf("ارتفع حجم التجارة بين البلدين", "اندلعت الحرب");
    expect(texts("trade war", index)).toEqual(expect.arrayContaining(["التجاره", "الحرب"]));
    expect(texts("volcano", index)).toEqual([]);
    // The dictionary gives a month's two names as one sense (سبتمبر/أيلول): each is a sense of its own.
    expect(texts("september", indexOf("انعقدت القمة في سبتمبر الماضي"))).toEqual(["سبتمبر"]);
    expect(texts("september", indexOf("انعقدت القمة في أيلول الماضي"))).toEqual(["ايلول"]);
  });

  it("takes a noun sense by its root when the briefing holds no sense as written (requirement → المتطلب, held as يطلب)", () => {
    const passages = ["يطلب الكرملين من الصين", "اندلعت الحرب"];
    const base = indexOf(...passages);
    const rootDf = (r: string) => passages.filter((p) => tokenize(p).some((t) => roots(t).includes(r))).length;
    expect(texts("requirement", base)).toEqual([]);
    expect(texts("requirement", { ...base, rootDf })).toEqual([normalize("المتطلب")]);
    expect(texts("volcano", { ...base, rootDf })).toEqual([]);
    // Through the briefing: the English question is led by the sentence that says who needs whom.
    expect(briefingLead("Does China need Russia?")).toContain("يحتاج الرئيس الصيني إلى روسيا");
  });

  it("reads inflected words through their headword's family", () => {
    // "students" has its own entry; "student" is found through the plural's lemma.
    const index = indexOf("التقى الطالب بأساتذة الجامعة");
    expect(texts("students", index)).toContain("الطالب");
  });

  it("keeps the held senses in the lexicons' order, commonest first, at most three", () => {
    // FreeDict: abbey → الدير|الكنيسة, abbeys → الأديرة|الكنائس.
    const index = indexOf("زار الكنيسة", "الكنيسة القديمة", "قرب الكنيسة والكنائس", "الكنائس", "الدير");
    expect(texts("abbey", index)).toEqual(["الدير", "الكنيسه", "الكنايس"]);
    expect(texts("abbey", indexOf("الكنيسة", "الكنيسة", "الكنائس", "الأديرة", "الدير"))).toHaveLength(3);
  });

  it("weighs a sense of several words as one word, its words sharing the weight (SCO: منظمة شنغهاي للتعاون)", () => {
    const index = indexOf("اجتماع منظمة شنغهاي للتعاون", "بنك التنمية", "رأس المال الأولي للبنك");
    const { weights } = withEnglish("SCO bank", index);
    for (const word of ["منظمة", "شنغهاي", "للتعاون"]) expect(weights.get(analyze(word).stems[0]!), word).toBeCloseTo(1 / 3);
    expect(withEnglish("bank", index).weights.get(analyze("بنك").stems[0]!)).toBeGreaterThan(1 / 3);
  });

  it("tries dictionary phrases before their words", () => {
    const index = indexOf("كان حظا جيدا", "حظ جيد للجميع", "نتيجة جيدة");
    const out = englishToArabic("good luck", index, { glossary: false });
    expect(out.map((t) => t.text)).toEqual(["حظ جيد"]);
  });

  it("never translates English stop words, and leaves Arabic queries alone", () => {
    const index = indexOf("هذا هو السؤال");
    expect(englishToArabic("what is the", index)).toEqual([]);
    // Prepositions and conjunctions too, whose Arabic is a function word or, read loosely, another word: "during"
    // (أثناء) would find الثناء ("praise").
    const praise = indexOf("تبادل الرئيسان الثناء أثناء القمة وبعدها.", "ناقشا خط الغاز.");
    expect(texts("during after since while because", praise)).toEqual([]);
    // And the other common function words and spoken contractions, which the dictionary reads as content or the
    // name matcher as a name: "both" (أهم), "gonna" (كنا), "other" (آخر), "doing" (العمل).
    const words = indexOf("أهم ما كنا نقوله إن الطرف الآخر يواصل العمل.", "ناقشا خط الغاز.");
    expect(texts("both gonna other doing", words)).toEqual([]);
    expect(texts("both gonna other doing gas", words)).toEqual(["الغاز", "غاز", "الغازات"]);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const query = s.replace(/[A-Za-z]/g, "");
        expect(englishToArabic(`${query} بوتين`, index)).toEqual([]);
      }),
    );
  });
});

describe("names read as sounds against the briefing's words", () => {
  it("finds the briefing's spelling of Latin names", () => {
    expect(texts("Xi", NAMES)).toEqual(["شي"]);
    expect(texts("Tianjin", NAMES)).toEqual(["تيانجين"]);
    expect(texts("Harbin", NAMES)).toEqual(["خاربين"]);
    expect(texts("Tiananmen", NAMES)).toEqual(["تيانانمن"]);
    expect(texts("Kim Jong Un", NAMES)).toEqual(["كيم", "جونغ", "اون"]);
  });

  it("splits a name written as one Latin word into the briefing's two words", () => {
    expect(texts("Jinping", NAMES)).toEqual(["جين بينغ"]);
    expect(texts("Pyongyang", NAMES)).toEqual(["بيونغ يانغ"]);
  });

  it("accepts a looser spelling only next to a name it is sure of", () => {
    expect(texts("Si Jinping", NAMES)).toEqual(expect.arrayContaining(["شي", "جين بينغ"]));
    expect(texts("Si", NAMES)).toEqual([]);
  });

  it("matches no name when the briefing holds none close enough", () => {
    expect(texts("Brazil Market plan", NAMES)).toEqual([]);
  });

  it("reports each match at its full alignment's distance, within the limit, closest first", () => {
    const matcher = new NameMatcher();
    matcher.update(NAMES.vocabulary());
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,9}$/), fc.constantFrom(0.05, 0.25, 0.45), (latin, limit) => {
        const found = matcher.match(latin, limit);
        for (const m of found) {
          expect(m.distance).toBeCloseTo(nameDistance(sounds(latin), m.arabic), 9);
          expect(m.distance).toBeLessThanOrEqual(limit);
        }
        expect(found.map((m) => m.distance)).toEqual([...found.map((m) => m.distance)].sort((a, b) => a - b));
      }),
    );
  });

  it("finds names in words carrying the article or a particle, and in words added later", () => {
    const vocabulary = new Set(tokenize("وصل الى الكرملين"));
    const matcher = new NameMatcher();
    matcher.update(vocabulary);
    expect(matcher.match("kremlin", 0.25)[0]?.arabic).toBe("كرملين");
    expect(matcher.match("tianjin", 0.25)).toEqual([]);
    vocabulary.add(normalize("وتيانجين"));
    matcher.update(vocabulary);
    expect(matcher.match("tianjin", 0.25)[0]?.arabic).toBe("وتيانجين");
  });
});

describe("an index that grows", () => {
  it("reads the vocabulary again when the index's version changes", () => {
    const words = new Set(["موسكو"]);
    let version = 1;
    const index: IndexVocabulary = { df: () => 1, vocabulary: () => words, version: () => version };
    expect(texts("Tianjin", index)).toEqual([]);
    words.add("تيانجين");
    expect(texts("Tianjin", index)).toEqual([]);
    version++;
    expect(texts("Tianjin", index)).toEqual(["تيانجين"]);
    // Without a version the vocabulary is read on every query.
    const unversioned: IndexVocabulary = { df: () => 1, vocabulary: () => words };
    words.add("خاربين");
    expect(texts("Harbin", unversioned)).toEqual(["خاربين"]);
  });
});

describe("the glossary as an override", () => {
  const index = indexOf("فرضت العقوبات على روسيا وأرسلت الجنود", "تحدث بوتين");

  it("weighs glossary entries and names above dictionary senses, and switches off", () => {
    const on = englishToArabic("Putin troops sanctions", index, { glossary: true });
    expect(on.map((t) => [t.text, t.from])).toEqual([
      ["الجنود", "glossary"],
      ["بوتين", "name"],
      ["العقوبات", "dictionary"],
      ["عقوبات", "dictionary"],
    ]);
    const weight = (from: string) => on.find((t) => t.from === from)!.weight;
    expect(weight("dictionary")).toBeLessThan(weight("name"));
    expect(weight("dictionary")).toBeLessThan(weight("glossary"));
    const off = englishToArabic("Putin troops sanctions", index, { glossary: false });
    expect(off.map((t) => t.text)).toEqual(["بوتين", "جنود", "العقوبات", "عقوبات"]);
  });

  it("hands the ranking each added stem at the weight of its heaviest term", () => {
    const weights = stemWeights([
      { text: "الحرب", weight: 0.9, from: "dictionary", source: 0 },
      { text: "بوتين", weight: 1, from: "name", source: 1 },
      { text: "حرب باردة", weight: 1, from: "glossary", source: 2 },
    ]);
    expect(weights.get("بوتين")).toBe(1);
    expect(weights.get("حرب")).toBe(1);
    expect(weights.get("بارد")).toBe(1);
    expect(stemWeights([{ text: "الحرب", weight: 0.9, from: "dictionary", source: 0 }]).get("حرب")).toBe(0.9);
  });

  it("shares an English word's weight among the senses it is searched by, so a passage of many senses of one word does not win", () => {
    // "last" is searched as الماضي, آخر, أخير and آخر مرة: the passage holding them all says nothing of Xi or Moscow.
    const paragraphs = [
      "وفي آخر مرة، وخلال الأسبوع الماضي، كانت الجولة الأخيرة من المحادثات بين البلدين في العاصمة.",
      "وصل شي جين بينغ إلى موسكو في زيارة رسمية قبل عام.",
      "تبحث الحكومة الخطط الاقتصادية الجديدة للعام المقبل.",
    ];
    const index = new SearchIndex({});
    index.add(paragraphs.map((p, i) => parseArticle(`9${i}0_test.txt`, `العنوان: مقال ${i}\n\n${p}`)!));
    expect(index.search("When did Xi last visit Moscow?", { limit: 3 }).hits[0]!.paragraph.text).toContain("موسكو");
  });

  it("reaches the Arabic passages of the briefing with the glossary switched off", async () => {
    const briefing = await Briefing.load({ dir: "seeds", english: { glossary: false } });
    const top = briefing.search("Power of Siberia gas pipeline", { limit: 3 }).hits.map((h) => h.paragraph.text);
    expect(top.some((t) => t.includes("قوة سيبيريا"))).toBe(true);
    const stems = new Set(briefing.search("Tianjin", { limit: 1 }).hits.flatMap((h) => analyze(h.paragraph.text).stems));
    expect(stemCandidates("تيانجين").some((s) => stems.has(s))).toBe(true);
  });

  it("reads a name the dictionary spells by sound (harbin → حربين) as the briefing spells it, and 'going' as no name", () => {
    // حربين would be read as حرب ("war"); going, not in the dictionary as written, as جونغ (Kim Jong Un).
    const hit = seeded.search("why is putin going to harbin", { limit: 1 }).hits[0]!;
    expect(hit.paragraph.text).toContain("خاربين");
    expect(lemmas("going")).toContain("go");
    expect(lemmas("thing")).not.toContain("the");
  });

  it("reads common abbreviations (WWII, NATO) by their Arabic, not as names the briefing lacks", async () => {
    const briefing = await Briefing.load({ dir: "seeds", english: { glossary: false } });
    const result = briefing.search("Which WWII anniversary is commemorated in Beijing?", { limit: 1 });
    expect(result.covered).not.toBe(false);
    expect(result.hits[0]!.paragraph.text).toContain("الحرب العالمية الثانية");
  });

  it("renders the common words of news by their usual senses, where the dictionary gives one rare sense (call: النداء)", () => {
    const index = indexOf("ووصف بوتين الرئيس الصيني بالصديق العزيز.", "وجه النداء إلى العالم.", "اختتم رحلة استمرت أسبوعا.");
    // The lexicon's order, commonest first, among the senses the briefing holds: وصف before the rarer النداء.
    expect(texts("what did putin call xi", index)).toContain("وصف");
    expect(texts("how long was the trip", index)).toContain("رحله");
  });

  it("renders the words of news the dictionary lacks (expo, cyberattack) and their news sense where it has another (counterpart: نظير)", () => {
    const index = indexOf("افتتح الرئيس المعرض الروسي الصيني.", "تعرضت الوزارة لهجوم إلكتروني واسع.", "التقى بوتين نظيره الصيني.");
    expect(texts("who opened the expo", index)).toContain("معرض");
    expect(texts("was there a cyberattack", index)).toContain("هجوم الكتروني");
    expect(texts("did putin meet his counterpart", index)).toContain("نظير");
  });

  it("reads a phrase of relative time whole (last year: العام الماضي), not as 'last' (آخر مرة) and 'year' apart", () => {
    const index = indexOf("ارتفع حجم التبادل التجاري العام الماضي.", "وفي سياق آخر، يحتاج الرئيس إلى روسيا مرة أخرى.");
    expect(texts("How much trade did Russia and China do last year?", index)).toContain("العام الماضي");
    expect(texts("How much trade did Russia and China do last year?", index)).not.toContain("آخر مرة");
  });

  it("searches a sense the dictionary gives as a verb by the form the briefing holds (agree → اتفق → اتفاق)", async () => {
    const briefing = await Briefing.load({ dir: "seeds", english: { glossary: false } });
    const first = briefing.search("What did the Russian and Chinese diplomats agree on?", { limit: 1 }).hits[0]!;
    expect(first.paragraph.text).toContain("اتفاق كبار الدبلوماسيين");
  });
});
