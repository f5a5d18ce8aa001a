import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import { nameSkeleton } from "../../src/briefing/entities.js";
import { countedWords } from "../../src/briefing/question.js";

const briefing = await Briefing.load({ dir: "seeds" });

/** The question gets no passages, only "not covered", and the reply names the term the briefing lacks. */
function expectNotCoveredNaming(q: string, named: string): void {
  const result = briefing.search(q, { limit: 3 });
  expect(result.covered, q).toBe(false);
  expect(result.hits, q).toEqual([]);
  expect(result.missing, q).toContainEqual({ kind: "term", value: named });
}

/** The question is answered: passages, not "not covered". */
function expectAnswered(q: string): void {
  const result = briefing.search(q, { limit: 3 });
  expect(result.covered, q).not.toBe(false);
  expect(result.hits.length, q).toBeGreaterThan(0);
}

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

  it("answers a question bounded by a year it never names ('since 2013'), and not one that asks only about the year", () => {
    const bounded = briefing.answer("كم مرة التقى الرئيسان منذ ٢٠١٣؟");
    expect(bounded.covered).not.toBe(false);
    expect(bounded.lead!.text).toContain("أكثر من 40 مرة");
    for (const q of ["ماذا حدث منذ 2013؟", "ما حجم التجارة بين البلدين في 2013؟"]) expect(briefing.search(q, { limit: 3 }).covered, q).toBe(false);
  });

  it("says so when not one word of the question is in the briefing, with no passages that only look alike", () => {
    const result = briefing.search("yuan ruble", { limit: 5 });
    expect(result.covered).toBe(false);
    expect(result.hits).toEqual([]);
  });

  it("says so for a country or currency the briefing never names, in Arabic or English, with prepositions attached", () => {
    for (const q of ["ماذا قال الرئيس الفرنسي عن زيارة بوتين؟", "ما موقف الحكومة الهندية من القمة؟", "ما موقف الهند من قمة شنغهاي في تيانجين؟", "شو قالت البرازيل عن زيارة بوتين لبكين", "هل دعمت روسيا للهند في الحرب؟", "What did Brazil say about Putin's visit to Beijing?", "كم سعر الين الياباني مقابل الروبل", "What is the yuan worth in rubles?"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.hits, q).toEqual([]);
    }
  });

  it("answers a question naming countries the briefing does name, and does not take ordinary words for names", () => {
    // كبير is not ك + بير (the birr); "won" is not the Korean won; اليابان and the European Union are in the briefing.
    for (const q of ["هل حققت العلاقات الاقتصادية تقدما كبيرا؟", "كيف تغير موقف اليابان من الصين والاتحاد الأوروبي؟", "What has China won from Russia's isolation?", "What did Japan do in 1945?"]) expectAnswered(q);
  });

  it("says so for an international organization the briefing never names, as the question typed it", () => {
    expectNotCoveredNaming("What did NATO say about the military parade?", "NATO");
    expectNotCoveredNaming("شو رأي الاتحاد الأفريقي بالشراكة الروسية الصينية؟", "الاتحاد الأفريقي");
    expectNotCoveredNaming("ماذا قال حلف الناتو عن العرض العسكري في بكين؟", "حلف الناتو");
    expectNotCoveredNaming("How did the G7 react to the Power of Siberia 2 pipeline?", "G7");
  });

  it("says so for a public figure the briefing never names, in any position of the question, as typed", () => {
    expectNotCoveredNaming("هل زار ماكرون بكين هذا العام؟", "ماكرون");
    expectNotCoveredNaming("did modi attend the parade in beijing", "modi");
    expectNotCoveredNaming("هل التقى بوتين لي تشيانغ خلال زيارته؟", "لي تشيانغ");
  });

  it("says so for a figure of economy or society the briefing never gives, named whole as typed", () => {
    expectNotCoveredNaming("What is the population of Harbin?", "population");
    expectNotCoveredNaming("What is the inflation rate in Russia?", "inflation rate");
    expectNotCoveredNaming("كيف تفاعلت البورصة الروسية مع زيارة بوتين؟", "البورصة");
    // Its words in a row, not each somewhere: the briefing has السوق (the market) and وأسهم (contributed).
    expectNotCoveredNaming("كيف تفاعلت سوق الأسهم الروسية مع زيارة بوتين؟", "سوق الأسهم");
    // Not a word that also says something else: the temperature of relations is how warm they are.
    expectAnswered("What is the temperature of relations between Moscow and Beijing?");
  });

  it("says so for a month the briefing never names as a date, by any of its names, and answers one it does", () => {
    expectNotCoveredNaming("What did Putin do in Beijing in April 2025?", "April");
    expectNotCoveredNaming("ماذا فعل بوتين في بكين في شهر أيار؟", "أيار");
    // September is written سبتمبر in the briefing: أيلول is the same month; مارس here is a verb ("exerted").
    for (const q of ["ماذا جرى في بكين في أيلول؟", "أي ضغوط مارس الغرب على الصين؟", "When did the war in Ukraine break out, in February 2022?"]) expectAnswered(q);
  });

  it("answers a question naming a public figure the briefing names (Trump), and does not take an ordinary word for a name (رئيسي)", () => {
    for (const q of ["ماذا يريد فريق ترامب من موسكو؟", "What does Trump's team want from Moscow?", "ما الملف الرئيسي في محادثات بوتين وشي؟"]) expectAnswered(q);
  });

  it("answers a question naming an organization the briefing names, and does not take a name's word for one (Kim Jong Un)", () => {
    // A body of one (the UN's Security Council) names it, and a name is not also read inside a longer one.
    for (const q of ["ما دور مجلس الأمن في التنسيق بين موسكو وبكين؟", "What role does the UN Security Council play for Moscow and Beijing?", "What did the UN say about the war in Ukraine?", "What did Xi call for at the SCO summit?", "What is Moscow seeking from its BRICS partners?", "How did Kim Jong Un's presence at the parade help China?", "من حل محل الاتحاد الأوروبي كأكبر شريك تجاري لروسيا؟"]) expectAnswered(q);
  });

  it("keeps answering questions whose figures and words the briefing holds", () => {
    for (const q of ["كم بلغ حجم التبادل التجاري بين روسيا والصين؟", "حروب الأفيون وهزيمة اليابان عام ١٩٤٥", "متى اندلعت الحرب في أوكرانيا 2022"]) expectAnswered(q);
  });

  it("says so when a 'how many' question counts a thing no passage names, in Arabic or English", () => {
    for (const [q, named] of [["قديش صاروخ عرضوا بالعرض العسكري ببكين؟", "صاروخ"], ["كم صاروخا عرضت الصين في العرض؟", "صاروخا"], ["ما عدد الدبابات في العرض العسكري؟", "الدبابات"], ["How many missiles were shown at the Beijing parade?", "missiles"]] as const) {
      expectNotCoveredNaming(q, named);
    }
    // In English the thing counted is the last of its naming words (Chinese is said of the tourists), and a verb
    // after them (visited, though "visit" is a noun too) is not one of them; the reply does not claim the briefing
    // mentions them without a number when no passage names them at all.
    expectNotCoveredNaming("How many Chinese tourists visited Russia last year?", "Chinese tourists");
    expectNotCoveredNaming("كم عدد السياح الصينيين الذين زاروا روسيا العام الماضي؟", "السياح");
    // A verb between the cue and "number" does not hide what is counted.
    expectNotCoveredNaming("كم يبلغ عدد سكان مدينة خاربين الصينية؟", "سكان");
    // Soldiers are counted in the briefing (thousands sent by North Korea), but none killed: a count of the thing
    // that does not say what the question says of it is not the count asked for.
    expectNotCoveredNaming("كم عدد الجنود الروس الذين قتلوا في الحرب الأوكرانية حتى الآن؟", "قتلوا");
    // Nor by a sentence that says it in another clause than the count ("مشاركة كيم في الاحتفالات…، مقابل إرسال
    // آلاف الجنود"): soldiers sent are not soldiers who took part.
    expectNotCoveredNaming("كم عدد الجنود الذين شاركوا في العرض العسكري في ساحة تيانانمن؟", "شاركوا");
    expectNotCoveredNaming("How many Russian soldiers were killed in Ukraine?", "killed");
    expectNotCoveredNaming("How many soldiers marched in the Tiananmen parade?", "marched");
  });

  it("says so when a capitalized word names what the briefing lacks (Alaska, the White House), but not for a title of news or a people", () => {
    expectNotCoveredNaming("What did the Kremlin say about Alaska?", "Alaska");
    // Named whole, with the capitalized words around it.
    expectNotCoveredNaming("Did the White House comment on the visit?", "White House");
    // Premier is a common word of news (رئيس الوزراء), Korean an adjective of a country the briefing names (كوري).
    for (const q of ["Did Putin meet the Chinese Premier?", "How many North Korean troops were sent?"]) expect(briefing.search(q).covered, q).not.toBe(false);
  });

  it("says so when a figure is asked in a unit of measure the briefing never uses, and names the unit", () => {
    // The briefing names the Power of Siberia 2 pipeline and Russian oil, but gives no length, volume or tonnage.
    for (const [q, named] of [["كم يبلغ طول خط أنابيب قوة سيبيريا-2 بالكيلومترات؟", "الكيلومترات"], ["كم برميل نفط تستورد الصين من روسيا يوميا؟", "برميل"], ["How many cubic meters of gas will Power of Siberia 2 carry?", "cubic meters"]] as const) {
      expectNotCoveredNaming(q, named);
    }
    // A unit of two words is named whole, once; a question of another kind asks a figure too when it names the
    // unit to give it in ("in billion cubic meters", بالكيلومترات).
    expect(briefing.search("How many cubic meters of gas will Power of Siberia 2 carry?").missing).toEqual([{ kind: "term", value: "cubic meters" }]);
    for (const [q, named] of [["What is the planned capacity of the Power of Siberia 2 pipeline in billion cubic meters?", "cubic meters"], ["ما قدرة خط قوة سيبيريا 2 بالمليار متر مكعب؟", "متر مكعب"], ["ما طول خط أنابيب قوة سيبيريا 2 بالكيلومترات؟", "الكيلومترات"]] as const) {
      expectNotCoveredNaming(q, named);
    }
    // Once for each word, though برميل is both the counted thing and the unit.
    expect(briefing.search("كم برميل نفط تستورد الصين من روسيا يوميا؟").missing).toEqual([{ kind: "term", value: "برميل" }]);
  });

  it("says so when a percentage is asked and no passage states one, but answers once one does", () => {
    // The briefing gives trade in dollars and oil at preferential prices, never a share in hundredths.
    for (const [q, named] of [["كم بالمئة من تجارة روسيا مع الصين تتم بالروبل واليوان؟", "بالمئة"], ["ما النسبة المئوية لواردات الصين من النفط الروسي؟", "المئوية"], ["What discount percentage does China get on Russian oil?", "percentage"]] as const) {
      expectNotCoveredNaming(q, named);
    }
    // Named once, as typed: بالمئة is both what "كم" counts and the unit.
    expect(briefing.search("كم بالمئة من تجارة روسيا مع الصين تتم بالروبل واليوان؟").missing!.filter((m) => m.value.includes("مئة"))).toEqual([{ kind: "term", value: "بالمئة" }]);
    // "With regard to" (بالنسبة) is no percentage; a question without the word is judged as before.
    expect(briefing.search("ما أهمية الذكرى بالنسبة للصين؟").covered).not.toBe(false);
    for (const stated of ["ارتفعت واردات الصين من النفط الروسي بنسبة 20% خلال العام.", "ارتفعت واردات الصين من النفط الروسي بنسبة ٢٠ في المئة خلال العام."]) {
      const text = `عنوان المقال التجريبي عن النفط\n${stated}`;
      const withShare = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
      expect(withShare.search("ما النسبة المئوية لارتفاع واردات الصين من النفط الروسي؟").covered, stated).not.toBe(false);
    }
  });

  it("says so when asked about the next event and the briefing speaks of no later one, but answers once it does", () => {
    for (const [q, named] of [["متى وأين ستنعقد القمة المقبلة لمنظمة شنغهاي؟", "المقبلة"], ["When will Xi next visit Moscow?", "next"], ["امتى شي رايح موسكو المرة القادمة؟", "القادمة"], ["وين رح تنعقد القمة الجاية؟", "الجاية"]] as const) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing, q).toEqual([{ kind: "later", value: named }]);
    }
    // "Next to" is beside, not the next event.
    expect(briefing.search("Why did Putin sit next to Xi at the parade?", { limit: 3 }).covered).not.toBe(false);
    const text = "عنوان المقال التجريبي عن القمة\nتعقد منظمة شنغهاي للتعاون قمتها المقبلة في موسكو في أكتوبر.";
    const later = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(later.search("متى وأين ستنعقد القمة المقبلة لمنظمة شنغهاي؟").covered).not.toBe(false);
  });

  it("says so when a 'how many' question counts two things and the briefing names only one", () => {
    // Troops (جنود) are in the briefing; tanks and officers are not.
    for (const [q, named] of [["How many troops and tanks took part in the military parade?", "tanks"], ["كم عدد الجنود والدبابات في العرض العسكري؟", "الدبابات"]] as const) {
      expectNotCoveredNaming(q, named);
    }
  });

  it("says so when asked what someone said whom the briefing never names, in any form, and names them", () => {
    for (const [q, named] of [["ماذا قال لافروف؟", "لافروف"], ["وكيف ردت ميركل على القمة؟", "ميركل"], ["شو بيحكي نتنياهو عن الصين؟", "نتنياهو"], ["ما موقف أردوغان من زيارة بوتين؟", "أردوغان"]] as const) {
      expectNotCoveredNaming(q, named);
    }
  });

  it("says so when a title of office names someone the briefing never names, and answers titles it does", () => {
    for (const [q, named] of [["هل رافق وزير الخارجية الروسي لافروف بوتين إلى بكين؟", "لافروف"], ["وزير الدفاع شويغو كان مع بوتين؟", "شويغو"], ["هل زار المستشار شولتس الصين؟", "شولتس"]] as const) {
      expectNotCoveredNaming(q, named);
    }
    // An office without a name, with a name the briefing holds (also as typed in dialect), or with a verb after it.
    // A word with the article after a title is a noun of the sentence, not a name (الرئيس الصيني للاستناد…).
    for (const q of ["هل يحتاج الرئيس الصيني للاستناد إلى روسيا؟", "هل التقى بوتين رئيس مجلس الدولة الصيني؟", "الزعيم الكوري كيم حضر العرض؟", "شو قال المتحدث باسم الخارجية وانغ وين؟", "الرئيس الصيني اتصل ببوتين؟", "هل وزير الخارجية الصيني رحب بالزيارة؟"]) {
      expect(briefing.search(q, { limit: 3 }).covered, q).not.toBe(false);
    }
  });

  it("says so when asked who holds a title the briefing never uses, and answers who holds one it does", () => {
    // The briefing has no minister at all: it names no one by the title, whatever else of the question it holds.
    expectNotCoveredNaming("من هو وزير الخارجية الروسي الذي رافق بوتين إلى بكين؟", "وزير الخارجية الروسي");
    expectNotCoveredNaming("مين السفير الصيني في موسكو؟", "السفير الصيني");
    for (const q of ["من هو زعيم كوريا الشمالية؟", "مين المتحدث باسم الخارجية الصينية؟", "من هو الرئيس الصيني؟"]) {
      expect(briefing.search(q, { limit: 3 }).covered, q).not.toBe(false);
    }
    // In English by any of the dictionary's words for the title: spokesperson is الناطق, held as المتحدث.
    expectNotCoveredNaming("Who is China's current ambassador to Russia?", "ambassador");
    for (const q of ["Who is the Chinese president?", "who is the spokesperson of the chinese foreign ministry"]) {
      expect(briefing.search(q, { limit: 3 }).covered, q).not.toBe(false);
    }
  });

  it("says so when asked the name of whom a title names and no passage gives a name after that title", () => {
    for (const q of ["ما اسم رئيس مجلس الدولة الصيني؟", "مين هو رئيس مجلس الدولة الصيني اللي رح يلتقيه بوتين؟ شو اسمه", "شو اسم وزير الخارجية الصيني؟"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing?.map((m) => m.kind), q).toEqual(["name"]);
    }
    // Passages that give the name after the title (الرئيس الصيني شي جين بينغ; المتحدث باسم وزارة الخارجية الصينية،
    // وانغ وين), and "اسم" as an ordinary noun.
    // A governor, a mayor or a consul is named after the title as a minister is.
    const text = "عنوان المقال التجريبي عن المصنع\nوقعت شركتان روسية وصينية اتفاق إنشاء مصنع للأدوية في مدينة كالوغا، خلال مراسم حضرها حاكم المنطقة ونائب وزير الصناعة.\nوقال عمدة المدينة فلاديمير بيتروف إن المصنع سيوفر 600 فرصة عمل.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.search("ما اسم حاكم منطقة كالوغا الذي حضر التوقيع؟", { limit: 3 }).missing?.map((m) => m.kind)).toEqual(["name"]);
    expect(small.search("ما اسم عمدة المدينة؟", { limit: 3 }).covered).not.toBe(false);
    for (const q of ["ما اسم الرئيس الصيني؟", "شو اسم المتحدث باسم الخارجية الصينية؟", "الرئيس الروسي شو اسمه؟", "ما اسم زعيم كوريا الشمالية؟", "كيف قال الرئيس الصيني إن اسم الشراكة تغير؟"]) {
      expect(briefing.search(q, { limit: 3 }).covered, q).not.toBe(false);
    }
  });

  it("says so when asked what a country said and no passage found reports it saying anything", () => {
    // The briefing names Japan only as the party defeated in 1945 and the one the Soviet Union declared war on.
    for (const q of ["What did Japan's government say about the Beijing military parade?", "how did japan react to the parade", "ماذا قالت اليابان عن العرض العسكري؟", "ماذا قال رئيس الوزراء الياباني عن العرض؟", "ماذا قال وزير الخارجية الياباني عن العرض؟", "ماذا قالت وزارة الخارجية اليابانية؟"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing, q).toEqual([{ kind: "said", value: "JP" }]);
    }
    // Countries it reports speaking (أكد الرئيس الروسي, الصين نفت), and a subject that is a spokesperson, not the country.
    for (const q of ["What did China say about the war in Ukraine?", "What did Russia say about relations with China?", "ماذا قالت الصين عن الحرب في أوكرانيا؟", "What did Chinese foreign ministry spokesperson Wang Wen say about Putin's visit?", "ما موقف اليابان من العرض؟", "لماذا وُصفت زيارة بوتين الأخيرة للصين بأنها غير مسبوقة؟", "كيف ردت الحكومة الصينية على الاتهامات؟", "ماذا قال وزير الخارجية الصيني عن الزيارة؟", "متى أعلنت روسيا الحرب على اليابان؟"]) {
      expect(briefing.search(q, { limit: 3 }).covered, q).not.toBe(false);
    }
    // A "why" question asks a cause, which a passage gives without the country speaking (the parade marks Japan's
    // surrender), though its verb (ترى) is one of saying; a "when" question asks a date (أعلنت الحرب: declared war).
    expect(briefing.search("لماذا لا ترى اليابان في العرض العسكري مجرد احتفال؟", { limit: 3 }).covered).not.toBe(false);
  });

  it("answers what a country said when its capital speaks for it, in a passage of the story asked about that shares little else with the question, and counts the ships of a new article; says so for Cuba, which the briefing lists but never has speak", () => {
    const text = [
      "عنوان المقال التجريبي عن المناورات",
      "انطلقت في المياه القريبة من مدينة فلاديفوستوك مناورات بحرية مشتركة بين روسيا والصين تستمر خمسة أيام بمشاركة 12 سفينة حربية.",
      "وتشارك في التدريبات مدمرات وفرقاطات وسفن إمداد من البلدين، وتشمل رمايات حية ودوريات مشتركة في المحيط.",
      "وأعربت طوكيو عن قلق بالغ إزاء تكثيف النشاط العسكري قرب سواحلها.",
    ].join("\n");
    // Another story, where Washington speaks of something else.
    const other = "عنوان المقال التجريبي عن الممر القطبي\nوقعت روسيا والصين اتفاقية للشحن عبر الممر القطبي الشمالي بخمس سفن حاويات جديدة.\nوفي العواصم الغربية، قوبلت الاتفاقية بقلق واضح، إذ ترى واشنطن أن الممر يمنح بكين موطئ قدم في المنطقة.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!, parseArticle("901_test.txt", other)!]);
    expect(small.search("ماذا قالت الولايات المتحدة عن المناورات البحرية؟", { limit: 3 }).missing).toEqual([{ kind: "said", value: "US" }]);
    expect(small.search("ماذا قالت الولايات المتحدة عن الممر القطبي؟", { limit: 3 }).covered).not.toBe(false);
    for (const q of ["ماذا قالت اليابان عن المناورات البحرية؟", "What did Japan say about the naval exercise?"]) {
      const result = small.search(q, { limit: 3 });
      expect(result.covered, q).not.toBe(false);
      // Among the first passages shown, though it holds none of the question's words but Japan's capital.
      expect(result.hits.slice(0, 2).map((h) => h.paragraph.text), q).toContain("وأعربت طوكيو عن قلق بالغ إزاء تكثيف النشاط العسكري قرب سواحلها.");
    }
    // A count of what English names before its verb: ships, not "take part".
    for (const q of ["How many warships take part in the naval drills?", "How many ships take part in the exercise?"]) expect(small.search(q, { limit: 3 }).covered, q).not.toBe(false);
    expect(countedWords("How many warships take part in the naval drills?").map((w) => w.word)).toEqual(["warships"]);
    expect(countedWords("How many North Korean troops were sent?").map((w) => w.word)).toEqual(["north", "korean", "troops"]);
    // The seeds list Cuba's president among the parade's guests, beside a passive "وُصفت بـ…" that is no saying of Cuba's.
    expect(briefing.search("What did the Cuban president say during the Beijing military parade?", { limit: 3 }).missing).toEqual([{ kind: "said", value: "CU" }]);
  });

  it("takes a country for named when the briefing spells its name or its capital's with other long vowels (بيشكك, بيشكيك)", () => {
    const text = "عنوان المقال التجريبي عن الاجتماع\nاختتم وزراء خارجية منظمة شنغهاي للتعاون اجتماعهم السنوي في العاصمة بيشكيك، وقال لافروف إن المنظمة أصبحت منصة حقيقية.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    for (const q of ["What did Lavrov say in Bishkek?", "ماذا قال لافروف في قرغيزستان؟"]) expect(small.search(q, { limit: 3 }).covered, q).not.toBe(false);
    expect(nameSkeleton("بيشكك")).toBe(nameSkeleton("بيشكيك"));
    expect(nameSkeleton("قيرغيزستان")).toBe(nameSkeleton("قرغيزستان"));
    // Not a country it never names, however near its spelling.
    expect(small.search("ماذا قال لافروف في كازاخستان؟", { limit: 3 }).covered).toBe(false);
  });

  it("answers what someone said when the briefing names them, also misspelt, run together or after a title", () => {
    // بوتن is one letter from بوتين; "ماذا قال الرئيس" asks after a title, and الحكومة is an ordinary word (the
    // briefing may speak of China's government as بكين): neither is a name to judge. التقاير is التقارير less a
    // letter: the article is not counted in the typo.
    for (const q of ["ماذا قال بوتين عن الصين؟", "ماذا قال بوتن؟", "ماذا تقول التقاير الامريكية عن دور الصين؟", "شو حكى شي عن روسيا؟", "كيف رد ترامب على الزيارة؟", "ماذا قال الرئيس الصيني؟", "ما موقف الصين من الحرب؟", "ما موقف الحكومة الصينية من الحرب؟"]) expectAnswered(q);
  });

  it("answers a 'how many' question about what the briefing names, or whose next word is a verb or a measure", () => {
    // North Korean troops and soldiers (جنود) are in the briefing; جنديا is the counted form of جندي. A verb before
    // the measure (كم وصل حجم) counts nothing, though وصل is also a noun ("receipt").
    for (const q of ["كم مرة التقى الرئيسان؟", "كم عدد الجنود الذين أرسلتهم كوريا الشمالية؟", "كم عدد اللقاءات التي جمعت الرئيسين الروسي والصيني خلال فترات حكمه؟", "كم مليار دولار حجم التبادل التجاري؟", "How many billion dollars is the trade worth?", "How many times and where did Putin and Xi meet?", "كم جنديا أرسلت كوريا الشمالية؟", "How many North Korean troops were sent?", "كم استمرت زيارة بوتين إلى الصين؟", "كم حجم التبادل التجاري؟", "How many times have Putin and Xi met?", "كم وصل حجم التجارة بين روسيا والصين؟", "كم بلغت قيمة التبادل التجاري؟"]) expectAnswered(q);
  });

  it("says so when a 'how many' question's thing is named but no passage it would show counts it", () => {
    // The briefing speaks of Chinese cars filling the Russian market, but gives no number of them.
    for (const q of ["كم سيارة صينية بيعت في روسيا؟", "How many Chinese cars were sold in Russia?"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing?.map((m) => m.kind), q).toEqual(["count"]);
    }
    // The thing counted is the noun and the words that qualify it, not the verb after it.
    expect(briefing.search("How many countries took part in the parade?", { limit: 3 }).missing?.find((m) => m.kind === "count")?.value).toBe("countries");
  });

  it("answers a 'how many' question from the passage of its story that counts the thing, however little else it shares, or that gives 'the number of' it later in the clause", () => {
    const text = [
      "عنوان المقال التجريبي عن معرض الشاي",
      "افتتح متحف التاريخ الحكومي في موسكو معرض \"طريق الشاي العظيم\" الذي يضم قطعاً أثرية معارة من متحف القصر في بكين.",
      "ويتتبع معرض \"طريق الشاي العظيم\" في متحف موسكو تاريخ تجارة الشاي عبر بلدة كياختا، حيث كانت القوافل تنقل الشاي إلى موسكو.",
      "ويعرض القسم الأول من معرض طريق الشاي العظيم أواني الشاي الخزفية التي صنعت في الصين لتجار موسكو.",
      "وفي القسم الثاني من معرض طريق الشاي العظيم لوحات تصور قوافل الشاي وهي تعبر سيبيريا في طريقها إلى موسكو.",
      "وقالت المشرفة على معرض طريق الشاي العظيم في متحف موسكو إن الشاي كان السلعة الأولى في تجارة موسكو.",
      "ويخصص متحف موسكو في معرض طريق الشاي العظيم ركنا لطقوس شرب الشاي، مع عروض حية كل يوم سبت.",
      "وحدد المتحف سعر التذكرة بـ800 روبل، ويتوقع القائمون عليه أن يستقبل أكثر من 300 ألف زائر.",
      "وقالت الشركة المنظمة إن عدد طلبات الحجز المسبقة من المدارس والجامعات الروسية بلغ حتى الآن 120 مجموعة.",
    ].join("\n");
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    for (const q of ["How many visitors does the Great Tea Road exhibition at the Moscow museum expect?", "كم زائر يتوقع معرض طريق الشاي العظيم في متحف موسكو؟"]) {
      const result = small.search(q, { limit: 3 });
      expect(result.covered, q).not.toBe(false);
      expect(result.hits.map((h) => h.paragraph.n), q).toContain(7);
    }
    expect(small.search("كم طلب حجز وصل من المدارس؟", { limit: 3 }).hits.map((h) => h.paragraph.n)).toEqual([8]);
    // Not a count of what the story never counts.
    expect(small.search("كم قطعة أثرية يضم معرض الشاي في موسكو؟", { limit: 3 }).missing?.map((m) => m.kind)).toEqual(["count"]);
  });

  it("does not read a name it never mentions as words typed together (مادورو is not ما دور), nor part of it as a question word", () => {
    for (const q of ["ماذا قال مادورو عن الزيارة؟", "ماذا قال اينشتاين؟"]) expect(briefing.search(q, { limit: 3 }).covered, q).toBe(false);
  });

  it("says so when a price is asked and no passage states an amount of money beside what it is asked of", () => {
    // The one amount in the briefing, 240 billion dollars of trade, stands in another clause than the gas and oil.
    // So is money or an investment asked "how much" of, and a value asked with كم or "how much" (not with ما alone:
    // "ما قيمة هذه الزيارة" may ask what the visit is worth to someone).
    for (const q of ["How much will the Power of Siberia 2 pipeline cost?", "كم تكلفة خط قوة سيبيريا 2؟", "How much funding did China give the Power of Siberia 2 pipeline?", "كم التمويل الصيني لخط قوة سيبيريا 2؟", "ما هو سعر النفط الروسي؟", "What is the price of Russian gas in Europe?", "How much money has China invested in Russian infrastructure?", "كم بلغت قيمة صفقة الغاز عبر خط قوة سيبيريا 2؟", "How much is the gas deal worth?"]) {
      const result = briefing.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing?.some((m) => m.kind === "price"), q).toBe(true);
    }
    // An amount in the clause the question asks of answers it; "at what prices" is answered in words.
    for (const q of ["كم كلفة التبادل التجاري بين روسيا والصين؟", "بأي أسعار تستورد بكين الطاقة من روسيا؟", "How much money is the trade between Russia and China worth?", "كم قيمة التبادل التجاري بين روسيا والصين؟", "ما قيمة هذه الزيارة بالنسبة للصين؟"]) expectAnswered(q);
  });

  it("answers a 'how many' question whose thing the briefing names in other words the dictionary leads to (انتهاك → violation → مخالفة)", () => {
    const text = "عنوان المقال التجريبي عن الصيد\nاتفق الطرفان على تسيير دوريات مشتركة في نهر آمور، بعدما سجلت السلطات الروسية العام الماضي أكثر من 300 مخالفة لقواعد الصيد على ضفتها.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    const result = small.search("كم انتهاكاً سجلته السلطات الروسية في العام الماضي؟", { limit: 3 });
    expect(result.covered).not.toBe(false);
    expect(result.hits).toHaveLength(1);
    // Not a thing it names in no words at all.
    expect(small.search("كم دبابة أرسلت روسيا إلى الحدود؟", { limit: 3 }).covered).toBe(false);
  });

  it("says so when a 'when' or 'how long' question finds no passage holding a date or a span of time, and answers once one does", () => {
    const text = "عنوان المقال التجريبي عن التلفريك\nيربط التلفريك العابر للحدود وسط مدينتي هيهي وبلاغوفيشتشينسك فوق نهر آمور، وسينقل نحو مليون راكب.\nويقول القائمون على التلفريك إنه فريد من نوعه.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    for (const q of ["متى سيبدأ تشغيل التلفريك بين هيهي وبلاغوفيشتشينسك؟", "كم مدة رحلة التلفريك فوق نهر آمور؟"]) {
      const result = small.search(q, { limit: 3 });
      expect(result.covered, q).toBe(false);
      expect(result.missing?.map((m) => m.kind), q).toEqual(["date"]);
    }
    const dated = Briefing.fromArticles([parseArticle("900_test.txt", `${text}\nومن المنتظر أن يبدأ تشغيل التلفريك في العام المقبل، بعد تأجيل دام عامين.`)!]);
    for (const q of ["متى سيبدأ تشغيل التلفريك بين هيهي وبلاغوفيشتشينسك؟", "كم دام تأجيل التلفريك؟"]) expect(dated.search(q, { limit: 3 }).covered, q).not.toBe(false);
  });

  it("shows the passage that states the price asked among the first, though others hold more of the question's words", () => {
    const text = [
      "عنوان المقال التجريبي عن معرض الشاي",
      "افتتح متحف التاريخ الحكومي في موسكو معرض \"طريق الشاي العظيم\" الذي يضم قطعاً أثرية معارة من متحف القصر في بكين.",
      "وتباع تذاكر معرض طريق الشاي العظيم في متحف موسكو عبر موقع المتحف وفي شبابيك التذاكر عند المدخل.",
      "ويمكن لحاملي تذكرة معرض طريق الشاي العظيم زيارة قاعات متحف موسكو الأخرى في اليوم نفسه.",
      "وتشمل تذكرة معرض طريق الشاي العظيم في متحف موسكو جولة مع مرشد يتحدث الصينية.",
      "وتتيح تذكرة معرض طريق الشاي العظيم في متحف موسكو حضور عرض طقوس الشاي الصينية كل يوم سبت.",
      "وتصدر تذكرة معرض طريق الشاي العظيم في متحف موسكو باللغتين الروسية والصينية.",
      "وحدد المتحف سعر التذكرة بـ800 روبل، مع دخول مجاني لمن هم دون 18 عاماً يوم الأربعاء من كل أسبوع، ويتوقع القائمون عليه أن يستقبل المعرض أكثر من 300 ألف زائر، بعدما شهد المتحف إقبالاً كبيراً على معارضه الآسيوية في السنوات الأخيرة، ولا سيما معرض الخزف الياباني الذي استقبل العام الماضي ما يزيد على ربع مليون زائر خلال ثلاثة أشهر.",
    ].join("\n");
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    const hits = small.search("ايش سعر تذكرة معرض طريق الشاي العظيم في متحف موسكو؟", { limit: 3 }).hits;
    expect(hits.map((h) => h.paragraph.n)).toContain(7);
  });

  it("says so for an English name that renders as no word of the briefing, and not for names it holds", () => {
    const zelensky = briefing.search("How did Zelensky react to the Putin Xi meeting in Beijing?", { limit: 3 });
    expect(zelensky.covered).toBe(false);
    expect(zelensky.missing).toContainEqual({ kind: "term", value: "Zelensky" });
    // A name that fits an ordinary word of the briefing only with a vowel left out is not that word: Modi is no
    // مدى ("extent"), which would be مودي.
    const modi = briefing.search("Did Modi meet Putin on the sidelines of the summit in Tianjin?", { limit: 3 });
    expect(modi.covered).toBe(false);
    expect(modi.missing).toContainEqual({ kind: "term", value: "Modi" });
    // Typed in lower case, as in chat, when it is whom a "what did X say" question asks about.
    const erdogan = briefing.search("what did erdogan say at the sco summit in tianjin", { limit: 3 });
    expect(erdogan.covered).toBe(false);
    expect(erdogan.missing).toContainEqual({ kind: "term", value: "erdogan" });
    // Wenbin renders as no single word (وين بين), but stands beside Wang.
    for (const q of ["What did spokesman Wang Wenbin say?", "How did Kim Jong Un help Russia?", "Why did Putin visit Harbin?", "What happened in Tiananmen Square?", "What did Donald Trump say about Russia and China?", "what did putin say about xi", "what did kim say at the parade", "what did trump say about the visit"]) expectAnswered(q);
  });
});
