import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerMarks, CLAUSE_TAIL, closeQuotes, LEAD_MAX_CHARS } from "../../src/briefing/answer.js";
import { Briefing } from "../../src/briefing/briefing.js";
import { parseArticle } from "../../src/briefing/ingest.js";
import { chatterKind } from "../../src/briefing/chatter.js";
import { focusWords, followUpQuery, splitFocus, typed } from "../../src/briefing/follow-up.js";
import { analyze, stemCandidates } from "../../src/briefing/arabic.js";
import { restates, stemBag, trimDangling } from "../../src/briefing/key-points.js";
import { answerEvidence, askedPerson, asksTwoThings, countedWord, priceWord, questionType, speakerOf, speakerWord, statesAmount, titleAdjectives } from "../../src/briefing/question.js";
import { highlightRanges, queryTerms, SearchIndex } from "../../src/briefing/search-index.js";
import { evenMarks, snippetWindow } from "../../src/briefing/snippet.js";
import { QUESTIONS } from "./questions.js";

const briefing = await Briefing.load({ dir: "seeds" });
const index = new SearchIndex();
index.add(briefing.articles);
const article = (prefix: string) => briefing.articles.find((a) => a.source.startsWith(prefix))!;

describe("question type", () => {
  it.each([
    ["كم بلغ حجم التبادل التجاري؟", "quantity"],
    ["قديش كان صرلها الشراكة؟", "quantity"],
    ["How many times did they meet?", "quantity"],
    // "What" followed by a measure asks for a quantity, in dialect and English too.
    ["شو حجم التجارة بين البلدين؟", "quantity"],
    ["ما هو عدد الجنود؟", "quantity"],
    ["What is the value of the deal?", "quantity"],
    ["how big is russia china trade", "quantity"],
    ["متى زار شي موسكو؟", "time"],
    ["امتى قال شي إن الصين مش طرف؟", "time"],
    ["في أي يوم انعقدت القمة؟", "time"],
    ["When did the Soviet Union declare war on Japan?", "time"],
    // "Which month" and "which year" are answered by a month's name or a year, not by any date word.
    // "How long" asks for a unit of time with its count, whatever unit the question names.
    ["كم يوم بقي بوتين في الصين؟", "duration"],
    ["قديش طولت الزيارة؟", "duration"],
    ["ما مدة الزيارة؟", "duration"],
    ["How long did the visit last?", "duration"],
    ["How many days did Putin stay?", "duration"],
    ["كم مرة التقى الرئيسان؟", "quantity"],
    ["في أي شهر اندلعت الحرب؟", "month"],
    ["في أي يوم من أيام الأسبوع أقيم العرض؟", "weekday"],
    ["What day of the week is the parade?", "weekday"],
    ["In which year did Japan surrender?", "year"],
    ["في أي سنة أعلنت الشراكة؟", "year"],
    ["من نشر مقاطع الفيديو؟", "person"],
    ["مين حضر العرض؟", "person"],
    ["أي زعماء حضروا العرض؟", "person"],
    ["Which leaders attended the parade?", "person"],
    ["وين التقوا بوتين وشي؟", "place"],
    ["Where was the summit held?", "place"],
    ["ليش بيربطوا الزيارة بفلسطين؟", "reason"],
    ["إزاي الصين بتساعد روسيا؟", "manner"],
    ["هل الصين طرف في الحرب؟", "yesno"],
    ["شو قال بوتين؟", "what"],
    // "من" later in a question is the preposition "from", not "who".
    ["ما الدعم الذي يقدمه الغرب من خلال العقوبات؟", "what"],
    ["روسيا والصين", "other"],
    // A question word typed joined to the next word is read apart; words that only begin like one are not.
    ["متىوصل بوتين الى بكين", "time"],
    ["لماذاتعتمد روسيا على الصين", "reason"],
    ["ماهوموقف الصين", "what"],
    ["كمية الغاز الروسي", "other"],
    ["امتيازات الشركات الروسية في الصين", "other"],
    ["كيفيات التعاون بين البلدين", "other"],
    ["وينبغي على روسيا ماذا", "other"],
    // A "what" question ending on a word of value asks for a quantity.
    ["What's the trade between Russia and China worth?", "quantity"],
    // The dialects ask where the answer would stand; a verb of lasting (قعد: stayed) before قديش asks how long.
    ["الزيارة استمرت قديش؟", "duration"],
    ["بوتين قعد قديش بالصين؟", "duration"],
    ["هو بوتين قعد في الصين قد ايه؟", "duration"],
    ["بوتين وشي اتقابلوا فين؟", "place"],
    ["الشراكة بلا حدود اتعلنت امتى؟", "time"],
    ["العرض العسكري حضره مين؟", "person"],
    // How long something took (استغرق) or goes on (تستمر) asks a duration, as استمرت does.
    ["كم استغرقت زيارة بوتين للصين؟", "duration"],
    ["كم تستمر الزيارة؟", "duration"],
    // A question word after what the question opens with, set off by a comma.
    ["بحسب الخبر المؤرخ في 2 سبتمبر، متى عقدت القمة؟", "time"],
    ["According to the article, how much is the trade worth?", "quantity"],
    ["روسيا والصين، شراكة بلا حدود", "other"],
  ])("%s → %s", (q, type) => {
    expect(questionType(q)).toBe(type);
  });
});

