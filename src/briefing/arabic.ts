/**
 * The one analyzer used both when indexing and when querying, so a word matches however it is typed:
 * with or without diacritics, hamza forms, tatweel, Arabic-Indic digits, attached prepositions or the article.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
/** The alef that only carries the accusative tanween where the tanween is written (طرفًا, سابقاً → طرف, سابق). */
const TANWEEN_ALEF = /(?:\u064B\u0627|\u0627\u064B)(?![\p{L}\p{M}])/gu;
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const DIGIT_BASES = [0x0660, 0x06f0]; // Arabic-Indic, Persian

/** One letter or digit for each spelling variant: alef forms, ى, ة, hamza carriers, Persian letters, digits. */
const FOLD: Readonly<Record<string, string>> = {
  ...Object.fromEntries([..."\u0622\u0623\u0625\u0671\u0672\u0673"].map((c) => [c, "ا"])), // آ أ إ ٱ ٲ ٳ
  "\u0649": "ي", // ى
  "\u0629": "ه", // ة
  "\u0624": "و", // ؤ
  "\u0626": "ي", // ئ
  "\u06CC": "ي", // Persian yeh
  "\u06D2": "ي", // Urdu yeh
  "\u06A9": "ك", // keheh
  ...Object.fromEntries(DIGIT_BASES.flatMap((base) => Array.from({ length: 10 }, (_, d) => [String.fromCharCode(base + d), String(d)]))),
};
const FOLDED_CHARS = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/**
 * A letter typed four times or more for emphasis (كتيييير, روسياااا) stands for the one letter. Not three: folded,
 * a word may hold three (بيئي is بييي once ئ is ي), and normalizing twice must give what normalizing once gives.
 */
const STRETCHED = /([\u0621-\u064A])\1{3,}/g;

/** Lower-case, NFKC, and fold Arabic spelling variants and stretched letters. Idempotent. */
export function normalize(text: string): string {
  const s = text.normalize("NFKC").replace(INVISIBLE, "").replace(TANWEEN_ALEF, "").replace(TASHKEEL, "").replace(TATWEEL, "");
  return s.replace(FOLDED_CHARS, (c) => FOLD[c]!).replace(STRETCHED, "$1").toLowerCase();
}

const WORD = /\p{L}+|\p{N}+/gu;
const LETTER = 1;
const DIGIT = 2;
const SURROGATE = 3;
/** Each UTF-16 code unit's class for WORD (0 for neither), worked out from the regex itself on first use. */
let wordClasses: Uint8Array | undefined;

function wordClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // Every code unit at its own index, a space in place of the surrogates, read by WORD run by run.
  let units = "";
  for (let from = 0; from < 0x10000; from += 0x1000) {
    units += String.fromCharCode(...Array.from({ length: 0x1000 }, (_, i) => (from + i >= 0xd800 && from + i < 0xe000 ? 0x20 : from + i)));
  }
  for (const m of units.matchAll(WORD)) table.fill(/^\p{L}/u.test(m[0]) ? LETTER : DIGIT, m.index, m.index + m[0].length);
  table.fill(SURROGATE, 0xd800, 0xe000);
  return table;
}

/** Words as they stand in the text, after normalization: runs of letters or runs of digits. */
export function tokenize(text: string): string[] {
  return words(normalize(text));
}

/**
 * What WORD matches, read through a table of character classes: on a large briefing about three times faster than
 * the regex. A text with a character past the Basic Multilingual Plane (a surrogate pair) goes through the regex.
 */
function words(text: string): string[] {
  const classes = (wordClasses ??= wordClassTable());
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const c = classes[text.charCodeAt(i)]!;
    if (c === SURROGATE) return text.match(WORD) ?? [];
    if (c === 0) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && classes[text.charCodeAt(end)] === c) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Function words of standard Arabic. */
