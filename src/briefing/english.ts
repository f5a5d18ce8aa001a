/**
 * English questions over Arabic passages. English words become Arabic through three general parts, and only for
 * queries with Latin letters: a dictionary (FreeDict eng-ara, `lexicon/eng-ara.tsv.gz`) whose senses are kept
 * only when the briefing holds their words; names read as sounds and matched against the briefing's vocabulary
 * (`transliterate.ts`); and the small domain glossary as an override that can be switched off.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { analyze, isStopWord, normalize, remembered, roots, stem, stemCandidates, tokenize } from "./arabic.js";
import { glossaryEntry } from "./glossary.js";
import questionWords from "./lexicon/question-words.json" with { type: "json" };
import { NameMatcher, nameDistance, sounds } from "./transliterate.js";

/** What the index tells about the Arabic words it holds; plain functions so any index implementation can answer. */
export interface IndexVocabulary {
  /** In how many passages an analyzed Arabic stem (`stemCandidates`) occurs; 0 when the briefing lacks it. */
  df(stem: string): number;
  /** Normalized words as written in the passages (words with other letters or digits are passed over). */
  vocabulary(): Iterable<string>;
  /** In how many passages a root (`roots`) occurs; absent when the index keeps no roots. */
  rootDf?(root: string): number;
  /**
   * The form the index holds of a word it lacks as written (a verb's verbal noun: اتفق → اتفاق); absent when the
   * index cannot tell.
   */
  variant?(word: string): string | undefined;
  /**
   * A number that changes whenever words are added (the passage count will do): the vocabulary is read again only
   * then. Without it, it is read on every query.
   */
  version?(): number;
}

export interface EnglishOptions {
  /** Use the domain glossary before the dictionary (default true); off measures the general parts alone. */
  glossary?: boolean;
}

export interface ArabicTerm {
  /** An Arabic word or phrase to search for. */
  text: string;
  /** How much it should count next to the words typed (1): dictionary senses are guesses, so they weigh less. */
  weight: number;
  from: "glossary" | "name" | "dictionary" | "form" | "question";
  /** The English word it renders, by its place among the query's Latin words (the first of a phrase). */
  source: number;
}

/**
 * Weights by origin. Glossary entries were written for the domain and a close name match is the name itself; a
 * dictionary sense is right only in context, so it weighs a little less. On the odd ids of the development set
 * any weight from 0.7 to 1 measures the same (compact-engine index: R@3 .900, MRR .850, glossary on or off; on the
 * earlier MiniSearch index 0.6 lowered MRR without the glossary, .850 → .833): the mildest discount is kept.
 */
export const WEIGHTS = { glossary: 1, name: 1, dictionary: 0.9, form: 0.7, question: 1 } as const;
/** Senses kept per English word that the briefing holds, in the lexicons' order. */
const MAX_SENSES = 3;
/** Translations longer than this many content words are explanations, not equivalents. */
const MAX_SENSE_WORDS = 3;
/** Longest dictionary phrase tried ("balance of power"). */
const MAX_PHRASE = 4;
/** No English or Arabic word, or two typed together, is longer than this. */
export const MAX_WORD_LETTERS = 24;
/** English question phrases, as words, and the Arabic word they ask with (lexicon/question-words.json: how many times, مرة). */
export const QUESTION_PHRASES: ReadonlyArray<readonly [readonly string[], string]> = Object.entries(questionWords.englishPhrases).map(([phrase, arabic]) => [tokenize(phrase), arabic]);
/**
 * Name matches (see `nameDistance`): a capitalized word this close is a name before it is a dictionary word
 * (Un in Kim Jong Un; West → وسط is 0.1 away and is not); a capitalized word, or one the dictionary does not know,
 * this close to nothing better is a name; a capitalized word next to an accepted name may be a looser spelling,
 * one near letter off (Si Jinping: س for ش). Measured on the odd ids of the development set.
 */
const NAME = { sure: 0.05, accept: 0.25, nextToName: 0.45, nextToNameCost: 0.5 } as const;
/** A name split in two Arabic words (Jinping → جين بينغ) must beat the whole-word match by this much. */
const SPLIT_PENALTY = 0.05;

