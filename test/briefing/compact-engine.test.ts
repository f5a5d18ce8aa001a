import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BM25, CompactEngine } from "../../src/briefing/compact-engine.js";
import type { PassageTokens, Scored, WeightedTerm } from "../../src/briefing/engine.js";
import { seededRandom } from "../../src/local-api/faults.js";

/** BM25+ as MiniSearch computes it, every passage scored: the reference the engine must agree with. */
function bruteForce(passages: readonly PassageTokens[], terms: readonly WeightedTerm[], k: number): Scored[] {
  const n = passages.length;
  const fields = new Set(passages.flatMap((p) => Object.keys(p)));
  const avg = new Map([...fields].map((f) => [f, passages.reduce((s, p) => s + (p[f]?.length ?? 0), 0) / n || 1]));
  const scores = passages.map((p) => {
    let score = 0;
    let matched = false;
    for (const { term, field, weight } of terms) {
      if (!(weight > 0)) continue;
      const tf = (p[field] ?? []).filter((t) => t === term).length;
      if (tf === 0) continue;
      const df = passages.filter((q) => (q[field] ?? []).includes(term)).length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const len = p[field]?.length ?? 0;
      score += weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * len) / avg.get(field)!)));
      matched = true;
    }
    return matched ? score : -1;
  });
  return scores
    .map((score, id) => ({ id, score }))
    .filter((s) => s.score >= 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, k);
}

/** Same scores rank by rank; the same ids wherever a score is not tied (within rounding) with another. */
function expectSameTop(got: Scored[], want: Scored[]): void {
  expect(got.length).toBe(want.length);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  got.forEach((g, i) => expect(close(g.score, want[i]!.score)).toBe(true));
  const tied = (s: number) => want.filter((w) => close(w.score, s)).length > 1;
  want.forEach((w, i) => {
    if (!tied(w.score)) expect(got[i]!.id).toBe(w.id);
  });
}

/** `bruteForce` with term counts, lengths and document frequencies counted once, for corpora of thousands. */
class BruteForce {
  private readonly counts: Array<Map<string, Map<string, number>>>;
  private readonly df = new Map<string, number>();
  private readonly total = new Map<string, number>();
  constructor(private readonly passages: readonly PassageTokens[]) {
    this.counts = passages.map((p) => new Map(Object.entries(p).map(([field, list]) => [field, tally(list)])));
    passages.forEach((p, i) => {
      for (const [field, list] of Object.entries(p)) {
        this.total.set(field, (this.total.get(field) ?? 0) + list.length);
        for (const term of this.counts[i]!.get(field)!.keys()) this.df.set(`${field}:${term}`, (this.df.get(`${field}:${term}`) ?? 0) + 1);
      }
    });
  }
  top(terms: readonly WeightedTerm[], k: number): Scored[] {
    const n = this.passages.length;
    const scored: Scored[] = [];
    this.passages.forEach((p, id) => {
      let score = 0;
      let matched = false;
      for (const { term, field, weight } of terms) {
        const tf = this.counts[id]!.get(field)?.get(term) ?? 0;
        if (!(weight > 0) || tf === 0) continue;
        const df = this.df.get(`${field}:${term}`)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const norm = BM25.k * (1 - BM25.b + (BM25.b * (p[field]?.length ?? 0)) / (this.total.get(field)! / n));
        score += weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
        matched = true;
      }
      if (matched) scored.push({ id, score });
    });
    return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
  }
}

function tally(list: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of list) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/**
 * A corpus like a briefing about one subject: a few words in most passages, a long tail of rare ones (Zipf-like),
 * repeats within a passage, lengths from 1 to 40 tokens, an `exact` field in some passages.
 */
