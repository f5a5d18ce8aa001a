/**
 * A compact retrieval engine: integer term and passage ids, postings in typed arrays, BM25+ with MiniSearch's
 * parameters, and MaxScore evaluation so the top k are found without scoring every passage that holds a common
 * word. About 6 bytes a posting (doc id, term frequency) plus 2 bytes a passage and field for its length.
 *
 * Postings are kept per term in doc-id order (compressed sparse rows). Passages added since the last search wait
 * in a flat buffer of (term, passage, tf) triples and are merged in when it grows large or a search comes.
 */
import type { Field, PassageTokens, RetrievalEngine, Scored, WeightedTerm } from "./engine.js";

/** MiniSearch's defaults (BM25+), so scores and ranking match what the index had before. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** Pending triples merged into the posting lists once this many wait, so the buffer stays small on a large build. */
const MERGE_AT = 1 << 21;
/** Upper bounds are stored a little high so float rounding never prunes a passage that belongs in the top k. */
const BOUND_MARGIN = 1 + 1e-9;

class GrowingU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  set(i: number, x: number): void {
    while (i >= this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    if (i >= this.length) this.length = i + 1;
    this.data[i] = x;
  }
}

interface FieldData {
  index: number;
  terms: Map<string, number>;
  /** Token count of each passage in this field (0 when absent). */
  lengths: GrowingU32;
  total: number;
}

export class CompactEngine implements RetrievalEngine {
  private readonly fields = new Map<Field, FieldData>();
  private readonly termField: number[] = [];
  private readonly fieldList: FieldData[] = [];
  /** Passages holding each term. */
  private readonly df = new GrowingU32();
  private passages = 0;

  // Merged postings: term t's passages are docs[offsets[t] .. offsets[t+1]), ascending, with their tfs.
  private offsets = new Uint32Array(1);
  private docs = new Uint32Array(0);
  private tfs = new Uint16Array(0);
  /** Highest BM25 saturation (the part after idf) of each term's postings, valid for `boundsAt` passages. */
  private maxSat = new Float64Array(0);
  private boundsAt = -1;
  private readonly pending = new GrowingU32();
  /** Per-term counts while one passage is added (all zero between adds), and the terms it touched. */
  private readonly tfScratch = new GrowingU32();
  private readonly touched: number[] = [];

  get size(): number {
    return this.passages;
  }

  add(tokens: PassageTokens): number {
    const id = this.passages++;
    for (const [name, list] of Object.entries(tokens)) {
      const field = this.field(name);
      field.lengths.set(id, list.length);
      field.total += list.length;
      // Term ids first, then counts in a scratch array: one map look-up a token.
      const touched = this.touched;
      touched.length = 0;
      for (const t of list) {
        let term = field.terms.get(t);
        if (term === undefined) {
          term = this.termField.length;
          field.terms.set(t, term);
          this.termField.push(field.index);
          this.df.set(term, 0);
          this.tfScratch.set(term, 0);
        }
        const tf = this.tfScratch.at(term);
        if (tf === 0) touched.push(term);
        this.tfScratch.set(term, tf + 1);
      }
      for (let i = 0; i < touched.length; i++) {
        const term = touched[i]!;
        this.df.set(term, this.df.at(term) + 1);
        this.pending.push(term);
        this.pending.push(id);
        this.pending.push(Math.min(this.tfScratch.at(term), 0xffff));
        this.tfScratch.set(term, 0);
      }
    }
    if (this.pending.length >= 3 * MERGE_AT) this.merge();
    return id;
  }

  docFrequency(term: string, field: Field): number {
    const t = this.fields.get(field)?.terms.get(term);
    return t === undefined ? 0 : this.df.at(t);
  }

  vocabulary(field: Field): Iterable<string> {
    return this.fields.get(field)?.terms.keys() ?? [];
  }

  /** Merges waiting passages into the posting lists and drops build buffers; searches call it themselves. */
  trim(): void {
    this.merge();
    this.bounds();
  }

