/**
 * A compact retrieval engine: integer term and passage ids, postings in typed arrays, BM25+ with MiniSearch's
 * parameters, and MaxScore evaluation so the top k are found without scoring every passage that holds a common
 * word. About 6 bytes a posting (doc id, term frequency) plus, per passage and field, 4 bytes for its length and 8
 * for its length norm.
 *
 * Postings are kept per term in doc-id order (compressed sparse rows). Passages added since the last search wait
 * in a flat buffer of (term, passage, tf) triples; when it grows large they are sorted by term into a batch of
 * their own, and all batches are merged into the posting lists once, when a search comes (as Lucene flushes
 * segments and merges them), so a large build copies each posting twice instead of once per earlier batch.
 */
import type { Field, PassageTokens, RetrievalEngine, Scored, WeightedTerm } from "./engine.js";

/** MiniSearch's defaults (BM25+), so scores and ranking match what the index had before. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** Pending triples sorted into a batch once this many wait, so the buffer stays small on a large build. */
const BATCH_AT = 1 << 21;
/** Upper bounds are stored a little high so float rounding never prunes a passage that belongs in the top k. */
const BOUND_MARGIN = 1 + 1e-9;
/**
 * Passage ids a search takes at a time: enough that walking postings in order is most of the work, few enough that
 * the k-th best score rises early in a large index and later windows walk fewer terms.
 */
const WINDOW = 4096;
/** A galloping probe costs about as much as walking this many postings in order; a search takes the cheaper. */
const PROBE_COST = 4;

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

/** Postings in compressed sparse rows: term t's are docs[offsets[t] .. offsets[t+1]), ascending, with their tfs. */
interface Postings {
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
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
  /**
   * Per field, k·(1 − b + b·len/avg) of each passage: the length part of BM25, valid with `maxSat`. Computed once
   * per index size rather than once per posting scored.
   */
  private norms: Float64Array[] = [];
  private boundsAt = -1;
  /** A search's scores for the passages of one window (all zero between windows), and its candidates there. */
  private windowScores = new Float64Array(0);
  private windowCandidates = new Uint32Array(0);
  private readonly pending = new GrowingU32();
  /** Batches of pending triples sorted by term, in passage order, not yet merged; terms newer than a batch have none there. */
  private batches: Postings[] = [];
  /** Per-term counts while one passage is added (all zero between adds), and the terms it touched. */
  private readonly tfScratch = new GrowingU32();
  private readonly touched: number[] = [];

  /**
   * `window`: passage ids a search takes at a time; `batchAt`: postings gathered before they are sorted into a
   * batch. Tests make both small, to cross many windows and merge many batches.
   */
  constructor(
    private readonly window = WINDOW,
    private readonly batchAt = BATCH_AT,
  ) {}

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
    if (this.pending.length >= 3 * this.batchAt) this.batch();
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

