/** Telegram HTML shown in a terminal: tags become plain text (or ANSI styles), direction marks are dropped. */
import { parseTelegramHtml } from "../local-api/telegram-html.js";

const MARKS = /[\u200E\u200F\u2066-\u2069]/g;
const STYLE: Record<string, [string, string]> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  italic: ["\x1b[3m", "\x1b[23m"],
  code: ["\x1b[2m", "\x1b[22m"],
};

export function htmlToPlain(html: string, ansi = false): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) return html.replace(MARKS, "");
  if (!ansi) return parsed.text.replace(MARKS, "");
  const inserts: Array<[number, string]> = [];
  for (const e of parsed.entities) {
    const style = STYLE[e.type];
    if (!style) continue;
    inserts.push([e.offset, style[0]], [e.offset + e.length, style[1]]);
  }
  inserts.sort((a, b) => b[0] - a[0]);
  let out = parsed.text;
  for (const [at, code] of inserts) out = out.slice(0, at) + code + out.slice(at);
  return out.replace(MARKS, "");
}
