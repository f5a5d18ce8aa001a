/**
 * The retrieval contract under the search index: passages go in as analyzed tokens per field, weighted query
 * terms come out as the top k passages by BM25. The ranking in `search-index.ts` (exact-word, title and heading
 * bonuses, spread across articles, "not covered") sits on top of it and never sees how postings are stored, so
 * the engine can change (MiniSearch, a compact impact-ordered index) without touching answer quality.
 */

/** A field of a passage: stems, words as written, roots, … — whatever the analyzer produces. */
export type Field = string;

/** Tokens of one passage, per field, in text order (repeats count toward term frequency). */
export type PassageTokens = Readonly<Record<Field, readonly string[]>>;

export interface WeightedTerm {
  term: string;
  field: Field;
  /** Multiplies the term's BM25 contribution (synonyms, roots and fuzzy variants weigh less than 1). */
  weight: number;
}

export interface Scored {
  /** Passage id as returned by `add`. */
  id: number;
  score: number;
}

export interface RetrievalEngine {
  /** Adds a passage and returns its id: 0, 1, 2, … in the order added. */
  add(tokens: PassageTokens): number;
  /**
   * The k best passages for the sum of the terms' weighted BM25 scores (a passage scores for every term it
   * holds), best first; ties broken by lower id. Terms the index does not hold are ignored.
   */
  search(terms: readonly WeightedTerm[], k: number): Scored[];
  /** In how many passages a term occurs in a field. */
  docFrequency(term: string, field: Field): number;
  /** Every distinct term of a field (for fuzzy matching and transliteration against what the index holds). */
  vocabulary(field: Field): Iterable<string>;
  /** Passages added. */
  readonly size: number;
}
