/**
 * Extractive key points. For a question: sentences ranked by the rare question words they hold and by holding
 * the kind of answer asked for. For a summary: a budgeted coverage of the article's distinct content (numbers,
 * names, quoted phrases, sub-heading topics), chosen greedily by gain per character with what is already chosen
 * counted against a sentence (Lin & Bilmes, "Multi-document summarization via budgeted maximization of
 * submodular functions", 2010), so a long sentence that restates wins less than a short one that informs.
 */
import { analyze, isStopWord, normalize, remembered, stemCandidates, tokenize } from "./arabic.js";
import words from "./lexicon/function-words.json" with { type: "json" };
import { coverage } from "./sets.js";

/** Two points restate each other when most of the smaller one's stems are in the larger one. */
const REDUNDANT = 0.5;
/** Fewer words than this say too little to stand alone as a point. */
export const MIN_WORDS = 6;

/** The stems of a text, worked out once per text (answers look at the same passages' sentences again and again). Read-only. */
export const stemBag: (text: string) => ReadonlySet<string> = remembered(20_000, (text) => new Set(analyze(text).stems));

export function restates(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return small.size > 0 && coverage(large, small) >= REDUNDANT;
}

const DANGLING = new Set(words.danglingEnd.map(normalize));
const INTRODUCERS = words.listIntroducers.map((w) => tokenize(w)).sort((a, b) => b.length - a.length);

/** Whether a sentence ends by announcing a list ("… دلالات عدة من بينها:"): it says there is news, not what it is. */
export function announcesList(text: string): boolean {
  return /[:：]\s*$/u.test(text);
}
/**
 * What a sentence that announces a list keeps of its weight, in answers and summaries (odd ids: the same answers at
 * 0.3 and 0; kept above 0 so it can still lead when nothing else matches).
 */
export const LIST_INTRO = 0.3;

/**
 * The text without an ending that cannot stand alone: a list announced with a colon ("… دلالات عدة من
 * بينها:"), or a preposition or particle left by a cut. Always a prefix of the text. Worked out once per text: the
 * same sentences and cuts of them recur from answer to answer.
 */
export const trimDangling: (text: string) => string = remembered(20_000, (text) => withoutDangling(text));

function withoutDangling(text: string): string {
  let out = text.trimEnd();
  const announced = announcesList(out);
  for (let changed = true; changed; ) {
    changed = false;
    const stripped = out.replace(/[\s،,:;؛\-–—…]+$/u, "");
    if (stripped !== out) {
      out = stripped;
      changed = true;
    }
    const tail = lastWords(out, 3);
    if (announced) {
      const intro = INTRODUCERS.find((p) => p.length <= tail.tokens.length && p.every((t, i) => tail.tokens[tail.tokens.length - p.length + i] === t));
      if (intro) {
        out = out.slice(0, tail.starts[tail.tokens.length - intro.length]!).trimEnd();
        changed = true;
        continue;
      }
    }
    const last = tail.tokens[tail.tokens.length - 1];
    const closed = /[.!?؟"”»)]$/u.test(out);
    if (!closed && last !== undefined && DANGLING.has(last)) {
      const cut = out.slice(0, tail.starts[tail.tokens.length - 1]!).trimEnd();
      if (cut.length > 0) {
        out = cut;
        changed = true;
      }
    }
  }
  return out;
}

/** The last n words of a text, normalized, with where each starts. */
function lastWords(text: string, n: number): { tokens: string[]; starts: number[] } {
  const found = [...text.matchAll(/\S+/gu)].slice(-n);
  return { tokens: found.map((m) => tokenize(m[0]).join(" ")), starts: found.map((m) => m.index) };
}

const CLAUSE_BREAK = new RegExp(`[،,;؛:]\\s+|\\s+(?=(?:${words.clauseStarters.join("|")})\\s)`, "gu");

/** The clauses of a sentence: split at commas, semicolons and colons, and before a clause-starting particle. */
export function clauseRanges(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let at = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index > at) out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  out.push([at, text.length]);
  return out;
}

/** A run of clauses shorter than this is a fragment ("أكد الرئيس الروسي، اليوم الثلاثاء…"), not a fact. */
const MIN_SPAN_CHARS = 70;

/** Words that open what was said or reported ("أعلن المتحدث…، بأن الزيارة…"): a cut before them leaves the report without its content. */
const COMPLEMENTIZERS = new Set(["ان", "بان", "انه", "بانه", "انها", "بانها", "انهما", "بانهما"]);

/** Whether the text from `start` opens what was said or reported (`COMPLEMENTIZERS`). */
export function opensReport(text: string, start: number): boolean {
  return COMPLEMENTIZERS.has(tokenize(text.slice(start, start + 12))[0] ?? "");
}

