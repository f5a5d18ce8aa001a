/**
 * Telegram sets each line's direction from its first strong character. Lines are started with a mark of the
 * reader's direction, and text of the other direction is isolated, so citations and numbers do not flip.
 */
import type { Language } from "../language.js";

const RLM = "\u200F";
const LRM = "\u200E";
const FSI = "\u2068";
const PDI = "\u2069";

export function lineMark(lang: Language): string {
  return lang === "ar" ? RLM : LRM;
}

/** Start every line of a block with the reader's direction mark. */
export function directed(lang: Language, text: string): string {
  const mark = lineMark(lang);
  return text
    .split("\n")
    .map((line) => (line ? mark + line : line))
    .join("\n");
}

/** Let a run of text pick its own direction inside a line of the other direction. */
export function isolate(text: string): string {
  return FSI + text + PDI;
}