describe("what a 'how many' or a price question asks for", () => {
  it("finds the counted noun after the cue or after 'number', and none after a measure or a number", () => {
    const counted = (q: string) => countedWord(q)?.typed;
    expect(counted("قديش صاروخ عرضوا بالعرض العسكري؟")).toBe("صاروخ");
    expect(counted("وكم جنديا أرسلت كوريا؟")).toBe("جنديا");
    expect(counted("ما هو عدد الدبابات؟")).toBe("الدبابات");
    expect(counted("How many missiles were shown?")).toBe("missiles");
    expect(counted("What is the number of troops?")).toBe("troops");
    // A verb between the cue and "number" (كم يبلغ عدد): what follows the number is counted.
    expect(counted("كم يبلغ عدد سكان مدينة خاربين؟")).toBe("سكان");
    expect(counted("كم بلغ عدد الجنود؟")).toBe("الجنود");
    // A verb after كم is returned for the index to judge; a measure, a unit of time or a verb of lasting (a
    // duration), a number or a function word is no counted noun.
    expect(counted("كم التقى الرئيسان؟")).toBe("التقى");
    for (const q of ["كم حجم التجارة؟", "كم حصة العلامات الصينية من السوق؟", "What share of the market do Chinese brands hold?", "كم استمرت الزيارة؟", "كم ساعة استمر اللقاء؟", "كم كلفة الخط؟", "عدد من الدول دعمت روسيا", "كم 2022", "شو قال بوتين؟"]) expect(counted(q), q).toBeUndefined();
  });

  it("finds whom a 'what did X say' question asks about: the word after a speech verb near its start", () => {
    const speaker = (q: string) => speakerWord(q)?.typed;
    expect(speaker("ماذا قال لافروف عن الزيارة؟")).toBe("لافروف");
    expect(speaker("وكيف ردّت ميركل؟")).toBe("ميركل");
    expect(speaker("شو بيحكي ماكرون؟")).toBe("ماكرون");
    expect(speaker("ما موقف الهند؟")).toBe("الهند");
    // No speech verb near the start, or a function word or a number after it: no one to judge.
    for (const q of ["متى وصلت الطائرة إلى بكين وقال المسؤولون", "كم حجم التجارة؟", "ماذا قال عن الصين؟", "قال 2022"]) expect(speaker(q), q).toBeUndefined();
  });

  it("knows the person a 'what did X say' question asks about, the titles a text gives them, and who speaks in a sentence", () => {
    expect(askedPerson("شو قال بوتين عن الصين؟")).toEqual(["بوتين"]);
    expect(askedPerson("What did Xi Jinping say about Russia?")).toEqual(["xi", "jinping"]);
    // A country or its office is judged as one (askedSpeakerCountries); an ordinary word is no person; a cause is no saying.
    for (const q of ["ماذا قالت اليابان عن العرض؟", "ماذا قال الرئيس الصيني عن روسيا؟", "ماذا قال التقرير عن التجارة؟", "لماذا قال بوتين ذلك؟"]) expect(askedPerson(q), q).toBeUndefined();
    const putin = new Set(stemCandidates("بوتين"));
    expect(titleAdjectives("وصف الرئيس الروسي فلاديمير بوتين التحالف بأنه عامل استقرار", putin)).toEqual(["روسي"]);
    // Not past a function word: the Russian leader is not Xi.
    expect(titleAdjectives("يضغط الزعيم الروسي على الرئيس شي للحصول على الدعم", new Set(["شي"]))).toEqual([]);
    const russian = new Set(["روسي"]);
    expect(speakerOf("وقال بوتين إن التعاون يمضي قدما", putin, russian)).toBe("asked");
    expect(speakerOf("أكد الرئيس الروسي، اليوم الثلاثاء، أن العلاقات ارتقت", putin, russian)).toBe("asked");
    expect(speakerOf("قال الرئيس الصيني إن العلاقات صمدت", putin, russian)).toBe("other");
    expect(speakerOf("ورد شي بالمثل في ختام اللقاء", putin, russian)).toBe("other");
    expect(speakerOf("وقال إن المحادثات كانت مثمرة مع بوتين في الختام", putin, russian)).toBeUndefined();
    expect(speakerOf("وتربط البلدين علاقات متينة", putin, russian)).toBeUndefined();
  });

  it("reads a price asked for, and an amount of money stated by a currency beside a number", () => {
    expect(priceWord("ما هو سعر النفط الروسي؟")).toBe("سعر");
    expect(priceWord("وكم الأسعار اليوم")).toBe("الاسعار");
    expect(priceWord("How much will the pipeline cost?")).toBe("cost");
    expect(priceWord("كم حجم التجارة؟")).toBeUndefined();
    for (const t of ["ارتفع إلى أكثر من 240 مليار دولار", "بسعر 60 دولارا للبرميل", "بـ10 دولارات", "مقابل 20 ألف روبل", "400 billion dollars"]) expect(statesAmount(t), t).toBe(true);
    // A currency with no number, or a number with no currency, is no amount.
    for (const t of ["بأسعار تفضيلية بالروبل", "التقى الرئيسان أكثر من 40 مرة", "تعزيز التبادل بالعملات الوطنية"]) expect(statesAmount(t), t).toBe(false);
  });
});

