/**
 * A short follow-up ("وماذا عن الغاز؟", "and the pipeline?") read with the question before it: the query keeps
 * the earlier question's subject and adds the new words. The bot decides when a message is recent enough to be
 * a follow-up; this decides whether it reads like one and what to search.
 */
import { isStopWord, tokenize } from "./arabic.js";
import questions from "./lexicon/question-words.json" with { type: "json" };

/** Openings that mark a follow-up: "وماذا عن", "وعن", "what about", "and" (a leading "طيب" is a filler, below). */
const OPENERS = ["وماذا عن", "ماذا عن", "وما عن", "وشو عن", "شو عن", "وايش عن", "ووش عن", "وكيف عن", "وعن", "و", "what about", "how about", "and what about", "and", "also", "what of"].map((o) => tokenize(o)).sort((a, b) => b.length - a.length);
/** Words a reader may put before the opener ("طيب وعن الغاز؟", "ok and the pipeline?"). */
const FILLERS = new Set(["طيب", "طب", "اوكي", "حسنا", "تمام", "ok", "okay", "so", "well"].flatMap((w) => tokenize(w)));
/** Question words say what is asked, not about what: they are not the subject. */
const QUESTION_WORDS = new Set(questions.cues.flatMap((c) => c.words.map((w) => tokenize(w)).filter((t) => t.length === 1).flat()));
/** A follow-up has at most this many content words; more, and it is a question of its own. */
const MAX_NEW_WORDS = 3;

/**
 * Between a follow-up as typed and the question it borrows its subject from, in the query text (an invisible
 * separator, which normalization drops): the search wants passages on the follow-up's own words first, in the
 * earlier context. Kept in the text, so a saved query pages the same way and is titled as the reader typed it.
 */
export const FOCUS_MARK = "\u2063";

/** Text as a reader sent it, without the focus mark, which only the bot may write. */
export function typed(text: string): string {
  return text.replaceAll(FOCUS_MARK, "");
}

/** A query's focus (a follow-up as typed) and the question before it, or the whole query when it has none. */
export function splitFocus(query: string): { focus?: string; subject: string } {
  const at = query.indexOf(FOCUS_MARK);
  if (at < 0) return { subject: query };
  return { focus: query.slice(0, at).trim(), subject: query.slice(at + FOCUS_MARK.length).trim() };
}

/**
 * The content words a follow-up adds ("وماذا عن الغاز؟" → الغاز), or undefined when the message does not read as
 * a follow-up (no opener, nothing added, or enough words to stand alone).
 */
export function followUpWords(message: string): string[] | undefined {
  const all = tokenize(message);
  let start = 0;
  while (start < all.length - 1 && FILLERS.has(all[start]!)) start++;
  const tokens = all.slice(start);
  const opener = OPENERS.find((o) => o.every((t, i) => tokens[i] === t || (i === o.length - 1 && o.length === 1 && tokens[i]?.startsWith(t) && tokens[i]!.length > 3)));
  if (!opener) return undefined;
  // A "و" attached to the next word ("والغاز") stays on it: the analyzer reads the word both ways.
  const attached = opener.length === 1 && opener[0] === "و" && tokens[0] !== "و";
  const rest = attached ? tokens : tokens.slice(opener.length);
  const added = rest.filter((t) => !isStopWord(t) && !QUESTION_WORDS.has(t));
  return added.length === 0 || added.length > MAX_NEW_WORDS ? undefined : added;
}

/**
 * The query to search for a follow-up to `previous`: the follow-up as typed, the focus mark, then the previous
 * question; or undefined when the message does not read as a follow-up.
 */
export function followUpQuery(previous: string, message: string): string | undefined {
  if (!followUpWords(message)) return undefined;
  return `${message.trim()} ${FOCUS_MARK} ${previous.trim()}`;
}

/** The words a query's focus adds (a follow-up's content words; the focus as it is when it reads otherwise). */
export function focusWords(focus: string): string {
  return followUpWords(focus)?.join(" ") ?? focus;
}
