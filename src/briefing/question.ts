/**
 * What kind of answer a question asks for, from its question word (MSA, dialect or English), and where a
 * sentence holds that kind of answer: a number for "how much", a date for "when", and so on. The word lists
 * are in `lexicon/question-words.json` with their source.
 */
import { isStopWord, normalize, remembered, stemCandidates, tokenize } from "./arabic.js";
import { englishDictionary, isArabicNoun, lemmas, QUESTION_PHRASES } from "./english.js";
import { namedEntities, type Entity } from "./entities.js";
import { clauseRanges } from "./key-points.js";
import lexicon from "./lexicon/question-words.json" with { type: "json" };
import type { Range } from "./types.js";

/**
 * "month", "weekday" and "year" are "time" narrowed by the question ("في أي شهر", "which day of the week", "which
 * year"): only a month's name, a weekday's, or a year, answers. "duration" is "how long": a unit of time with its
 * count (نحو أسبوع كامل), not a date.
 */
export type QuestionType = "quantity" | "duration" | "time" | "month" | "weekday" | "year" | "person" | "place" | "reason" | "manner" | "yesno" | "what" | "other";

type Cue = { type: QuestionType; words: string[] };
/** Normalized cue → type. Multi-word cues ("how much", "في اي يوم") are matched as token sequences. */
const CUES: ReadonlyArray<{ type: QuestionType; tokens: string[] }> = (lexicon.cues as Cue[])
  .flatMap((c) => c.words.map((w) => ({ type: c.type, tokens: tokenize(w) })))
  // Longer cues first, so "how much" wins over "how" and "منذ متى" over "من".
  .sort((a, b) => b.tokens.length - a.tokens.length);
/** Cues that are also common prepositions or articles (من "from", ما "not") only count as the question's first word. */
const FIRST_ONLY = new Set(lexicon.firstOnly.map(normalize));
/** Nouns of measure: "what" followed by one asks for a quantity (شو حجم التجارة, what is the value of …). */
const MEASURES = new Set(lexicon.measureNouns.map(normalize));
/** Words that may stand between "what" and its measure noun ("what is the size"). */
const BETWEEN = new Set(["is", "was", "are", "were", "the", "هو", "هي"]);
/** Words a question may start with before its question word ("و", "طيب", "so"). */
const LEADING = new Set(lexicon.leading.map(normalize));
/** A leading و or ف attached to the question word (ومتى, فكم). */
const ATTACHED = /^[وف](?=\S{2,})/;

/**
 * Question words people type joined to the next word (متىوصل, ماهوموقف, لماذاتعتمد): only those no word begins with.
 * Not كم (كمية), ما (مايو), كيف (كيفيات), امتى (امتيازات), ليش (ليشارك), اين (اينشتاين) or وين (وينبغي).
 */
const GLUED = ["متى", "لماذا", "ماذا", "قديش", "ماهو", "ماهي"].map(normalize).sort((a, b) => b.length - a.length);

/**
 * A question's words, with a question word typed joined to the next word at its start read apart; worked out once
 * per question, as each of its checks (type, counted word, price, speaker, title…) reads them.
 */
const questionTokens: (question: string) => readonly string[] = remembered(1_000, (question) => {
  const tokens = tokenize(question);
  // A question word comes first, after a leading و, طيب or so at most.
  for (let i = 0; i < Math.min(tokens.length, 2); i++) {
    const t = tokens[i]!;
    const cue = GLUED.find((g) => t.startsWith(g) && t.length - g.length >= 3);
    if (cue) {
      tokens.splice(i, 1, cue, t.slice(cue.length));
      break;
    }
  }
  return tokens;
});

/** How far into a question a comma may end what it opens with. */
const LEAD_IN_CHARS = 40;

/** The kind of answer a question asks for; worked out once per question (an answer asks it several times). */
export const questionType: (question: string) => QuestionType = remembered(1_000, (question) => {
  const type = typeOf(question);
  if (type !== "other") return type;
  // A question may open with where or when it asks about, set off by a comma (بحسب الخبر المؤرخ في 2 سبتمبر، متى
  // عقدت القمة؟; According to the article, how much…): its question word comes first after it.
  const comma = question.search(/[،,]/u);
  return comma > 0 && comma <= LEAD_IN_CHARS ? typeOf(question.slice(comma + 1)) : type;
});

function typeOf(question: string): QuestionType {
  const tokens = questionTokens(question);
  let first = 0;
  while (first < tokens.length - 1 && LEADING.has(tokens[first]!)) first++;
  for (let i = first; i < tokens.length; i++) {
    for (const cue of CUES) {
      if (matchesAt(tokens, i, cue.tokens)) {
        if (i !== first && cue.tokens.length === 1 && FIRST_ONLY.has(cue.tokens[0]!)) continue;
        const after = i + cue.tokens.length;
        if (cue.type === "what" && asksMeasure(tokens, after)) return asksDuration(tokens, after) ? "duration" : "quantity";
        // "What is the trade worth?": the value is asked at the end.
        if (cue.type === "what" && VALUE_WORDS.has(tokens[tokens.length - 1]!)) return "quantity";
        if (cue.type === "quantity" && (asksDuration(tokens, after) || (i > first && DURATION_VERBS.has(tokens[i - 1]!)))) return "duration";
        return cue.type;
      }
    }
    // Question words come first in Arabic and English; later words are content ("من" = "from").
    if (i - first >= 2) break;
  }
  // The dialects also ask where the answer would stand (الزيارة استمرت قديش, سافر امتى).
  for (let i = first + 3; i < tokens.length; i++) {
    const cue = IN_SITU.find((c) => matchesAt(tokens, i, c.tokens));
    if (!cue) continue;
    // Asked at the end, after the verb of lasting and what it is about (بوتين قعد في الصين قد ايه).
    if (cue.type === "quantity" && (asksDuration(tokens, i + cue.tokens.length) || tokens.slice(first, i).some((t) => DURATION_VERBS.has(t)))) return "duration";
    return cue.type;
  }
  return "other";
}

/** Types a question joins to its question word with "and" (متى وأين, امتى وإزاي, when and where). */
const JOINED: ReadonlySet<QuestionType> = new Set(["time", "place", "manner", "reason", "person"]);

/**
 * Whether a question asks two things joined by "and" (متى وأين, امتى وإزاي, when and how): a second question word
 * of another kind right after the first, with و or "and" between them. One clause then answers half of it.
 */