describe("where a sentence holds the answer asked for", () => {
  const shown = (type: Parameters<typeof answerEvidence>[0], text: string) => answerEvidence(type, text).map(([s, e]) => text.slice(s, e));
  it("leads a question on what someone said with the words quoted, not only with who spoke and where", () => {
    for (const q of ["ماذا قال بوتين في بداية المباحثات مع شي؟", "What did Putin say at the start of the talks with Xi?"]) {
      expect(briefing.answer(q).lead!.text, q).toContain("لقد كنا معا على الدوام");
    }
    // A verb of saying anywhere in the question asks for words said: what Putin blamed Washington for, the order Xi
    // called for, are what they are quoted on.
    expect(briefing.answer("What did Putin blame Washington for at the Shanghai summit?").lead!.text).toContain("إشعال فتيل الحرب");
    expect(briefing.answer("What kind of order did Xi call for at the SCO summit?").lead!.text).toContain("قائم على العدالة");
  });

  it("takes a figure with the words that lead into it, but not those words alone", () => {
    expect(shown("quantity", "ارتفع التبادل إلى أكثر من 240 مليار دولار")).toEqual(["أكثر من 240 مليار دولار"]);
    expect(shown("quantity", "استمرت نحو أسبوع وشارك فيها نحو ثلاثة آلاف")).toEqual(["نحو ثلاثة آلاف"]);
    // نحو is also "towards", and كميات ("quantities") is not ك + مئات.
    expect(shown("quantity", "دفع موسكو نحو وقف القتال واستيراد كميات ضخمة")).toEqual([]);
  });

  it("does not take the day or year of a date for an amount (2 سبتمبر 2025, عام 1945)", () => {
    expect(shown("quantity", "أكد بوتين، اليوم الثلاثاء (2 سبتمبر 2025)، أن البلدين التقيا أكثر من 40 مرة")).toEqual(["أكثر من 40 مرة"]);
    expect(shown("quantity", "منذ هزيمة اليابان عام 1945 وحتى فبراير 2022 أرسلت آلاف الجنود")).toEqual(["آلاف"]);
  });

  it("takes a unit of time with its count for 'how long', not a unit that dates (يوم الأربعاء, العام الماضي)", () => {
    expect(shown("duration", "اختتم بوتين زيارة استمرت نحو أسبوع كامل، في تحرك نادر")).toEqual(["نحو أسبوع كامل"]);
    expect(shown("duration", "استمرت المحادثات ثلاث ساعات بعد عامين من الإعلان، وعلى مدى عدة أيام")).toEqual(["ثلاث ساعات", "عامين", "عدة أيام"]);
    expect(shown("duration", "وصف بوتين، يوم الأربعاء، التحالف الذي تعزز في العام الماضي وخلال عام 2022")).toEqual([]);
  });

  it("takes a title for 'who', in the plural too (ورؤساء إيران, القادة)", () => {
    expect(shown("person", "حضر العرض زعيم كوريا الشمالية ورؤساء إيران وكوبا")).toEqual(["زعيم", "ورؤساء"]);
    expect(shown("person", "اجتمع القادة والوزراء في العاصمة")).toEqual(["القادة والوزراء"]);
  });

  it("takes only a month's name for 'which month', and only a year for 'which year'", () => {
    const text = "تقارب البلدان منذ مطلع عام 2022، وأعلنا الشراكة في فبراير 2022 قبل أيام من الحرب";
    expect(shown("time", text)).toEqual(["مطلع عام 2022", "فبراير 2022", "أيام"]);
    expect(shown("month", text)).toEqual(["فبراير"]);
    expect(shown("year", text)).toEqual(["2022", "2022"]);
    // "Which day of the week" by a weekday's name alone, not by the date beside it.
    expect(shown("weekday", "يشارك الرئيسان غدا الأربعاء (3 سبتمبر 2025) في العرض")).toEqual(["الأربعاء"]);
  });
});

