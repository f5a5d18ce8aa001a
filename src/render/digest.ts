import type { DigestItem } from "../briefing/digest.js";
import { lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { escapeHtml, splitMessages } from "./html.js";
import type { Rendered } from "./answer.js";
import { CONTENT_MARK, chunk, formatDate, type View } from "./view.js";

export interface DigestHeader {
  /** The subscriber's local date, YYYY-MM-DD. */
  date: string;
  topic?: string;
  /** True for /digest (a preview), false for the scheduled delivery. */
  preview: boolean;
}

/** One message (more only past 4096 characters): each new article with its date, cited key points and a button. */
export function renderDigest(items: readonly DigestItem[], view: View, header: DigestHeader): Rendered[] {
  const { t } = view;
  const mark = lineMark(view.lang);
  const title = [mark + t(header.preview ? "digest-preview-title" : "digest-title", { date: formatDate(header.date, view), count: items.length })];
  if (header.topic) title.push(mark + t("digest-topic", { topic: escapeHtml(header.topic) }));
  if (items.length === 0) return [{ text: `${title.join("\n")}\n\n${mark}${t("digest-nothing-new")}`, keyboard: { inline_keyboard: [] } }];

  const blocks = items.map((item, i) => {
    // An undated article says nothing under its title ("undated" is said once, in /sources).
    const lines = [`${CONTENT_MARK}<b>${i + 1}. ${escapeHtml(item.article.title)}</b>`, ...(item.article.date ? [mark + formatDate(item.article.date, view)] : [])];
    for (const p of item.points) lines.push(`${CONTENT_MARK}• ${escapeHtml(p.text)} ${mark}${t("digest-paragraph", { paragraph: String(p.paragraph) })}`);
    return lines.join("\n");
  });
  // Split between articles; each message carries the buttons of the articles it shows.
  const texts = splitMessages([title.join("\n"), ...blocks]);
  let next = 0;
  return texts.map((text) => {
    const shown: number[] = [];
    while (next < items.length && text.includes(blocks[next]!)) shown.push(next++);
    const buttons = shown.map((i) => ({ text: `📰 ${i + 1}`, callback_data: encode({ kind: "read", articleId: items[i]!.article.id, part: 0 }) }));
    return { text, keyboard: { inline_keyboard: chunk(buttons, 5) } };
  });
}
