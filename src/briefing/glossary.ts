/**
 * The domain glossary (`lexicon/glossary.json`): English words of the briefing's domain that the dictionary and
 * name matching of `english.ts` miss or get wrong, with their Arabic. An override applied before those; queries only.
 */
import lexicon from "./lexicon/glossary.json" with { type: "json" };

const ENTRIES: Readonly<Record<string, string>> = lexicon.entries;

/** Plural and possessive endings off, so "troops" and "America's" find their entries. */
function singular(word: string): string {
  const w = word.replace(/'s$/, "");
  if (Object.hasOwn(ENTRIES, w)) return w;
  if (w.endsWith("ies") && Object.hasOwn(ENTRIES, `${w.slice(0, -3)}y`)) return `${w.slice(0, -3)}y`;
  if (w.endsWith("s") && Object.hasOwn(ENTRIES, w.slice(0, -1))) return w.slice(0, -1);
  return w;
}

/** The glossary's Arabic for an English word or two-word phrase (lower case, plural or possessive allowed). */
export function glossaryEntry(words: readonly string[]): string | undefined {
  const key = words.map(singular).join(" ");
  return Object.hasOwn(ENTRIES, key) ? ENTRIES[key] : undefined;
}
