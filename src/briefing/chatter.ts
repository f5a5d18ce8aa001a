/**
 * Greetings, thanks, farewells and acknowledgements ("السلام عليكم", "شكرا", "hi"), told apart from questions so
 * the bot can answer them with a friendly line instead of searching for "السلام". A message is chatter only when
 * every word of it is a chatter phrase or a filler word ("شكرا جزيلا يا بوت"); one content word makes it a
 * question. The phrases are in `lexicon/chatter.json` with their source.
 */
import { tokenize } from "./arabic.js";
import lexicon from "./lexicon/chatter.json" with { type: "json" };

export type ChatterKind = "greeting" | "thanks" | "farewell" | "acknowledgement";

const KINDS: readonly ChatterKind[] = ["greeting", "thanks", "farewell", "acknowledgement"];
/** Phrases as token sequences, longest first so "السلام عليكم" is read before "سلام". */
const PHRASES = KINDS.flatMap((kind) => lexicon[kind].map((p) => ({ kind, tokens: tokenize(p) })))
  .filter((p) => p.tokens.length > 0)
  .sort((a, b) => b.tokens.length - a.tokens.length);
const FILLER = new Set(lexicon.filler.flatMap((w) => tokenize(w)));
/** A reader greeting at length is still greeting; longer than this it is a message to search. */
const MAX_TOKENS = 12;

/** The kind of the first chatter phrase when the whole message is chatter; undefined for anything else. */
export function chatterKind(message: string): ChatterKind | undefined {
  // "thanks!!", "مرحبااا": letters typed long are the same word.
  const tokens = tokenize(message).map((t) => t.replace(/(\p{L})\1{2,}/gu, "$1"));
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return undefined;
  let kind: ChatterKind | undefined;
  for (let i = 0; i < tokens.length; ) {
    const phrase = PHRASES.find((p) => p.tokens.every((t, j) => tokens[i + j] === t || (j === 0 && tokens[i + j] === `و${t}`)));
    if (phrase) {
      kind ??= phrase.kind;
      i += phrase.tokens.length;
    } else if (FILLER.has(tokens[i]!)) i++;
    else return undefined;
  }
  return kind;
}