function skewedCorpus(rnd: () => number, passages: number): PassageTokens[] {
  const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i}`);
  const pick = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)]!;
  return Array.from({ length: passages }, (): PassageTokens => {
    const stems: string[] = [];
    for (let length = 1 + Math.floor(40 * rnd() ** 2); stems.length < length; ) {
      const t = pick();
      for (let repeat = rnd() < 0.2 ? 2 + Math.floor(4 * rnd()) : 1; repeat > 0; repeat--) stems.push(t);
    }
    return rnd() < 0.3 ? { stems, exact: stems.filter(() => rnd() < 0.5) } : { stems };
  });
}

/**
 * Every passage 8 distinct words, so every posting of a word saturates alike: bounds are as tight as they get, and
 * scores tie exactly wherever passages hold the same query words, so pruning and tie-breaking are tested at the edge.
 */
function uniformCorpus(rnd: () => number, passages: number): PassageTokens[] {
  return Array.from({ length: passages }, () => {
    const stems = new Set<string>();
    while (stems.size < 8) stems.add(`w${Math.floor(300 * rnd() ** 3)}`);
    return { stems: [...stems] };
  });
}

/**
 * Adds 60% of the passages, searches (which merges them), adds the rest (merged into those lists, every bound
 * renewed), and compares the top k with brute force for random queries: common words with rarer ones, as a
 * question's words and their variants are. A smaller k means a higher k-th score and more pruned, yet the same
 * passages with the same scores, to the last bit.
 */
function expectBruteForceTop(engine: CompactEngine, passages: readonly PassageTokens[], rnd: () => number): void {
  const queries = Array.from({ length: 12 }, () =>
    Array.from({ length: 1 + Math.floor(10 * rnd()) }, () => ({
      term: `w${Math.floor(300 * rnd() ** (rnd() < 0.5 ? 3 : 1))}`,
      field: rnd() < 0.8 ? "stems" : "exact",
      weight: [1, 0.5, 0.3, 0.25][Math.floor(4 * rnd())]!,
    })),
  );
  const first = passages.slice(0, Math.floor(passages.length * 0.6));
  first.forEach((p) => engine.add(p));
  const before = new BruteForce(first);
  for (const terms of queries.slice(0, 3)) expectSameTop(engine.search(terms, 10), before.top(terms, 10));
  passages.slice(first.length).forEach((p) => engine.add(p));
  const after = new BruteForce(passages);
  for (const terms of queries) {
    const all = engine.search(terms, 400);
    expectSameTop(all, after.top(terms, 400));
    for (const k of [1, 2, 3, 7, 50]) expect(engine.search(terms, k)).toEqual(all.slice(0, k));
  }
}

const word = fc.constantFrom("روسيا", "الصين", "بوتين", "بكين", "غاز", "نفط", "قمة", "trade", "a", "b");
const passage = fc.record(
  { stems: fc.array(word, { maxLength: 12 }), exact: fc.array(word, { maxLength: 6 }) },
  { requiredKeys: ["stems"] },
);
const query = fc.array(
  fc.record({ term: word, field: fc.constantFrom("stems", "exact", "roots"), weight: fc.constantFrom(1, 0.5, 0.3, 2) }),
  { minLength: 1, maxLength: 6 },
);

describe("CompactEngine", () => {
  it("finds the same top k as scoring every passage with BM25+", () => {
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 60 }), query, fc.integer({ min: 1, max: 12 }), fc.boolean(), (passages, terms, k, split) => {
        const engine = new CompactEngine();
        passages.forEach((p, i) => {
          expect(engine.add(p)).toBe(i);
          // Searching half-way merges the first half, so the second half is merged into existing lists.
          if (split && i === passages.length >> 1) engine.search(terms, k);
        });
        expectSameTop(engine.search(terms, k), bruteForce(passages, terms, k));
      }),
      { numRuns: 400 },
    );
  });

  it("finds the same top k as brute force on large skewed corpora, over many windows and after more passages come", () => {
    for (const seed of [1, 2, 3, 4]) {
      const rnd = seededRandom(seed);
      // Over 10,000 passages: several windows of passage ids, and posting lists thousands long.
      expectBruteForceTop(new CompactEngine(), (seed % 2 ? skewedCorpus : uniformCorpus)(rnd, 10_000 + Math.floor(3_000 * rnd())), rnd);
    }
  });

  it("finds the same top k whatever the window of passage ids, down to one passage a window", () => {
    for (const [seed, window] of [[5, 1], [6, 7], [7, 7], [8, 100], [9, 333]] as const) {
      const rnd = seededRandom(seed);
      expectBruteForceTop(new CompactEngine(window), (seed % 2 ? skewedCorpus : uniformCorpus)(rnd, 1_000 + Math.floor(2_000 * rnd())), rnd);
    }
  });

  it("finds the same top k when postings are sorted into many small batches and merged, searched between batches too", () => {
    // expectBruteForceTop searches after 60% of the passages (merging the batches so far), then adds the rest.
    for (const [seed, batchAt] of [[10, 1], [11, 16], [12, 500]] as const) {
      const rnd = seededRandom(seed);
      expectBruteForceTop(new CompactEngine(4096, batchAt), (seed % 2 ? skewedCorpus : uniformCorpus)(rnd, 1_500), rnd);
    }
  });

  it("counts passages per term and field, and lists each field's vocabulary", () => {
    const engine = new CompactEngine();
    engine.add({ stems: ["روسيا", "الصين", "روسيا"], exact: ["روسيا"] });
    engine.add({ stems: ["الصين"] });
    expect(engine.size).toBe(2);
    expect(engine.docFrequency("روسيا", "stems")).toBe(1);
    expect(engine.docFrequency("الصين", "stems")).toBe(2);
    expect(engine.docFrequency("الصين", "exact")).toBe(0);
    expect(engine.docFrequency("روسيا", "roots")).toBe(0);
    expect([...engine.vocabulary("stems")].sort()).toEqual(["الصين", "روسيا"].sort());
    expect([...engine.vocabulary("roots")]).toEqual([]);
  });

  it("ignores terms it does not hold and answers an empty index with nothing", () => {
    const engine = new CompactEngine();
    expect(engine.search([{ term: "روسيا", field: "stems", weight: 1 }], 5)).toEqual([]);
    engine.add({ stems: ["روسيا"] });
    expect(engine.search([{ term: "نفط", field: "stems", weight: 1 }], 5)).toEqual([]);
    expect(engine.search([{ term: "روسيا", field: "stems", weight: 1 }], 5).map((s) => s.id)).toEqual([0]);
  });
});