export function asksTwoThings(question: string): boolean {
  const tokens = questionTokens(question);
  // Words that are question words only first (من "from", how "how much") count only where no other reading fits:
  // an English one after "and" (when and how).
  const typeAt = (t: string, joined = false): QuestionType | undefined =>
    CUES.find((c) => c.tokens.length === 1 && c.tokens[0] === t && JOINED.has(c.type) && (!FIRST_ONLY.has(t) || (joined && /^[a-z]/.test(t))))?.type;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const first = typeAt(tokens[i]!.replace(ATTACHED, ""));
    if (!first) continue;
    const next = tokens[i + 1] === "and" ? tokens[i + 2] : tokens[i + 1]!.startsWith("و") ? tokens[i + 1]!.slice(1) : undefined;
    const second = next === undefined ? undefined : typeAt(next, true);
    if (second && second !== first) return true;
  }
  return false;
}

/** The dialects' question words that are no ordinary word, with their types: a question word wherever they stand. */
const IN_SITU = CUES.filter((c) => lexicon.inSitu.some((w) => tokenize(w).join(" ") === c.tokens.join(" ")));

/** Words that end a "what" question asking for a value (what is it worth, what does it cost). */
const VALUE_WORDS = new Set(lexicon.valueWords.map(normalize));

/** Whether the words from `at` name a measure, after "is the" and the article (الحجم, the size). */
function asksMeasure(tokens: readonly string[], at: number): boolean {
  let i = at;
  while (i < tokens.length && BETWEEN.has(tokens[i]!)) i++;
  const word = tokens[i];
  return word !== undefined && (MEASURES.has(word) || MEASURES.has(word.replace(/^ال/, "")));
}

const DURATION_UNITS = new Set(lexicon.durationUnits.map(normalize));
const DURATION_DUALS = new Set(lexicon.durationDuals.map(normalize));
const DURATION_VERBS = new Set(lexicon.durationVerbs.map(normalize));
/** Words that give a unit of time its count when beside it (عدة أيام, أسبوع كامل). */
const DURATION_COUNTS = new Set(lexicon.durationCounts.map(normalize));
/** The measure nouns that ask how long (ما مدة, what is the duration); "length" may be a distance. */
const DURATION_MEASURES = new Set(["مده", "duration"]);

/** A unit of time, with an article or attached letter allowed (بالأيام, الأسبوع). */
function isDurationUnit(word: string): boolean {
  return hasWord(DURATION_UNITS, word);
}

/**
 * Whether the words from `at` (after "كم", "how many" or "what is the") ask how long: a unit of time (كم يوم, how
 * many days), a verb of lasting (كم استمرت, how long did it last) or the measure "duration" (ما مدة).
 */
function asksDuration(tokens: readonly string[], at: number): boolean {
  let i = at;
  while (i < tokens.length && BETWEEN.has(tokens[i]!)) i++;
  const word = tokens[i];
  if (word === undefined) return false;
  return isDurationUnit(word) || DURATION_VERBS.has(word) || DURATION_MEASURES.has(word.replace(/^ال/, ""));
}

/**
 * The unit of time a "how long" question names after its cue (كم يوم, how many days): it says what is asked, not
 * what about, and the answer may be in another unit ("نحو أسبوع"). Undefined for other questions.
 */
export function askedUnit(question: string): string | undefined {
  if (questionType(question) !== "duration") return undefined;
  const tokens = questionTokens(question);
  for (let i = 0; i < Math.min(tokens.length, 4); i++) {
    const cue = COUNT_CUES.find((c) => matchesAt(tokens, i, c));
    const unit = cue ? tokens[i + cue.length] : undefined;
    if (unit !== undefined && isDurationUnit(unit)) return unit;
  }
  return undefined;
}

/** The question without the unit of time it asks in (`askedUnit`), for searching. */
export function withoutAskedUnit(question: string): string {
  const unit = askedUnit(question);
  if (unit === undefined) return question;
  const words = question.split(/(\s+)/);
  const at = words.findIndex((w) => tokenize(w)[0] === unit);
  return at < 0 ? question : [...words.slice(0, at), ...words.slice(at + 1)].join("");
}

function matchesAt(tokens: readonly string[], at: number, cue: readonly string[]): boolean {
  return cue.every((c, j) => {
    const t = tokens[at + j];
    return t !== undefined && (t === c || (j === 0 && ATTACHED.test(t) && t.slice(1) === c));
  });
}

const COUNT_CUES = lexicon.countCues.map((w) => tokenize(w));
const COUNT_NOUNS = new Set(lexicon.countNouns.map(normalize));
const PRICE_WORDS = new Set(lexicon.priceWords.map(normalize));

/** A word a question turns on: normalized, and as the reader typed it (to be shown back). */
export interface QuestionTerm {
  word: string;
  typed: string;
}

/**
 * The noun a "how many" question counts: the word after its cue (قديش صاروخ, how many missiles), or after the noun
 * "number" (كم عدد الصواريخ, ما عدد الدول, what is the number of troops). A briefing that never names the thing
 * cannot count it. Whether an Arabic word after كم is a noun and not a verb (كم استمرت) is for the caller to judge.
 */
export function countedWord(question: string): QuestionTerm | undefined {
  const tokens = questionTokens(question);
  let first = 0;
  while (first < tokens.length - 1 && LEADING.has(tokens[first]!)) first++;
  let at: number | undefined;
  // The cue or the noun comes first, after a "what is the" at most (ما هو عدد, what is the number of).
  for (let i = first; i <= first + 3 && i < tokens.length && at === undefined; i++) {
    const cue = COUNT_CUES.find((c) => matchesAt(tokens, i, c));
    if (cue) at = i + cue.length;
    else if (COUNT_NOUNS.has(tokens[i]!)) at = i;
  }
  if (at === undefined) return undefined;
  if (COUNT_NOUNS.has(tokens[at] ?? "")) at++;
  // A verb before the number asked for counts what follows it: "كم يبلغ عدد سكان المدينة" counts السكان.
  else if (at > 0 && COUNT_NOUNS.has(tokens[at + 1] ?? "") && !isStopWord(tokens[at] ?? "")) at += 2;
  while (at < tokens.length && OF.has(tokens[at]!)) at++;
  const word = tokens[at];
  // "كم حجم", "كم كلفة": a measure asked for, not a thing counted; "كم يوم", "كم استمرت": a duration.
  if (word === undefined || isStopWord(word) || /^\p{N}+$/u.test(word) || MEASURES.has(word.replace(/^ال/, "")) || isDurationUnit(word) || DURATION_VERBS.has(word)) return undefined;
  // A verb before the measure asked for: "كم وصل حجم التجارة", "كم بلغت قيمة الصفقة" (وصل is a noun too).
  const after = tokens[at + 1];
  if (after !== undefined && MEASURES.has(after.replace(/^ال/, ""))) return undefined;
  return termOf(question, word);
}