describe("answers", () => {
  it("counts a name of several words (شي جين بينغ) once in choosing the lead, as the search does", () => {
    expect(index.nameShares("هل شي جين بينغ طرف في الأزمة؟").get("جين")).toBeCloseTo(1 / 3);
    // The sentence naming Xi in full, beside the crisis, does not outweigh the one that answers.
    expect(briefing.answer("هل شي جين بينغ طرف في الأزمة؟").lead!.text).toContain("ليست طرفًا في الأزمة");
  });

  it("leads a 'how many' question with the sentence that counts what is asked, not one holding another figure", () => {
    const text = [
      "عنوان المقال التجريبي عن معرض الشاي",
      "افتتح متحف التاريخ الحكومي في موسكو معرض \"طريق الشاي العظيم\" الذي يضم 186 قطعة أثرية معارة من متحف القصر في بكين.",
      "ويتتبع معرض طريق الشاي العظيم في موسكو تاريخ تجارة الشاي عبر بلدة كياختا، حيث كانت القوافل تنقل الشاي إلى موسكو.",
      "وحدد المتحف سعر التذكرة بـ800 روبل، ويتوقع القائمون عليه أن يستقبل المعرض أكثر من 300 ألف زائر.",
    ].join("\n");
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    for (const q of ["كم زائر يتوقع معرض طريق الشاي العظيم في موسكو؟", "How many visitors does the tea exhibition in Moscow expect?"]) expect(small.answer(q).lead!.text, q).toContain("300 ألف زائر");
    expect(small.answer("كم قطعة أثرية يضم معرض طريق الشاي العظيم؟").lead!.text).toContain("186 قطعة");
  });

  it("does not lead with who spoke and when, without what they said", () => {
    const text = "عنوان المقال التجريبي عن المحادثات\nأكد وزير الخارجية الروسي سيرغي لافروف، يوم الثلاثاء (2 سبتمبر 2025)، أن المحادثات كانت مثمرة. وتناولت المحادثات ملفات عدة.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("متى تحدث وزير الخارجية الروسي عن المحادثات؟").lead!.text).toBe("أكد وزير الخارجية الروسي سيرغي لافروف، يوم الثلاثاء (2 سبتمبر 2025)، أن المحادثات كانت مثمرة");
  });

  it("counts for a sentence that carries on the one before it (هذه الخطة…) part of what that one holds of the question", () => {
    const text = "عنوان المقال التجريبي عن المشروع\nبحث القادة مشروع الممر الشمالي الكبير الذي يربط موانئ المنطقة ببعضها. هذه الخطة تمنح المزارعين فرصة لتصدير القمح إلى الخارج.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("ماذا تقدم خطة الممر الشمالي للمزارعين؟").lead!.text).toBe("هذه الخطة تمنح المزارعين فرصة لتصدير القمح إلى الخارج");
    // Without the demonstrative, the sentence stands alone: the one naming the project leads.
    const alone = Briefing.fromArticles([parseArticle("900_test.txt", text.replace("هذه الخطة", "الخطة"))!]);
    expect(alone.answer("ماذا تقدم خطة الممر الشمالي للمزارعين؟").lead!.text).toContain("الممر الشمالي الكبير");
  });

  it("does not end a 'who' lead on a title whose name follows the comma", () => {
    const text = "عنوان المقال التجريبي عن الزيارة\nتعزيز الشراكة الثنائية: أعلن المتحدث باسم وزارة الخارجية الصينية، “وانغ وين” في مؤتمر صحفي في بكين، بأن هذه الزيارة ستؤكد على التزام روسيا والصين بتعزيز الشراكة الثنائية.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("من المتحدث الصيني الذي أعلن أن الزيارة ستؤكد التزام البلدين بالشراكة؟").lead!.text).toContain("وانغ وين");
  });

  it("leads with a sentence that meets a question word by its root when no other holds it (يفصل, انفصال)", () => {
    const text = "عنوان المقال التجريبي عن العلاقات\nتعززت العلاقات بين البلدين في مجالات كثيرة خلال السنوات الأخيرة الماضية. ويرى محللون أن انفصال البلدين بات أمرا مستحيلا في الظروف الحالية.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("هل يمكن فصل البلدين؟").lead!.text).toBe("ويرى محللون أن انفصال البلدين بات أمرا مستحيلا في الظروف الحالية");
  });

  it("meets the eighth verb form by its root, where it begins like the article or its و is written ت (التقى, لقاء; اتحاد, توحيد)", () => {
    const text =
      "عنوان المقال التجريبي عن الوزيرين\nسافر الوزيران إلى العاصمة.\n\nالتقى الوزيران في العاصمة بعد ظهر يوم الأحد الماضي.\n\nدعا الوزيران إلى السلام.\n\nودعا الوزيران بعد ظهر يوم الأحد الماضي إلى اتحاد أوسع.";
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("أين كان لقاء الوزيرين؟").lead!.text).toBe("التقى الوزيران في العاصمة بعد ظهر يوم الأحد الماضي");
    expect(small.answer("هل دعا الوزيران إلى التوحيد؟").lead!.text).toBe("ودعا الوزيران بعد ظهر يوم الأحد الماضي إلى اتحاد أوسع");
  });

  it("leads with the clause that holds the figure asked for, cited to its passage", () => {
    const answer = briefing.answer("كم بلغ حجم التبادل التجاري بين موسكو وبكين؟");
    expect(answer.lead!.text).toBe("ارتفع حجم التبادل التجاري إلى أكثر من 240 مليار دولار العام الماضي");
    const cited = answer.hits[answer.lead!.cite - 1]!;
    expect(cited.article.source).toMatch(/^003/);
    expect(cited.paragraph.text).toContain(answer.lead!.text);
  });

  it("leads with the figure for a how-big question even when another passage matches its words better", () => {
    for (const q of ["how big is russia china trade", "شو حجم التجارة بين روسيا والصين"]) {
      expect(briefing.answer(q).lead!.text, q).toContain("240 مليار دولار");
    }
  });

  it("reads 'how many times' as the Arabic كم مرة asks it (مرة), where a dictionary renders 'times' as الأوقات", () => {
    for (const q of ["كم مرة التقى بوتين وشي؟", "How many times have Putin and Xi met?"]) {
      expect(briefing.answer(q).lead!.text, q).toContain("أكثر من 40 مرة");
    }
    expect(questionType("how often do they meet")).toBe("quantity");
  });

  it("chooses the lead by the words the search found the passage by: a variant and a synonym (يوقعان as توقيع, إعلان as بيان)", () => {
    const text = ["العنوان: مقال للتجربة", "", "تحدث الرئيسان عن الزيارة المقبلة إلى العاصمة وعن إعلان موعدها. ومن المتوقع توقيع بيان مشترك."].join("\n");
    const copy = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(copy.answer("هل يوقعان اعلان مشترك بالزيارة؟").lead!.text).toBe("ومن المتوقع توقيع بيان مشترك");
  });

  it("takes an ordinal (الذكرى الـ75, 'the 75th') for no amount: the value of the trade is its 240 billion dollars", () => {
    for (const q of ["ما قيمة التجارة بين روسيا والصين؟", "What's the trade between Russia and China worth?"]) {
      expect(briefing.answer(q).lead!.text, q).toContain("240 مليار دولار");
    }
  });

  it("answers two things asked at once (امتى وإزاي, when and how) with the sentence, not the clause of one of them", () => {
    const text = ["العنوان: مقال للتجربة", "", "تحدث الرئيسان يوم الأربعاء الماضي عن مستقبل التعاون بين البلدين في مجالات الطاقة والتجارة والاستثمار، وذلك خلال قمة افتراضية جمعتهما عبر تقنية الفيديو."].join("\n");
    const copy = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    for (const q of ["امتى وإزاي تحدث الرئيسان؟", "When and how did the two presidents talk?"]) expect(copy.answer(q).lead!.text, q).toContain("قمة افتراضية");
    // One thing asked is answered by its clause.
    expect(asksTwoThings("متى تحدث الرئيسان؟")).toBe(false);
    expect(asksTwoThings("متى وأين تحدث الرئيسان؟")).toBe(true);
  });

  it("leads a how-long question with the duration, in whatever unit the question names (كم يوم: نحو أسبوع)", () => {
    for (const q of ["كم يوم بقي بوتين في الصين؟", "ما مدة زيارة بوتين للصين", "كم استغرقت زيارة بوتين للصين؟", "how long did Putin stay in China?"]) {
      expect(briefing.answer(q).lead!.text, q).toContain("استمرت نحو أسبوع كامل");
    }
  });

  it("leads with the date or place that stands by the question's words, not one a dozen words on", () => {
    // The passage that matches best names the summit, then the parade and its date: the summit's own date leads.
    const when = briefing.answer("متي عقدت قمه شنغهاي").lead!.text;
    expect(when).toContain("1 سبتمبر 2025");
    expect(when).not.toContain("الثالث من سبتمبر");
    // A clause opening with التي keeps the noun it describes.
    expect(when.startsWith("التي")).toBe(false);
    expect(briefing.answer("اين سيقام العرض العسكري").lead!.text).toContain("ساحة تيانانمن");
  });

  it("leads with the date asked for in a when question, the relative date resolved", () => {
    const answer = briefing.answer("في أي يوم انعقدت قمة منظمة شنغهاي للتعاون في تيانجين؟");
    expect(answer.lead!.text).toContain("أمس الاثنين (1 سبتمبر 2025)");
  });

  it.each(QUESTIONS.map((q) => q.q))("%s: a short lead and at most three points, none repeating another, the lead, or a passage shown whole", (q) => {
    const answer = briefing.answer(q);
    if (!answer.lead) return expect(answer.hits).toEqual([]);
    // One line: the lead's length, and the end of its clause when only a few words of it are left (`CLAUSE_TAIL`), and "…" on both sides.
    expect(answer.lead.text.length).toBeLessThanOrEqual(LEAD_MAX_CHARS + CLAUSE_TAIL + 2);
    expect(answer.keyPoints.length).toBeLessThanOrEqual(3);
    const bags = [answer.lead, ...answer.keyPoints].map((k) => stemBag(k.text));
    bags.forEach((a, i) => bags.slice(i + 1).forEach((b) => expect(restates(a, b)).toBe(false)));
    for (const k of [answer.lead, ...answer.keyPoints]) {
      const hit = answer.hits[k.cite - 1]!;
      // As cut from the passage: the ellipses, and a quotation mark closing or opening what was cut, taken off.
      expect(hit.paragraph.text).toContain(k.text.replace(/^[“«"]?…|…[”»"]?$/gu, ""));
      expect(k.text).not.toMatch(/[:،,]…?$/u);
    }
    for (const k of answer.keyPoints) {
      const hit = answer.hits[k.cite - 1]!;
      expect(k.text === hit.paragraph.text && hit.window![1] - hit.window![0] === hit.paragraph.text.length).toBe(false);
    }
  });

  it("leads with the sentence that settles a yes/no question, not one announcing a list", () => {
    const answer = briefing.answer("هل الصين طرف في الحرب الأوكرانية؟");
    expect(answer.lead!.text).toContain("ليست طرفًا في الأزمة");
    for (const k of [answer.lead!, ...answer.keyPoints]) expect(k.text).not.toMatch(/[:：]…?$/u);
  });

  it("answers 'what did he say' from what was said: قال is a content word, not a stop word", () => {
    const answer = briefing.answer("شو قال بوتين عن الصين؟");
    const cited = answer.hits[answer.lead!.cite - 1]!;
    expect(cited.paragraph.text).toMatch(/وقال بوتين|ووصف بوتين/);
  });

  it("answers 'what did X say' with X's words, not with another's said beside X's name, by name or by the title the briefing gives X", () => {
    // The Chinese president's words hold more of the question's words (قال, العلاقات, الصين); the asked one speaks
    // by name in one article and by title in the other.
    const text = [
      "عنوان المقال التجريبي عن القمة",
      "التقى الرئيس الروسي ألكسندر فولكوف الرئيس الصيني وانغ مينغ في العاصمة بكين.",
      "قال الرئيس الصيني إن العلاقات مع روسيا صمدت في وجه التغيرات وإن الصين شريك موثوق للعلاقات الدولية.",
      "وقال فولكوف إن التعاون مع الصين يمضي نحو آفاق جديدة في مجالات الطاقة والتجارة.",
    ].join("\n");
    const small = Briefing.fromArticles([parseArticle("900_test.txt", text)!]);
    expect(small.answer("ماذا قال فولكوف عن العلاقات مع الصين؟").lead!.text).toContain("آفاق جديدة");
    expect(small.answer("What did Volkov say about relations with China?").lead!.text).toContain("آفاق جديدة");
    // The Chinese president, asked by name, is the one who spoke by title.
    expect(small.answer("ماذا قال وانغ مينغ عن العلاقات مع روسيا؟").lead!.text).toContain("صمدت في وجه التغيرات");
    expect(small.answer("ماذا قال الرئيس الصيني عن العلاقات مع روسيا؟").lead!.text).toContain("صمدت في وجه التغيرات");
  });

  it("does not take a person the question names for the one it asks about (مين حضر مع بوتين وشي ← not الرئيس الصيني شي)", () => {
    const q = "مين حضر العرض العسكري مع بوتين وشي؟";
    const text = "وعقد بوتين محادثات مطولة مع الرئيس الصيني شي جين بينغ، كما حضر العرض العسكري إلى جانب زعيم كوريا الشمالية كيم جونغ أون";
    const stems = new Set(queryTerms(q).stems);
    const paragraph = { ...article("003").paragraphs[0]!, text, sentences: [text] };
    const marks = answerMarks({ paragraph, highlights: highlightRanges(text, stems) }, questionType(q), stems, (t) => index.idf(t));
    // Titles are marked only as the kind of answer asked for: Xi's is not, Kim's is.
    const titles = marks.map((m) => text.slice(m.range[0], m.range[1])).filter((w) => w === "الرئيس" || w === "زعيم");
    expect(titles).toEqual(["زعيم"]);
  });

  it("never ends a point in an announced list or a dangling preposition", () => {
    expect(trimDangling("تأتي هذه الزيارة لتحمل دلالات عدة من بينها:")).toBe("تأتي هذه الزيارة لتحمل دلالات عدة");
    expect(trimDangling("ناقش الجانبان خطط توسيع صادرات النفط في")).toBe("ناقش الجانبان خطط توسيع صادرات النفط");
    expect(trimDangling("قال إن الصين شريك.")).toBe("قال إن الصين شريك.");
    const points = briefing.articles.flatMap((a) => briefing.summary(a).keyPoints);
    for (const k of points) expect(k.text).not.toMatch(/(من بينها|منها):?…?$/u);
  });
});

