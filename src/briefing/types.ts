/** Plain data shared by the CLI, the bot and the digest. Nothing here knows about Telegram. */

export interface Paragraph {
  /** 1-based position among the article's clean paragraphs. */
  n: number;
  text: string;
  sentences: string[];
  /** Title of the section the paragraph belongs to, if any. */
  section?: string;
}

export interface Section {
  title?: string;
  /** 1-based paragraph numbers in this section. */
  paragraphs: number[];
}

export interface Article {
  /** Stable id derived from the source name; safe for callback data and deep links. */
  id: string;
  /** The file name without `.txt`. */
  source: string;
  title: string;
  /** True when the file had no title and it was derived from the first sentence. */
  titleDerived: boolean;
  /** ISO date (YYYY-MM-DD) when the text carries one. */
  date?: string;
  kicker?: string;
  author?: string;
  sections: Section[];
  paragraphs: Paragraph[];
}

/** A character range [start, end) inside a passage's text. */
export type Range = readonly [number, number];

/** A word of a passage that answers a question, and how much it counts (rare query words and the figure asked for most). */
export interface Mark {
  range: Range;
  weight: number;
}

export interface Hit {
  article: Article;
  paragraph: Paragraph;
  score: number;
  /** Ranges of the words that matched the query, for highlighting. */
  highlights: Range[];
  /**
   * The part of the paragraph to show, cut around the words that answer (see `snippetWindow`); set on the hits
   * of an `Answer`, for a snippet of `SNIPPET_CHARS`.
   */
  window?: Range;
  /** The answering words the window was cut around; `snippetWindow(text, marks, n)` cuts one of another length. */
  marks?: Mark[];
}

export interface Citation {
  /** 1-based number the answer uses to refer to this source. */
  n: number;
  articleId: string;
  source: string;
  title: string;
  date?: string;
  paragraph: number;
}

export interface KeyPoint {
  text: string;
  /** Citation number in the answer (or summary) this point comes from. */
  cite: number;
  /** In the whole-briefing summary: citations of other articles that report the same fact. */
  also?: number[];
}

export interface Answer {
  query: string;
  /** One short line that answers, cut from the best sentence around the answer; first page only. */
  lead?: KeyPoint;
  /** At most three further points, repeating neither each other, the lead, nor a passage shown whole. */
  keyPoints: KeyPoint[];
  /** Passages of the requested page, best first. */
  hits: Hit[];
  citations: Citation[];
  /** How many passages match in all, for paging. */
  total: number;
  offset: number;
  /**
   * False when the briefing does not answer the question (its rare content words are not matched): the reply
   * says so plainly and offers `closest` instead of passages that only share a word or two. Absent means covered.
   */
  covered?: boolean;
  /** When not covered: the articles nearest to the question, best first, to offer as topics. */
  closest?: readonly ClosestTopic[];
  /** When not covered: what the question names that the briefing never mentions, to tell the reader why. */
  missing?: readonly Missing[];
  /** English words of the question and the Arabic words of the passages they matched, for English readers. */
  glosses?: readonly Gloss[];
}

/** An English word of a question ("pipeline") and the Arabic words it matched in the passages ("أنابيب"). */
export interface Gloss {
  term: string;
  matched: string[];
}

/**
 * Something a question asks about that no passage holds: a country or currency (CLDR code); a number, a name or
 * the thing a "how many" question counts, as typed (`term`); the amount of money a price question asks for
 * (`price`, with the question's price word); the count a "how many" question asks for when the passages name
 * the thing but count none (`count`, with the word as typed); or the next event a question asks about when the
 * briefing speaks of no later one (`later`, with the question's "next" word as typed); or the name of whom a title
 * names when the passages give the title alone (`name`, with the title as typed); or what a country said when the
 * passages name it but report nothing it said (`said`, with its CLDR region code); or the date or span of time a
 * "when" or "how long" question asks for when the passages it would show hold none (`date`, with the question type).
 */
export interface Missing {
  kind: "region" | "currency" | "number" | "term" | "price" | "count" | "later" | "name" | "said" | "date";
  value: string;
}

/** An article offered when the question is not covered. */
export interface ClosestTopic {
  articleId: string;
  title: string;
}

export interface Summary {
  /** The article summarised, or undefined for the whole briefing. */
  article?: Article;
  keyPoints: KeyPoint[];
  citations: Citation[];
}