/**
 * The weight of each stem the Arabic terms bring to a query, for a ranking that weighs terms: a stem keeps the
 * highest weight of the terms holding it.
 */
export function stemWeights(terms: readonly ArabicTerm[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) for (const s of analyze(t.text).stems) out.set(s, Math.max(out.get(s) ?? 0, t.weight));
  return out;
}

const NOTHING_HELD: IndexVocabulary = { df: () => 0, vocabulary: () => [], version: () => 0 };

/**
 * The query to analyze, with the Arabic for its English words appended, and the weights of the stems that only
 * the Arabic brought (a stem also typed weighs 1). Without an index nothing is known to be held, so only the
 * glossary applies.
 */
export function withEnglish(query: string, index: IndexVocabulary = NOTHING_HELD, options?: EnglishOptions): Translated {
  const { terms: arabic, unnamed } = translate(query, index, options);
  const typed = tokenize(query).length;
  if (arabic.length === 0) return { text: query, weights: new Map(), unnamed, sources: new Map(), typed };
  // An English word's weight is shared by the senses it is searched by (last: الماضي, آخر, أخير), as a typo's is by
  // its equally near words: a passage holding three of them is not three times the match of one holding the word.
  const senses = new Map<number, number>();
  for (const t of arabic) senses.set(t.source, (senses.get(t.source) ?? 0) + 1);
  // And a sense of several words (SCO: منظمة شنغهاي للتعاون; capital: رأس المال) weighs as one word, its words
  // sharing it, as a name of several words typed in Arabic does (`namesAsOne`): "the SCO development bank" had
  // ranked the passages naming the organization in full over the one with the bank's capital. English, held-out
  // set 28 R@1 .700 → .800 and set 33 (new articles) R@3 .813 → .875; dev, sets 27 and 29–32 unchanged, glossary on
  // or off; Arabic questions are not touched. A share of 1/√n moved nothing.
  const weights = stemWeights(arabic.map((t) => ({ ...t, weight: t.weight / senses.get(t.source)! / Math.max(1, analyze(t.text).exact.length) })));
  for (const s of analyze(query).stems) weights.delete(s);
  const sources = new Map<string, number>();
  for (const t of arabic) for (const token of tokenize(t.text)) if (!sources.has(token)) sources.set(token, t.source);
  return { text: `${query} ${arabic.map((t) => t.text).join(" ")}`, weights, unnamed, sources, typed };
}

/** A query with the Arabic for its English words appended (`withEnglish`). */
export interface Translated {
  text: string;
  /** Weights of the stems only the Arabic brought. */
  weights: Map<string, number>;
  /** Capitalized English words that render as no word of the briefing. */
  unnamed: string[];
  /** For each appended Arabic word, the English word (by its place among the query's Latin words) it renders. */
  sources: Map<string, number>;
  /** How many words the query itself has: the appended Arabic comes after them. */
  typed: number;
}

let dictionary: Map<string, readonly string[]> | undefined;

/** The headwords of the project's own lists (abbreviations, relative time, the common words of news). */
const commonHeadwords = new Set<string>();

/** English headword → Arabic senses, read once on first use (about 87,000 headwords, 0.7 MB gzip'ed). */
export function englishDictionary(): ReadonlyMap<string, readonly string[]> {
  if (!dictionary) {
    const file = new URL("./lexicon/eng-ara.tsv.gz", import.meta.url);
    let text: string;
    try {
      text = gunzipSync(readFileSync(file)).toString("utf8");
    } catch (error) {
      throw new Error(`english: cannot read ${file.pathname} (see src/briefing/lexicon/README.md to derive it): ${String(error)}`);
    }
    dictionary = new Map();
    // Common abbreviations of news English (wwii, nato), phrases of relative time (last year: العام الماضي, not
    // "last" and "year" apart) and the common words of news with their usual senses (call: اتصال, دعا, وصف, where
    // the dictionary gives النداء alone), after it (see lexicon/README.md).
    const added = ["eng-ara-abbreviations.tsv", "eng-ara-time.tsv", "eng-ara-common.tsv"].map((f) => readFileSync(new URL(`./lexicon/${f}`, import.meta.url), "utf8"));
    const lines = text.split("\n");
    const ownFrom = lines.length;
    lines.push(...added.join("\n").split("\n"));
    for (const [n, line] of lines.entries()) {
      if (line.startsWith("#")) continue;
      const tab = line.indexOf("\t");
      if (tab <= 0) continue;
      if (n >= ownFrom) commonHeadwords.add(line.slice(0, tab));
      // A sense may give two names for one thing, as the dictionary writes a month's (سبتمبر/أيلول): each is a sense.
      const senses = line.slice(tab + 1).split(/[|/]/).map((sense) => sense.trim()).filter(Boolean);
      dictionary.set(line.slice(0, tab), [...(dictionary.get(line.slice(0, tab)) ?? []), ...senses]);
    }
  }
  return dictionary;
}

