import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cutAtWord, headline, loadArticles, parseArticle, splitSentences, stampDate, type IngestWarning } from "../../src/briefing/ingest.js";
import { relativeDates, withRelativeDates } from "../../src/briefing/relative-dates.js";
import { normalize } from "../../src/briefing/arabic.js";

const articles = await loadArticles("seeds", () => {});
const bySource = (prefix: string) => articles.find((a) => a.source.startsWith(prefix))!;
const allText = (prefix: string) => bySource(prefix).paragraphs.map((p) => p.text).join("\n");
const BOILERPLATE = ["مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اترك تعليقاً", "لن يتم نشر عنوان بريدك", "أ ف ب", "آسياروسيا"];

describe("seed articles", () => {
  it("loads every seed file", () => {
    expect(articles.map((a) => a.source)).toEqual([
      "000_35eaaa3152fb2b1a",
      "001_5f974563870b29f1",
      "002_be64dd4f059e06b2",
      "003_648d491966dff82e",
      "004_03c8d4601ace7d37",
    ]);
  });

  it.each([
    ["000", "يصل الرئيس الروسي فلاديمير بوتين هذا الأسبوع إلى العاصمة الصينية بكين", true, undefined, 6],
    ["001", "بوتين في بكين شراكة استراتيجية تواجه تحديات دولية", false, undefined, 17],
    ["002", "بوتين وشي: التحالف الروسي الصيني ركيزة استقرار عالمي", false, undefined, 5],
    // Cut off in the source file: kept as written.
    ["003", "بوتين يختتم زيارة غير مسبوقة إلى الصين.. أوكرانيا والطاقة في قلب المباحثا", false, undefined, 9],
    ["004", 'أكد الرئيس الروسي فلاديمير بوتين أن العلاقات بين موسكو وبكين ارتقت إلى "مستوى غير مسبوق"', true, "2025-09-02", 10],
  ])("%s: title, date, paragraphs", (prefix, title, derived, date, paragraphs) => {
    const a = bySource(prefix);
    expect(a.title).toBe(title);
    expect(a.titleDerived).toBe(derived);
    expect(a.date).toBe(date);
    expect(a.paragraphs).toHaveLength(paragraphs);
    expect(a.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: paragraphs }, (_, i) => i + 1));
  });

  it.each(["000", "001", "002", "003", "004"])("%s: no boilerplate, captions, headings or date marks left in paragraphs", (prefix) => {
    const text = normalize(allText(prefix));
    for (const b of BOILERPLATE) expect(text).not.toContain(normalize(b));
    expect(text).not.toMatch(/(^|\n)date \d{4}/);
    for (const s of bySource(prefix).sections) if (s.title) expect(allText(prefix).split("\n")).not.toContain(s.title);
  });

  it("keeps kicker, author and section headings as metadata", () => {
    expect(bySource("001").kicker).toBe("آسيا · روسيا");
    expect(bySource("002").kicker).toBe("أخبار العالم");
    expect(bySource("001").author).toBe("أحمد السيد — باحث ببرنامج العلاقات الدولية");
    expect(bySource("003").sections.map((s) => s.title)).toEqual([
      undefined,
      "أوكرانيا على رأس الملفات",
      "الصين.. شريان اقتصادي لروسيا",
      "الطاقة والتعاون العسكري",
      "رمزية العرض العسكري",
      "كوريا الشمالية في المعادلة",
      "واشنطن تترقب",
    ]);
    expect(bySource("003").paragraphs[3]!.section).toBe("الصين.. شريان اقتصادي لروسيا");
  });

  it("separates a sentence glued to the next one and splits sentences", () => {
    const first = bySource("000").paragraphs[0]!;
    expect(first.text).toContain("الثانية. بالنسبة");
    expect(first.sentences).toHaveLength(3);
    expect(first.sentences[0]).toMatch(/الثانية\.$/);
  });

  it("keeps bullet items as paragraphs without the bullet mark", () => {
    const bullets = bySource("001").paragraphs.filter((p) => /^(استمرارية التواصل|تعزيز الشراكة الثنائية):/.test(p.text));
    expect(bullets).toHaveLength(2);
  });

  it("gives every article a stable id of 8 letters and digits", () => {
    const again = parseArticle(articles[0]!.source, "عنوان قصير\nنص الفقرة الأولى طويل بما يكفي ليكون فقرة من المقال وليس عنواناً.");
    expect(again!.id).toBe(articles[0]!.id);
    for (const a of articles) expect(a.id).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });
});