const NEXT = new Set(lexicon.nextWords.map(normalize));
/** Words by which a briefing speaks of a later event (المقبلة, التالية, المرتقبة). */
export const LATER_WORDS: readonly string[] = lexicon.laterWords.map(normalize);

/** The word by which a question asks about the next occurrence of something (القمة المقبلة, the next summit). */
export function nextWord(question: string): QuestionTerm | undefined {
  const tokens = questionTokens(question);
  // "Next to" is beside, not the next event (sit next to Xi).
  const word = tokens.find((t, i) => hasWord(NEXT, t) && !(t === "next" && tokens[i + 1] === "to"));
  return word === undefined ? undefined : termOf(question, word);
}

const UNITS = new Set(lexicon.measureUnits.map(normalize));
/** A share in hundredths: a question naming it asks for the figure, whatever its question word (by what percentage). */
const PERCENT_UNITS: ReadonlySet<string> = new Set(lexicon.percentUnits.map(normalize));

/** Whether a word names a percentage (بالمئة, مئوية, percent), with a letter attached or not. */
export function isPercentWord(word: string): boolean {
  return hasWord(PERCENT_UNITS, word);
}

/**
 * The units of measure a "how much" question asks in (كم يبلغ طوله بالكيلومترات, how many barrels a day), and a
 * percentage however it is asked: a briefing that never uses the unit cannot give the figure in it. Currencies are
 * names, judged with the others (`absentEntities`).
 */
export function askedUnits(question: string): QuestionTerm[] {
  const tokens = questionTokens(question);
  const quantity = questionType(question) === "quantity";
  // Another question asks a figure too when it names the unit to give it in: "what is its capacity in billion
  // cubic meters", "ما قدرته بالمتر المكعب" (the unit, or a word just before it, typed with ب or after "in").
  const askedIn = (i: number) => [i, i - 1, i - 2].some((k) => k >= 0 && (k < i ? tokens[k] === "in" || /^بال\S{2,}/u.test(tokens[k]!) : /^بال?\S{2,}/u.test(tokens[k]!)));
  const out: Array<QuestionTerm & { at: number }> = [];
  tokens.forEach((t, i) => {
    if (isPercentWord(t)) {
      out.push({ ...termOf(question, t), at: i });
      return;
    }
    if (!hasWord(UNITS, t)) return;
    // A unit of two words (cubic meters, متر مكعب) is one, named by its last word and shown whole.
    const term = termOf(question, t);
    if (i > 0 && hasWord(UNITS, tokens[i - 1]!) && out.length > 0 && out[out.length - 1]!.at === i - 1) {
      const before = out.pop()!;
      out.push({ ...term, typed: `${before.typed} ${term.typed}`, at: i });
    } else if (quantity || askedIn(i)) out.push({ ...term, at: i });
  });
  return out.map(({ word, typed }) => ({ word, typed }));
}

/**
 * The words that may name what a "how many" question counts: the counted word and, in English, the words after it
 * up to a function word, as English puts the noun last (how many North Korean troops: north, korean, troops); for
 * "how many times", the Arabic word it asks with (مرة). Empty when the question counts nothing.
 */
export function countedWords(question: string): QuestionTerm[] {
  const counted = countedWord(question);
  if (!counted) return [];
  const tokens = questionTokens(question);
  const phrase = QUESTION_PHRASES.find(([p]) => tokens.some((_, i) => matchesAt(tokens, i, p)));
  if (phrase) return [{ word: normalize(phrase[1]), typed: counted.typed }];
  const at = tokens.indexOf(counted.word);
  if (!/^[a-z]/.test(counted.word) || at < 0) return [counted];
  // The words after it while they name (a noun or an adjective): "troops" in "North Korean troops were sent", not
  // "took part" in "countries took part".
  return [counted, ...namingRun(question, tokens, at + 1, 2)];
}

/**
 * The word naming the thing a "how many" question counts: in English the last of its naming words, as adjectives
 * come first (how many Chinese tourists: tourists); in Arabic the first, as they follow (كم عدد السياح الصينيين).
 */
export function countedHead(question: string, words: readonly QuestionTerm[] = countedWords(question)): QuestionTerm | undefined {
  return headOf(words);
}

/** The head of a question's counted words (`countedWords`): the last in English, the first in Arabic. */
function headOf(words: readonly QuestionTerm[]): QuestionTerm | undefined {
  return /^[a-z]/.test(words[0]?.word ?? "") ? words[words.length - 1] : words[0];
}

const RELATIVE = new Set(["الذين", "التي", "الذي", "اللواتي", "اللاتي", "اللذين", "اللتين"].map(normalize));
const AUXILIARIES = new Set(["were", "was", "have", "has", "had", "been", "are", "is", "did", "do", "does", "will", "would", "be", "being"]);

/**
 * What a "how many" question says of the thing it counts, when it says it with a verb: the verb of a relative
 * clause after it (كم عدد الجنود الذين قتلوا: قتلوا), or in English the past form after its naming words, an
 * auxiliary between them or not (how many soldiers were killed: killed; how many soldiers marched: marched). A
 * count of the thing that does not say it (thousands of soldiers sent) is not the count asked for.
 */
export function countedPredicate(question: string, words: readonly QuestionTerm[] = countedWords(question)): QuestionTerm | undefined {
  const head = headOf(words);
  if (!head) return undefined;
  const tokens = questionTokens(question);
  if (/^[a-z]/.test(head.word)) {
    let i = tokens.indexOf(words[words.length - 1]!.word) + 1;
    while (i < tokens.length && AUXILIARIES.has(tokens[i]!)) i++;
    const verb = tokens[i];
    return verb !== undefined && /(?:ed|en)$/.test(verb) ? termOf(question, verb) : undefined;
  }
  const at = tokens.indexOf(head.word);
  for (let i = at + 1; i > 0 && i <= at + 3 && i < tokens.length - 1; i++) {
    if (RELATIVE.has(tokens[i]!)) return isStopWord(tokens[i + 1]!) ? undefined : termOf(question, tokens[i + 1]!);
  }
  return undefined;
}

