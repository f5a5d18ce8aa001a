/** What a subscriber's digest holds: the articles they have not received yet, on their topic, with key points. */
import type { Briefing } from "./briefing.js";
import { cutAtWord } from "./ingest.js";
import type { Article, KeyPoint } from "./types.js";

export const DIGEST_POINTS = 3;
const POINT_MAX_CHARS = 240;

export interface DigestItem {
  article: Article;
  /** Each point cites the paragraph it comes from. */
  points: Array<{ text: string; paragraph: number }>;
}

export function digestFor(briefing: Briefing, received: ReadonlySet<string>, topic?: string): DigestItem[] {
  const onTopic = topic ? briefing.aboutTopic(topic) : () => true;
  return briefing.articles
    .filter((a) => !received.has(a.id) && onTopic(a))
    .map((article) => {
      // Around a topic the points are the article's sentences on it, not its general summary.
      const summary = briefing.summary(article, topic);
      const paragraphOf = (k: KeyPoint) => summary.citations.find((c) => c.n === k.cite)!.paragraph;
      return {
        article,
        points: summary.keyPoints.slice(0, DIGEST_POINTS).map((k) => ({ text: cutAtWord(k.text, POINT_MAX_CHARS), paragraph: paragraphOf(k) })),
      };
    });
}
