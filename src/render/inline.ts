/** Inline mode results: pure functions from answers and articles to InlineQueryResultArticle objects. */
import type { InlineQueryResultArticle } from "grammy/types";
import type { Answer, Article, KeyPoint, Summary } from "../briefing/types.js";
import { lineMark } from "./bidi.js";
import { startLink } from "./deep-link.js";
import { cutText, escapeHtml, snippet, highlight } from "./html.js";
import { renderSummary } from "./sources.js";
import { CONTENT_MARK, formatDate, keyPointLines, sourceLine, sourcesBlock, type View } from "./view.js";

/** Telegram shows about this much of a result's title and description; longer strings are cut at a word. */
export const INLINE_TITLE_MAX = 100;
export const INLINE_DESCRIPTION_MAX = 180;
export const INLINE_PAGE = 20;

const noPreview = { is_disabled: true };

function privateButton(view: View, text: string, url: string) {
  return { inline_keyboard: [[{ text: cutText(view.t(text), 60), url }]] };
}

/** The answer's lead and key points, in order; what the first inline result posts. */
export function answerPoints(answer: Answer): KeyPoint[] {
  return [...(answer.lead ? [answer.lead] : []), ...answer.keyPoints];
}

/** First page: a result that posts the answer in a line and the cited key points. */
export function keyPointsResult(answer: Answer, view: View, bot: string, queryId: string): InlineQueryResultArticle {
  const mark = lineMark(view.lang);
  const points = answerPoints(answer);
  const text = [
    mark + view.t("answer-title", { query: escapeHtml(cutText(answer.query, 120)) }),
    keyPointLines(points),
    sourcesBlock(answer.citations.filter((c) => points.some((k) => k.cite === c.n)), view),
  ].join("\n\n");
  return {
    type: "article",
    id: `k:${queryId}`,
    title: cutText(view.t("inline-key-points", { query: answer.query }), INLINE_TITLE_MAX),
    description: cutText(points[0]?.text ?? "", INLINE_DESCRIPTION_MAX),
    input_message_content: { message_text: text, parse_mode: "HTML", link_preview_options: noPreview },
    reply_markup: privateButton(view, "button-continue-private", startLink(bot, { kind: "query", queryId })),
  };
}

/** One result per passage: posts the passage, its citation, and a button to read on in a private chat. */
export function passageResults(answer: Answer, view: View, bot: string): InlineQueryResultArticle[] {
  return answer.hits.map((h, i) => {
    const c = answer.citations[i]!;
    const around = snippet(h.paragraph.text, h.highlights, INLINE_DESCRIPTION_MAX);
    const text = `${CONTENT_MARK}${highlight(h.paragraph.text, h.highlights)}\n\n${sourceLine(c, view)}`;
    return {
      type: "article",
      id: `p:${h.article.id}:${h.paragraph.n}`,
      title: cutText(h.article.title, INLINE_TITLE_MAX),
      description: cutText(around.text, INLINE_DESCRIPTION_MAX),
      input_message_content: { message_text: text, parse_mode: "HTML", link_preview_options: noPreview },
      reply_markup: privateButton(view, "button-read-private", startLink(bot, { kind: "paragraph", articleId: h.article.id, paragraph: h.paragraph.n })),
    };
  });
}

/** For an empty query: the whole-briefing summary, then the latest articles with their key points. */
export function browseResults(latest: readonly Article[], summary: Summary, summaries: (a: Article) => Summary, view: View, bot: string, count: number): InlineQueryResultArticle[] {
  const whole: InlineQueryResultArticle = {
    type: "article",
    id: "summary",
    title: cutText(view.t("inline-briefing-summary", { count }), INLINE_TITLE_MAX),
    description: cutText(summary.keyPoints[0]?.text ?? "", INLINE_DESCRIPTION_MAX),
    input_message_content: { message_text: renderSummary(summary, view, count).text, parse_mode: "HTML", link_preview_options: noPreview },
    reply_markup: privateButton(view, "button-continue-private", `https://t.me/${bot}`),
  };
  const articles = latest.map(
    (a): InlineQueryResultArticle => ({
      type: "article",
      id: `a:${a.id}`,
      title: cutText(a.title, INLINE_TITLE_MAX),
      description: cutText(`${formatDate(a.date, view)} · ${a.paragraphs[0]?.text ?? ""}`, INLINE_DESCRIPTION_MAX),
      input_message_content: { message_text: renderSummary(summaries(a), view, count).text, parse_mode: "HTML", link_preview_options: noPreview },
      reply_markup: privateButton(view, "button-read-private", startLink(bot, { kind: "article", articleId: a.id })),
    }),
  );
  return [whole, ...articles];
}

/** Latest first: dated articles by date, then the rest by when they were added. */
export function latestFirst(articles: readonly Article[]): Article[] {
  return articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (y.a.date ?? "").localeCompare(x.a.date ?? "") || y.i - x.i)
    .map(({ a }) => a);
}