/** The English words from `from` on while they name something, before a function word, at most `max` of them. */
function namingRun(question: string, tokens: readonly string[], from: number, max: number): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  for (let i = from; i < tokens.length && out.length < max && !isStopWord(tokens[i]!) && namesSomething(tokens[i]!); i++) {
    // A plural ends what English puts before its verb: "how many ships take part" counts ships, not "take part".
    if (ENGLISH_PLURAL.test(tokens[i - 1]!)) break;
    out.push(termOf(question, tokens[i]!));
  }
  return out;
}
/** An English plural noun (ships, countries), the head of the words before it: not "ss" (press), not a short word (gas, us). */
const ENGLISH_PLURAL = /^[a-z]{2,}[^s'\W]s$/;

/**
 * Whether the dictionary gives an English word a sense that names: a noun (written with ال) or an adjective of
 * relation (ending in ي: korean → كوري); not a verb (took → أخذ, died → مات).
 */
function namesSomething(word: string): boolean {
  const dict = englishDictionary();
  // A past or -ing form names by its own entry only (visited → مزار), not by its verb's noun (visit → الزيارة):
  // "tourists visited", "soldiers killed" end the naming run at the verb.
  const headwords = /(?:ed|ing)$/.test(word) ? [word] : lemmas(word);
  return headwords.some((l) => (dict.get(l) ?? []).some((sense) => {
    const first = tokenize(sense)[0] ?? "";
    return first.startsWith("ال") || first.endsWith("ي");
  }));
}

/**
 * What a "how many" question counts besides its first noun, joined by "and" (how many troops and tanks, كم عدد
 * الجنود والدبابات): each as the words that name it. A briefing that names none of them cannot count it.
 */
export function alsoCounted(question: string): QuestionTerm[][] {
  const counted = countedWords(question);
  if (counted.length === 0) return [];
  const tokens = questionTokens(question);
  const last = tokens.indexOf(counted[counted.length - 1]!.word);
  if (last < 0) return [];
  const next = tokens[last + 1];
  if (next === undefined) return [];
  if (/^[a-z]/.test(next)) {
    const words = next === "and" ? namingRun(question, tokens, last + 2, 3) : [];
    return words.length > 0 ? [words] : [];
  }
  const noun = next.startsWith("و") ? next.slice(1) : "";
  return noun.length >= 3 && !isStopWord(noun) && isArabicNoun(noun) ? [[{ word: noun, typed: termOf(question, next).typed.replace(/^و/, "") }]] : [];
}

/** A normalized word of the question with the form the reader typed it in (punctuation off), to show it back. */
function termOf(question: string, word: string): QuestionTerm {
  const typed = question.split(/\s+/).map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")).find((t) => tokenize(t)[0] === word);
  return { word, typed: typed ?? word };
}

/** Words between "the number" and what it counts. */
const OF = new Set(["of", "the"]);

const SPEECH = new Set(lexicon.speechVerbs.map(normalize));
/** How far into a question its speech verb may stand (شو قال, وكيف رد, بماذا وصف). */
const SPEECH_REACH = 3;

/**
 * Whom a "what did X say" question asks about: the word after a speech verb (قال, رد, وصف, حكى) or موقف near the
 * question's start ("ماذا قال لافروف", "كيف رد زيلينسكي"), as typed. Undefined when there is none or it is a function word.
 */
export function speakerWord(question: string): QuestionTerm | undefined {
  const tokens = questionTokens(question);
  for (let i = 0; i < Math.min(tokens.length - 1, SPEECH_REACH); i++) {
    const t = tokens[i]!;
    if (!SPEECH.has(t) && !SPEECH.has(t.replace(ATTACHED, ""))) continue;
    const word = tokens[i + 1]!;
    if (isStopWord(word) || /^\p{N}+$/u.test(word)) return undefined;
    return termOf(question, word);
  }
  return undefined;
}

/** Verbs of saying in either language, and the English verbs whose object news quotes (call for, describe as). */
const QUOTE_VERBS = new Set([...lexicon.speechVerbs.filter((w) => w !== "موقف"), ...lexicon.englishSpeech, ...lexicon.quoteVerbs].map(normalize));

/**
 * Whether a question asks for words someone said: a verb of saying anywhere in it (ماذا قال, بماذا وصف, what did
 * Xi call for, what did Putin blame the US for). Its answer is what a passage quotes.
 */
export function asksWordsSaid(question: string): boolean {
  return questionTokens(question).some((t) => QUOTE_VERBS.has(t) || QUOTE_VERBS.has(t.replace(ATTACHED, "")));
}

const TITLES = new Set(lexicon.titles.map(normalize));
/** Words of office a title may take before the name (وزير الخارجية الروسي). */
const TITLE_REACH = 3;

/**
 * The words that stand where a title of office names its holder (وزير الخارجية لافروف, المتحدث باسم الكرملين
 * بيسكوف): the content words within TITLE_REACH words after a title, up to a function word, for the caller to judge
 * which is a name.
 */
export function afterTitles(question: string): QuestionTerm[] {
  const tokens = questionTokens(question);
  return tokens.flatMap((t, i) => (hasWord(TITLES, t) ? officeWords(question, tokens, i) : []));
}

/** The content words within TITLE_REACH after the title at `at`, up to a function word or a number. */
function officeWords(question: string, tokens: readonly string[], at: number): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  for (let k = at + 1; k <= at + TITLE_REACH && k < tokens.length; k++) {
    const word = tokens[k]!;
    if (isStopWord(word) || /^\p{N}+$/u.test(word)) break;
    out.push(termOf(question, word));
  }
  return out;
}

/**
 * The title a "who" question asks about, with its words of office (من هو وزير الخارجية الروسي → وزير الخارجية
 * الروسي): the first title of office, and the content words within TITLE_REACH after it. Undefined for other
 * questions.
 */
export function askedTitle(question: string): QuestionTerm[] | undefined {
  if (questionType(question) !== "person") return undefined;
  const tokens = questionTokens(question);
  const at = tokens.findIndex((t) => hasWord(TITLES, t));
  return at < 0 ? undefined : [termOf(question, tokens[at]!), ...officeWords(question, tokens, at)];
}

const NAME_WORDS = new Set(lexicon.nameWords.map(normalize));
/** The one-word "what" cues (ما, شو, what), after which a word for "name" asks it. */
const WHAT_WORDS = new Set(CUES.filter((c) => c.type === "what" && c.tokens.length === 1).map((c) => c.tokens[0]!));

/**
 * The title a question asks the holder's name of ("ما اسم رئيس مجلس الدولة الصيني" → رئيس مجلس الدولة الصيني): the
 * content words after its word for "name" (or, when that word comes late, "شو اسمه", from the question's start),
 * from the first title of office on. Undefined for other questions.
 */