const ARABIC_STOP = `
في من على الى عن مع هذا هذه ذلك تلك هذان هؤلاء التي الذي الذين اللذين اللتين اللواتي ان انه انها
كان كانت يكون تكون ما لا لم لن قد و او ام ثم بين حيث كما اي كل بعد قبل عند هو هي هم هن انا نحن انت
لكن بل اذا اذ الا حتى منذ خلال ضمن لدى عبر نحو فيه فيها منه منها عليه عليها اليه اليها به بها له لها
هل ماذا لماذا كيف متى اين ماهي ماهو وما وهل ولا وفي ومن وعلى والى وان وقد وكان فقد فان لقد ايضا
يا ال التى الذى فى الي علي كذلك غير سوى عام عن عدد بعض ذات ذو تم يتم وهو وهي اليوم
أيضًا مما فيما بينما عندما الان
كم وكم بكم
هناك هنالك زال يزال مازال لايزال اللتان اللذان ماهي ماهو
اصبح اصبحت يصبح تصبح بات باتت
بالنسبه لاجل بخصوص بشان تجاه ازاء بالرغم رغم
اثناء عقب ابان طوال حين حينما لكي كي حوالي قرابه
وفق وفقا طبقا حسب بحسب حيال حول ضد دون بدون
`;
/**
 * Question words and particles of Levantine, Egyptian and Gulf speech: a question word says what is asked, not
 * what about, so it is never content. So is the colloquial present of صار ("becomes", "happens": شو بصير), a verb
 * of state like كان. So are the words a reader asks the bot with, in the first person or the imperative ("بدي
 * اعرف"، "قلي"، "احكيلي عن"، "اشرحلي"): they ask, they are not what is asked about.
 */
const COLLOQUIAL_STOP = `
اعرف نعرف قلي قولي قللي قولنا احكيلي احكيلنا احكيني خبرني خبرنا اخبرني اخبرنا عرفني فهمني اشرحلي اشرحلنا وضحلي وضحلنا
شو ايش وش ليش ليه وين فين مين ايه ازاي امتى امتي قديش كيفاش علاش رح راح عم هيك هيكا مش مو انو اني يعني دلوقتي دلوقت لسه هلق هلا
اللي باللي هاد هادا هاي هيدا هيدي ده دي كده كدا بس برضو كمان يصير بصير تصير بتصير
عشان علشان مشان لانو لما شلون شنو منو ايمتى اشمعنى يلي هدول هذي
ع اد ملهاش مالهاش ملوش مالوش ملهمش مالهمش معندوش معندهاش معندهمش مفيش مافيش مكانش ماكانش مكانتش
`;
/**
 * English function words: the common ones of news questions, then those of NLTK's English stop list the first lines
 * lacked (all but "us", which readers type for the U.S., and "won", also the past of win), with the pieces an
 * apostrophe leaves (didn't → didn, t) and spoken contractions (gonna): read as content, the dictionary rendered
 * "both" as أهم and the name matcher "gonna" as كنا.
 */
const ENGLISH_STOP = `
a an the of in on at to for from by with about as and or but is are was were be been being it its this that
these those what which who whom whose why how when where did do does done has have had can could would should
will shall may might than then there their they them he she his her we our you your i me my not no yes so
tell show give me please any some much many more most also into over under between
during within after before since until till against among amongst through throughout via per across toward
towards upon onto along amid amidst while whereas whether because if unless although though
myself ours ourselves yours yourself yourselves him himself hers herself itself theirs themselves am having doing
up down out off above below again further once here now all both each few other such nor only own same too very
just s t d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn mightn mustn needn shan shouldn wasn weren
wouldn don gonna wanna gotta kinda sorta
`;
const listed = (list: string) => list.split(/\s+/).filter(Boolean).map(normalize);
export const STOP_WORDS: ReadonlySet<string> = new Set(listed(`${ARABIC_STOP} ${COLLOQUIAL_STOP} ${ENGLISH_STOP}`));
/** The standard stop words alone: a noun is read as letters attached to one of these only (see `attachedStopWord`). */
const STANDARD_STOP_WORDS: ReadonlySet<string> = new Set(listed(ARABIC_STOP));

const ARTICLE_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];
const CLITICS = new Set(["و", "ف", "ب", "ك", "ل"]);
/** Suffix and the least number of letters that must remain for it to be removed, in Lucene's order. */
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ["ها", 3],
  ["ان", 3],
  ["ات", 3],
  ["ون", 4],
  ["ين", 4],
  ["يه", 3],
  ["ه", 3],
  ["ي", 3],
];
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/;

/** A normalized word without its definite article and a letter attached before it (التقارير → تقارير, وبالصين → صين). */
export function withoutArticle(token: string): string {
  const p = ARTICLE_PREFIXES.find((a) => token.startsWith(a) && token.length - a.length >= 2);
  return p ? token.slice(p.length) : token;
}

/** Light stem of one normalized token in the style of Lucene's ArabicStemmer. Latin and digits pass through. */
export function stem(token: string): string {
  if (!ARABIC_LETTERS.test(token)) return token;
  let s = withoutArticle(token);
  for (const [suffix, keep] of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= keep) s = s.slice(0, -suffix.length);
  }
  return s;
}