  search(terms: readonly WeightedTerm[], k: number): Scored[] {
    if (k <= 0 || this.passages === 0) return [];
    this.trim();
    const query = this.resolve(terms);
    if (query.length === 0) return [];
    return this.maxScore(query, k);
  }

  private field(name: Field): FieldData {
    let f = this.fields.get(name);
    if (!f) {
      f = { index: this.fieldList.length, terms: new Map(), lengths: new GrowingU32(), total: 0 };
      this.fields.set(name, f);
      this.fieldList.push(f);
    }
    return f;
  }

  private merge(): void {
    const n = this.pending.length / 3;
    if (n === 0) return;
    const terms = this.termField.length;
    const oldOffsets = this.offsets;
    const oldTerms = oldOffsets.length - 1;
    const offsets = new Uint32Array(terms + 1);
    for (let t = 0; t < terms; t++) offsets[t + 1] = offsets[t]! + this.df.at(t);
    const docs = new Uint32Array(offsets[terms]!);
    const tfs = new Uint16Array(offsets[terms]!);
    const fill = new Uint32Array(terms);
    for (let t = 0; t < oldTerms; t++) {
      const from = oldOffsets[t]!;
      const to = oldOffsets[t + 1]!;
      docs.set(this.docs.subarray(from, to), offsets[t]!);
      tfs.set(this.tfs.subarray(from, to), offsets[t]!);
      fill[t] = to - from;
    }
    // Pending triples are in passage order and newer than every merged passage, so each list stays ascending.
    const p = this.pending.data;
    for (let i = 0; i < 3 * n; i += 3) {
      const t = p[i]!;
      const at = offsets[t]! + fill[t]!++;
      docs[at] = p[i + 1]!;
      tfs[at] = p[i + 2]!;
    }
    this.offsets = offsets;
    this.docs = docs;
    this.tfs = tfs;
    this.pending.data = new Uint32Array(1024);
    this.pending.length = 0;
    this.boundsAt = -1;
  }

