/**
 * Hostile input: a few thousand generated updates, seeded, through the real bot against the strict local Bot API.
 * Counts crashes (handleUpdate throwing), failed handlers (the apology was sent), calls the API refused, and
 * updates that are owed a reply and got none. Every kind of failure is printed with its first input.
 */
import fc from "fast-check";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { encode, type Action } from "../../src/render/callback-data.js";
import { LOCAL_BOT } from "../../src/local-api/local-api.js";
import { callbackQuery, groupChat, inlineCallbackQuery, inlineQuery, mediaMessage, myChatMember, textMessage, type Person } from "../../src/local-api/updates.js";
import { harness } from "../support/harness.js";

const SEED = 8_2026;
const UPDATES = 3000;
const COMMANDS = ["start", "help", "search", "sources", "article", "summary", "subscribe", "settings", "digest", "unsubscribe", "language"];
const APOLOGY = /عذراً، حدث خطأ|Sorry, something went wrong/;
const BOT = `@${LOCAL_BOT.username}`;

const readers: Person[] = Array.from({ length: 60 }, (_, i) => ({ id: 9000 + i, first_name: i % 3 ? "قارئ" : "Reader", ...(i % 3 ? { language_code: "ar" } : i % 2 ? { language_code: "en" } : {}) }));

// --- text as readers type it, and as attackers do ---
const words = fc.constantFrom("بوتين", "موسكو", "الصين", "النفط", "الغاز", "التبادل التجاري", "قوة سيبيريا", "أوكرانيا", "الطاقة", "ما هو", "كم", "Putin", "oil");
const emoji = fc.constantFrom("😀", "🇸🇦", "👍🏽", "👨‍👩‍👧", "🔥", "❤️");
const marks = fc.constantFrom("\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200d", "\u0640", "\u064e", "\ufeff");
const digits = fc.array(fc.constantFrom(..."٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"), { minLength: 1, maxLength: 5 }).map((d) => d.join(""));
const junk = fc.oneof(fc.string({ maxLength: 15 }), fc.string({ unit: "grapheme", maxLength: 8 }), fc.constantFrom("<b>", "&amp;", "</a>", "<<", "&", "\\", "%s", "{{x}}", "\n\n"));
const piece = fc.oneof({ weight: 4, arbitrary: words }, emoji, marks, digits, junk);
const sentence = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(" "));
const huge = fc.tuple(words, fc.integer({ min: 300, max: 4096 })).map(([w, n]) => `${w} `.repeat(n).slice(0, n));
/**
 * Emoji runs whose length puts the bot's cuts (at 30, 40, 60, 80, 120, 256 UTF-16 units) in the middle of a pair.
 * Updates themselves are always well-formed: Telegram refuses strings that are not UTF-8 before delivering them.
 */
const emojiRun = fc.tuple(emoji, fc.integer({ min: 1, max: 140 }), fc.constantFrom("", "بوتين ", "x")).map(([e, n, lead]) => lead + e.repeat(n));
const blankish = fc.array(marks, { minLength: 1, maxLength: 4 }).map((m) => m.join(""));
const command = fc
  .tuple(fc.constantFrom(...COMMANDS, "foo", "cancel", "stats", "START", "article"), fc.constantFrom("", "", BOT, "@other_bot"), fc.oneof(fc.constant(""), digits, sentence, huge))
  .map(([c, at, args]) => `/${c}${at}${args ? ` ${args}` : ""}`);
const text = fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 3, arbitrary: command }, huge, emojiRun, blankish);

type Target = "last" | "inline-known" | "inline-unknown";
type Intent =
  | { kind: "text"; who: number; text: string }
  | { kind: "edited"; who: number; text: string }
  | { kind: "media"; who: number; field: "sticker" | "photo" | "voice" | "document" | "location" }
  | { kind: "callback"; who: number; data: string | Action; target: Target }
  | { kind: "inline"; who: number; query: string; offset: string }
  | { kind: "member"; who: number; group: number; joined: boolean }
  | { kind: "group"; who: number; group: number; text: string };

