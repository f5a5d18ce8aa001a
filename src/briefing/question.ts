/**
 * What kind of answer a question asks for, from its question word (MSA, dialect or English), and where a
 * sentence holds that kind of answer: a number for "how much", a date for "when", and so on. The word lists
 * are in `lexicon/question-words.json` with their source.
 */
import { normalize, remembered, tokenize } from "./arabic.js";
import lexicon from "./lexicon/question-words.json" with { type: "json" };
import type { Range } from "./types.js";

export type QuestionType = "quantity" | "time" | "person" | "place" | "reason" | "manner" | "yesno" | "what" | "other";

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

export function questionType(question: string): QuestionType {
  const tokens = tokenize(question);
  let first = 0;
  while (first < tokens.length - 1 && LEADING.has(tokens[first]!)) first++;
  for (let i = first; i < tokens.length; i++) {
    for (const cue of CUES) {
      if (matchesAt(tokens, i, cue.tokens)) {
        if (i !== first && cue.tokens.length === 1 && FIRST_ONLY.has(cue.tokens[0]!)) continue;
        if (cue.type === "what" && asksMeasure(tokens, i + cue.tokens.length)) return "quantity";
        return cue.type;
      }
    }
    // Question words come first in Arabic and English; later words are content ("من" = "from").
    if (i - first >= 2) break;
  }
  return "other";
}

/** Whether the words from `at` name a measure, after "is the" and the article (الحجم, the size). */
function asksMeasure(tokens: readonly string[], at: number): boolean {
  let i = at;
  while (i < tokens.length && BETWEEN.has(tokens[i]!)) i++;
  const word = tokens[i];
  return word !== undefined && (MEASURES.has(word) || MEASURES.has(word.replace(/^ال/, "")));
}

function matchesAt(tokens: readonly string[], at: number, cue: readonly string[]): boolean {
  return cue.every((c, j) => {
    const t = tokens[at + j];
    return t !== undefined && (t === c || (j === 0 && ATTACHED.test(t) && t.slice(1) === c));
  });
}

/** Normalized single words of each evidence class; multi-word entries ("أكثر من", "كانون الثاني") word by word. */
function wordSet(list: readonly string[]): Set<string> {
  return new Set(list.flatMap((w) => tokenize(w)));
}
const CLASSES: Partial<Record<QuestionType, ReadonlySet<string>>> = {
  quantity: wordSet(lexicon.quantityWords.filter((w) => !/\s/.test(w))),
  time: wordSet([...lexicon.months, ...lexicon.weekdays, ...lexicon.timeWords]),
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

function isEvidence(type: QuestionType, word: string): boolean {
  const words = CLASSES[type];
  if (/^\d+$/.test(word)) return type === "quantity" || (type === "time" && /^(1[89]|20)\d\d$/.test(word));
  if (!words) return false;
  return words.has(word) || words.has(word.replace(PREFIX, "")) || words.has(word.replace(/^[وفبل]/u, ""));
}

/**
 * Ranges of a text that hold the kind of answer the question type asks for (numbers, dates, people's titles,
 * place words), as positions in the text as written; neighbouring evidence words make one range ("أغسطس/آب
 * 1945", "أكثر من 240 مليار دولار"). Empty for types whose answer has no surface form (why, how, yes/no).
 */
export function answerEvidence(type: QuestionType, text: string): Range[] {
  if (!CLASSES[type]) return [];
  const { folded, at } = foldWithPositions(text);
  const words = [...folded.matchAll(/\p{L}+|\p{N}+(?:[.,]\p{N}+)?/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Array<[number, number]> = [];
  let last = -2;
  words.forEach((w, i) => {
    if (!isEvidence(type, w.word)) return;
    let start = w.start;
    if (type === "quantity") {
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