export function askedName(question: string): QuestionTerm[] | undefined {
  const tokens = questionTokens(question);
  // Asked first, after a question word (ما اسم رئيس…), or after the title with a pronoun (مين هو رئيس… شو اسمه).
  const first = tokens.findIndex((t, i) => i > 0 && i < 4 && NAME_WORDS.has(t) && WHAT_WORDS.has(tokens[i - 1]!));
  const late = first < 0 && tokens.some((t) => NAME_WORDS.has(t) && /(?:ه|ها|هم)$/u.test(t));
  if (first < 0 && !late) return undefined;
  const after: string[] = [];
  for (const t of tokens.slice(first >= 0 ? first + 1 : 0)) {
    if (after.length > 0 && isStopWord(t)) break;
    if (!isStopWord(t)) after.push(t);
  }
  const title = after.findIndex((t) => hasWord(TITLES, t));
  return title < 0 ? undefined : after.slice(title).map((t) => termOf(question, t));
}

/**
 * Whether a text gives a name right after a title of the question's: the title, then the question's other words
 * of it in order (with function words and at most one other ordinary word between: "المتحدث باسم وزارة الخارجية
 * الصينية، وانغ وين"), then a word that is no ordinary word. "الرئيس بوتين رئيس مجلس الدولة الصيني لمناقشة…"
 * names the president, not the premier. What cannot be told counts as a name: the question is then answered.
 */
export function namesTitleHolder(text: string, title: readonly QuestionTerm[], ordinary: (token: string) => boolean): boolean {
  const tokens = tokenize(text);
  const stemsOf = title.map((t) => new Set(stemCandidates(t.word)));
  const meets = (token: string, k: number) => stemCandidates(token).some((s) => stemsOf[k]!.has(s));
  return tokens.some((t, i) => {
    if (!meets(t, 0)) return false;
    let next = 1;
    let extra = 1;
    let j = i + 1;
    for (; j < tokens.length && next < title.length; j++) {
      const w = tokens[j]!;
      if (meets(w, next)) next++;
      else if (isStopWord(w)) continue;
      else if (extra > 0 && ordinary(w)) extra--;
      else break;
    }
    return next === title.length && j < tokens.length && !ordinary(tokens[j]!);
  });
}

/** Words of an English subject besides the country it names (Japan's government, the United States). */
const SPEAKER_GENERIC = new Set(lexicon.speakerGeneric);
/** "What did X say", "how has X reacted": X between the auxiliary and the verb of saying. */
const ENGLISH_ASKED = new RegExp(`\\b(?:what|how)\\s+(?:did|does|do|has|have|will|would)\\s+(.{2,50}?)\\s+(?:${lexicon.englishSpeech.join("|")})\\b`, "i");
/** Verbs a text reports what someone said with: the questions' speech verbs and the reporting ones. */
const REPORTING = new Set([...lexicon.speechVerbs.filter((w) => w !== "موقف"), ...lexicon.reportVerbs].map(normalize));
/** Words from a verb of saying to the speaker's name, the verb included ("أكد الرئيس الصيني", "قالت وزارة الخارجية اليابانية"). */
const SAID_REACH = 4;
/** Bodies that speak for a country (الحكومة اليابانية, الخارجية الأمريكية), besides its titles of office. */
const OFFICES = new Set(lexicon.offices.map(normalize));

/** The kinds of question that may ask what someone said (ماذا قالت, كيف ردت, هل قالت, what did … say). */
const ASKS_WHAT_SAID: ReadonlySet<QuestionType> = new Set(["what", "manner", "yesno", "other"]);

/**
 * The countries a "what did X say / how did X react" question asks about: after an Arabic speech verb (ماذا قالت
 * اليابان) or between an English auxiliary and a speech verb (what did Japan's government say). Not موقف: a
 * position may be told without a word of saying. Not in a "why" question.
 */
export function askedSpeakerCountries(question: string): Entity[] {
  // "Why does China not see the day as symbolic alone" asks a cause, which a passage gives without China speaking;
  // "when did Russia declare war" asks a date, "where", "who" and "how many" theirs: none asks what was said.
  if (!ASKS_WHAT_SAID.has(questionType(question))) return [];
  const english = englishSpeaker(question);
  if (english) {
    // The country as the whole subject (Japan, Japan's government, the United States), not a spokesperson of it.
    return english.length <= 2 ? namedEntities(english.join(" ")).filter((e) => e.kind === "region") : [];
  }
  const speaker = speakerWord(question);
  if (!speaker) return [];
  const tokens = questionTokens(question);
  const at = tokens.indexOf(speaker.word);
  const verb = tokens[at - 1];
  if (verb === undefined || verb.replace(ATTACHED, "") === "موقف") return [];
  // The country, or an office of it (رئيس الوزراء الياباني, الحكومة اليابانية), up to a function word or a word
  // with a preposition on it; not what a passive verb says of something (وُصفت زيارة بوتين للصين).
  const office = hasWord(TITLES, speaker.word) || hasWord(OFFICES, speaker.word);
  if (!office) {
    // A name of two words (الولايات المتحدة), not a country named after the speaker's name (اليابان عن روسيا).
    const next = tokens[at + 1] ?? "";
    const two = namedEntities(`${speaker.word} ${next}`).filter((e) => e.kind === "region" && !namedEntities(next).includes(e));
    return two.length > 0 ? two : namedEntities(speaker.word).filter((e) => e.kind === "region");
  }
  const subject: string[] = [];
  for (const t of tokens.slice(at, at + SAID_REACH)) {
    if (isStopWord(t) || (subject.length > 0 && /^[لبك]/u.test(t) && !t.startsWith("ال"))) break;
    subject.push(t);
  }
  return namedEntities(subject.join(" ")).filter((e) => e.kind === "region");
}

/**
 * The subject of an English "what did X say / how did X react" question, in lower case, without "'s" and the words
 * like "government" that stand beside a country's name; undefined for other questions.
 */