/**
 * Dialect and colloquial forms folded onto the standard ones: the demonstrative هال/عال ("this", "on the") glued
 * to a noun (هالزيارة → الزيارة, عالحدود → الحدود), and the Levantine and Egyptian plural verb ending وا (بيحكوا
 * → يحك, عرضوا → عرض). The بـ of the colloquial present (بيحكي, بتقول) is an attached letter like any other.
 */
const DIALECT_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ["هال", "ال"],
  ["عال", "ال"],
];

/** A word of two letters or more, a ت, and an attached pronoun. */
const TIED_TA = /^([\u0621-\u064A]{2,})ت(?:ه|ها|هم|هما|هن|كم|كما|نا|ك|ي)$/;

/** The Egyptian هـ and Levantine حـ of the future on a present verb (هتبقى → تبقى, حيعمل → يعمل). */
const DIALECT_FUTURE = /^[هح][يتنا][\u0621-\u064A]{3,}$/;

/**
 * The stems a token may stand for. A leading و ف ب ك ل is either an attached letter or part of the word (بوتين,
 * بكين), so both readings are kept, as for Lucene's و on words of four letters or more: the wrong reading only
 * ever matches the same word elsewhere. A و or ف is read off a word of three letters too (وشي is "and Xi"). A noun
 * the dictionary writes with that letter (وزارة, بيان, كبير) keeps it: وزارة read as و + زار matched "زار" (visited).
 */
export function stemCandidates(token: string): string[] {
  return lexeme(token).stems;
}

/** What the analyzer makes of one normalized token; its roots are worked out when first asked for. */
interface Lexeme {
  stop: boolean;
  stems: string[];
  roots: readonly string[] | undefined;
}

/**
 * Each distinct token's lexeme, so indexing a large briefing looks each token up once (its stop-word test, stems
 * and roots together) rather than once in each of several caches.
 */
const lexeme = remembered(200_000, (token): Lexeme => ({ stop: isStopWord(token), stems: readings(token), roots: undefined }));

/**
 * `fn` with its results kept for up to `limit` distinct inputs (all dropped when full): a text's vocabulary is
 * small next to its length, so each word is worked out once.
 */