describe("ingestion edge cases", () => {
  it("skips empty and unreadable files with a warning and loads the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mujaz-ingest-"));
    writeFileSync(join(dir, "a.txt"), "عنوان\nهذه فقرة كاملة من مقال تجريبي عن العلاقات بين روسيا والصين وهي كافية.");
    writeFileSync(join(dir, "b.txt"), "   \n\n");
    mkdirSync(join(dir, "c.txt"));
    writeFileSync(join(dir, "notes.md"), "ignored");
    const warnings: IngestWarning[] = [];
    const loaded = await loadArticles(dir, (w) => warnings.push(w));
    expect(loaded.map((a) => a.source)).toEqual(["a"]);
    expect(warnings.map((w) => w.source).sort()).toEqual(["b", "c"]);
  });

  it("derives a missing title from the first sentence: a clean headline ending before a phrase, not inside one", () => {
    const long = "أعلن الكرملين اليوم أن الرئيس الروسي سيزور الصين الأسبوع المقبل في زيارة رسمية تستمر ثلاثة أيام يبحث خلالها ملفات الطاقة والتجارة. وقال المتحدث إن الزيارة مهمة.";
    const a = parseArticle("x", long)!;
    expect(a.titleDerived).toBe(true);
    expect(a.title).toBe("أعلن الكرملين اليوم أن الرئيس الروسي سيزور الصين الأسبوع المقبل");
  });

  it("cuts a headline at the last clause that fits, drops a weekday aside, and leaves no preposition at the end", () => {
    expect(headline("قال الوزير، يوم الخميس، إن المحادثات كانت مثمرة، وإن الجانبين سيلتقيان مجدداً في موسكو خلال الشهر المقبل لبحث ملفات عالقة.", 90)).toBe(
      "قال الوزير إن المحادثات كانت مثمرة، وإن الجانبين سيلتقيان مجدداً",
    );
    const cut = headline("وصل الوفد إلى العاصمة بعد رحلة طويلة استمرت أياماً عديدة عبر الجبال والوديان والسهول الواسعة والمدن الصغيرة في", 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut).not.toMatch(/\s(في|من|إلى|على|عبر)…?$/u);
    expect(headline("عنوان قصير.", 90)).toBe("عنوان قصير");
  });

  it("cuts at word boundaries and splits sentences without breaking numbers", () => {
    expect(cutAtWord("كلمة أولى ثانية ثالثة", 12)).toBe("كلمة أولى…");
    expect(splitSentences("ارتفع النمو إلى 2.5 بالمئة هذا العام. وقال الوزير إن الأرقام مشجعة جداً؟ نعم.")).toEqual([
      "ارتفع النمو إلى 2.5 بالمئة هذا العام.",
      "وقال الوزير إن الأرقام مشجعة جداً؟ نعم.",
    ]);
  });

  it("takes a section name the project does not list for the kicker, not the title, and a headline that asks for the title", () => {
    const body = "وقع البلدان أمس اتفاقية جديدة للتعاون في مجال الفضاء تشمل بناء محطة قمرية مشتركة وإطلاق أقمار ملاحية.";
    for (const [kicker, title] of <Array<[string, string]>>[
      ["علوم وتكنولوجيا", "ماذا يعني اتفاق تشوهاي الفضائي بين موسكو وبكين؟"],
      ["اقتصادطاقة", "مفاوضات \"قوة سيبيريا 2\".. موسكو وبكين تقتربان من تسوية"],
    ]) {
      const a = parseArticle("900_test.txt", `${kicker}\n\n${title}\n\n${body}`)!;
      expect({ kicker: a.kicker, title: a.title, paragraphs: a.paragraphs.map((p) => p.text) }).toEqual({ kicker, title, paragraphs: [body] });
    }
    // A short headline over its article is still its title.
    expect(parseArticle("900_test.txt", `قمة الفضاء\n\n${body}`)!.title).toBe("قمة الفضاء");
  });

  it("reads the date of a dateline or a stamp of publication and keeps it out of the text and the title", () => {
    const body = "قال البنك المركزي الروسي، اليوم الثلاثاء، إن حصة اليوان والروبل في التسويات بلغت 95 في المئة.";
    for (const [stamp, date] of <Array<[string, string]>>[
      ["موسكو – 21 أكتوبر 2025", "2025-10-21"],
      ["آخر تحديث: 16 مايو 2026 - 14:35", "2026-05-16"],
      ["نشر في 03/02/2025", "2025-02-03"],
      ["الثلاثاء ٢١ تشرين الأول ٢٠٢٥", "2025-10-21"],
      ["Published: 2025-10-21 09:00 GMT", "2025-10-21"],
    ]) {
      expect(stampDate(stamp), stamp).toBe(date);
      const a = parseArticle("900_test.txt", `المركزي الروسي: حصة اليوان تبلغ 95 في المئة\n${stamp}\n${body}`)!;
      expect({ title: a.title, date: a.date, paragraphs: a.paragraphs.length }, stamp).toEqual({ title: "المركزي الروسي: حصة اليوان تبلغ 95 في المئة", date, paragraphs: 1 });
    }
    // A sentence that holds a date is text.
    for (const line of ["وقعت الاتفاقية في 21 أكتوبر 2025 بحضور وزيري خارجية البلدين وعدد من كبار المسؤولين في العاصمة الصينية", "21 أكتوبر", "2025"]) expect(stampDate(line), line).toBeUndefined();
  });

  it("drops a stamp of how long ago the page was published, and a link to another article with its headline, and goes on", () => {
    const body = ["افتتحت في مدينة قازان الدورة السادسة من مهرجان الأفلام الروسية الصينية بمشاركة 46 فيلماً من البلدين.", "وتعرض الأفلام على مدى سبعة أيام في خمس صالات سينمائية وساحة مفتوحة على ضفاف النهر."];
    const a = parseArticle("900_test.txt", ["قازان تحتضن مهرجان الأفلام الروسية الصينية", "منذ 3 ساعات", body[0], "اقرأ أيضاً:", "الصين أكبر مصدّر للسيارات في العالم للعام الثالث", body[1]].join("\n"))!;
    expect({ title: a.title, paragraphs: a.paragraphs.map((p) => p.text) }).toEqual({ title: "قازان تحتضن مهرجان الأفلام الروسية الصينية", paragraphs: body });
    expect(parseArticle("900_test.txt", ["قازان تحتضن المهرجان", "قبل ساعتين", body[0]].join("\n"))!.paragraphs.map((p) => p.text)).toEqual([body[0]]);
  });

  it("takes a short line that asks, above prose, for a sub-heading (ما الذي ينتظر السوق؟)", () => {
    const prose = "يتوقع المحللون أن تستقر حصة العلامات الصينية عند نحو نصف السوق بنهاية العام الجاري مع تراجع الواردات.";
    const a = parseArticle("900_test.txt", ["عنوان الخبر التجريبي عن سوق السيارات", "بلغ إجمالي مبيعات السيارات الجديدة في روسيا منذ بداية العام نحو 452 ألف سيارة.", "ما الذي ينتظر السوق؟", prose].join("\n"))!;
    expect(a.paragraphs.map((p) => [p.section, p.text])).toEqual([
      [undefined, "بلغ إجمالي مبيعات السيارات الجديدة في روسيا منذ بداية العام نحو 452 ألف سيارة."],
      ["ما الذي ينتظر السوق؟", prose],
    ]);
  });

  it("drops a caption credited to the archive (… - أرشيفية)", () => {
    const a = parseArticle("900_test.txt", "عنوان الخبر التجريبي عن الغاز\nعمال في محطة ضغط تابعة لخط \"قوة سيبيريا\" في إقليم أمور - أرشيفية\nقال مسؤولون إن المفاوضات حول سعر الغاز تقدمت كثيرا خلال الجولة الأخيرة في شنغهاي.")!;
    expect(a.paragraphs.map((p) => p.text)).toEqual(["قال مسؤولون إن المفاوضات حول سعر الغاز تقدمت كثيرا خلال الجولة الأخيرة في شنغهاي."]);
  });

  it("keeps a byline as the author, not as a heading over the article, with the title above it", () => {
    const body = ["طالبت السلطات الروسية في إقليم خاباروفسك، يوم الاثنين، الجانب الصيني بتقديم بيانات مفصلة عن المنشآت الصناعية.", "وقال وزير الموارد الطبيعية في الإقليم إن العينات أظهرت تركيزاً مرتفعاً من الفينول."];
    for (const [byline, author] of [
      ["كتب: دميتري سوكولوف - خاباروفسك", "دميتري سوكولوف - خاباروفسك"],
      ["كتبت: ليلى حداد", "ليلى حداد"],
      ["بقلم فاطمة علي", "فاطمة علي"],
      ["By Anna Petrova", "Anna Petrova"],
    ]) {
      const a = parseArticle("900_test.txt", ["بيئة", "تلوث في نهر آمور يثير خلافاً بين خاباروفسك وهيلونغجيانغ", byline, ...body].join("\n"))!;
      expect({ title: a.title, author: a.author, sections: a.sections.map((s) => s.title), paragraphs: a.paragraphs.map((p) => p.text) }, byline).toEqual({
        title: "تلوث في نهر آمور يثير خلافاً بين خاباروفسك وهيلونغجيانغ",
        author,
        sections: [undefined],
        paragraphs: body,
      });
    }
    // A sentence that opens with "كتب" is text.
    const wrote = "كتب الرئيس الصيني مقالاً في صحيفة روسية عن العلاقات بين البلدين.";
    expect(parseArticle("900_test.txt", `عنوان الخبر التجريبي عن المقال\n${wrote}`)!.paragraphs.map((p) => p.text)).toEqual([wrote]);
  });

  it("drops a caption whose credit is in brackets, a link with its headline on one line, and a stamp after a place and a colon", () => {
    const body = ["أعلنت شركة روسية وأخرى صينية تأسيس مشروع مشترك لإنتاج أدوية الأورام في مدينة كالوغا.", "وتبلغ قيمة الاستثمارات نحو 18 مليار روبل على مدى خمس سنوات."];
    const a = parseArticle("900_test.txt", [
      "مشروع روسي صيني مشترك لإنتاج الأدوية في كالوغا",
      "بكين - آخر تحديث: 22 أبريل 2025",
      body[0],
      "خط تعبئة في أحد مصانع الأدوية بالمنطقة الصناعية في كالوغا (أرشيفية)",
      "اقرأ أيضاً: روسيا تسجل أول لقاح صيني للإنفلونزا الموسمية",
      "غلاف تقرير \"شراكة بلا توازن\" (صورة من الموقع الرسمي للمركز)",
      body[1],
    ].join("\n"))!;
    expect({ title: a.title, date: a.date, paragraphs: a.paragraphs.map((p) => p.text) }).toEqual({ title: "مشروع روسي صيني مشترك لإنتاج الأدوية في كالوغا", date: "2025-04-22", paragraphs: body });
  });

  it("derives a title without the dateline's place or the time of day", () => {
    const lead = "فلاديفوستوك - أنهت اللجنة الروسية الصينية المشتركة لمصايد الأسماك، مساء الثلاثاء، دورتها الثالثة والثلاثين في المدينة، بتوقيع بروتوكول يحدد حصص الصيد للعام المقبل وعدد السفن المسموح لها بالعمل.";
    const a = parseArticle("900_test.txt", `${lead}\nوبحسب البيان الختامي، سيسمح لخمس عشرة سفينة صينية بالعمل في المنطقة.`)!;
    expect(a.title).toBe("أنهت اللجنة الروسية الصينية المشتركة لمصايد الأسماك دورتها الثالثة والثلاثين في المدينة");
    // The text keeps its dateline.
    expect(a.paragraphs[0]!.text).toBe(lead);
  });

  it("returns nothing for a file of boilerplate only", () => {
    expect(parseArticle("x", "مقالات ذات صلة\nزر الذهاب إلى الأعلى")).toBeUndefined();
  });
});

describe("relative dates", () => {
  it("gives the day a relative date means in a dated article, in the paragraph text", () => {
    const text = allText("004");
    expect(text).toContain("اليوم الثلاثاء (2 سبتمبر 2025)");
    expect(text).toContain("أمس الاثنين (1 سبتمبر 2025)");
    expect(text).toContain("غدا الأربعاء (3 سبتمبر 2025)");
    // Undated: "يوم الأربعاء" in 002 stays as written.
    expect(allText("002")).toContain("يوم الأربعاء،");
  });

  it("returns the spans with their ISO dates, and resolves only a weekday that agrees with the date", () => {
    const text = "قال أمسِ الاثنين إن اللقاء سيعقد غداً الأربعاء.";
    const spans = relativeDates(text, "2025-09-02");
    expect(spans.map((s) => [s.text, s.isoDate])).toEqual([
      ["أمسِ الاثنين", "2025-09-01"],
      ["غداً الأربعاء", "2025-09-03"],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(relativeDates("وصل اليوم الجمعة", "2025-09-02")).toEqual([]);
    expect(withRelativeDates("يصل غدا الأربعاء", "2024-12-31")).toBe("يصل غدا الأربعاء (1 يناير 2025)");
  });
});
