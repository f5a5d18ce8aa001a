import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import { BRIEFING_MAX_POINTS, SUMMARY_MAX_CHARS } from "../../src/briefing/summary.js";
import { analyze, roots } from "../../src/briefing/arabic.js";
import { queryTerms, RANKING, SearchIndex } from "../../src/briefing/search-index.js";
import { isColloquial, SYNONYM_WEIGHT, synonymsOf } from "../../src/briefing/synonyms.js";
import { nearSlip } from "../../src/briefing/edit-distance.js";
import type { Hit } from "../../src/briefing/types.js";

const briefing = await Briefing.load({ dir: "seeds" });
const top = (q: string, limit = 3) => briefing.search(q, { limit }).hits.map((h) => `${h.article.source.slice(0, 3)}:${h.paragraph.n}`);
/** The words a hit shows in bold (its highlights), as written. */
const marked = (hit: Pick<Hit, "paragraph" | "highlights">) => hit.highlights.map(([a, b]) => hit.paragraph.text.slice(a, b));
/** The first hit a briefing, or an index alone, gives for a question. */
const firstHit = (b: Pick<Briefing | SearchIndex, "search">, q: string) => b.search(q, { limit: 3 }).hits[0];
/** A briefing of one test article: its title, then each paragraph after a blank line. */
const oneArticle = (...paragraphs: string[]) =>
  Briefing.fromArticles([parseArticle("900_test.txt", ["العنوان: مقال للتجربة", ...paragraphs.flatMap((p) => ["", p])].join("\n"))!]);
/** An index of one article per paragraph, so no passage's score is decayed for following another of its article. */
const articlePerParagraph = (paragraphs: readonly string[], ranking: Partial<typeof RANKING> = {}) => {
  const index = new SearchIndex(ranking);
  index.add(paragraphs.map((p, i) => parseArticle(`9${i}0_test.txt`, `العنوان: مقال ${i}\n\n${p}`)!));
  return index;
};

