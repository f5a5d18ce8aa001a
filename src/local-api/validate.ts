/**
 * The limits Telegram enforces on what a bot sends, checked the way Telegram checks them. Each check returns
 * Telegram's error description, or undefined when the call would be accepted.
 */
import { parseTelegramHtml } from "./telegram-html.js";

type Params = Record<string, unknown>;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** Text of a message or caption after entity parsing, with its 1..max character limit. */
export function checkText(text: unknown, parseMode: unknown, max: number, field = "message text"): string | undefined {
  if (typeof text !== "string") return `Bad Request: ${field} must be a string`;
  let plain = text;
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return parsed.error;
    plain = parsed.text;
  } else if (parseMode !== undefined) {
    return `Bad Request: unsupported parse_mode ${String(parseMode)} (this bot uses HTML only)`;
  }
  if (plain.trim().length === 0) return `Bad Request: ${field} is empty`;
  if (plain.length > max) return `Bad Request: ${field} is too long`;
  return undefined;
}

const BUTTON_ACTIONS = ["url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay"];

export function checkReplyMarkup(markup: unknown): string | undefined {
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) return "Bad Request: reply_markup must be an object";
  const rows = (markup as Params).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows)) return "Bad Request: inline_keyboard must be an array of arrays";
  if (rows.length > 100) return "Bad Request: too many inline keyboard rows";
  for (const row of rows) {
    if (!Array.isArray(row)) return "Bad Request: inline keyboard row must be an array";
    if (row.length === 0) return "Bad Request: inline keyboard row is empty";
    if (row.length > 8) return "Bad Request: too many buttons in a row";
    for (const button of row as Params[]) {
      if (typeof button.text !== "string" || button.text.trim() === "") return "Bad Request: BUTTON_TEXT_EMPTY";
      const actions = BUTTON_ACTIONS.filter((a) => button[a] !== undefined);
      if (actions.length !== 1) return "Bad Request: exactly one of the optional fields of InlineKeyboardButton must be used";
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || bytes(data) < 1 || bytes(data) > 64)) return "Bad Request: BUTTON_DATA_INVALID";
      if (button.url !== undefined && !/^(https?|tg):\/\/\S+$/.test(String(button.url))) return "Bad Request: BUTTON_URL_INVALID";
    }
  }
  return undefined;
}

function checkInlineResults(params: Params): string | undefined {
  const results = params.results;
  if (!Array.isArray(results)) return "Bad Request: results must be an array";
  if (results.length > 50) return "Bad Request: RESULTS_TOO_MUCH";
  const ids = new Set<string>();
  for (const r of results as Params[]) {
    if (typeof r.id !== "string" || bytes(r.id) < 1 || bytes(r.id) > 64) return "Bad Request: RESULT_ID_INVALID";
    if (ids.has(r.id)) return "Bad Request: RESULT_ID_DUPLICATE";
    ids.add(r.id);
    if (r.type === "article") {
      if (typeof r.title !== "string" || r.title.trim() === "") return "Bad Request: RESULT_TITLE_EMPTY";
      const content = r.input_message_content as Params | undefined;
      if (!content) return "Bad Request: input_message_content is required";
      const e = checkText(content.message_text, content.parse_mode, 4096);
      if (e) return e;
    }
    const e = checkReplyMarkup(r.reply_markup);
    if (e) return e;
  }
  if (params.next_offset !== undefined && bytes(String(params.next_offset)) > 64) return "Bad Request: NEXT_OFFSET_INVALID";
  return undefined;
}

function checkCommands(params: Params): string | undefined {
  const commands = params.commands;
  if (!Array.isArray(commands) || commands.length > 100) return "Bad Request: commands must be an array of at most 100";
  for (const c of commands as Params[]) {
    if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) return "Bad Request: BOT_COMMAND_INVALID";
    if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) return "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID";
  }
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every string anywhere in a call must be well-formed Unicode: a lone UTF-16 surrogate (half an emoji, cut by
 * code units) cannot be encoded in UTF-8, and Telegram refuses the whole call before reading any field.
 */
export function checkStrings(value: unknown): string | undefined {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? "Bad Request: strings must be encoded in UTF-8" : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const problem = checkStrings(v);
    if (problem) return problem;
  }
  return undefined;
}

/** Telegram's checks for the methods this bot calls. */
export function validateCall(method: string, params: Params): string | undefined {
  switch (method) {
    case "sendMessage":
      return checkText(params.text, params.parse_mode, 4096) ?? checkReplyMarkup(params.reply_markup);
    case "editMessageText":
      return checkText(params.text, params.parse_mode, 4096) ?? checkReplyMarkup(params.reply_markup);
    case "editMessageReplyMarkup":
      return checkReplyMarkup(params.reply_markup);
    case "answerCallbackQuery":
      return params.text !== undefined && String(params.text).length > 200 ? "Bad Request: MESSAGE_TOO_LONG" : undefined;
    case "answerInlineQuery":
      return checkInlineResults(params);
    case "setMyCommands":
      return checkCommands(params);
    default:
      return undefined;
  }
}