const who = fc.integer({ min: 0, max: readers.length - 1 });
// Unbiased, so no group passes the bot's 8 answers a minute (after which it rightly stays quiet).
const group = fc.noBias(fc.integer({ min: 1, max: 400 })).map((g) => -1_000_000_000 - g);
const small = fc.integer({ min: 0, max: 120 });

function intents(articleIds: string[], targets: readonly Target[]): fc.Arbitrary<Intent> {
  const articleId = fc.oneof(fc.constantFrom(...articleIds), fc.stringMatching(/^[A-Za-z0-9]{8}$/));
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constantFrom("open", "goto") as fc.Arbitrary<"open" | "goto">, articleId, paragraph: small }),
    fc.record({ kind: fc.constant("read" as const), articleId, part: small }),
    fc.record({ kind: fc.constant("summary" as const), articleId }),
    fc.record({ kind: fc.constant("page" as const), queryId: fc.stringMatching(/^[A-Za-z0-9_-]{10}$/), offset: small }),
    fc.record({ kind: fc.constant("example" as const), index: fc.integer({ min: 0, max: 9 }) }),
    fc.record({ kind: fc.constant("language" as const), language: fc.constantFrom("ar", "en") as fc.Arbitrary<"ar" | "en"> }),
    fc.record({ kind: fc.constant("sources" as const), page: small }),
    fc.record({ kind: fc.constant("settings" as const), op: fc.constantFrom("pause", "resume", "empty-on", "empty-off", "edit", "off") as fc.Arbitrary<"off"> }),
    fc.constantFrom<Action>({ kind: "subscribe", step: "confirm" }, { kind: "subscribe", step: "cancel" }, { kind: "subscribe", step: "all-topics" }, { kind: "subscribe", step: "time", minutes: 480 }),
  );
  const forged = fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom("o:", "p:../../etc", "x:99", "l:fr", "d:drop", "u:t:9999", "src:-1", "r:AAAAAAAA:99999"));
  const target = fc.constantFrom(...targets);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("text" as const), who, text }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("edited" as const), who, text }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("media" as const), who, field: fc.constantFrom("sticker", "photo", "voice", "document", "location") as fc.Arbitrary<"photo"> }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("callback" as const), who, data: fc.oneof(action, forged), target }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("inline" as const), who, query: fc.oneof(sentence, emojiRun, huge.map((h) => h.slice(0, 256)), fc.constant("")), offset: fc.oneof(fc.constant(""), digits, junk) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("member" as const), who, group, joined: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("group" as const), who, group, text: fc.oneof(sentence.map((s) => `${BOT} ${s}`), command, sentence) }) },
  );
}

/** Does the bot owe this update an answer, and which? */
function owed(intent: Intent): "message" | "callback" | "inline" | undefined {
  switch (intent.kind) {
    case "text":
    case "media":
      return "message";
    case "callback":
      return "callback";
    case "inline":
      return "inline";
    case "member":
      return intent.joined ? "message" : undefined;
    case "group": {
      const command = /^\/(\w+)(@\w+)?/.exec(intent.text);
      if (command) return command[2] === BOT || (command[2] === undefined && COMMANDS.includes(command[1]!)) ? "message" : undefined;
      return intent.text.startsWith(BOT) ? "message" : undefined;
    }
    case "edited":
      return undefined;
  }
}

interface Found {
  crashes: number;
  failedHandlers: number;
  refused: number;
  unanswered: number;
  repliesToEdits: number;
}

