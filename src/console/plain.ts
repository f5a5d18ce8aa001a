/** Telegram HTML shown in a terminal (and calls to the Bot API, for the emulator): tags become plain text (or ANSI styles), direction marks are dropped. */
import type { ApiCall } from "../local-api/local-api.js";
import { parseTelegramHtml } from "../local-api/telegram-html.js";

const MARKS = /[\u200E\u200F\u2066-\u2069]/g;
const STYLE: Record<string, [string, string]> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  italic: ["\x1b[3m", "\x1b[23m"],
  code: ["\x1b[2m", "\x1b[22m"],
};

/** The text of the button Telegram shows above an inline query's results (with none, it says why). */
export function inlineButton(params: Record<string, unknown>): string | undefined {
  return (params.button as { text?: string } | undefined)?.text;
}

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

type Keyboard = { inline_keyboard?: Array<Array<Record<string, unknown>>> } | undefined;

/**
 * One call the bot made, as a person follows a conversation: who it went to, the text as a reader sees it, the
 * buttons; other calls on one line, except the long polling itself. Used by `npm run emulator`.
 */
export function transcript(call: ApiCall): string | undefined {
  const p = call.params;
  if (!call.ok) return `⛔ ${call.method} refused: ${call.description ?? ""}${call.fault ? ` (injected: ${call.fault})` : ""}`;
  switch (call.method) {
    case "sendMessage":
    case "editMessageText": {
      const head = `── ${call.method === "sendMessage" ? "to" : `edit of message ${String(p.message_id)} in`} chat ${String(p.chat_id)} ──`;
      const rows = ((p.reply_markup as Keyboard)?.inline_keyboard ?? []).map((row) => `  ${row.map((b) => `[${String(b.text).replace(/[\u2066-\u2069]/g, "")}]`).join(" ")}`);
      return [head, htmlToPlain(String(p.text)), ...rows].join("\n");
    }
    case "answerCallbackQuery":
      return `🔔 answer to a button${p.text ? `: ${String(p.text)}` : ""}${p.url ? ` (opens ${String(p.url)})` : ""}`;
    case "answerInlineQuery": {
      const results = (p.results as Array<{ title?: string }> | undefined) ?? [];
      const lines = [`── inline results (${results.length}) ──`, ...results.map((r, i) => `  ${i + 1}. ${htmlToPlain(String(r.title ?? ""))}`)];
      const button = inlineButton(p);
      return [...lines, ...(button ? [`  [${button}]`] : [])].join("\n");
    }
    case "getUpdates":
      return undefined;
    default:
      return `→ ${call.method}`;
  }
}
