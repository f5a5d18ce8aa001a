import type { InlineKeyboardMarkup } from "grammy/types";
import type { Answer } from "../briefing/types.js";
import { lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { cutText, escapeHtml, highlight, snippet, splitMessages } from "./html.js";
import { CONTENT_MARK, citationButtons, keyPointLines, pagingRow, sourcesBlock, type View } from "./view.js";

export interface AnswerOptions {
  /** Id under which the query is stored, for the paging buttons. */
  queryId: string;
  /** Characters of each passage shown around the matched words. */
  snippetChars: number;
  pageSize: number;
  /** A note shown under the title (e.g. that a long question was cut). */
  note?: string;
  /** In groups: instead of paging here, a link that continues the answer in a private chat. */
  continueUrl?: string;
  /** In private chats: a button that shares the question into another chat through inline mode. */
  share?: boolean;
}

export interface Rendered {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

const QUERY_SHOWN = 120;

/** Key points, passages with matched words in bold, and sources — one message, paged with buttons. */
export function renderAnswer(answer: Answer, view: View, options: AnswerOptions): Rendered {
  const { t, lang } = view;
  const mark = lineMark(lang);
  const blocks: string[] = [];
  const title = mark + t("answer-title", { query: escapeHtml(cutText(answer.query, QUERY_SHOWN)) });
  blocks.push(options.note ? `${title}\n${mark}${options.note}` : title);
  if (answer.keyPoints.length > 0) blocks.push(`${mark}${t("key-points")}\n${keyPointLines(answer.keyPoints)}`);

  const from = answer.offset + 1;
  const to = answer.offset + answer.hits.length;
  const paged = answer.offset > 0 || answer.total > answer.hits.length;
  const passages = answer.hits.map((h, i) => {
    const s = snippet(h.paragraph.text, h.highlights, options.snippetChars);
    return `${CONTENT_MARK}<b>[${answer.offset + i + 1}]</b> ${highlight(s.text, s.ranges)}`;
  });
  blocks.push(
    [mark + (paged ? t("passages-range", { from: String(from), to: String(to), total: String(answer.total) }) : t("passages")), ...passages].join(
      "\n\n",
    ),
  );
  blocks.push(sourcesBlock(answer.citations, view));

  const previous =
    answer.offset > 0
      ? { text: t("button-previous"), callback_data: encode({ kind: "page", queryId: options.queryId, offset: Math.max(0, answer.offset - options.pageSize) }) }
      : undefined;
  const next =
    to < answer.total
      ? { text: t("button-more"), callback_data: encode({ kind: "page", queryId: options.queryId, offset: to }) }
      : undefined;
  const paging = options.continueUrl
    ? next
      ? [{ text: t("button-continue-private"), url: options.continueUrl }]
      : []
    : pagingRow(view, previous, next);
  const share = options.share ? [{ text: t("button-share"), switch_inline_query: cutText(answer.query, 200) }] : [];
  const rows = [...citationButtons(answer.citations, view), paging, share].filter((r) => r.length > 0);
  // Snippets keep an answer well under the limit; should one not, the first message is what the reader sees.
  return { text: splitMessages(blocks)[0]!, keyboard: { inline_keyboard: rows } };
}

/** Whether an answer is the "not covered" reply with nearby articles to offer (with none, the no-match note is). */
export function offersClosest(answer: Answer): boolean {
  return answer.covered === false && (answer.closest ?? []).length > 0;
}

/**
 * The reply when the briefing does not cover a question: said plainly, with the closest articles as buttons that
 * open them and `/sources`, instead of passages that only share a word or two.
 */
export function renderNotCovered(answer: Answer, view: View): { text: string; keyboard: InlineKeyboardMarkup } {
  const { t, lang } = view;
  const mark = lineMark(lang);
  const closest = answer.closest ?? [];
  const lines = [mark + t("not-covered", { query: escapeHtml(cutText(answer.query, 80)) })];
  if (closest.length > 0) lines.push("", mark + t("not-covered-closest"));
  lines.push("", mark + t("not-covered-sources"));
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: closest.map((c) => [{ text: `📰 ${cutText(c.title, 48)}`, callback_data: encode({ kind: "read", articleId: c.articleId, part: 0 }) }]),
  };
  return { text: lines.join("\n"), keyboard };
}