  /** Sorts the pending triples by term (a counting sort) into a batch; the buffer is kept for the next ones. */
  private batch(): void {
    const n = this.pending.length / 3;
    if (n === 0) return;
    const terms = this.termField.length;
    const p = this.pending.data;
    const offsets = new Uint32Array(terms + 1);
    for (let i = 0; i < 3 * n; i += 3) offsets[p[i]! + 1]!++;
    for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, terms);
    const docs = new Uint32Array(n);
    const tfs = new Uint16Array(n);
    // Triples are in passage order, so each term's passages stay ascending.
    for (let i = 0; i < 3 * n; i += 3) {
      const at = fill[p[i]!]!++;
      docs[at] = p[i + 1]!;
      tfs[at] = p[i + 2]!;
    }
    this.batches.push({ offsets, docs, tfs });
    this.pending.length = 0;
  }

  /** Merges the posting lists and every batch, oldest first, into new posting lists, and drops the build buffers. */
  private merge(): void {
    this.batch();
    if (this.batches.length === 0) return;
    const terms = this.termField.length;
    const offsets = new Uint32Array(terms + 1);
    for (let t = 0; t < terms; t++) offsets[t + 1] = offsets[t]! + this.df.at(t);
    const docs = new Uint32Array(offsets[terms]!);
    const tfs = new Uint16Array(offsets[terms]!);
    const fill = offsets.slice(0, terms);
    // Each batch holds later passages than the lists and the batches before it, so each list stays ascending.
    for (const from of [{ offsets: this.offsets, docs: this.docs, tfs: this.tfs }, ...this.batches]) {
      const known = Math.min(terms, from.offsets.length - 1);
      for (let t = 0; t < known; t++) {
        let at = fill[t]!;
        for (let i = from.offsets[t]!, end = from.offsets[t + 1]!; i < end; i++, at++) {
          docs[at] = from.docs[i]!;
          tfs[at] = from.tfs[i]!;
        }
        fill[t] = at;
      }
    }
    this.offsets = offsets;
    this.docs = docs;
    this.tfs = tfs;
    this.batches = [];
    this.pending.data = new Uint32Array(1024);
    this.boundsAt = -1;
  }

  /**
   * Per-term upper bounds of the saturation part, and the passages' length norms; they depend on average lengths,
   * so new passages renew them.
   */
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
    this.norms = norms;
    const window = Math.max(1, Math.min(this.window, this.passages));
    if (this.windowScores.length !== window) {
      this.windowScores = new Float64Array(window);
      this.windowCandidates = new Uint32Array(window);
    }
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
      const mult = weight * idf;
      out.push({ term: t, mult, bound: mult * (BM25.d + this.maxSat[t]!), norm: this.norms[this.termField[t]!]! });
    }
    // Ascending bounds: the first terms are the ones MaxScore can stop visiting once the k-th score passes them.
    return out.sort((a, b) => a.bound - b.bound || a.term - b.term);
  }

  /**
   * MaxScore (Turtle & Flood 1995) over windows of passage ids, as Lucene's MaxScoreBulkScorer does it. In each
   * window the terms whose bounds together cannot lift a passage past the k-th best score so far are
   * non-essential. The essential terms' postings in the window are walked in order into a score per passage; the
   * passages they hold are the candidates, as no other can pass the k-th best. Each non-essential term is then
   * added to the candidates, probed (galloping search) while they are few or walked when its postings in the
   * window are fewer, and the candidates whose score plus the bounds of the terms left cannot pass the k-th best
   * are dropped. On a dense index, where most passages hold the common words, this is about a walk through the
   * postings in order, with no per-passage merging of lists.
   *
   * Each passage's contributions are added in descending term order, as scoring one passage at a time did, so
   * scores agree to the last bit. Windows go in id order and the k-th best score comes from earlier windows, so a
   * passage whose bound only ties it is rightly dropped: it would lose the tie to a lower id.
   */
  private maxScore(query: QueryTerm[], k: number): Scored[] {
    const m = query.length;
    const { k: k1, d: delta } = BM25;
    const sat1 = k1 + 1;
    const { docs, tfs, offsets, windowScores: scores, windowCandidates: candidates } = this;
    /** Each term's next posting, and the end of its postings. */
    const pos = new Uint32Array(m);
    const end = new Uint32Array(m);
    let first = this.passages;
    for (let i = 0; i < m; i++) {
      pos[i] = offsets[query[i]!.term]!;
      end[i] = offsets[query[i]!.term + 1]!;
      if (pos[i]! < end[i]!) first = Math.min(first, docs[pos[i]!]!);
    }
    /** upTo[i]: the sum of the bounds of terms 0..i-1. */
    const upTo = new Float64Array(m + 1);
    for (let i = 0; i < m; i++) upTo[i + 1] = upTo[i]! + query[i]!.bound;
    const heap = new TopK(k);
    let essential = 0;
    for (let from = first; from < this.passages; from += scores.length) {
      const to = Math.min(from + scores.length, this.passages);
      const threshold = heap.threshold();
      while (essential < m && upTo[essential + 1]! <= threshold) essential++;
      if (essential === m) break;
      // An essential term was essential in every earlier window too, so its next posting is its first ≥ from.
      for (let i = m - 1; i >= essential; i--) {
        const { mult, norm } = query[i]!;
        let p = pos[i]!;
        for (const e = end[i]!; p < e && docs[p]! < to; p++) {
          const doc = docs[p]!;
          const tf = tfs[p]!;
          scores[doc - from] = scores[doc - from]! + mult * (delta + (tf * sat1) / (tf + norm[doc]!));
        }
        pos[i] = p;
      }
      let live = 0;
      for (let j = 0; j < to - from; j++) if (scores[j] !== 0 && scores[j]! + upTo[essential]! > threshold) candidates[live++] = j;
      for (let i = essential - 1; i >= 0 && live > 0; i--) {
        const { mult, norm } = query[i]!;
        // The term's postings in the window are [p, inWindow); a window where no candidate was left skipped it.
        let p = seek(docs, pos[i]!, end[i]!, from);
        const inWindow = seek(docs, p, end[i]!, to);
        if (live * PROBE_COST < inWindow - p) {
          for (let c = 0; c < live && p < inWindow; c++) {
            const doc = from + candidates[c]!;
            p = seek(docs, p, inWindow, doc);
            if (p < inWindow && docs[p] === doc) {
              const tf = tfs[p]!;
              scores[doc - from] = scores[doc - from]! + mult * (delta + (tf * sat1) / (tf + norm[doc]!));
            }
          }
        } else {
          // Passages that are not candidates take the term too: they are never offered, and the window is cleared.
          for (; p < inWindow; p++) {
            const doc = docs[p]!;
            const tf = tfs[p]!;
            scores[doc - from] = scores[doc - from]! + mult * (delta + (tf * sat1) / (tf + norm[doc]!));
          }
        }
        pos[i] = inWindow;
        let kept = 0;
        for (let c = 0; c < live; c++) if (scores[candidates[c]!]! + upTo[i]! > threshold) candidates[kept++] = candidates[c]!;
        live = kept;
      }
      for (let c = 0; c < live; c++) heap.offer(from + candidates[c]!, scores[candidates[c]!]!);
      scores.fill(0, 0, to - from);
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
  /** Length norms of the term's field, by passage. */
  norm: Float64Array;
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