describe("quotation marks of a cut sentence", () => {
  const sentence = "وأكد بوتين أنه “في ظل تصاعد الاضطرابات، يظل التنسيق ركيزة أساسية للتوازن الدولي”، مضيفاً أنه مستعد.";
  it("closes a quotation cut at its end, and opens one cut at its start", () => {
    expect(closeQuotes("وأكد بوتين أنه “في ظل تصاعد الاضطرابات…", sentence)).toBe("وأكد بوتين أنه “في ظل تصاعد الاضطرابات…”");
    expect(closeQuotes("…يظل التنسيق ركيزة أساسية للتوازن الدولي”، مضيفاً أنه مستعد", sentence)).toBe("“…يظل التنسيق ركيزة أساسية للتوازن الدولي”، مضيفاً أنه مستعد");
    expect(closeQuotes("وأكد بوتين أنه “في ظل تصاعد الاضطرابات، يظل التنسيق ركيزة أساسية للتوازن الدولي”", sentence)).toBe("وأكد بوتين أنه “في ظل تصاعد الاضطرابات، يظل التنسيق ركيزة أساسية للتوازن الدولي”");
  });

  it("leaves the marks of a sentence that does not close what it opens as they are", () => {
    const odd = "اختتم بوتين زيارة وُصفت بـ”غير المسبوقة” إلى الصين.";
    expect(closeQuotes("اختتم بوتين زيارة وُصفت بـ”غير المسبوقة”…", odd)).toBe("اختتم بوتين زيارة وُصفت بـ”غير المسبوقة”…");
  });
});