/** The content words of every sense the dictionary gives an English word, in any of its inflections, normalized. */
export function englishSenseWords(word: string): string[] {
  const dict = englishDictionary();
  return [...new Set(lemmas(word.toLowerCase()).flatMap((l) => (dict.get(l) ?? []).flatMap((sense) => tokenize(sense).filter((t) => !isStopWord(t)))))];
}

/** Whether the dictionary knows an English word, in any of its inflections. */
export function isEnglishWord(word: string): boolean {
  const dict = englishDictionary();
  return lemmas(word.toLowerCase()).some((l) => dict.has(l));
}

let arabicNouns: Set<string> | undefined;

/**
 * The nouns of the dictionary's Arabic side, normalized and without the article it writes them with (الصاروخ →
 * صاروخ), which a verb (استمرت) never takes. Loaded with the dictionary, on first use.
 */
export function dictionaryNouns(): ReadonlySet<string> {
  if (!arabicNouns) {
    arabicNouns = new Set();
    for (const senses of englishDictionary().values()) {
      for (const sense of senses) for (const t of tokenize(sense)) if (t.length > 4 && t.startsWith("ال")) arabicNouns.add(t.slice(2));
    }
  }
  return arabicNouns;
}

let senseVocabulary: { words: Set<string>; stems: Set<string> } | undefined;

/** The words of the dictionary's Arabic senses, normalized, and their stem readings; read once. */
function senseWordsAndStems(): { words: Set<string>; stems: Set<string> } {
  if (!senseVocabulary) {
    senseVocabulary = { words: new Set(), stems: new Set() };
    for (const list of englishDictionary().values()) {
      for (const sense of list) {
        for (const t of tokenize(sense)) {
          senseVocabulary.words.add(t);
          for (const s of stemCandidates(t)) senseVocabulary.stems.add(s);
        }
      }
    }
  }
  return senseVocabulary;
}

/** An English headword with more senses than this is too broad for its senses to stand for one another (run, set). */
const PIVOT_MAX_SENSES = 8;
/** Other words kept per Arabic word, those more headwords lead to first. */
const PIVOT_MAX_WORDS = 6;
/** The English headwords of each one-word Arabic sense, by the sense's stem; built when first asked for. */
let headwordsByStem: Map<string, string[]> | undefined;

/**
 * Stems of other Arabic words for an Arabic word, through the dictionary: the one-word senses of the English
 * headwords it is a sense of (تكاتف → solidarity → تضامن). Paraphrase by pivoting through another language
 * (Bannard & Callison-Burch, "Paraphrasing with bilingual parallel corpora", 2005), with the dictionary for the
 * corpus. Broad, since a headword's senses are not all one sense (حرج → critical → حاسم): searched only for a word
 * the briefing lacks, and at a low weight (see `RANKING.pivot`).
 */