/** True when every quotation the text opens is closed in it: a cut inside a quotation misquotes. */
function quotesBalanced(text: string): boolean {
  const curly = (text.match(/[“«]/gu)?.length ?? 0) === (text.match(/[”»]/gu)?.length ?? 0);
  return curly && (text.match(/"/gu)?.length ?? 0) % 2 === 0;
}

/**
 * A long sentence as the runs of its clauses that fit in max characters (the whole sentence when it fits),
 * each with "…" where it was cut: so a summary can take the fact out of a 488-character sentence.
 */
export function clauseSpans(sentence: string, max: number): string[] {
  const text = trimDangling(sentence);
  if (text.length <= max) return [text];
  const clauses = clauseRanges(text);
  const reports = clauses.map(([start]) => opensReport(text, start));
  // A clause before a colon announces what follows it ("مضيفاً:"): a span does not end there.
  const announces = clauses.map(([, end]) => /^\s*[:：]/u.test(text.slice(end)));
  const out: string[] = [];
  for (let i = 0; i < clauses.length; i++) {
    // Nor does one start with what was reported, without who reported it.
    if (i > 0 && reports[i]) continue;
    for (let j = i; j < clauses.length && clauses[j]![1] - clauses[i]![0] <= max; j++) {
      if (reports[j + 1] || (announces[j] && j < clauses.length - 1)) continue;
      const body = trimDangling(text.slice(clauses[i]![0], clauses[j]![1]));
      if (body.length < MIN_SPAN_CHARS || !quotesBalanced(body)) continue;
      out.push(`${i > 0 ? "…" : ""}${body}${j < clauses.length - 1 ? "…" : ""}`);
    }
  }
  return out.length > 0 ? out : [text];
}

export interface SummaryCandidate {
  text: string;
  /** Key of the section, so each sub-heading's topic counts as content to cover. */
  section?: string;
  /** Candidates of one unit (spans of one sentence) exclude each other. */
  unit?: string;
  /** Multiplies the candidate's gain: the lead of an article or of a section says more than its other sentences. */
  prior?: number;
}

export interface CoverageOptions {
  maxChars: number;
  maxPoints: number;
  /** Rarity of a stem in the briefing: words every article uses weigh little. */
  idf: (stem: string) => number;
  /** Multiplies a word's weight, e.g. when other articles of the briefing report it too (1 when absent). */
  salience?: (stem: string) => number;
  /** Multiplies the gain of a candidate, e.g. by its relevance to a topic (1 when absent). */
  boost?: (index: number) => number;
  /** Candidates that must be chosen from first, in groups (e.g. one per article) until each group has one. */
  group?: (index: number) => string;
  /** Text the reader already sees above the points (the article's title): its words count as covered. */
  shown?: string;
}

/**
 * How a candidate's gain is scaled by its length: gain / length^r. r = 1 is gain per character; lower r lets a
 * long sentence that covers much more still win. Measured on the editor's facts of the five seed articles
 * (test/briefing/fixtures/summary-facts.json): 0.8 covered the most within 900 characters (0.6–1.0 tried).
 */
const LENGTH_SCALE = 0.8;
/**
 * Weight of a number, a quoted phrase and a sub-heading's topic relative to one rare word (the weights are
 * doubled for quotes and sections below). Measured on the editor's facts with the length scale: quotes 2, 5, 10
 * and sections 0, 4, 8 tried; numbers 5 lost a fact of article 004.
 */
const WEIGHT = { number: 2.5, quote: 10, section: 8 };

/**
 * One thing a point can say: a word (any of its stem readings covers it), a number, a quoted phrase or a
 * section's topic, with what it is worth.
 */
interface Concept {
  keys: readonly string[];
  weight: number;
}

/** The concepts a candidate holds, each word counted once however many stem readings it has. */
function concepts(c: SummaryCandidate, options: CoverageOptions): Concept[] {
  const out: Concept[] = [];
  const seen = new Set<string>();
  const salience = options.salience ?? (() => 1);
  for (const token of tokenize(c.text)) {
    if (isStopWord(token)) continue;
    const keys = stemCandidates(token);
    if (keys.some((k) => seen.has(k))) continue;
    keys.forEach((k) => seen.add(k));
    const idf = Math.max(...keys.map(options.idf));
    out.push({ keys, weight: /^\d+$/.test(token) ? WEIGHT.number * Math.max(1, idf) : idf * Math.max(...keys.map(salience)) });
  }
  for (const m of c.text.matchAll(/["“«]([^"”»]{3,60})["”»]/gu)) out.push({ keys: [`"${normalize(m[1]!)}`], weight: WEIGHT.quote * 2 });
  if (c.section !== undefined) out.push({ keys: [`§${c.section}`], weight: WEIGHT.section * 2 });
  return out;
}

/**
 * Indices of the chosen candidates, in the order chosen: greedy by marginal coverage gain per scaled length,
 * within the character and point budgets.
 */
export function pickByCoverage(candidates: readonly SummaryCandidate[], options: CoverageOptions): number[] {
  const bags = candidates.map((c) => concepts(c, options));
  const covered = new Set<string>(options.shown ? analyze(options.shown).stems : []);
  const chosen: number[] = [];
  const groupsLeft = new Set(options.group ? candidates.map((_, i) => options.group!(i)) : []);
  let chars = 0;
  const gainOf = (i: number): number => {
    let gain = 0;
    for (const { keys, weight } of bags[i]!) if (!keys.some((k) => covered.has(k))) gain += weight;
    return gain * (options.boost?.(i) ?? 1) * (candidates[i]!.prior ?? 1);
  };
  while (chosen.length < options.maxPoints) {
    let best = -1;
    let bestRatio = 0;
    candidates.forEach((c, i) => {
      if (chosen.includes(i) || c.text.split(/\s+/).length < MIN_WORDS) return;
      if (c.unit !== undefined && chosen.some((k) => candidates[k]!.unit === c.unit)) return;
      if (chars + c.text.length > options.maxChars) return;
      if (groupsLeft.size > 0 && !groupsLeft.has(options.group!(i))) return;
      const ratio = gainOf(i) / c.text.length ** LENGTH_SCALE;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = i;
      }
    });
    if (best < 0) {
      // A group with nothing that fits is given up, not waited for.
      if (groupsLeft.size > 0) {
        groupsLeft.clear();
        continue;
      }
      break;
    }
    chosen.push(best);
    chars += candidates[best]!.text.length;
    for (const { keys } of bags[best]!) keys.forEach((k) => covered.add(k));
    if (options.group) groupsLeft.delete(options.group(best));
  }
  return chosen;
}