describe("search", () => {
  it("finds a passage however the words are spelled", () => {
    for (const q of ["أوكرانيا كوريا الشمالية جنود", "اوكرانيا كوريا الشماليه جنود", "أُوكْرَانِيَا كُورِيَا الشَّمَالِيَّة جُنُود"]) {
      expect(top(q, 1)).toEqual(["003:7"]);
    }
    expect(top("٢٤٠ مليار", 1)).toEqual(top("240 مليار", 1));
  });

  it("weighs a year the question names above one of its words: the passages holding 1945 answer what 1945 meant", () => {
    const holds1945 = (q: string, limit: number) => briefing.search(q, { limit }).hits.some((h) => h.paragraph.text.includes("1945"));
    expect(holds1945("لماذا عام 1945 مهم في تاريخ العلاقات بين الصين وروسيا؟", 3)).toBe(true);
    expect(holds1945("why does 1945 matter in the history of Russia and China?", 1)).toBe(true);
  });

  it("ranks an exact name above its stemmed relatives", () => {
    const hits = briefing.search("خاربين", { limit: 5 }).hits;
    expect(hits[0]!.paragraph.text).toContain("خاربين");
  });

  it("returns the matched words as highlight ranges", () => {
    const [hit] = briefing.search("قوة سيبيريا", { limit: 1 }).hits;
    const words = marked(hit!);
    expect(words).toEqual(["قوة", "سيبيريا"]);
  });

  it("spreads results across articles", () => {
    const hits = briefing.search("بوتين الصين الزيارة", { limit: 3 }).hits;
    expect(new Set(hits.map((h) => h.article.id)).size).toBeGreaterThanOrEqual(2);
  });

  it("drops near-duplicate passages", () => {
    const text = "أكد الرئيس الروسي أن العلاقات مع الصين في أفضل حالاتها وأن التعاون في مجال الطاقة يتوسع بسرعة كبيرة.";
    const a = parseArticle("dup_a", `عنوان أول\n${text}`)!;
    const b = parseArticle("dup_b", `عنوان ثان\n${text}`)!;
    const small = Briefing.fromArticles([a, b]);
    expect(small.search("التعاون في مجال الطاقة", { limit: 5 }).hits).toHaveLength(1);
  });

  it("pages without repeating passages", () => {
    const first = briefing.search("الصين", { limit: 3, offset: 0 }).hits.map((h) => `${h.article.id}:${h.paragraph.n}`);
    const second = briefing.search("الصين", { limit: 3, offset: 3 }).hits.map((h) => `${h.article.id}:${h.paragraph.n}`);
    expect(second).toHaveLength(3);
    expect(first.filter((x) => second.includes(x))).toEqual([]);
  });

  it("finds nothing, without failing, for stop words, symbols, other scripts and empty input", () => {
    for (const q of ["", "   ", "في من على", "؟؟؟ !!!", "😀🎉", "北京 莫斯科", "<b>&amp;</b>"]) {
      expect(briefing.search(q).hits).toEqual([]);
    }
  });

  it("answers English questions through the glossary", () => {
    expect(queryTerms("Russia's troops").exact).toContain("الجنود");
    expect(top("Power of Siberia pipeline", 1)).toEqual(["003:5"]);
    expect(queryTerms("بوتين")).toEqual(analyze("بوتين"));
  });

  it("reads a word it does not hold as another form of a held word before taking it for a typo", () => {
    const copy = oneArticle(
      "ناقش الوزيران أمر الحدود المشتركة بين البلدين في اجتماع طويل امتد ساعات.",
      "وصل وفد من أمريكا إلى العاصمة لحضور المعرض التجاري السنوي في المدينة.",
      "تابع المراقبون الاجتماع وقالوا إن الحدود كانت محور الحديث طوال اليوم.",
    );
    // أمرين (two matters) is أمر with the dual ending, not a typo for أمريكا; يتابع is the present of تابع.
    expect(copy.search("أمرين", { limit: 1 }).hits[0]!.paragraph.text).toContain("أمر الحدود");
    expect(copy.search("من يتابع الاجتماع", { limit: 1 }).hits[0]!.paragraph.text).toContain("تابع المراقبون");
  });

  it("reads the dual of a noun in ة, which writes it ت (مرتين, سنتين), as the noun, not as a shorter word in it", () => {
    const copy = oneArticle("التقى الرئيسان أكثر من مرة خلال سنة واحدة.", "أصبح التحالف بين البلدين متينا.", "تحدث الرئيس بوتين عن الطاقة.");
    // مرتين is one letter from متين ("strong"), and سنتين ends in تين, which بوتين holds.
    expect(marked(firstHit(copy, "التقيا مرتين")!)).toContain("مرة");
    expect(marked(firstHit(copy, "التقيا مرتين")!)).not.toContain("متينا");
    expect(marked(firstHit(copy, "قبل سنتين")!)).toContain("سنة");
  });

  it("reads an accusative typed without its tanween (سابقا, طرفا) as the word the briefing writes with it", () => {
    const copy = oneArticle("التقى الزعيمان سابقاً في العاصمة.", "قالت الصين إنها ليست طرفًا في النزاع.", "زار الوفد العاصمة لبحث التجارة.");
    const first = (q: string) => copy.search(q, { limit: 1 }).hits[0]?.paragraph.n;
    expect(first("سابقا")).toBe(1);
    expect(first("طرفا")).toBe(2);
    // A word the briefing holds as typed keeps its alef (روسيا is not روسي).
    expect(oneArticle("زار الوفد روسيا.", "قال مسؤول روسي إن الزيارة مهمة.").search("روسيا", { limit: 1 }).hits[0]!.paragraph.n).toBe(1);
  });

  it("reads a word the news list knows by a form of it the briefing holds, before its synonyms (اجتمع as اجتماع)", () => {
    const copy = oneArticle("عقد الوزيران اجتماعاً مطولاً في العاصمة لبحث التجارة.", "التقى الوفدان في المدينة الساحلية لبحث الطاقة.");
    const found = copy.search("اين اجتمع الوزيران", { limit: 2 }).hits.map((h) => h.paragraph.n);
    expect(found[0]).toBe(1);
    // Held in its own form, not only met by a synonym (التقى).
    expect(copy.search("لماذا اجتمع", { limit: 2 }).covered).not.toBe(false);
  });

  it("finds a name written with and behind an attached و (شي, وشي) and weighs it as the name", () => {
    const copy = oneArticle(
      "التقى بوتين وشي في العاصمة لبحث ملف الطاقة.",
      "وقال الوزير إن المحادثات تناولت التجارة والاستثمار.",
      "وأكد شي أن الشراكة بين البلدين تتعمق.",
    );
    const found = (q: string) => copy.search(q, { limit: 5 }).hits.map((h) => h.paragraph.n).sort();
    expect(found("شي")).toEqual([1, 3]);
    expect(found("وشي")).toEqual([1, 3]);
    expect(analyze("وشي").stems).toEqual(["وشي", "شي"]);
  });

  it("meets a weak verb in another number (التقوا, التقيا) as the same verb, not as a typo of another word", () => {
    const copy = oneArticle("التقيا في بكين العام الماضي.", "الصين تقود التجارة العالمية.");
    // تقود is one letter from تقوا too; the verb's dual is what the plural means.
    expect(copy.search("وين التقوا؟", { limit: 3 }).hits.map((h) => h.paragraph.n)).toEqual([1]);
  });

  it("counts a stem once however many of the question's words lead to it (الاقتصاد and الاقتصادي, or an English word rendered twice)", () => {
    const copy = oneArticle("نما الاقتصاد الروسي بسرعة هذا العام.", "تبقى الصين شريكا مهما لروسيا في التجارة.");
    const score = (q: string) => copy.search(q, { limit: 1 }).hits[0]!.score;
    // Two words of the question found in one word of the passage still stand close together: one pair, weighed by
    // its rarer word's rarity (الاقتصاد is in one passage of two).
    const once = score("الاقتصاد") * (1 + RANKING.proximity * (1 - 1 / 2));
    expect(score("الاقتصاد الاقتصادي")).toBeCloseTo(once, 6);
  });

  it("counts a many-word name found whole as one pair of close words, not one for each two of its words", () => {
    // Each passage its own article, so no passage's score is decayed for following another of its article.
    const scores = (paragraphs: string[], q: string) =>
      [{}, { proximity: 0 }].map((ranking) => new Map(articlePerParagraph(paragraphs, ranking).search(q, { limit: 10 }).hits.map((h) => [h.paragraph.text, h.score])));
    // The name is written whole wherever it stands, so its nearness says nothing its match does not: the name is
    // one pair, بوتين beside it another (six pairs made passages that merely name the two outrank the one that
    // counts their meetings, and a "how many" question was then judged beyond the briefing).
    const named = ["أكد بوتين وشي جين بينغ عمق العلاقات.", "بحث بوتين وشي جين بينغ التجارة والطاقة.", "وقع بوتين بيانا مشتركا مع شي جين بينغ.", "ارتفعت التجارة بين البلدين إلى مستوى قياسي."];
    // A pair weighs as much as its rarer word is rare: here every word of the question is in three passages of four.
    const [near, plain] = scores(named, "بوتين وشي جين بينغ");
    expect(near!.get(named[0]!)).toBeCloseTo(plain!.get(named[0]!)! * (1 + 2 * (1 - 3 / 4) * RANKING.proximity), 6);
    // Words the dictionary knows, always side by side, are no name: each two of them still count.
    const trade = ["أصبحت الصين الشريك التجاري الأول لروسيا.", "صارت الهند الشريك التجاري الأول للبرازيل.", "ارتفع التبادل التجاري."];
    // Three pairs: شريك (two passages of three) with تجاري (all three), and each of them with روسيا (one).
    const [close, apart] = scores(trade, "شريك تجاري روسيا");
    expect(close!.get(trade[0]!)).toBeCloseTo(apart!.get(trade[0]!)! * (1 + (1 / 3 + 2 / 3 + 2 / 3) * RANKING.proximity), 6);
    // Nor are words with the article, though an adjective (الاستراتيجي) is no noun of the dictionary.
    const alliance = ["وقع البلدان على الشراكة والتحالف الاستراتيجي.", "أعلن الطرفان التحالف الاستراتيجي الجديد.", "تحدث الوزير عن الشراكة."];
    // Three pairs, each word in two passages of three.
    const [phrase, loose] = scores(alliance, "الشراكة والتحالف الاستراتيجي");
    expect(phrase!.get(alliance[0]!)).toBeCloseTo(loose!.get(alliance[0]!)! * (1 + 3 * (1 / 3) * RANKING.proximity), 6);
  });

  it("counts a paraphrase's words standing together (near synonyms of the question's) as close as the question's own", () => {
    const paragraphs = ["يرى الخبراء أن الاعتماد المفرط يضر بالاقتصاد على المدى البعيد بسبب الاستيراد.", "يقول الخبراء إن الاعتماد يزداد عاما بعد عام بينما يبقى الإنفاق مفرطا منذ سنوات بسبب الاستيراد."];
    const scores = [{}, { proximity: 0 }].map((ranking) => new Map(articlePerParagraph(paragraphs, ranking).search("الاتكال الزائد على الاستيراد", { limit: 10 }).hits.map((h) => [h.paragraph.text, h.score])));
    const [near, plain] = scores;
    // اتكال is found as اعتماد and زائد as مفرط (the news list): side by side, they are one pair.
    expect(near!.get(paragraphs[0]!)).toBeCloseTo(plain!.get(paragraphs[0]!)! * (1 + RANKING.proximity), 6);
    expect(near!.get(paragraphs[1]!)).toBeCloseTo(plain!.get(paragraphs[1]!)!, 6);
    expect([...near!.keys()][0]).toBe(paragraphs[0]);
  });

  it("reads a word the briefing holds in its own form in the briefing's sense first: its dialect reading (صار, Levantine for حدث) counts as a news synonym", () => {
    // The same passage found through the dialect reading alone, in a briefing that holds صار and in one that does not.
    const score = (other: string) => oneArticle("حدث تطور كبير في العلاقات.", other, "تحدث الوزير عن الطاقة.").search("صار", { limit: 3 }).hits.find((h) => h.paragraph.n === 1)!.score;
    const held = score("صار التحالف متينا بعد سنوات.");
    const unheld = score("غدا التحالف متينا بعد سنوات.");
    // Its weight falls from the dialect's to the news list's (the engine's other factors differ a little too).
    expect(held / unheld).toBeLessThanOrEqual(SYNONYM_WEIGHT.news / SYNONYM_WEIGHT.dialect);
  });

  it("weighs a pair of close words by its rarer word: the briefing's subject side by side (الصين وروسيا) does not outrank the year asked for", () => {
    const paragraphs = [
      "وأكد الوزير أهمية المرحلة المقبلة، ودعا إلى تعزيز التعاون بين الصين وروسيا في مواجهة الضغوط.",
      "في عام 1945 هزمت الصين اليابان بمساعدة حاسمة من الاتحاد السوفياتي، وهو ما تذكره روسيا كل عام.",
      "زار وفد من روسيا الصين لبحث التجارة.",
      "تستورد الصين النفط من روسيا بأسعار تفضيلية.",
      "تتبادل روسيا والصين الخبرات في مجال الفضاء.",
    ];
    const index = articlePerParagraph(paragraphs);
    // Every passage holds روسيا and الصين: standing together they say nothing of what is asked.
    expect(firstHit(index, "ما أهمية عام 1945 في تاريخ الصين وروسيا")!.paragraph.text).toBe(paragraphs[1]);
  });

  it("weighs a name of several words as one word: the passage holding the rest of the question outranks those that only name the man", () => {
    const paragraphs = [
      "استقبل الرئيس شي جين بينغ وفدا رسميا في العاصمة.",
      "يحتاج الرئيس الصيني إلى روسيا كثقل موازن في التنافس مع الولايات المتحدة.",
      "التقى شي جين بينغ نظيره في قمة إقليمية.",
      "تحدث شي جين بينغ عن الاقتصاد العالمي.",
      "ناقش الوزراء التجارة والطاقة.",
      "تحتاج روسيا إلى أسواق جديدة للنفط.",
      "تبحث روسيا عن شركاء جدد في آسيا.",
      "أعلنت روسيا خطة لتطوير الموانئ.",
      "وقعت الحكومة اتفاقا للتعاون الزراعي.",
      "افتتح المعرض الدولي للكتاب أبوابه.",
      "ارتفعت أسعار الذهب في الأسواق.",
    ];
    const index = articlePerParagraph(paragraphs);
    // Three words of one name, each as rare as the question's other words, outweighed them three times over.
    expect(firstHit(index, "لماذا يحتاج شي جين بينغ إلى روسيا؟")!.paragraph.text).toBe(paragraphs[1]);
  });

  it("does not take two renderings of one English word, met in one word of a passage, for two words standing close", () => {
    const articles = oneArticle("نما الاقتصاد الروسي بسرعة هذا العام.", "تبقى الصين شريكا مهما لروسيا في التجارة.").articles;
    const score = (ranking: Partial<typeof RANKING>) => {
      const index = new SearchIndex(ranking);
      index.add(articles);
      return index.search("the economy", { limit: 1 }).hits[0]!.score;
    };
    // "economy" is searched as الاقتصاد and الاقتصاديات: both meet الاقتصاد, one word of the passage.
    expect(score({})).toBeCloseTo(score({ proximity: 0 }), 6);
  });

  it("reads words typed as one: two (خلالالزيارة), three after a function word (مادورمنظمة), a two-letter name the briefing writes whole (زارشي), a plural held as its singular (عددمرات)", () => {
    const copy = oneArticle(
      "وقعت اتفاقيات عدة خلال الزيارة.",
      "لمنظمة شنغهاي دور كبير في المنطقة.",
      "زار شي موسكو العام الماضي.",
      "التقى الرئيسان أكثر من 40 مرة.",
      "يشارك الرئيس في القمة.",
    );
    const first = (q: string) => firstHit(copy, q)?.paragraph.n;
    expect(first("ماذا وقع خلالالزيارة")).toBe(1);
    expect(first("مادورمنظمة")).toBe(2);
    expect(marked(copy.search("متى زارشي موسكو", { limit: 1 }).hits[0]!)).toContain("شي");
    expect(first("عددمرات لقاء الرئيسين")).toBe(4);
    // "How many times" with the plural is answered by the count, not judged uncounted.
    expect(copy.answer("كم مرات التقى الرئيسان؟").lead!.text).toContain("40 مرة");
  });

  it("reads the dialects' ع typed onto the next word as 'to' (عبكين, عموسكو), and a participle of going (رايح)", () => {
    const copy = oneArticle("وصل الرئيس إلى بكين صباح الثلاثاء.", "يعرض الجناح منتجات روسية.", "ذهب الوفد إلى موسكو للمحادثات.");
    expect(marked(firstHit(copy, "الرئيس وصل عبكين امتى؟")!)).toContain("بكين");
    expect(firstHit(copy, "مين رايح عموسكو؟")?.paragraph.n).toBe(3);
    expect(analyze("رايح ع بكين").exact).toEqual(["رايح", "بكين"]);
  });

  it("reads a plural verb typed without the alef of its وا (يزورو, بيقولو) as the verb", () => {
    const copy = oneArticle("سيزور الرئيس مدينة خاربين الأسبوع المقبل.", "قال الوزير إن المحادثات كانت مثمرة.", "وقعت الشركات عقودا جديدة.");
    const first = (q: string) => firstHit(copy, q);
    expect(first("وين رح يزورو؟")?.paragraph.n).toBe(1);
    expect(first("شو بيقولو؟")?.paragraph.n).toBe(2);
  });

  it("reads a word typed without its final hamza (رؤسا, وزرا) as the word with it", () => {
    const copy = oneArticle("حضر الرئيس الاجتماع في بكين.", "اجتمع الرئيس مع الوفد في موسكو.", "حضر العرض رؤساء إيران وكوبا وفنزويلا.", "اجتمع وزراء الخارجية في موسكو.");
    for (const [q, n, word] of [["مين الرؤسا اللي حضروا؟", 3, "رؤساء"], ["وين اجتمع الوزرا؟", 4, "وزراء"]] as const) {
      const hit = firstHit(copy, q)!;
      expect(hit.paragraph.n, q).toBe(n);
      // Found by the word, so it is marked for the reader.
      expect(marked(hit), q).toContain(word);
    }
  });

  it("ranks first, for 'when', the passage that holds a date", () => {
    const copy = oneArticle("حضر بوتين العرض العسكري في بكين.", "حضر بوتين العرض العسكري الضخم في بكين في الثالث من سبتمبر.");
    expect(firstHit(copy, "متى حضر بوتين العرض العسكري في بكين؟")?.paragraph.n).toBe(2);
    // Other questions keep the order their words give: the shorter passage holds them more densely.
    expect(firstHit(copy, "هل حضر بوتين العرض العسكري في بكين؟")?.paragraph.n).toBe(1);
  });

  it("meets news words by their near synonyms: condemnation, invasion, prices, ties", () => {
    const copy = oneArticle(
      "أعلنت الحكومة دعمها للمزارعين في الشمال.",
      "أعلنت الحكومة إدانتها للهجوم على الحدود.",
      "تشتري الشركات الغاز من الخارج كل عام.",
      "تستورد الشركات النفط بأسعار مخفضة.",
      "تحافظ الدولتان على التعاون في الطاقة.",
      "تحافظ الدولتان على علاقات سليمة.",
    );
    for (const [q, n] of [["هل شجبت الحكومة الاجتياح؟", 2], ["أثمان الشركات", 4], ["صلات الدولتين", 6]] as const) expect(firstHit(copy, q)?.paragraph.n, q).toBe(n);
  });

  it("reads the dialects' passive اتـ on a past verb as the verb (اتعلنت → أعلن, اتقال → قال), but not a verb of its own (اتفق)", () => {
    const copy = oneArticle("تحدث الرئيس عن الشراكة الشاملة بين البلدين.", "أعلن الرئيسان الشراكة في فبراير 2022.", "قال الوزير إن المحادثات كانت مثمرة.", "وقع اتفاق بين البلدين على التعاون في مارس 2023.");
    for (const [q, n, word] of [["الشراكة اتعلنت امتى؟", 2, "أعلن"], ["ايه اللي اتقال عن المحادثات؟", 3, "قال"], ["امتى اتفقو البلدين؟", 4, "اتفاق"]] as const) {
      const hit = firstHit(copy, q)!;
      expect(hit.paragraph.n, q).toBe(n);
      expect(marked(hit), q).toContain(word);
    }
  });

  it("meets a hollow present verb in the past (يقول as قال), not as a typo of another verb (يقوم)", () => {
    const copy = oneArticle("قال الوزير إن المحادثات كانت مثمرة.", "يقوم الوزير بجولة في المنطقة.");
    expect(copy.search("ماذا يقول الوزير؟", { limit: 3 }).hits.map((h) => h.paragraph.n)[0]).toBe(1);
  });

  it("meets a present verb held only as its verbal noun (تعتمد as اعتماد, ستوقع and يوقعانه as توقيع), but not a noun that looks like one (تقدماً)", () => {
    const copy = oneArticle(
      "يواجه الكرملين خطر الاعتماد المفرط على الصين.",
      "ومن المقرر توقيع اتفاقيات في مجال الطاقة.",
      "تعتمل الأسواق بقلق بعد ارتفاع الأسعار.",
      "شهدت العلاقات تقديم عروض جديدة.",
    );
    const first = (q: string) => firstHit(copy, q)!;
    // تعتمد is one letter from تعتمل: read as a typo, it found the markets.
    expect(first("هل الكرملين تعتمد على الصين؟").paragraph.n).toBe(1);
    const signed = first("ما الاتفاقيات التي ستوقع؟");
    expect(signed.paragraph.n).toBe(2);
    expect(marked(signed)).toContain("توقيع");
    // A dual or plural present verb, with a pronoun too, is read as its verb (يوقعانه, سيوقعون as يوقع).
    for (const q of ["هل يوقعانه خلال الزيارة؟", "هل سيوقعون الاتفاقيات؟"]) expect(marked(first(q))).toContain("توقيع");
    // تقدماً ("progress") is a noun of the dictionary: it is not searched as تقديم ("presenting").
    expect(copy.search("هل حققت العلاقات تقدماً؟", { limit: 3 }).hits.some((h) => marked(h).includes("تقديم"))).toBe(false);
  });

  it("meets a verbal noun held only as its verb (انعقاد as انعقدت, انسحاب as المنسحبة), not as a typo of another word (انتقاد)", () => {
    const copy = oneArticle(
      "انعقدت القمة في مدينة تيانجين الصينية.",
      "وجه الوزير انتقادا حادا للقمة.",
      "ملأت الشركات الصينية الفراغ الذي خلفته الشركات الغربية المنسحبة من السوق.",
    );
    const first = (q: string) => firstHit(copy, q)!;
    expect(first("أين كان انعقاد القمة؟").paragraph.n).toBe(1);
    const left = first("ما سبب انسحاب الشركات؟");
    expect(left.paragraph.n).toBe(3);
    expect(marked(left)).toContain("المنسحبة");
  });

  it("searches a country the briefing names otherwise by the names it holds (أمريكا as الولايات المتحدة, الأمريكية)", () => {
    const copy = oneArticle(
      "تراقب الولايات المتحدة الزيارة عن كثب.",
      "ارتفعت أسعار النفط في الأسواق.",
      "الصحافة الأمريكية تتابع القمة.",
    );
    for (const q of ["شو بدها أمريكا؟", "والصحافة وأمريكا؟"]) {
      const result = copy.search(q, { limit: 3 });
      expect(result.covered, q).not.toBe(false);
      expect(result.hits.map((h) => h.paragraph.n).sort(), q).toEqual([1, 3]);
    }
  });

  it("weighs the root of a question word the briefing lacks in every form more than a held word's root", () => {
    // مصدرو ("the exporters of") is held in no form; التصدير shares its root. The passage holding it gains more over
    // the one without.
    const paragraphs = ["أعلنت الحكومة زيادة التصدير إلى الصين هذا العام.", "أعلنت الحكومة خطة جديدة للنقل هذا العام."];
    const gain = (ranking: Partial<typeof RANKING>) => {
      const [first, second] = articlePerParagraph(paragraphs, ranking).search("الحكومة مصدرو", { limit: 2 }).hits;
      expect(first!.paragraph.text).toBe(paragraphs[0]);
      return first!.score / second!.score;
    };
    expect(RANKING.unheldRoot).toBeGreaterThan(RANKING.root);
    expect(gain({})).toBeGreaterThan(gain({ unheldRoot: RANKING.root }));
  });

  it("gives a present verb with ي the roots of the same verb with ت (يزور and زيارة meet by their root)", () => {
    expect(roots("يزور")).toContain("زير");
    expect(roots("يدعو")).toContain("دعي");
    expect(roots("يزور").some((r) => roots("زياره").includes(r))).toBe(true);
  });

  it("reads a ة written ت before a pronoun as the ة it is, so صورتهما meets تصوير by their root", () => {
    expect(roots("صورتهما").some((r) => roots("لتصوير").includes(r))).toBe(true);
    expect(roots("سياستها").some((r) => roots("سياسة".replace("ة", "ه")).includes(r))).toBe(true);
    const paragraphs = ["يسعى البلدان إلى تصوير أنفسهما كقادة لنظام عالمي بديل.", "يسعى البلدان إلى تعزيز التجارة بينهما."];
    const [first] = articlePerParagraph(paragraphs).search("كيف يقدم البلدان صورتهما؟", { limit: 2 }).hits;
    expect(first!.paragraph.text).toBe(paragraphs[0]);
  });

  it("meets a participle by its verb (محتاج as يحتاج), as readers write it in dialect, and shows the verb in bold", () => {
    const copy = oneArticle(
      "يحتاج الكرملين إلى الصين لشراء المكونات ذات الاستخدام المزدوج لدعم جيشه.",
      "الكرملين يشيد بالصين.",
      "ارتفعت أسعار النفط في الأسواق.",
    );
    const [first] = copy.search("ليش الكرملين محتاج الصين؟", { limit: 3 }).hits;
    expect(first!.paragraph.n).toBe(1);
    expect(marked(first!)).toContain("يحتاج");
  });

  it("meets a present verb in the future and in another number (يلتقوا as سيلتقي), and the future in the past (سيبحث as بحث)", () => {
    const copy = oneArticle(
      "وفي إطار الزيارة سيلتقي الوزيران في العاصمة لبحث التعاون الاقتصادي بين البلدين.",
      "الوزيران يشيدان بالتعاون.",
      "ارتفعت أسعار النفط في الأسواق.",
    );
    // The verb alone is the question: read as a typo, it would be a word the briefing lacks, and "not covered".
    const result = copy.search("وين رح يلتقوا؟", { limit: 3 });
    expect(result.covered).not.toBe(false);
    const [first] = result.hits;
    expect(first!.paragraph.n).toBe(1);
    expect(marked(first!)).toContain("سيلتقي");
    // And the other way: a question in the future meets the past (سيبحث → بحث).
    const back = ["العنوان: مقال للتجربة", "", "بحث الوزيران في العاصمة سبل التعاون الاقتصادي بين البلدين.", "", "ارتفعت أسعار النفط في الأسواق."].join("\n");
    expect(Briefing.fromArticles([parseArticle("901_test.txt", back)!]).search("هل سيبحث؟", { limit: 3 }).hits.map((h) => h.paragraph.n)).toEqual([1]);
  });

  it("reads a capital typed in Arabic as its country too (واشنطن: الولايات المتحدة), but not the capital of the briefing's subject", () => {
    const paragraphs = [
      "تعتبر الولايات المتحدة أن بكين ما زالت تساعد جهود الكرملين الحربية.",
      "زار وفد من الصين العاصمة بكين لبحث التجارة مع روسيا.",
      "تستورد الصين النفط من روسيا بأسعار تفضيلية.",
      "وقال الرئيس الروسي إن بلاده مستعدة للتعاون مع الصين.",
      "عقدت روسيا والصين محادثات في موسكو.",
    ];
    const index = articlePerParagraph(paragraphs);
    expect(firstHit(index, "بماذا تتهم واشنطن بكين؟")!.paragraph.text).toBe(paragraphs[0]);
    // بكين stands for China only where China is not what most passages name: here it is the city.
    const beijing = index.search("ماذا حدث في بكين؟", { limit: 3 }).hits.map((h) => h.paragraph.text);
    expect(beijing.slice(0, 2).sort()).toEqual([paragraphs[0], paragraphs[1]].sort());
  });

  it("meets a past verb with its person ending in the present (اكتسبت as تكتسب) and as its verbal noun (اختبرت as اختبار)", () => {
    const copy = oneArticle("وتكتسب هذه المحادثة أهمية خاصة لتزامنها مع تقارير جديدة.", "ركزت المحادثات على الحرب.", "كانت الضغوط بمثابة اختبار لحدود تلك الشراكة.");
    const first = copy.search("لماذا اكتسبت المحادثة أهمية؟", { limit: 3 }).hits[0]!;
    expect(first.paragraph.n).toBe(1);
    expect(marked(first)).toContain("وتكتسب");
    const tested = copy.search("كيف اختبرت الشراكة؟", { limit: 3 }).hits[0]!;
    expect(tested.paragraph.n).toBe(3);
    expect(marked(tested)).toContain("اختبار");
  });

  it("spreads a typo's weight over the held words equally near it, so they do not outweigh the question's other words", () => {
    const copy = oneArticle(
      "تحتاج روسيا إلى أموال الصين لشراء السلاح.",
      "تشترك روسيا والصين في مناورات.",
      "تشير التقارير إلى توتر بين روسيا والصين.",
    );
    // تشيرك (ي a key from ت) is one letter from تشترك and تشير alike: the passage on buying arms still comes first.
    const words = copy.search("هل تشيرك روسيا والصين في شراء السلاح؟", { limit: 3 });
    expect(words.hits.map((h) => h.paragraph.n)[0]).toBe(1);
    expect(words.hits.flatMap(marked)).toEqual(expect.arrayContaining(["تشترك", "تشير"]));
  });

  it("takes a word the dictionary writes, or the present of a verb it writes, for a word the briefing lacks, not for a typo", () => {
    const copy = oneArticle(
      "تحتاج روسيا إلى أموال الصين لشراء السلاح.",
      "تشترك روسيا والصين في مناورات.",
      "وصفت موسكو العلاقات مع بكين بأنها غير مسبوقة.",
    );
    // تشتري ("buys", the present of اشترى) is one letter from تشترك ("takes part"); وصلت ("reached") from وصفت.
    expect(copy.search("إزاي الصين بتساعد روسيا إنها تشتري سلاح؟", { limit: 3 }).hits.flatMap(marked)).not.toContain("تشترك");
    expect(copy.search("العلاقات وصلت إلى مستوى غير مسبوق", { limit: 3 }).hits.flatMap(marked)).not.toContain("وصفت");
    // Searched as a word the briefing lacks, it still meets the held forms of its root: تكسبه ("gains it") تكتسب.
    const gains = oneArticle("تحتاج روسيا إلى أموال الصين.", "تكتسب الصين نفوذا أكبر في آسيا الوسطى.");
    expect(firstHit(gains, "ماذا تكسبه الصين")!.paragraph.n).toBe(2);
  });

  it("mends a typo by the slips fingers make: a letter left out or a near key, not any letter of a short word", () => {
    const copy = oneArticle("تتضح ملامح المشروع في آسيا.", "تحتاج روسيا إلى أموال الصين.", "تشترك روسيا والصين في مناورات.");
    // تتيحه (stem تتيح) is one letter from تتضح but two from it as typed: not mended.
    expect(copy.search("ماذا تتيحه آسيا", { limit: 3 }).hits.flatMap(marked)).not.toContain("تتضح");
    // روسبا: ب for ي, a neighbouring key of the same shape.
    expect(marked(firstHit(copy, "روسبا والأموال")!)).toContain("روسيا");
    // تشتري for تشترك is a letter for a far one: it counts as two (see the next test).
    expect(nearSlip("روسبا", "روسيا")).toBe(true);
    expect(nearSlip("تشتري", "تشترك")).toBe(false);
    expect(nearSlip("قمه", "فمه")).toBe(true);
    // A letter left out of a short stem, with an ending after it (المسؤلين for المسؤولين: stem مسول for مسوول), is
    // mended, and the word is no name the briefing lacks: "what was their position" is answered.
    const officials = oneArticle("جعل الاعتماد المفرط على الصين المسؤولين الروس غير مرتاحين.", "تحتاج روسيا إلى أموال الصين.");
    expect(marked(firstHit(officials, "المسؤلين الروس")!)).toContain("المسؤولين");
    const position = officials.search("ما موقف المسؤلين الروس من الاعتماد على الصين", { limit: 3 });
    expect(position.covered).not.toBe(false);
    expect(position.hits[0]!.paragraph.n).toBe(1);
  });

  it("takes a noun the dictionary knows for a word the briefing lacks, not for a typo of a word it holds", () => {
    const copy = oneArticle("اتفق الجانبان على التفضيل في أسعار الغاز.", "ناقش الجانبان آليات التعاون في الطاقة.");
    // تفعيل ("activating") is one letter from تفضيل ("preference"): no passage is shown as matching it.
    const bold = copy.search("تفعيل الجانبين", { limit: 3 }).hits.flatMap(marked);
    expect(bold).toContain("الجانبان");
    expect(bold).not.toContain("التفضيل");
    // A typo of a word the briefing holds is still corrected.
    expect(copy.search("التفضييل بين الجانبين", { limit: 1 }).hits[0]!.paragraph.n).toBe(1);
    // Nor is the feminine of a noun or adjective the dictionary knows (المشترية: المشتري "buyer", one letter from
    // المشترك "joint").
    const joint = oneArticle("التنسيق المشترك بين الجانبين في القضايا الدولية.", "الصين أكبر مستورد للنفط والفحم الروسيين.");
    expect(joint.search("الدول المشترية للفحم", { limit: 3 }).hits.flatMap(marked)).not.toContain("المشترك");
  });

  it("searches a word the news synonyms know by its synonym, not as a typo of a held word", () => {
    const copy = oneArticle(
      "تبادل الرئيسان الثناء على جهود التعاون بين البلدين.",
      "تحدثت التقارير عن مدين كبير في أسواق البلدين.",
      "صدر في ختام اللقاء بيان عن الطاقة في البلدين.",
    );
    const first = (q: string) => copy.search(q, { limit: 1 }).hits[0]!.paragraph.n;
    // المديح is one letter from مدين, which the briefing holds; the news list says it means ثناء.
    expect(first("المديح في البلدين")).toBe(1);
    // Synonyms are found through an attached letter: بإعلان is إعلان, which the list puts with بيان.
    expect(first("بإعلان البلدين")).toBe(3);
    // A question met only through a synonym of an unheld word is still not covered.
    expect(copy.search("المديح", { limit: 1 }).covered).toBe(false);
  });

  it("finds a passage through the news vocabulary's near synonyms (استقال: تنحى), above one sharing only the other words", () => {
    const copy = oneArticle("تنحى وزير المالية عن منصبه بعد أشهر من الانتقادات.", "قال وزير المالية إن الميزانية متوازنة هذا العام.");
    expect(copy.search("لماذا استقال وزير المالية؟", { limit: 2 }).hits.map((h) => h.paragraph.n)).toEqual([1, 2]);
  });

  it("searches a word the briefing lacks by the held words the dictionary renders alike (تكاتف → solidarity → تضامن), but not a word it holds", () => {
    const copy = oneArticle("بحث وزيرا البلدين التجارة.", "أعلن وزيرا البلدين التضامن الكامل في مواجهة الأزمة.");
    const found = copy.search("التكاتف بين البلدين", { limit: 2 });
    expect(found.covered).not.toBe(false);
    expect(found.hits.map((h) => h.paragraph.n)).toEqual([2, 1]);
    // Held, تكاتف is searched as itself alone: the pivot's broad senses are for words the briefing lacks.
    const held = oneArticle("اجتمع وزيرا البلدين وأكدا التكاتف بين البلدين.", "أكد وزيرا البلدين التضامن الكامل في مواجهة الأزمة.");
    expect(held.search("التكاتف", { limit: 2 }).hits.map((h) => h.paragraph.n)).toEqual([1]);
  });

  it("searches a colloquial verb's standard verb in the form the briefing holds (بعتوا → أرسل → إرسال)", () => {
    const copy = oneArticle("أعلنت كوريا الشمالية إرسال آلاف الجنود إلى الجبهة.", "زار الوفد العاصمة الروسية.", "بعث الوزير رسالة شكر.");
    const found = copy.search("ليش بيبعتوا؟", { limit: 3 });
    expect(found.covered).not.toBe(false);
    expect(found.hits[0]!.paragraph.n).toBe(1);
  });

  it("passes over compound prepositions (من أجل, في ظل) and the negated يعد (لم تعد), whose second word is a noun or verb elsewhere", () => {
    const copy = oneArticle("أجل الوزير زيارته إلى المنطقة الحدودية.", "قدم الوزير مساعدات كبيرة إلى سكان المنطقة الحدودية.");
    // أجل is "postponed" on its own; after من it only means "for".
    expect(copy.search("ماذا قدم الوزير من أجل المنطقة؟", { limit: 2 }).hits.map((h) => h.paragraph.n)).toEqual([2, 1]);
    expect(copy.search("لماذا أجل الوزير زيارته؟", { limit: 1 }).hits[0]!.paragraph.n).toBe(1);
    // لم تعد is "no longer": تعد is not "prepares" there.
    const since = oneArticle("تعد الحكومة خطة جديدة للطاقة.", "تراجعت أهمية خطة الطاقة بعد الأزمة.");
    expect(since.search("لماذا لم تعد خطة الطاقة مهمة؟", { limit: 1 }).hits[0]!.paragraph.n).toBe(2);
    // Prepositions written as nouns (وفقًا, حسب, حول, ضد, دون) say how, not what: a passage is not found for them.
    const according = oneArticle("وفقًا لما أعلن الطرفان، ستتناول الزيارة قضايا عدة.", "تراجعت العلاقات بين البلدين إلى أدنى مستوياتها.");
    for (const q of ["وفق", "بحسب", "حول", "ضد", "بدون"]) expect(according.search(q, { limit: 2 }).hits).toEqual([]);
    expect(according.search("كيف تدهورت العلاقات وفق التحليل؟", { limit: 1 }).hits[0]!.paragraph.n).toBe(2);
    // "إلى أي حد" and "إلى أي مدى" ask how far: حد is a limit (وضع حدا) and مدى a range only on their own.
    const far = oneArticle("وضع الاتفاق حدا للخلاف على مدى الحدود.", "تراجعت التجارة بين البلدين هذا العام.");
    expect(far.search("إلى أي حد", { limit: 2 }).hits).toEqual([]);
    expect(far.search("الى اي مدى", { limit: 2 }).hits).toEqual([]);
    // في مواجهة is "against": مواجهة is a clash only on its own.
    const facing = oneArticle("وقف البلدان معا في مواجهة الضغوط الغربية.", "التف البلدان على العقوبات الغربية بتجارة جديدة.");
    expect(facing.search("كيف تصرف البلدان في مواجهة العقوبات؟", { limit: 2 }).hits[0]!.paragraph.n).toBe(2);
  });

  it("passes over the words a reader asks the bot with (بدي اعرف، قلي، احكيلي عن، اشرحلي)", () => {
    const copy = oneArticle(
      "قالت الطالبة: أعرف الآن كيف تعمل المختبرات من الداخل.",
      "وتقام المحطات الصينية في مدن إيركوتسك وأوبنينسك على الأراضي الروسية.",
    );
    for (const q of ["بدي اعرف وين رح يركبوا المحطات الصينية بروسيا", "قلي وين المحطات الصينية", "احكيلي عن المحطات الصينية", "اشرحلي موضوع المحطات"]) {
      const hits = copy.search(q, { limit: 3 }).hits;
      expect(hits.map((h) => h.paragraph.n), q).toEqual([2]);
    }
    expect(analyze("بدي اعرف قلي احكيلي خبرني اشرحلي وضحلي").stems).toEqual([]);
  });

  it("searches a colloquial word as its standard word rather than as a typo, and passes over dialect particles", () => {
    const copy = oneArticle(
      "قال الوزير إن البلدين أنفقا مالاً كثيراً على مشروع الطاقة خلال العام.",
      "وصف المراقبون الاجتماع بأنه حدث كبير في تاريخ العلاقات بين البلدين.",
      "يبقى مصير المفاوضات مجهولا.",
    );
    // كتير is Levantine and Egyptian for كثير, one letter from كبير; عشان ("because") says nothing of the subject.
    expect(copy.search("صرفوا كتير عشان الطاقة", { limit: 1 }).hits[0]!.paragraph.text).toContain("مالاً كثيراً");
    expect(copy.search("كتير", { limit: 1 }).hits[0]!.paragraph.text).toContain("مالاً كثيراً");
    expect(copy.search("عشان", { limit: 1 }).hits).toEqual([]);
    // Colloquial words are known by their exact form: بكرة is "tomorrow", but بكر (as in أبو بكر) is a name, and
    // the standard حاجة ("need") is not the colloquial "thing".
    expect(isColloquial("بكره")).toBe(true);
    expect(isColloquial("بكر")).toBe(false);
    expect(isColloquial("حاجه")).toBe(false);
    expect(synonymsOf("بكر").map((s) => s.word)).not.toContain("غدا");
    // A colloquial plural verb is known without the alef of its وا too (شافو as شافوا, "they saw").
    expect(synonymsOf("شافو").map((s) => s.word)).toContain("راي");
    expect(synonymsOf("بيحكو").map((s) => s.word)).toContain("تحدث");
    // The Egyptian هـ and Levantine حـ future of a verb the list gives in the بـ present (هيتكلموا, حيتكلموا: بيتكلموا).
    expect(synonymsOf("هيتكلموا").map((s) => s.word)).toContain("تحدث");
    expect(synonymsOf("حيتكلمو").map((s) => s.word)).toContain("تحدث");
    // Everyday nouns and verbs of the three dialects (the list's third part): سفرية ("trip") رحلة, بيدوروا ("they look
    // for") بحث, the Gulf يسولفون ("they talk") تحدث.
    expect(synonymsOf("سفريه").map((s) => s.word)).toContain("رحله");
    expect(synonymsOf("بيدوروا").map((s) => s.word)).toContain("بحث");
    expect(synonymsOf("يسولفون").map((s) => s.word)).toContain("تحدث");
    // A colloquial word is not read by the thesaurus senses of its standard homograph (تاني "another", not تأنّى).
    expect(synonymsOf("تاني").map((s) => s.word)).toContain("ثاني");
    expect(synonymsOf("تاني").map((s) => s.word)).not.toContain("تمهل");
    // A colloquial word's standard word brings its own near synonyms (بدو → يريد → يسعى).
    expect(synonymsOf("بدو").map((s) => s.word)).toEqual(expect.arrayContaining(["يريد", "يسعي"]));
    // A standard word of the list that is another's colloquial form is read as the standard word first: بقي
    // ("stayed") reaches أصبح (Egyptian بقى, "became") as a news synonym does; بقت, colloquial only, as the dialect does.
    const weightOf = (token: string, word: string) => synonymsOf(token).find((s) => s.word === word)?.weight;
    expect(weightOf("بقي", "اصبح")).toBe(SYNONYM_WEIGHT.news);
    expect(weightOf("بقت", "اصبح")).toBe(SYNONYM_WEIGHT.dialect);
    // A noun with a pronoun on its ة has the noun's synonyms, not itself as one (زيارته: جولة; جاهزيته: استعداد).
    expect(synonymsOf("زيارته").map((s) => s.word)).toEqual(["جوله"]);
    expect(synonymsOf("جاهزيته").map((s) => s.word)).toContain("استعداد");
    // بصير ("it becomes", like كان a verb of state) says nothing of the subject: not a typo of مصير ("fate").
    expect(copy.search("شو بصير بمشروع الطاقة", { limit: 3 }).hits.map((h) => h.paragraph.n)).toEqual([1]);
  });

  it("indexes articles added later without rebuilding", () => {
    const copy = Briefing.fromArticles(briefing.articles.slice(0, 2));
    expect(copy.search("قوة سيبيريا").hits).toEqual([]);
    const added = copy.addArticles(briefing.articles);
    expect(added).toHaveLength(3);
    expect(copy.addArticles(briefing.articles)).toEqual([]);
    expect(copy.search("قوة سيبيريا").hits[0]!.article.source).toMatch(/^003/);
  });
});