export const pivotStems: (word: string) => readonly string[] = remembered(50_000, (word) => {
  const dict = englishDictionary();
  const oneWord = (sense: string) => {
    const words = tokenize(sense);
    return words.length === 1 ? stem(words[0]!) : undefined;
  };
  if (!headwordsByStem) {
    headwordsByStem = new Map();
    for (const [headword, senses] of dict) {
      if (senses.length > PIVOT_MAX_SENSES) continue;
      for (const sense of senses) {
        const key = oneWord(sense);
        if (key) (headwordsByStem.get(key) ?? headwordsByStem.set(key, []).get(key)!).push(headword);
      }
    }
  }
  const own = stem(word);
  const leads = new Map<string, number>();
  for (const headword of new Set(headwordsByStem.get(own) ?? [])) {
    for (const key of new Set(dict.get(headword)!.map(oneWord))) if (key && key !== own) leads.set(key, (leads.get(key) ?? 0) + 1);
  }
  return [...leads]
    .sort((a, b) => b[1] - a[1])
    .slice(0, PIVOT_MAX_WORDS)
    .map(([key]) => key);
});

/** Whether a sense is one word ending as an adjective of a place or people does (كوري, الكورية). */
function isNisba(sense: string): boolean {
  const words = tokenize(sense);
  return words.length === 1 && /(?:ي|يه)$/u.test(words[0]!);
}

/** Whether a normalized word is written, as it stands, in one of the dictionary's Arabic senses. */
export function isSenseWord(word: string): boolean {
  return senseWordsAndStems().words.has(word);
}

/**
 * Whether the dictionary's Arabic side has a word in any of its stem readings (nouns, verbs, adjectives): a word
 * it lacks in every reading is more likely a name than Arabic vocabulary.
 */
export function isArabicWord(word: string): boolean {
  return stemCandidates(normalize(word)).some((s) => senseWordsAndStems().stems.has(s));
}

/** Whether an Arabic word is a noun of the dictionary; a noun in the accusative of "how many" (صاروخا) counts without its alif. */
export const isArabicNoun: (word: string) => boolean = remembered(50_000, (word) => {
  const nouns = dictionaryNouns();
  const bare = normalize(word).replace(/^(?:[وفبك]?ال|لل)(?=\S{2,})/u, "");
  return nouns.has(bare) || (bare.endsWith("ا") && nouns.has(bare.slice(0, -1)));
});

/** Headwords an inflected English word may stand for: itself, then without plural, past or -ing endings. */
export function lemmas(word: string): string[] {
  const w = word.replace(/'s?$/, "");
  const out = [w];
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? s.slice(0, -1) : s);
  if (w.length > 4 && w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`);
  if (w.length > 3 && w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) out.push(w.slice(0, -1));
  if (w.length > 4 && w.endsWith("ied")) out.push(`${w.slice(0, -3)}y`);
  if (w.length > 4 && w.endsWith("ed")) out.push(w.slice(0, -2), w.slice(0, -1), undouble(w.slice(0, -2)));
  if (w.length > 5 && w.endsWith("ing")) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`, undouble(w.slice(0, -3)));
  // Of five letters, only the two-letter verbs (going → go, doing → do); "thing" is no "the".
  if (w.length === 5 && w.endsWith("ing")) out.push(w.slice(0, -3));
  return [...new Set(out)];
}

/** The headwords of a word's family in the dictionary: its lemmas and their plurals (student, students). */
function family(word: string, dict: ReadonlyMap<string, readonly string[]>): string[] {
  const out = new Set<string>();
  for (const lemma of lemmas(word)) {
    if (!dict.has(lemma)) continue;
    out.add(lemma);
    for (const plural of [`${lemma}s`, `${lemma}es`, lemma.endsWith("y") ? `${lemma.slice(0, -1)}ies` : ""]) if (dict.has(plural)) out.add(plural);
  }
  return [...out];
}

/** A sense the briefing can use, and whether it is searched in another form than the dictionary's (a weaker guess). */
interface HeldSense {
  sense: string;
  from: "dictionary" | "form";
}

/**
 * The senses the briefing can use, in the lexicons' order (the commonest sense first): a sense counts when every
 * content word of it has a stem the index holds. A sense held by no passage would only add noise; explanations
 * (long senses) are left out. Rarest first, as before the common words' lexicon came, picked "call"'s rarer
 * senses (مكالمة, سمى) over دعا and وصف: English MRR held-out sets 13 .670 → .750, 17 .717 → .783 and five
 * more gained in this order, none lost; the dictionary alone measures the same either way.
 */