export function englishSpeaker(question: string): string[] | undefined {
  const asked = ENGLISH_ASKED.exec(question);
  return asked ? asked[1]!.toLowerCase().replace(/'s?\b/g, "").split(/\s+/).filter((w) => w && !SPEAKER_GENERIC.has(w)) : undefined;
}

/** Whether a text reports what a country said: its name or adjective as the one who speaks, beside a verb of saying. */
export function reportsSaying(text: string, country: Entity): boolean {
  const tokens = tokenize(text);
  // A name of more words by its first (كوريا of كوريا الشمالية): a looser match only answers more questions.
  // Or its capital, by which news names its government (وأعربت طوكيو عن قلق بالغ).
  // Each by the readings that keep its first letters: كوبا is not read as با (بـ"غير المسبوقة") or وبا.
  const names = new Set([...country.arabic.map((name) => name[0]!), ...(country.capitals ?? [])].flatMap((name) => stemCandidates(name).filter((s) => name.replace(/^ال/u, "").startsWith(s))));
  // Its adjective too: الروسي (stem روس) is of روسيا, الياباني of اليابان.
  const isCountry = (t: string) => stemCandidates(t).some((s) => names.has(s) || names.has(`${s}يا`) || names.has(`${s}ا`) || names.has(s.replace(/ي$/u, "")));
  // The one who speaks follows the verb (أكد الرئيس الروسي) or stands just before it (الصين نفت); a country further
  // before is what is spoken of ("ضد اليابان، حيث أعلن الحرب عليها").
  return tokens.some((t, i) => isReporting(t) && tokens.slice(Math.max(0, i - 1), i + SAID_REACH).some(isCountry));
}

/** Whether a word is a verb of saying or reporting, a و or ف joined to it allowed (وأكد, فقال). */
function isReporting(token: string): boolean {
  return REPORTING.has(token) || REPORTING.has(token.replace(ATTACHED, ""));
}

/**
 * The name of the person a "what did X say" question asks about, as typed (بوتين; putin, or xi jinping, in lower
 * case), when X is no country, title or office: a country and its offices (ماذا قالت اليابان, ماذا قال الرئيس
 * الصيني) are judged by `askedSpeakerCountries`.
 */
export function askedPerson(question: string): string[] | undefined {
  if (!ASKS_WHAT_SAID.has(questionType(question)) || askedSpeakerCountries(question).length > 0) return undefined;
  const english = englishSpeaker(question);
  if (english) return english.length > 0 && english.length <= 3 && namedEntities(english.join(" ")).length === 0 ? english : undefined;
  const speaker = speakerWord(question);
  // A name, which no lexicon holds: not an ordinary word (ماذا قال التقرير), a title or an office.
  if (!speaker || hasWord(TITLES, speaker.word) || hasWord(OFFICES, speaker.word)) return undefined;
  if (speaker.word.startsWith("ال") || isArabicNoun(speaker.word) || namedEntities(speaker.word).length > 0) return undefined;
  return [speaker.word];
}

/** A nisba adjective with the article (الصيني, الروسي): what a title says its holder is. */
function isNisba(token: string): boolean {
  return /^(?:[وفبل]?ال|لل)\S{2,}ي$/u.test(token);
}

/**
 * The nisba adjectives a text gives a person by a title before their name (الرئيس الروسي فلاديمير بوتين: الروسي),
 * for the name's stems.
 */
export function titleAdjectives(text: string, nameStems: ReadonlySet<string>): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  tokens.forEach((_, i) => {
    const adjective = titleAdjectiveAt(tokens, i);
    if (adjective === undefined) return;
    // The name, after the holder's first names; not past a function word or another title (الزعيم الروسي على الرئيس شي).
    for (const w of tokens.slice(i + 2, i + 2 + NAME_REACH)) {
      if (isStopWord(w) || hasWord(TITLES, w)) break;
      if (stemCandidates(w).some((k) => nameStems.has(k))) {
        out.push(adjective);
        break;
      }
    }
  });
  return out;
}

/** The nisba adjective, without its article, of a title at `i` (الرئيس الصيني: صيني); undefined when there is none. */
function titleAdjectiveAt(tokens: readonly string[], i: number): string | undefined {
  const adjective = tokens[i + 1];
  return hasWord(TITLES, tokens[i]!) && adjective !== undefined && isNisba(adjective) ? adjective.replace(PREFIX, "") : undefined;
}
/** Words from a title's adjective to the name it gives (الرئيس الروسي فلاديمير بوتين: two). */
const NAME_REACH = 3;

/**
 * Who a text reports as speaking, for a person asked about: "asked" when a verb of saying has them as its speaker
 * (قال بوتين, أكد الرئيس الروسي فلاديمير بوتين, by their name or by a title with an adjective the briefing gives them),
 * "other" when every speaker it names by a title is someone else (قال الرئيس الصيني), undefined when it names none.
 */
export function speakerOf(text: string, nameStems: ReadonlySet<string>, adjectives: ReadonlySet<string>): "asked" | "other" | undefined {
  const tokens = tokenize(text);
  let other = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isReporting(t)) continue;
    // The speaker follows the verb, or stands just before it (الصين نفت); with a title, its name two words on.
    const slot = tokens.slice(Math.max(0, i - 1), i + SAID_REACH + NAME_REACH - 1);
    if (slot.some((w) => stemCandidates(w).some((k) => nameStems.has(k)))) return "asked";
    // Someone else by name right after the verb (وقال بوتين): no word of the language, nor a title or office.
    const next = tokens[i + 1];
    if (next !== undefined && !isStopWord(next) && !next.startsWith("ال") && !isArabicNoun(next) && !hasWord(TITLES, next) && !hasWord(OFFICES, next) && !/^\p{N}+$/u.test(next)) other = true;
    for (let j = 1; j < SAID_REACH && i + j + 1 < tokens.length; j++) {
      const adjective = titleAdjectiveAt(tokens, i + j);
      if (adjective === undefined) continue;
      if (adjectives.has(adjective)) return "asked";
      other = true;
    }
  }
  return other ? "other" : undefined;
}

/** The Arabic names of the months, Gregorian and Levantine, as written (the evidence of a date in a passage). */
const ARABIC_MONTHS: readonly string[] = lexicon.monthNames.flat().filter((name) => !/^[a-z]/i.test(name));
/** Each month's names (Gregorian and Levantine Arabic, English), as normalized words, month by month. */
const MONTH_NAMES: ReadonlyArray<ReadonlyArray<readonly string[]>> = lexicon.monthNames.map((names) => names.map((n) => tokenize(n)));
/** Each month name by its first word, with all the names of its month. */
const MONTH_BY_FIRST: ReadonlyMap<string, ReadonlyArray<{ name: readonly string[]; names: ReadonlyArray<readonly string[]> }>> = (() => {
  const out = new Map<string, Array<{ name: readonly string[]; names: ReadonlyArray<readonly string[]> }>>();
  for (const names of MONTH_NAMES) for (const name of names) out.set(name[0]!, [...(out.get(name[0]!) ?? []), { name, names }]);
  return out;
})();
/** Month names that are ordinary words too (مارس "practised", آب "father", may, march): dates only beside a number. */
const AMBIGUOUS_MONTHS = new Set(["مارس", "آب", "may", "march"].map(normalize));
/** Words before a month that make it a date (في مايو, شهر أيار, in May). */
const MONTH_CUES = new Set(["في", "شهر", "خلال", "منذ", "in", "month", "during", "since"].map(normalize));