  /** Per-term upper bounds of the saturation part; they depend on average lengths, so new passages renew them. */
  private bounds(): void {
    if (this.boundsAt === this.passages) return;
    const terms = this.termField.length;
    const maxSat = new Float64Array(terms);
    const { k, b } = BM25;
    const norms = this.fieldList.map((f) => {
      const avg = f.total / this.passages || 1;
      const lengths = f.lengths.data;
      const norm = new Float64Array(this.passages);
      for (let d = 0; d < this.passages; d++) norm[d] = k * (1 - b + (b * (d < f.lengths.length ? lengths[d]! : 0)) / avg);
      return norm;
    });
    for (let t = 0; t < terms; t++) {
      const norm = norms[this.termField[t]!]!;
      let best = 0;
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const tf = this.tfs[i]!;
        const sat = (tf * (k + 1)) / (tf + norm[this.docs[i]!]!);
        if (sat > best) best = sat;
      }
      maxSat[t] = best * BOUND_MARGIN;
    }
    this.maxSat = maxSat;
    this.boundsAt = this.passages;
  }

  private resolve(terms: readonly WeightedTerm[]): QueryTerm[] {
    const byTerm = new Map<number, number>();
    for (const { term, field, weight } of terms) {
      const t = this.fields.get(field)?.terms.get(term);
      if (t === undefined || !(weight > 0)) continue;
      byTerm.set(t, (byTerm.get(t) ?? 0) + weight);
    }
    const n = this.passages;
    const out: QueryTerm[] = [];
    for (const [t, weight] of byTerm) {
      const df = this.df.at(t);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const field = this.fieldList[this.termField[t]!]!;
      const mult = weight * idf;
      out.push({ term: t, mult, bound: mult * (BM25.d + this.maxSat[t]!), avg: field.total / n || 1, lengths: field.lengths });
    }
    // Ascending bounds: the first terms are the ones MaxScore can stop visiting once the k-th score passes them.
    return out.sort((a, b) => a.bound - b.bound || a.term - b.term);
  }

  private contribution(q: QueryTerm, i: number, doc: number): number {
    const { k, b, d } = BM25;
    const tf = this.tfs[i]!;
    const len = doc < q.lengths.length ? q.lengths.data[doc]! : 0;
    return q.mult * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / q.avg)));
  }

  /**
   * Document-at-a-time MaxScore (Turtle & Flood 1995): terms whose bounds together cannot lift a passage past the
   * k-th best score are not walked, only probed (binary search) for passages the other terms found.
   */
  private maxScore(query: QueryTerm[], k: number): Scored[] {
    const m = query.length;
    const pos = new Uint32Array(m);
    const end = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      pos[i] = this.offsets[query[i]!.term]!;
      end[i] = this.offsets[query[i]!.term + 1]!;
    }
    /** upTo[i]: the sum of the bounds of terms 0..i-1. */
    const upTo = new Float64Array(m + 1);
    for (let i = 0; i < m; i++) upTo[i + 1] = upTo[i]! + query[i]!.bound;
    const heap = new TopK(k);
    let essential = 0;
    const docs = this.docs;
    for (;;) {
      let doc = 0xffffffff;
      for (let i = essential; i < m; i++) if (pos[i]! < end[i]! && docs[pos[i]!]! < doc) doc = docs[pos[i]!]!;
      if (doc === 0xffffffff) break;
      let score = 0;
      for (let i = m - 1; i >= essential; i--) {
        if (pos[i]! < end[i]! && docs[pos[i]!]! === doc) {
          score += this.contribution(query[i]!, pos[i]!, doc);
          pos[i]!++;
        }
      }
      const threshold = heap.threshold();
      for (let i = essential - 1; i >= 0; i--) {
        if (score + upTo[i + 1]! <= threshold) break;
        const at = seek(docs, pos[i]!, end[i]!, doc);
        pos[i] = at;
        if (at < end[i]! && docs[at] === doc) score += this.contribution(query[i]!, at, doc);
      }
      if (heap.offer(doc, score)) {
        const t = heap.threshold();
        while (essential < m && upTo[essential + 1]! <= t) essential++;
      }
    }
    return heap.sorted();
  }
}

interface QueryTerm {
  term: number;
  /** Weight × idf. */
  mult: number;
  /** The most this term can add to a passage's score. */
  bound: number;
  avg: number;
  lengths: GrowingU32;
}

/** The first index in [from, to) whose doc is ≥ target (galloping, then binary search). */
function seek(docs: Uint32Array, from: number, to: number, target: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < to && docs[hi]! < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k best (score, id) seen, as a binary min-heap whose root is the worst kept. Passages come in ascending
 * id order, so a later one with an equal score loses the tie, as the contract wants.
 */
class TopK {
  private readonly ids: Uint32Array;
  private readonly scores: Float64Array;
  private n = 0;
  constructor(private readonly k: number) {
    this.ids = new Uint32Array(k);
    this.scores = new Float64Array(k);
  }
  /** The score a passage must beat to be kept (0 until k are kept: every match scores above 0). */
  threshold(): number {
    return this.n < this.k ? 0 : this.scores[0]!;
  }
  /** True when the passage was kept. */
  offer(id: number, score: number): boolean {
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, id, this.scores[parent]!, this.ids[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return true;
    }
    if (score <= this.scores[0]!) return false;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.n) break;
      const r = l + 1;
      const c = r < this.n && this.worse(this.scores[r]!, this.ids[r]!, this.scores[l]!, this.ids[l]!) ? r : l;
      if (!this.worse(this.scores[c]!, this.ids[c]!, score, id)) break;
      this.scores[i] = this.scores[c]!;
      this.ids[i] = this.ids[c]!;
      i = c;
    }
    this.scores[i] = score;
    this.ids[i] = id;
    return true;
  }
  /** Lower score, or equal score and higher id. */
  private worse(s1: number, id1: number, s2: number, id2: number): boolean {
    return s1 < s2 || (s1 === s2 && id1 > id2);
  }
  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.n; i++) out.push({ id: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
