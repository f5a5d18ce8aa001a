import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BM25, CompactEngine } from "../../src/briefing/compact-engine.js";
import type { PassageTokens, Scored, WeightedTerm } from "../../src/briefing/engine.js";

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