/**
 * The months a question names as dates (beside a number, or after في, شهر, in), each with every name it goes by,
 * and as typed: a briefing that names the month by none of them does not cover what happened in it.
 */
export function askedMonths(question: string): Array<{ names: ReadonlyArray<readonly string[]>; typed: string }> {
  const tokens = questionTokens(question);
  const out: Array<{ names: ReadonlyArray<readonly string[]>; typed: string }> = [];
  tokens.forEach((token, i) => {
    const bare = token.replace(PREFIX, "");
    for (const { name, names } of [...(MONTH_BY_FIRST.get(token) ?? []), ...(bare !== token ? (MONTH_BY_FIRST.get(bare) ?? []) : [])]) {
      if (!name.every((w, k) => k === 0 || tokens[i + k] === w)) continue;
      const number = (k: number) => /^\p{N}+$/u.test(tokens[k] ?? "");
      const besideNumber = number(i - 1) || number(i + name.length);
      if (besideNumber || (MONTH_CUES.has(tokens[i - 1] ?? "") && !AMBIGUOUS_MONTHS.has(name[0]!))) {
        out.push({ names, typed: tokens.slice(i, i + name.length).map((w) => termOf(question, w).typed).join(" ") });
      }
    }
  });
  return out;
}

const SINCE = new Set(["منذ", "since"]);
const YEAR_WORDS = new Set(["عام", "سنه", "العام", "year"]);

/** A year as news writes one (1800–2099). */
function isYear(word: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(word);
}

/** Years a question is bounded by ("منذ 2013", "منذ عام 2013", "since 2013"), not asking about. */
export function sinceYears(question: string): Set<string> {
  const tokens = questionTokens(question);
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!SINCE.has(t) && !SINCE.has(t.replace(/^[وف]/u, ""))) return;
    const next = YEAR_WORDS.has(tokens[i + 1] ?? "") ? tokens[i + 2] : tokens[i + 1];
    if (next && isYear(next)) out.add(next);
  });
  return out;
}

/** The word by which a question asks for an amount of money, a price or a cost (سعر الغاز, how much will it cost). */
export function priceWord(question: string): string | undefined {
  const tokens = questionTokens(question);
  const price = tokens.find(isPriceWord);
  if (price !== undefined) return price;
  // A value is money when asked how much of (كم بلغت قيمة الصفقة, how much is it worth).
  const howMuch = tokens.some((_, i) => HOW_MUCH.some((cue) => matchesAt(tokens, i, cue)));
  return howMuch ? tokens.find((t) => hasWord(AMOUNT_WORDS, t)) : undefined;
}

const AMOUNT_WORDS = new Set(lexicon.amountWords.map(normalize));
/** The "how much" cues (كم, قديش, how much), not the "what is the" ones (ما قيمة, what amount). */
const HOW_MUCH = CUES.filter((c) => c.type === "quantity" && c.tokens[0] !== "ما" && c.tokens[0] !== "what").map((c) => c.tokens);

/** Whether a normalized word names a price or a cost (الأسعار, cost), an article or attached letter allowed. */
export function isPriceWord(token: string): boolean {
  return hasWord(PRICE_WORDS, token);
}

/** Words around a currency's name where its amount stands (240 مليار دولار, 5 دولارات للبرميل). */
const AMOUNT_REACH = 3;

/** Whether a text states an amount of money: a currency it names (`namedEntities`) with a number beside it. */
export function statesAmount(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.some((t, i) => isCurrency(t) && tokens.slice(Math.max(0, i - AMOUNT_REACH), i + AMOUNT_REACH + 1).some((w) => isEvidence("quantity", w) && !isCurrency(w)));
}
/**
 * Whether the number at i is part of a date, not an amount: a day or a year beside a month's name (2 سبتمبر 2025,
 * فبراير 2022) or a year after "year" (عام 1945).
 */
function inDate(words: readonly string[], i: number): boolean {
  if (!/^\p{N}+$/u.test(words[i] ?? "")) return false;
  const month = (w: string | undefined) => w !== undefined && isEvidence("month", w);
  return month(words[i - 1]) || month(words[i + 1]) || (YEAR_WORDS.has(words[i - 1] ?? "") && isYear(words[i]!));
}

/**
 * Whether a text counts the thing a "how many" question asks about: a number or a count word (آلاف, عشرات) within
 * a few words of a word that names it (`names`): "أكثر من 40 مرة", "آلاف الجنود"; "من السيارات إلى التكنولوجيا"
 * names the cars but does not count them.
 */
export function statesCount(text: string, names: (token: string) => boolean): boolean {
  const tokens = tokenize(text);
  // A number or a count word, not an amount of money or part of a date.
  const isCount = (words: readonly string[], k: number) => isEvidence("quantity", words[k]!) && !isCurrency(words[k]!) && !inDate(words, k);
  // A currency's name is money, never the thing counted (دولار is no count of دول "countries").
  const counted = (t: string) => names(t) && !isCurrency(t);
  if (tokens.some((t, i) => counted(t) && tokens.some((_, k) => k !== i && Math.abs(k - i) <= AMOUNT_REACH && isCount(tokens, k)))) return true;
  // "The number of" the thing, and its number further on in the clause: "عدد طلبات الشراء المبدئية من شركات الطيران
  // الصينية بلغ 120 طائرة".
  return clauseRanges(text).some(([a, b]) => {
    const clause = tokenize(text.slice(a, b));
    const at = clause.findIndex((t, i) => i > 0 && NUMBER_OF.has(clause[i - 1]!) && counted(t));
    return at > 0 && clause.some((_, k) => k > at && isCount(clause, k));
  });
}

/** "The number of", before the name of what is counted (عدد الطلاب، وعدد الزوار), normalized. */
const NUMBER_OF = new Set(["عدد", "وعدد", "بعدد", "لعدد"]);

/** "Times", after a number (40 مرة, 3 مرات). */
const TIMES = new Set(["مره", "مرات", "times"]);