describe("snippet window", () => {
  it("shows the words that answer, not the paragraph's beginning", () => {
    const q = "هل الصين طرف في الحرب الأوكرانية؟";
    const paragraph = article("001").paragraphs.find((p) => p.text.includes("ليست طرفًا في الأزمة"))!;
    const stems = new Set(queryTerms(q).stems);
    const marks = answerMarks({ paragraph, highlights: highlightRanges(paragraph.text, stems) }, questionType(q), stems, (t) => index.idf(t));
    const [start, end] = snippetWindow(paragraph.text, marks, 300);
    expect(paragraph.text.length).toBeGreaterThan(300);
    expect(paragraph.text.slice(start, end)).toContain("ليست طرفًا في الأزمة");
  });

  it("is sent on every hit of an answer, with the marks to cut a window of another length", () => {
    const answer = briefing.answer("هل الصين طرف في الحرب الأوكرانية؟");
    for (const h of answer.hits) {
      expect(h.window).toEqual(snippetWindow(h.paragraph.text, h.marks!, 300));
      const [start, end] = snippetWindow(h.paragraph.text, h.marks!, 180);
      expect(end - start).toBeLessThanOrEqual(181);
    }
  });

  it("goes on past the question's words to what follows them, the answer, rather than ending on them", () => {
    const text =
      "وبينما تواصل العواصم الغربية تقديم الدعم السياسي والاقتصادي لكييف، تسعى موسكو إلى حشد دعم شركائها في مجموعة بريكس، وعلى رأسهم الصين التي تملك ثقلاً اقتصادياً قادراً على التأثير في مواقف الاتحاد الأوروبي.";
    // The words of "لماذا تعوّل موسكو على الصين من بين شركائها في مجموعة بريكس؟", weighted by rarity.
    const weighted: Array<[string, number]> = [["موسكو", 1.25], ["شركائها", 3.2], ["مجموعة", 2.8], ["بريكس", 3.2], ["الصين", 0.76]];
    const marks = weighted.map(([word, weight]) => ({ range: [text.indexOf(word), text.indexOf(word) + word.length] as [number, number], weight }));
    // From the sentence's start, the window holds the same words and ends before what China has.
    const shown = text.slice(...snippetWindow(text, marks, LEAD_MAX_CHARS - 2, CLAUSE_TAIL));
    expect(shown).toContain("موسكو");
    expect(shown).toContain("ثقلاً اقتصادياً قادراً على التأثير");
  });

  it("runs on to the end of a clause or sentence when only its last words are left past the length", () => {
    const text = "ركزت المحادثات على مشاريع البنية التحتية والطاقة، وقال الكرملين إن الاتصال جرى بطلب صيني في ظل تطورات دولية متسارعة.";
    const marks = evenMarks([[0, 4]]);
    const max = text.indexOf("والطاقة") - 1;
    // Cut at the length, the clause loses "والطاقة"; with room for its tail, it ends with it, before the comma.
    expect(text.slice(...snippetWindow(text, marks, max))).toBe("ركزت المحادثات على مشاريع البنية التحتية");
    expect(text.slice(...snippetWindow(text, marks, max, 40))).toBe("ركزت المحادثات على مشاريع البنية التحتية والطاقة");
    // A tail longer than the room is still cut; at the sentence's end the full stop is kept.
    expect(text.slice(...snippetWindow(text, marks, max, 3))).toBe("ركزت المحادثات على مشاريع البنية التحتية");
    expect(text.slice(...snippetWindow(text, marks, text.length - 10, 40))).toBe(text);
  });

  it("stays inside the text, within the length and tail, at word boundaries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("روسيا", "والصين", "240", "مليار", "،", "شراكة", "بلا", "حدود."), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(20)), { maxLength: 8 }),
        fc.integer({ min: 20, max: 300 }),
        fc.constantFrom(0, 40),
        (words, raw, max, tail) => {
          const text = words.join(" ");
          const marks = evenMarks(raw.map(([s, len]) => [s % text.length, Math.min(text.length, (s % text.length) + len + 1)] as const));
          const [start, end] = snippetWindow(text, marks, max, tail);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(end - start).toBeLessThanOrEqual(Math.max(max, 0) + tail + 1);
          if (start > 0) expect(text[start - 1]).toBe(" ");
          if (end < text.length) expect(text[end] === " " || /[.!?؟]/u.test(text[end - 1]!) || (tail > 0 && /[،,;:؛]/u.test(text[end]!))).toBe(true);
        },
      ),
    );
  });
});

