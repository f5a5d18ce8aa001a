/**
 * What kind of answer a question asks for, from its question word (MSA, dialect or English), and where a
 * sentence holds that kind of answer: a number for "how much", a date for "when", and so on. The word lists
 * are in `lexicon/question-words.json` with their source.
 */
import { normalize, tokenize } from "./arabic.js";
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
        return cue.type;
      }
    }
    // Question words come first in Arabic and English; later words are content ("من" = "from").
    if (i - first >= 2) break;
  }
  return "other";
}

function matchesAt(tokens: readonly string[], at: number, cue: readonly string[]): boolean {
  return cue.every((c, j) => {
    const t = tokens[at + j];
    return t !== undefined && (t === c || (j === 0 && ATTACHED.test(t) && t.slice(1) === c));
  });
}

const MONTHS = lexicon.months.map(normalize).join("|");
const WEEKDAYS = lexicon.weekdays.map(normalize).join("|");
const TIME_WORDS = lexicon.timeWords.map(normalize).join("|");
const QUANTITY_WORDS = lexicon.quantityWords.map(normalize).join("|");
const PERSON_WORDS = lexicon.personWords.map(normalize).join("|");
const PLACE_WORDS = lexicon.placeWords.map(normalize).join("|");
/** Prefixes a word may carry in the text (و, ب, ل, ال…) before the cue itself. */
const PRE = "(?:^|(?<=[\\s\"“«(/]))(?:[وفبلك]?(?:ال)?)";
const END = "(?=$|[^\\p{L}])";

const EVIDENCE: Partial<Record<QuestionType, RegExp>> = {
  quantity: new RegExp(`(?:${PRE}(?:${QUANTITY_WORDS})\\s+)?\\d+(?:[.,]\\d+)?(?:\\s*%)?(?:\\s+(?:${QUANTITY_WORDS}))*|${PRE}(?:${QUANTITY_WORDS})${END}`, "gu"),
  time: new RegExp(
    `${PRE}(?:${WEEKDAYS}|${MONTHS}|${TIME_WORDS})${END}(?:[\\s/]+(?:${PRE}(?:${WEEKDAYS}|${MONTHS})${END}|\\d{4}))*|(?:^|(?<=\\s))(?:1[89]|20)\\d\\d${END}`,
    "gu",
  ),
  person: new RegExp(`${PRE}(?:${PERSON_WORDS})${END}`, "gu"),
  place: new RegExp(`${PRE}(?:${PLACE_WORDS})${END}`, "gu"),
};

/**
 * Ranges of a text that hold the kind of answer the question type asks for (numbers, dates, people's titles,
 * place words), as positions in the text as written. Empty for types whose answer has no surface form
 * (why, how, yes/no).
 */
export function answerEvidence(type: QuestionType, text: string): Range[] {
  const pattern = EVIDENCE[type];
  if (!pattern) return [];
  const { folded, at } = foldWithPositions(text);
  return [...folded.matchAll(pattern)]
    .filter((m) => m[0].trim().length > 0)
    .map((m): Range => [at[m.index]!, at[m.index + m[0].length - 1]! + 1]);
}

/** The normalized text, and for each of its characters the position of the character it came from. */
export function foldWithPositions(text: string): { folded: string; at: number[] } {
  let folded = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const n = normalize(text[i]!);
    for (const ch of n) {
      folded += ch;
      at.push(i);
    }
  }
  return { folded, at };
}