/**
 * Whether a text counts an event in times (التقى الرئيسان أكثر من 40 مرة): a number of times, and a word naming the
 * event (`names`: the meetings, by their verb's root) anywhere in it. What the question says of the event besides
 * (اللقاءات التي جمعت بوتين وشي) is the event itself.
 */
export function countsTimes(text: string, names: (token: string) => boolean): boolean {
  const tokens = tokenize(text);
  return tokens.some((t, k) => TIMES.has(t) && k > 0 && /^\p{N}+$/u.test(tokens[k - 1]!)) && tokens.some(names);
}

/** A currency's name, in the accusative or plural too (دولارا, دولارات). */
const isCurrency = remembered(10_000, (token: string) =>
  [token, token.replace(/(?<=\S{3})(?:ا|ات)$/u, "")].some((t) => namedEntities(t).some((e) => e.kind === "currency")),
);

/** Normalized single words of each evidence class; multi-word entries ("أكثر من", "كانون الثاني") word by word. */
function wordSet(list: readonly string[]): Set<string> {
  return new Set(list.flatMap((w) => tokenize(w)));
}
const CLASSES: Partial<Record<QuestionType, ReadonlySet<string>>> = {
  quantity: wordSet(lexicon.quantityWords.filter((w) => !/\s/.test(w))),
  duration: DURATION_UNITS,
  time: wordSet([...ARABIC_MONTHS, ...lexicon.weekdays, ...lexicon.timeWords]),
  month: wordSet(ARABIC_MONTHS),
  weekday: wordSet(lexicon.weekdays),
  year: new Set(),
  person: wordSet(lexicon.personWords),
  place: wordSet(lexicon.placeWords),
};
/** Words that lead into a number ("أكثر من 240", "نحو أسبوع"): part of the answer, though not evidence alone. */
const NUMBER_LEADS = lexicon.numberLeads.map((w) => tokenize(w));
/**
 * A word's clitics and article, peeled before looking it up ("بالمئة" → "المئة" → "مئة"). Not ك: كميات
 * ("quantities") would read as ك + مئات.
 */
const PREFIX = /^(?:[وفبل](?=\S{3,}))?(?:ال(?=\S{2,}))?/u;

/** Whether a lexicon set holds a word as written or with its clitic and article peeled (`PREFIX`). */
function hasWord(set: ReadonlySet<string>, word: string): boolean {
  return set.has(word) || set.has(word.replace(PREFIX, ""));
}

function isEvidence(type: QuestionType, word: string): boolean {
  const words = CLASSES[type];
  if (/^\d+$/.test(word)) return type === "quantity" || type === "duration" || ((type === "time" || type === "year") && isYear(word));
  if (!words) return false;
  return hasWord(words, word) || words.has(word.replace(/^[وفبل]/u, ""));
}

/**
 * Ranges of a text that hold the kind of answer the question type asks for (numbers, dates, people's titles,
 * place words), as positions in the text as written; neighbouring evidence words make one range ("أغسطس/آب
 * 1945", "أكثر من 240 مليار دولار"). Empty for types whose answer has no surface form (why, how, yes/no).
 */
export function answerEvidence(type: QuestionType, text: string): readonly Range[] {
  if (!CLASSES[type]) return [];
  let of = evidenceByType.get(type);
  if (!of) evidenceByType.set(type, (of = remembered(20_000, (t) => evidenceIn(type, t))));
  return of(text);
}

/** `answerEvidence` of each type, kept per text: a passage is read again for every question of the type that finds it. */
const evidenceByType = new Map<QuestionType, (text: string) => readonly Range[]>();

function evidenceIn(type: QuestionType, text: string): Range[] {
  const { folded, at } = foldWithPositions(text);
  const words = [...folded.matchAll(/\p{L}+|\p{N}+(?:[.,]\p{N}+)?/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Array<[number, number]> = [];
  let last = -2;
  const plain = words.map((w) => w.word);
  const counted = type === "duration" ? countedUnits(plain) : undefined;
  words.forEach((w, i) => {
    if (counted ? !counted.has(i) : !isEvidence(type, w.word)) return;
    // A number with the article written onto it is an ordinal (الذكرى الـ75, "the 75th"), not an amount.
    const prev = words[i - 1];
    if (type === "quantity" && /^\p{N}/u.test(w.word) && prev?.word === "ال" && prev.end === w.start) return;
    // Nor is a day or a year of a date (2 سبتمبر 2025).
    if (type === "quantity" && inDate(plain, i)) return;
    let start = w.start;
    if (type === "quantity" || type === "duration") {
      const lead = NUMBER_LEADS.find((p) => p.every((t, j) => words[i - p.length + j]?.word === t));
      if (lead) start = words[i - lead.length]!.start;
    }
    const gap = folded.slice(out.length > 0 ? out[out.length - 1]![1] : 0, start);
    if (last === i - 1 && /^[\s/\-–]*$/u.test(gap)) out[out.length - 1]![1] = w.end;
    else out.push([start, w.end]);
    last = i;
  });
  return out.map(([s, e]): Range => [at[s]!, at[e - 1]! + 1]);
}

/**
 * The words of a text that state a duration: a unit of time with its count beside it (a number, a number word, عدة,
 * كامل), or a dual that counts itself (عامين); not a unit alone, which is a date ("يوم الأربعاء") or a span
 * ("العام الماضي").
 */
function countedUnits(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  const counts = (w: string | undefined) => w !== undefined && (/^\d+$/.test(w) || isEvidence("quantity", w) || DURATION_COUNTS.has(w));
  words.forEach((w, i) => {
    if (!isDurationUnit(w)) return;
    const dual = hasWord(DURATION_DUALS, w);
    const countBefore = counts(words[i - 1]);
    // Or a number's lead (نحو أسبوع, أكثر من عام), taken in by the caller.
    const leadBefore = NUMBER_LEADS.some((p) => p.every((t, j) => words[i - p.length + j] === t));
    const after = counts(words[i + 1]) && !/^\d+$/.test(words[i + 1]!);
    if (!dual && !countBefore && !leadBefore && !after) return;
    out.add(i);
    if (countBefore) out.add(i - 1);
    if (after) out.add(i + 1);
  });
  return out;
}

/** Normalized form of each character seen; the alphabet is small, and normalizing char by char is slow. */
const foldChar = remembered(10_000, normalize);

/** The normalized text, and for each of its characters the position of the character it came from. */
export function foldWithPositions(text: string): { folded: string; at: number[] } {
  let folded = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const n = foldChar(ch);
    folded += n;
    for (let k = 0; k < n.length; k++) at.push(i);
  }
  return { folded, at };
}