export function remembered<T>(limit: number, fn: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = fn(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}

/** The stem of a word whose ة is written ت before an attached pronoun (جاهزيته → جاهزية), if it is one. */
export function tiedStem(token: string): string | undefined {
  const tied = TIED_TA.exec(token);
  return tied ? stem(`${tied[1]}ه`) : undefined;
}

function readings(token: string): string[] {
  const out = new Set([stem(token)]);
  if (!ARABIC_LETTERS.test(token)) return [...out];
  const forms = [token];
  for (let rest = token, depth = 0; depth < 2; depth++) {
    const first = rest[0];
    if (!first || !CLITICS.has(first) || rest.length < (first === "و" || first === "ف" ? 3 : 4)) break;
    // A noun whose first letter is the letter's own (وزارة, بيان, كبير) is not read as it and a shorter word.
    if (WHOLE_WORDS.has(rest)) break;
    rest = rest.slice(1);
    forms.push(rest);
  }
  for (const form of forms) {
    out.add(stem(form));
    // A ة before an attached pronoun is written ت (زيارته, قمتها, علاقتهم): the word without it ends in ة.
    const tied = tiedStem(form);
    if (tied) out.add(tied);
    for (const [prefix, article] of DIALECT_PREFIXES) {
      if (form.startsWith(prefix) && form.length - prefix.length >= 3) out.add(stem(article + form.slice(prefix.length)));
    }
  }
  if (token.length >= 5 && token.endsWith("وا")) for (const s of readings(token.slice(0, -2))) out.add(s);
  if (DIALECT_FUTURE.test(token)) for (const s of readings(token.slice(1))) out.add(s);
  const seated = SEATED_HAMZA.exec(token);
  if (seated) out.add(stem(`${seated[1]}ء`));
  return [...out];
}

/**
 * A word ending in اء writes its hamza on a seat before an attached pronoun (شركاء → شركائها, آراء → آرائهم,
 * بقاء → بقاؤهم), which folds to ي or و: such a word is read with its ء too. Not before ه alone: folded, ئه is
 * also the ية of a feminine noun (لقائه and ولاية both end in ايه).
 */
const SEATED_HAMZA = /^(\S{2,}ا)[يو](?:ها|هم|هما|هن|كم|نا)$/u;

/** Nouns beginning with a letter that also attaches to words (see lexicon/README.md: whole-words.txt). */
const WHOLE_WORDS: ReadonlySet<string> = new Set(readFileSync(new URL("./lexicon/whole-words.txt", import.meta.url), "utf8").split("\n").filter(Boolean));

/** Root extraction for the secondary field: maintained npm package, ISC licence (see lexicon/README.md). */
interface RootStemmer {
  stem(token: string): { stem: string[] };
}
// The package is a UMD bundle whose module.exports is the class; its typings describe an ES default export.
const RootStemmerClass = createRequire(import.meta.url)("arabic-stem") as new () => RootStemmer;
const rootStemmer = new RootStemmerClass();

/**
 * Root candidates of a normalized token (يفصل and انفصال both give فصل, تقارب and اقتراب قرب), so words of one root
 * in different patterns can meet in a lower-weighted field. Latin, digits and words under three letters have none.
 */
export function roots(token: string): readonly string[] {
  const word = lexeme(token);
  return (word.roots ??= token.length < 3 || !ARABIC_LETTERS.test(token) ? [] : rootsOf(token));
}

function rootsOf(token: string): readonly string[] {
  const found = packageRoots(token);
  const more = [...formEightRoots(token), ...presentRoots(token), ...tiedRoots(token)];
  return more.length === 0 ? found : [...new Set([...more, ...found])];
}

/** The package's roots of a token. It throws on some long words (no patterns past eight letters): those have none. */
function packageRoots(token: string): string[] {
  try {
    return rootStemmer.stem(token).stem.filter((r) => r.length >= 3);
  } catch {
    return [];
  }
}

/**
 * The package reads the ت that a ة becomes before an attached pronoun as a letter of the root (صورتهما → صرت,
 * سياستها → است, دولته → دلت): such a word is read with its ة too (صورة → صير, as تصوير is), so it meets its family.
 */
function tiedRoots(token: string): string[] {
  const tied = TIED_TA.exec(token);
  return tied ? packageRoots(`${tied[1]}ه`) : [];
}

/**
 * The package reads a present verb's ي as a letter of a root beginning with ا (يقول → اقل, يزور → ازر, يدعو →
 * ادع), where it reads the same verb with ت right (تقول → قيل, تزور → زير, تدعو → دعي). A verb with ي is also
 * read as its ت form, and those roots are added (but not one beginning with the ت put in).
 */
function presentRoots(token: string): string[] {
  if (token.length < 4 || !token.startsWith("ي")) return [];
  return packageRoots(`ت${token.slice(1)}`).filter((r) => !r.startsWith("ت"));
}

/**
 * Roots of the eighth verb form (افتعل) that the package misses. Where the root begins with و, its و is written
 * ت in the form (اتفق, اتصال, اتحاد, يتجه: وفق, وصل, وحد, وجه); where it begins with ل, the form begins as the
 * article does (التقى, التزام: لقي, لزم), and the package reads an article and a root beginning with ت. Both link
 * words news uses every day to the rest of their family (اتفاق, توافق; التقى, لقاء; اتحاد, توحيد, موحد).
 */
function formEightRoots(token: string): string[] {
  const bases = new Set([token]);
  if (/^[وفبلك]\S{4,}/u.test(token)) bases.add(token.slice(1));
  if (/^لل\S{4,}/u.test(token)) bases.add(token.slice(2));
  for (const b of [...bases]) if (/^الا?ت/u.test(b) && b.length >= 6) bases.add(b.slice(2));
  const out: string[] = [];
  for (const w of bases) {
    let m: RegExpExecArray | null;
    // Assimilated و: اتفق, اتفقت, اتفقوا, اتفاق, اتفاقيه, اتفاقات, متفق, يتفق, تتجه.
    if ((m = /^ات(\S)ا(\S)(?:يه|يات|ات|ه)?$/u.exec(w)) || (m = /^(?:ا|م|[يتن])ت(\S)(\S)(?:ت|وا|ا|تا|ون|ان|ين|ه|ات)?$/u.exec(w))) out.push(`و${m[1]}${m[2]}`);
    // ل: التقي (التقى), التزم, التزمت, التقت, التقيا, التزام.
    if ((m = /^الت(\S)(\S)(?:ت|وا|ا|تا)?$/u.exec(w)) || (m = /^الت(\S)ا(\S)(?:ه|ات)?$/u.exec(w))) out.push(`ل${m[1]}${m[2]}`);
    if ((m = /^الت(\S)(?:ت|وا|يا)$/u.exec(w))) out.push(`ل${m[1]}ي`);
  }
  return out.filter((r) => ARABIC_LETTERS.test(r));
}

/** The stem readings of one word as written (diacritics, clitics and all); none for a stop word. */
export const writtenStems: (written: string) => readonly string[] = remembered(100_000, (written) => {
  const word = tokenize(written)[0];
  return !word || isStopWord(word) ? [] : stemCandidates(word);
});

/** A word of a text as written, with where it stands and the stems it is read by (none for a stop word). */
export interface WordSpan {
  start: number;
  end: number;
  stems: readonly string[];
}

/**
 * The words of a text as written (letters with their marks and tatweel, or digits) with their stems, worked out once
 * per text: a passage is marked for every question that finds it. Read-only. A few thousand texts (about 2 KB each)
 * are kept: the passages questions find again.
 */
export const wordSpans: (text: string) => readonly WordSpan[] = remembered(4_000, (text) =>
  [...text.matchAll(/[\p{L}\p{M}\u0640]+|\p{N}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, stems: writtenStems(m[0]) })),
);