function heldSenses(senses: Iterable<string>, index: IndexVocabulary): HeldSense[] {
  const scored: HeldSense[] = [];
  for (const sense of new Set(senses)) {
    const written = tokenize(sense).filter((t) => !isStopWord(t));
    if (written.length === 0 || written.length > MAX_SENSE_WORDS) continue;
    const dfOf = (w: string) => Math.max(0, ...stemCandidates(w).map((s) => index.df(s)));
    // A sense the dictionary gives as a verb is searched by the form the briefing holds (agree → اتفق → اتفاق).
    const words = written.map((w) => (dfOf(w) > 0 ? w : (index.variant?.(w) ?? w)));
    if (words.some((w) => dfOf(w) === 0)) continue;
    scored.push({ sense: words.join(" "), from: words.some((w, k) => w !== written[k]) ? "form" : "dictionary" });
  }
  const seen = new Set<string>();
  return scored.filter((s) => !seen.has(s.sense) && seen.add(s.sense)).slice(0, MAX_SENSES);
}

/**
 * When the briefing holds no sense of a word as written, its one-word noun senses whose root it holds (need →
 * الحاجة, held as يحتاج): such a word is searched by its root only, at the root's low weight.
 */
function rootSenses(senses: Iterable<string>, index: IndexVocabulary): string[] {
  if (!index.rootDf) return [];
  const out: Array<{ sense: string; df: number }> = [];
  for (const sense of new Set(senses)) {
    const words = tokenize(sense).filter((t) => !isStopWord(t));
    if (words.length !== 1 || !isArabicNoun(words[0]!)) continue;
    const df = Math.max(0, ...roots(words[0]!).map((r) => index.rootDf!(r)));
    if (df > 0) out.push({ sense: words[0]!, df });
  }
  return out.sort((a, b) => a.df - b.df).slice(0, 1).map((s) => s.sense);
}

/** Name matchers by index, with the version they were last brought up to. */
const matchers = new WeakMap<IndexVocabulary, { matcher: NameMatcher; version: number | undefined }>();
function nameMatcher(index: IndexVocabulary): NameMatcher {
  let cached = matchers.get(index);
  const version = index.version?.();
  if (!cached) matchers.set(index, (cached = { matcher: new NameMatcher(), version: undefined }));
  if (version === undefined || cached.version !== version) {
    cached.matcher.update(index.vocabulary());
    cached.version = version;
  }
  return cached.matcher;
}

interface NameGuess {
  text: string;
  distance: number;
  cost: number;
  /** An ordinary Arabic word the name fits only loosely (`nameLike`): taken only beside a name. */
  ordinary?: boolean;
}

/**
 * Whether a word of the briefing may be the rendering of a name: an ordinary Arabic word (مدى "extent") is one only
 * when the name sounds exactly as it is written (Xi → شي); one the name fits only with a vowel left out (Modi →
 * مدى, which would be مودي) is that word, not the name.
 */
function nameLike(match: { arabic: string; cost: number }): boolean {
  return match.cost === 0 || !isArabicWord(match.arabic);
}

/**
 * The closest rendering of a Latin word among the briefing's words: one word, or two for a name written as one
 * (Jinping → جين بينغ) when both halves, of three letters at least, render closely.
 */
function guessName(word: string, matcher: NameMatcher, maxDistance: number, ordinary = false): NameGuess | undefined {
  // Longer than any word: letters held down or pasted, not a name (matching it costs a pass per cut).
  if (word.length > MAX_WORD_LETTERS) return undefined;
  const whole = matcher.match(word, maxDistance).find((m) => ordinary || nameLike(m));
  let best: NameGuess | undefined = whole && { text: whole.arabic, distance: whole.distance, cost: whole.cost, ordinary: !nameLike(whole) };
  if (best && best.distance <= NAME.sure) return best;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const head = matcher.match(word.slice(0, cut), NAME.sure).find(nameLike);
    if (!head) continue;
    const tail = matcher.match(word.slice(cut), NAME.sure).find(nameLike);
    if (!tail) continue;
    const distance = (head.distance * cut + tail.distance * (word.length - cut)) / word.length + SPLIT_PENALTY;
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { text: `${head.arabic} ${tail.arabic}`, distance, cost: head.cost + tail.cost };
  }
  return best;
}