describe("chatter", () => {
  it.each([
    ["السلام عليكم", "greeting"],
    ["السلام عليكم ورحمة الله وبركاته", "greeting"],
    ["مرحبااا يا بوت", "greeting"],
    ["هلا والله", "greeting"],
    ["ازيك", "greeting"],
    ["hi", "greeting"],
    ["Hello there!", "greeting"],
    ["شكرا", "thanks"],
    ["شكراً جزيلاً على المعلومات", "thanks"],
    ["يعطيك العافية", "thanks"],
    ["thanks!!", "thanks"],
    ["Thank you so much", "thanks"],
    ["مع السلامة", "farewell"],
    ["ok", "acknowledgement"],
  ])("%s → %s", (m, kind) => {
    expect(chatterKind(m)).toBe(kind);
  });

  it.each(["ما هو الحفاظ على السلام", "السلام عليكم، كم بلغ حجم التجارة؟", "hi, what did Putin say?", "سلام روسيا والصين", "شكرا، وماذا عن الغاز؟", "قوة سيبيريا", ""])(
    "%s is not chatter",
    (m) => {
      expect(chatterKind(m)).toBeUndefined();
    },
  );
});

describe("follow-up", () => {
  it("reads a short follow-up with the question before it, and knows the words it adds", () => {
    const read = (previous: string, message: string) => splitFocus(followUpQuery(previous, message)!);
    expect(read("كم بلغ حجم التبادل التجاري بين موسكو وبكين؟", "وماذا عن الغاز؟")).toEqual({ focus: "وماذا عن الغاز؟", subject: "كم بلغ حجم التبادل التجاري بين موسكو وبكين؟" });
    expect(read("What did Putin and Xi discuss about energy?", "and the pipeline?")).toEqual({ focus: "and the pipeline?", subject: "What did Putin and Xi discuss about energy?" });
    expect(focusWords("وماذا عن الغاز؟")).toBe("الغاز");
    expect(focusWords("طيب وعن الغاز؟")).toBe("الغاز");
    expect(focusWords("ok, and the pipeline?")).toBe("pipeline");
    expect(focusWords("والغاز؟")).toBe("والغاز");
    // The mark is invisible to the analyzer, and a reader's copy of it is dropped.
    expect(analyze(followUpQuery("ما هو خط انابيب قوة سيبيريا", "والغاز؟")!).exact).toEqual(analyze("والغاز؟ ما هو خط انابيب قوة سيبيريا").exact);
    expect(typed("روسيا \u2063 والصين")).toBe("روسيا  والصين");
  });

  it("answers a follow-up from passages on its own words first, the earlier subject ranking them", () => {
    // Asked alone, the first question's words lead to a quote on relations; "and the gas?" must lead with gas.
    const answer = briefing.answer(followUpQuery("ماذا قال بوتين عن العلاقات مع الصين", "وعن الغاز؟")!);
    expect(answer.hits[0]!.paragraph.text).toContain("للغاز");
    expect(answer.lead!.text).toContain("للغاز");
    // A passage on the subject without the new word still follows (the pipeline for "the gas?" after the pipeline).
    // The question before asked "when": the follow-up does not, so no date outranks the gas.
    expect(briefing.answer(followUpQuery("متى عقدت قمة شنغهاي؟", "وعن الغاز؟")!).lead!.text).toContain("للغاز");
    const pipeline = briefing.answer(followUpQuery("ما هو خط انابيب قوة سيبيريا", "وماذا عن الغاز؟")!);
    expect(pipeline.hits.map((h) => h.paragraph.text)).toEqual([expect.stringContaining("للغاز"), expect.stringContaining("قوة سيبيريا-2")]);
  });

  it("leaves a question that stands on its own", () => {
    expect(followUpQuery("ما هو خط انابيب قوة سيبيريا", "ما موقف الهند من قمة منظمة شنغهاي في تيانجين؟")).toBeUndefined();
    expect(followUpQuery("ما هو خط انابيب قوة سيبيريا", "وصف بوتين العلاقات مع الصين بأنها غير مسبوقة")).toBeUndefined();
  });

  it("finds the follow-up's passage", () => {
    const query = followUpQuery("ما مشاريع الطاقة التي تبحثها روسيا والصين؟", "وماذا عن الغاز؟")!;
    expect(briefing.search(query).hits.some((h) => h.paragraph.text.includes("للغاز"))).toBe(true);
  });
});