/** Feeds `count` generated updates one by one and counts what went wrong, printing each kind with its first input. */
async function fuzz(seed: number, count: number, targets: readonly Target[]): Promise<Found> {
  const h = await harness();
  // Every reader has a chat with the bot, so a button press has a message of the bot's to sit under.
  for (const reader of readers) await h.send(textMessage(reader, "/start"));
  const all = fc.sample(intents(h.briefing.articles.map((a) => a.id), targets), { seed, numRuns: count });
  const found: Found = { crashes: 0, failedHandlers: 0, refused: 0, unanswered: 0, repliesToEdits: 0 };
  const firstOf = new Map<string, string>();
  const note = (what: string, intent: Intent) => {
    if (!firstOf.has(what)) firstOf.set(what, JSON.stringify(intent).slice(0, 300));
  };

  for (const intent of all) {
    const reader = readers[intent.who]!;
    const before = h.api.calls.length;
    const logsBefore = h.logs.length;
    try {
      await h.send(materialize(intent, reader, h));
    } catch (err) {
      found.crashes++;
      note(`crash: ${String(err)}`, intent);
    }
    const calls = h.api.calls.slice(before);
    const failure = h.logs.slice(logsBefore).find((l) => l.msg === "update failed")?.err as { message?: string } | undefined;
    // Pressing a button that shows what is already shown: Telegram refuses the edit and editOrIgnore expects it.
    for (const c of calls.filter((c) => !c.ok && !c.description?.includes("message is not modified"))) {
      found.refused++;
      note(`refused ${c.method}: ${c.description}`, intent);
    }
    if (failure || calls.some((c) => APOLOGY.test(String(c.params.text)))) {
      found.failedHandlers++;
      note(`handler failed: ${failure?.message ?? "apology sent"}`, intent);
    }
    const sent = calls.filter((c) => c.ok && ["sendMessage", "editMessageText", "editMessageReplyMarkup"].includes(c.method)).length;
    const due = owed(intent);
    const answered =
      due === "message" ? sent > 0 : due === "callback" ? calls.some((c) => c.ok && c.method === "answerCallbackQuery") : due === "inline" ? calls.some((c) => c.ok && c.method === "answerInlineQuery") : true;
    if (!answered) {
      found.unanswered++;
      note(`no reply to ${intent.kind}`, intent);
    }
    if (intent.kind === "edited" && sent > 0) {
      found.repliesToEdits++;
      note("reply to an edited message", intent);
    }
  }
  console.info(`fuzz (seed ${seed}):`, { updates: count, ...found }, "\n" + [...firstOf].map(([what, input]) => `  ${what}\n    first input: ${input}`).join("\n"));
  return found;
}

const NOTHING_WRONG: Found = { crashes: 0, failedHandlers: 0, refused: 0, unanswered: 0, repliesToEdits: 0 };

describe("fuzz: generated updates through the real bot", () => {
  it(`handles ${UPDATES} seeded hostile updates without crashes, failed handlers, refused calls or silence`, async () => {
    expect(await fuzz(SEED, UPDATES, ["last"])).toEqual(NOTHING_WRONG);
  }, 120_000);

  // A press on an inline message (no chat; this build puts no callback buttons there, so its data is stale or
  // forged) is answered with a short note before any handler could reply into a chat it does not have.
  it("answers forged or stale button presses on inline messages with a short note", async () => {
    expect(await fuzz(SEED + 1, 300, ["inline-known", "inline-unknown"])).toEqual(NOTHING_WRONG);
  }, 60_000);
});

type H = Awaited<ReturnType<typeof harness>>;

function materialize(intent: Intent, reader: Person, h: H): Omit<Update, "update_id"> {
  switch (intent.kind) {
    case "text":
      return textMessage(reader, intent.text);
    case "edited": {
      const { message } = textMessage(reader, intent.text) as { message: Update["message"] };
      return { edited_message: { ...message!, edit_date: message!.date + 5 } } as Omit<Update, "update_id">;
    }
    case "media":
      return mediaMessage(reader, intent.field);
    case "callback": {
      const data = typeof intent.data === "string" ? intent.data : encode(intent.data);
      if (intent.target === "inline-known") return inlineCallbackQuery(reader, data, h.api.addInlineMessage("النقاط الرئيسية", { inline_keyboard: [[{ text: "1", callback_data: data }]] }));
      if (intent.target === "inline-unknown") return inlineCallbackQuery(reader, data, "BAAAAforgedInlineId");
      const last = h.messages(reader.id).at(-1)!;
      return callbackQuery(reader, data, { message_id: last.message_id, chat_id: reader.id, text: last.text });
    }
    case "inline":
      return inlineQuery(reader, intent.query, intent.offset);
    case "member":
      return myChatMember(reader, groupChat(intent.group), { ...LOCAL_BOT, is_bot: true }, intent.joined ? "left" : "member", intent.joined ? "member" : "left");
    case "group":
      return textMessage(reader, intent.text, groupChat(intent.group));
  }
}