/**
 * Whether the dictionary renders a word by its sound (harbin → حربين, wang → وانج): then it is a name, and the
 * briefing may spell it its own way (خاربين), so it is looked for among the briefing's words even in lower case.
 * Worked out once per word: it depends on the dictionary alone.
 */
const soundsLikeItsSenses: (word: string) => boolean = remembered(20_000, (word) => {
  const dict = englishDictionary();
  const latin = sounds(word);
  return family(word, dict).some((h) => (dict.get(h) ?? []).some((sense) => nameDistance(latin, normalize(sense).replace(/^ال|\s+/g, "")) <= NAME.accept));
});

interface Word {
  /** Lower case, possessive off. */
  text: string;
  /** As typed, possessive off (Zelensky). */
  typed: string;
  capitalized: boolean;
  stop: boolean;
}

function latinWords(query: string): Word[] {
  return (query.match(/[A-Za-z][A-Za-z']*/g) ?? []).map((raw) => {
    const typed = raw.replace(/'s?$/, "");
    const text = typed.toLowerCase();
    return { text, typed, capitalized: /^[A-Z]/.test(raw), stop: isStopWord(normalize(text)) };
  });
}

/**
 * Arabic words and phrases for the English words of a query, with weights; empty when the query has no Latin
 * letters, so Arabic questions are never changed. English stop words never translate.
 */
export function englishToArabic(query: string, index: IndexVocabulary, options: EnglishOptions = {}): ArabicTerm[] {
  return translate(query, index, options).terms;
}

/** A name shorter than this may be an initial or an abbreviation the briefing writes another way. */
const MIN_NAME_LETTERS = 4;

/**
 * The Arabic for a query's English words, and the names it could not render: capitalized words past the first that
 * the dictionary does not know, that sound like no word of the briefing and stand beside no name it renders
 * (Zelensky when the briefing never mentions him).
 */
function translate(query: string, index: IndexVocabulary, options: EnglishOptions = {}): { terms: ArabicTerm[]; unnamed: string[] } {
  const words = latinWords(query);
  if (words.length === 0) return { terms: [], unnamed: [] };
  const dict = englishDictionary();
  const out = new Map<string, ArabicTerm>();
  const emit = (text: string, from: ArabicTerm["from"], source: number) => {
    const weight = WEIGHTS[from];
    if ((out.get(text)?.weight ?? 0) < weight) out.set(text, { text, weight, from, source });
  };
  const done = words.map((w) => w.stop);

  // The glossary, over content words only (so "belt and road" is the pair "belt road"), pairs first.
  if (options.glossary !== false) {
    const content = words.map((_, i) => i).filter((i) => !words[i]!.stop);
    content.forEach((i, k) => {
      const next = content[k + 1];
      const pair = next === undefined ? undefined : glossaryEntry([words[i]!.text, words[next]!.text]);
      if (pair) {
        emit(pair, "glossary", i);
        done[i] = done[next!] = true;
      }
    });
    for (const i of content) {
      const one = done[i] ? undefined : glossaryEntry([words[i]!.text]);
      if (one) {
        emit(one, "glossary", i);
        done[i] = true;
      }
    }
  }

  // Question phrases that are searched by the Arabic they ask in (how many times → مرة, as in كم مرة).
  for (const [phrase, arabic] of QUESTION_PHRASES) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (!phrase.every((p, k) => words[i + k]!.text === p)) continue;
      emit(arabic, "question", i);
      for (let k = i; k < i + phrase.length; k++) done[k] = true;
    }
  }

  // Dictionary phrases, longest first; stop words may stand inside ("balance of power") but not at either end.
  for (let n = MAX_PHRASE; n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const span = words.slice(i, i + n);
      if (span[0]!.stop || span[n - 1]!.stop || done.slice(i, i + n).some((d, k) => d && !span[k]!.stop)) continue;
      const head = span.slice(0, -1).map((w) => w.text).join(" ");
      const senses = lemmas(span[n - 1]!.text).flatMap((last) => dict.get(`${head} ${last}`) ?? []);
      const held = heldSenses(senses, index);
      if (held.length === 0) continue;
      for (const s of held) emit(s.sense, s.from, i);
      for (let k = i; k < i + n; k++) done[k] = true;
    }
  }

  // Single words: a sure name, else the dictionary's held senses (or a noun sense by its root), else the closest name.
  const matcher = nameMatcher(index);
  const named = words.map(() => false);
  const pending: number[] = [];
  const unknown = new Set<number>();
  words.forEach((w, i) => {
    if (done[i]) return;
    const sure = w.capitalized ? guessName(w.text, matcher, NAME.sure) : undefined;
    if (sure) {
      emit(sure.text, "name", i);
      named[i] = true;
      return;
    }
    const headwords = family(w.text, dict);
    const senses = headwords.flatMap((h) => dict.get(h) ?? []);
    // A name the dictionary spells by sound (harbin → حربين, read as حرب "war") is the briefing's spelling of it
    // when one sounds close enough (خاربين), before any sense of the dictionary's spelling.
    const byItsSound = headwords.length > 0 && soundsLikeItsSenses(w.text) ? guessName(w.text, matcher, NAME.accept) : undefined;
    if (byItsSound) {
      emit(byItsSound.text, "name", i);
      named[i] = true;
      return;
    }
    const held = heldSenses(senses, index);
    // A capitalized word with no held sense may be a name: it is matched by sound below, not by a root.
    const related = held.length === 0 && !w.capitalized ? rootSenses(senses, index) : [];
    for (const s of held.length > 0 ? held : related.map((sense): HeldSense => ({ sense, from: "dictionary" }))) emit(s.sense, s.from, i);
    if (held.length === 0 && related.length === 0 && (w.capitalized || headwords.length === 0 || soundsLikeItsSenses(w.text))) pending.push(i);
    // So is a capitalized word whose senses the briefing holds none of (Alaska, White of White House), unless it is a
    // common word of news (Premier: رئيس الوزراء) or an adjective of a place or people (Korean: كوري), whose place
    // the briefing may name otherwise (كوريا): what it names is not in the briefing.
    const unheldName = w.capitalized && related.length === 0 && !headwords.some((h) => commonHeadwords.has(h)) && !senses.some(isNisba);
    if (held.length === 0 && (headwords.length === 0 || unheldName)) unknown.add(i);
  });
  const guesses = pending.map((i) => ({ i, guess: guessName(words[i]!.text, matcher, NAME.nextToName, true) }));
  const accepted = (guess: NameGuess) => guess.distance <= NAME.accept && !guess.ordinary;
  for (const { i, guess } of guesses) if (guess && accepted(guess)) named[i] = true;
  for (const { i, guess } of guesses) {
    if (!guess) continue;
    const besideName = (named[i - 1] ?? false) || (named[i + 1] ?? false);
    const looser = besideName && words[i]!.capitalized && guess.cost <= NAME.nextToNameCost;
    if (accepted(guess) || looser) {
      emit(guess.text, "name", i);
      unknown.delete(i);
    }
  }
  // A word beside a rendered name is its other part, however it renders (Wenbin after Wang). An unknown word is
  // reported with the capitalized words around it, as the name it is part of (White House).
  const unnamed = new Set<string>();
  words.forEach((w, i) => {
    if (i === 0 || !w.capitalized || !unknown.has(i) || named[i - 1] || named[i + 1] || w.text.length < MIN_NAME_LETTERS) return;
    let [from, to] = [i, i];
    while (from > 1 && words[from - 1]!.capitalized && !named[from - 1]) from--;
    while (to + 1 < words.length && words[to + 1]!.capitalized && !named[to + 1]) to++;
    unnamed.add(words.slice(from, to + 1).map((x) => x.typed).join(" "));
  });
  return { terms: [...out.values()], unnamed: [...unnamed] };
}
