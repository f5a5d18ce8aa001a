import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Article } from "../briefing/types.js";
import { lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { escapeHtml, splitMessages } from "./html.js";
import type { Rendered } from "./answer.js";
import { CONTENT_MARK, formatDate, pagingRow, type View } from "./view.js";

function articleButtons(article: Article, view: View): InlineKeyboardButton[] {
  return [
    { text: view.t("button-full-article"), callback_data: encode({ kind: "read", articleId: article.id, part: 0 }) },
    { text: view.t("button-summary"), callback_data: encode({ kind: "summary", articleId: article.id }) },
  ];
}

/** One paragraph with its article, section and place, and buttons to step through the article. */
export function renderParagraph(article: Article, n: number, view: View): Rendered {
  const { t } = view;
  const mark = lineMark(view.lang);
  const paragraph = article.paragraphs[Math.min(Math.max(n, 1), article.paragraphs.length) - 1]!;
  const total = article.paragraphs.length;
  const lines = [
    CONTENT_MARK + t("paragraph-heading", { title: escapeHtml(article.title) }),
    mark + t("paragraph-meta", { date: formatDate(article.date, view), paragraph: String(paragraph.n), total: String(total) }),
  ];
  if (paragraph.section) lines.push(`${CONTENT_MARK}<i>${escapeHtml(paragraph.section)}</i>`);
  const text = `${lines.join("\n")}\n\n${CONTENT_MARK}${escapeHtml(paragraph.text)}`;
  const previous =
    paragraph.n > 1
      ? { text: t("button-previous-paragraph"), callback_data: encode({ kind: "goto", articleId: article.id, paragraph: paragraph.n - 1 }) }
      : undefined;
  const next =
    paragraph.n < total
      ? { text: t("button-next-paragraph"), callback_data: encode({ kind: "goto", articleId: article.id, paragraph: paragraph.n + 1 }) }
      : undefined;
  const rows = [pagingRow(view, previous, next), articleButtons(article, view)].filter((r) => r.length > 0);
  return { text: splitMessages([text])[0]!, keyboard: { inline_keyboard: rows } };
}

/** The whole clean article as one or more messages under Telegram's limit, split between paragraphs. */
export function renderArticle(article: Article, number: number, view: View): Rendered[] {
  const { t } = view;
  const mark = lineMark(view.lang);
  const head = [
    `${CONTENT_MARK}<b>${number}. ${escapeHtml(article.title)}</b>`,
    mark + t("article-meta", { date: formatDate(article.date, view), paragraphs: article.paragraphs.length }),
  ];
  if (article.kicker) head.push(`${CONTENT_MARK}<i>${escapeHtml(article.kicker)}</i>`);
  if (article.author) head.push(CONTENT_MARK + t("article-author", { author: escapeHtml(article.author) }));
  const blocks = [head.join("\n")];
  let section: string | undefined;
  for (const p of article.paragraphs) {
    const heading = p.section !== section && p.section ? `${CONTENT_MARK}<b>${escapeHtml(p.section)}</b>\n` : "";
    section = p.section;
    blocks.push(`${heading}${CONTENT_MARK}<code>${p.n}</code> ${escapeHtml(p.text)}`);
  }
  const partLabel = (k: number, of: number) => `\n\n${mark}${t("article-part", { part: String(k), parts: String(of) })}`;
  const texts = splitMessages(blocks, 4096 - 40);
  return texts.map((text, i) => {
    const last = i === texts.length - 1;
    const keyboard: InlineKeyboardMarkup = {
      inline_keyboard: last ? [[{ text: t("button-summary"), callback_data: encode({ kind: "summary", articleId: article.id }) }]] : [],
    };
    return { text: texts.length > 1 ? text + partLabel(i + 1, texts.length) : text, keyboard };
  });
}
