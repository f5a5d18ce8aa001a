/**
 * Extractive key points: the sentences that carry most of what a set of passages says (or most of what matches a
 * question), chosen greedily so that no two repeat each other.
 */
import { analyze } from "./arabic.js";
import { coverage } from "./sets.js";

export interface Candidate {
  text: string;
  /** Which citation this sentence would carry. */
  cite: number;
  /** Position of the sentence in its article (0 = lead), a mild tie-breaker towards the lead. */
  position: number;
  /** Extra weight from outside, e.g. the rank of the passage the sentence comes from. */
  prior: number;
}

export interface PickOptions {
  max: number;
  /** Stop adding points once their total length would pass this many characters. */
  maxChars?: number;
  /** Query stems: when given, sentences are scored by how many of them they hold. */
  query?: ReadonlySet<string>;
  /** Weight of a stem; defaults to its rarity among the candidates. */
  idf?: (stem: string) => number;
}

const REDUNDANT = 0.5;
const MIN_WORDS = 6;

export function pickKeyPoints<T extends Candidate>(candidates: readonly T[], options: PickOptions): T[] {
  const bags = candidates.map((c) => new Set(analyze(c.text).stems));
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const idf = options.idf ?? ((t: string) => Math.log(1 + n / (df.get(t) ?? 1)));

  const scored = candidates.map((c, i) => {
    const bag = bags[i]!;
    let score: number;
    if (options.query && options.query.size > 0) {
      // Rare query words count most; long sentences do not win by length alone.
      let hit = 0;
      for (const t of options.query) if (bag.has(t)) hit += idf(t);
      score = hit / Math.sqrt(Math.max(8, bag.size) / 8);
    } else {
      // Centrality: how much of the shared vocabulary the sentence carries, normalised by its length.
      let sum = 0;
      for (const t of bag) sum += (df.get(t) ?? 1) > 1 ? idf(t) * ((df.get(t) ?? 1) - 1) : 0;
      score = sum / Math.sqrt(bag.size + 1);
    }
    score = score * (1 + c.prior) * (1 + 0.3 / (1 + c.position));
    return { c, bag, score, words: c.text.split(/\s+/).length };
  });
  scored.sort((a, b) => b.score - a.score);

  const chosen: typeof scored = [];
  let chars = 0;
  for (const s of scored) {
    if (chosen.length >= options.max) break;
    if (s.words < MIN_WORDS || s.score <= 0) continue;
    if (chosen.some((k) => restates(k.bag, s.bag))) continue;
    if (options.maxChars !== undefined && chars + s.c.text.length > options.maxChars && chosen.length > 0) continue;
    chosen.push(s);
    chars += s.c.text.length;
  }
  return chosen.map((s) => s.c);
}

/** Whether one sentence restates the other: most of the smaller bag is found in the larger. */
function restates(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return coverage(large, small) >= REDUNDANT;
}