export interface Analysis {
  /** Normalized surface words (stop words removed), for the exact-match field. */
  exact: string[];
  /** Stem candidates of those words, for the stemmed field. */
  stems: string[];
}

/**
 * Stop words, and any single letter or digit: alone they say nothing ("2" would match "سيبيريا-2"). A stop word
 * behind an attached conjunction or preposition, before an attached pronoun or in the future is one too (وكيف, فما,
 * بأي, ولذلك, بينهما, سيكون): the letters add no content.
 */
export function isStopWord(token: string): boolean {
  return token.length === 1 || baseStopWord(token) || attachedStopWord(token) || futureStopWord(token);
}

/** In the stop list, or a word of it (of `minBase` letters at least) with an attached pronoun. */
function baseStopWord(token: string, minBase = 2, list = STOP_WORDS): boolean {
  return list.has(token) || pronounStopWord(token, minBase, list);
}

/** Attached pronouns, longest first. */
const PRONOUNS = ["هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه"];

/** A stop word with an attached pronoun (بعضهما, بينهما, معهم, لديها, عنه): the pronoun adds no content either. */
function pronounStopWord(token: string, minBase: number, list: ReadonlySet<string>): boolean {
  for (const p of PRONOUNS) {
    if (!token.endsWith(p) || token.length - p.length < minBase) continue;
    const base = token.slice(0, -p.length);
    // The article takes no pronoun: اله is آلة ("machine"), not ال + ه.
    if (list.has(base) && base !== "ال") return true;
  }
  return false;
}

/** The person prefixes of a present verb (يفعل, تفعل, نفعل, أفعل). */
export const PRESENT_PREFIXES: ReadonlySet<string> = new Set(["ي", "ت", "ن", "ا"]);

/** A verb of the stop list in the future (سيكون, ستكون, وسيكون): its س adds no content. */
function futureStopWord(token: string): boolean {
  const rest = token.replace(/^[وف](?=س)/u, "");
  return rest.length >= 4 && rest[0] === "س" && PRESENT_PREFIXES.has(rest[1]!) && STOP_WORDS.has(rest.slice(1));
}

/**
 * و or ف, then ب, ل or ك, before a stop word of two letters or more. A noun of the dictionary (whole-words.txt) is
 * read so only with one letter before a standard stop word (وهم "and they", فقد "so has"): ولاية is no و + ل +
 * ايه, كمين no ك + مين, فلبين no ف + ل + بين.
 */
function attachedStopWord(token: string): boolean {
  const whole = WHOLE_WORDS.has(token);
  const list = whole ? STANDARD_STOP_WORDS : STOP_WORDS;
  let rest = token;
  if (rest.length > 2 && (rest[0] === "و" || rest[0] === "ف")) rest = rest.slice(1);
  if (rest !== token && rest.length >= 2 && baseStopWord(rest, 2, list)) return true;
  // A noun is not read as two letters and a stop word.
  if (whole && rest !== token) return false;
  if (rest.length > 2 && (rest[0] === "ب" || rest[0] === "ل" || rest[0] === "ك")) rest = rest.slice(1);
  // Behind ب, ل or ك only a stop word of three letters takes a pronoun: كلمة is not ك + لم + ه.
  return rest !== token && rest.length >= 2 && baseStopWord(rest, 3, list);
}

/** Analyze a piece of text into the terms the index stores; the same for documents and queries. */
export function analyze(text: string): Analysis {
  const exact: string[] = [];
  const stems: string[] = [];
  for (const token of tokenize(text)) {
    const word = lexeme(token);
    if (word.stop) continue;
    exact.push(token);
    for (const s of word.stems) stems.push(s);
  }
  return { exact, stems };
}

/** True when the text has letters in a script the briefing uses (Arabic or Latin) or digits. */
export function hasSearchableScript(text: string): boolean {
  return /[\u0600-\u06FFA-Za-z0-9\u0660-\u0669\u06F0-\u06F9]/.test(text);
}
