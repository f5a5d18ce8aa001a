/**
 * The local console: the same createBot and handlers, driven from a terminal against the local Bot API.
 * No token, no network. Type questions and commands; press buttons with #n; try inline mode with @question.
 */
import { createInterface } from "node:readline";
import type { Update } from "grammy/types";
import { createApp } from "../app.js";
import { prepareBot } from "../roles/bot.js";
import { startDigests } from "../roles/digests.js";
import { loadDotEnv, logLevelChosen, readBaseConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { LocalBotApi, type ApiCall } from "../local-api/local-api.js";
import { callbackQuery, groupChat, inlineQuery, textMessage, type Person } from "../local-api/updates.js";
import { SqliteStore } from "../store/sqlite-store.js";
import { storesOf } from "../store/store.js";
import { htmlToPlain, inlineButton } from "./plain.js";

interface Button {
  text: string;
  data?: string;
  url?: string;
  inline?: string;
  message: { message_id: number; chat_id: number };
}

const ansi = process.stdout.isTTY === true;
const dim = (s: string) => (ansi ? `\x1b[2m${s}\x1b[22m` : s);
const strip = (s: string) => s.replace(/[\u200E\u200F\u2066-\u2069]/g, "");

const HELP = `Type a question or a command (/start, /help, /sources, /summary, /article 1, /language).
  #n        press button n of the last message
  @words    send an inline query, as typed in any chat after @mujaz_local_bot (also :inline words)
  :lang en  act as a user whose Telegram is in English (:lang ar for Arabic)
  :group    talk in a group chat (again to go back): mention @mujaz_local_bot, reply with ^ before your text
  :quit     leave`;

loadDotEnv();
const config = readBaseConfig();
const logger = createLogger(logLevelChosen() ? config.logLevel : "warn", undefined);
const api = new LocalBotApi();
const app = await createApp(config, { logger, stores: storesOf(new SqliteStore(":memory:")), fetch: api.fetch, botInfo: api.botInfo });
const { bot, briefing } = app;
await prepareBot(app);
// Digests are delivered here too: subscribe for a minute ahead and watch it arrive.
startDigests(app);

const me: Person = { id: 1001, first_name: "Reader", language_code: process.argv.includes("--en") ? "en" : "ar" };
let inGroup = false;
const GROUP = groupChat(-1001000000001, "Briefing readers");
let buttons: Button[] = [];

api.onCall((call) => print(call));

function print(call: ApiCall): void {
  const p = call.params;
  if (!call.ok) {
    console.log(`\n⛔ ${call.method} refused by the Bot API: ${call.description}`);
    return;
  }
  if (call.method === "answerCallbackQuery" && p.text) console.log(`\n🔔 ${String(p.text)}`);
  if (call.method === "answerInlineQuery") {
    const results = p.results as Array<{ title: string; description?: string }>;
    console.log(`\n${dim(`── inline results (${results.length}${p.next_offset ? `, more from offset ${String(p.next_offset)}` : ""}) ──`)}`);
    results.forEach((r, i) => console.log(`  ${i + 1}. ${strip(r.title)}${r.description ? dim(` — ${strip(r.description)}`) : ""}`));
    const button = inlineButton(p);
    if (button) console.log(`  [${strip(button)}]`);
  }
  if (call.method !== "sendMessage" && call.method !== "editMessageText") return;
  if (call.method === "sendMessage" && Number(p.chat_id) !== me.id && !inGroup && Number(p.chat_id) !== GROUP.id) return;
  const chatId = Number(p.chat_id);
  const messageId = call.method === "sendMessage" ? api.chatMessages(chatId).at(-1)?.message_id ?? 0 : Number(p.message_id);
  const header = call.method === "sendMessage" ? "── mujaz ──" : `── mujaz (edited message ${messageId}) ──`;
  console.log(`\n${dim(header)}\n${htmlToPlain(String(p.text), ansi)}`);
  const rows = ((p.reply_markup as { inline_keyboard?: Array<Array<Record<string, string>>> } | undefined)?.inline_keyboard ?? []);
  buttons = [];
  for (const row of rows) {
    const cells = row.map((b) => {
      buttons.push({
        text: b.text!,
        ...(b.callback_data ? { data: b.callback_data } : {}),
        ...(b.url ? { url: b.url } : {}),
        ...(b.switch_inline_query !== undefined ? { inline: b.switch_inline_query } : {}),
        message: { message_id: messageId, chat_id: chatId },
      });
      return `[#${buttons.length}] ${b.text!.replace(/[\u2066-\u2069]/g, "")}`;
    });
    console.log(`  ${cells.join("   ")}`);
  }
}

async function send(update: Omit<Update, "update_id">): Promise<void> {
  await bot.handleUpdate({ ...update, update_id: api.nextId() } as Update);
}

async function onLine(line: string): Promise<boolean> {
  const text = line.trim();
  if (!text) return true;
  if (text === ":quit" || text === ":q") return false;
  if (text === ":help") console.log(HELP);
  else if (text.startsWith(":lang")) {
    me.language_code = text.split(/\s+/)[1] === "en" ? "en" : "ar";
    console.log(dim(`(your Telegram language is now ${me.language_code})`));
  } else if (text === ":group") {
    inGroup = !inGroup;
    console.log(dim(inGroup ? "(now in a group chat: mention @mujaz_local_bot or use /search@mujaz_local_bot)" : "(back in the private chat)"));
  } else if (/^#\d+$/.test(text)) {
    const button = buttons[Number(text.slice(1)) - 1];
    if (!button) console.log(dim("(no such button on the last message)"));
    else if (button.data) await send(callbackQuery(me, button.data, button.message));
    else if (button.url) console.log(dim(`(opens ${button.url})`));
    else if (button.inline !== undefined) await send(inlineQuery(me, button.inline));
  } else if (text.startsWith(":inline") || (text.startsWith("@") && !inGroup)) {
    await send(inlineQuery(me, text.replace(/^(:inline|@mujaz_local_bot|@)\s*/, "").trim()));
  } else if (inGroup) {
    // "^text" replies to the bot's last message, as a reply in a real group would.
    const last = api.chatMessages(GROUP.id).at(-1);
    const reply = text.startsWith("^") && last ? { reply_to_message: { message_id: last.message_id, date: 0, chat: GROUP, from: api.botInfo, text: last.text } } : {};
    await send(textMessage(me, text.replace(/^\^\s*/, ""), GROUP, reply as never));
  } else {
    await send(textMessage(me, text));
  }
  return true;
}

briefing.warm();
console.log(`mujaz local console — ${briefing.articles.length} articles, ${briefing.passageCount} passages. :help for help.\n${HELP}`);
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
rl.setPrompt(ansi ? "\n\x1b[1myou>\x1b[22m " : "\nyou> ");
rl.prompt();
for await (const line of rl) {
  if (!(await onLine(line))) break;
  rl.prompt();
}
rl.close();
await app.stop();