describe("answers and summaries", () => {
  it("gives up to 3 key points, each citing a passage of the answer that holds the sentence", () => {
    const answer = briefing.answer("كم بلغ حجم التبادل التجاري بين موسكو وبكين؟");
    expect(answer.lead).toBeDefined();
    expect(answer.keyPoints.length).toBeLessThanOrEqual(3);
    expect(answer.lead!.text).toContain("240 مليار دولار");
    for (const k of [answer.lead!, ...answer.keyPoints]) {
      const cited = answer.citations.find((c) => c.n === k.cite)!;
      const passage = answer.hits.find((h) => h.article.id === cited.articleId && h.paragraph.n === cited.paragraph)!;
      expect(passage.paragraph.text).toContain(k.text.replace(/^…|…$/g, ""));
    }
    expect(answer.citations.map((c) => c.n)).toEqual(answer.hits.map((_, i) => i + 1));
  });

  it("numbers citations on later pages after the earlier ones and gives no key points there", () => {
    const page = briefing.answer("الصين", 3, 3);
    expect(page.citations.map((c) => c.n)).toEqual([4, 5, 6]);
    expect(page.keyPoints).toEqual([]);
  });

  it("summarises one article in reading order, cited, non-redundant, within the length", () => {
    for (const article of briefing.articles) {
      const s = briefing.summary(article);
      expect(s.keyPoints.length).toBeGreaterThan(0);
      expect(s.keyPoints.reduce((n, k) => n + k.text.length, 0)).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
      const paragraphs = s.keyPoints.map((k) => s.citations.find((c) => c.n === k.cite)!.paragraph);
      expect(paragraphs).toEqual([...paragraphs].sort((x, y) => x - y));
      for (const k of s.keyPoints) {
        const c = s.citations.find((x) => x.n === k.cite)!;
        expect(article.paragraphs[c.paragraph - 1]!.text).toContain(k.text.replace(/^…|…$/g, ""));
      }
      expect(new Set(s.keyPoints.map((k) => k.text)).size).toBe(s.keyPoints.length);
    }
  });

  it("summarises the whole briefing with points from several articles", () => {
    const s = briefing.summary();
    expect(new Set(s.citations.map((c) => c.source)).size).toBe(briefing.articles.length);
    expect(s.keyPoints.length).toBeLessThanOrEqual(BRIEFING_MAX_POINTS);
  });
});
