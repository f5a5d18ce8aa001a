/** Builders for the updates Telegram sends, shaped as Telegram shapes them. */
import type { Chat, Message, Update, User } from "grammy/types";

export interface Person {
  id: number;
  first_name: string;
  language_code?: string;
  username?: string;
}

export function user(p: Person): User {
  return { id: p.id, is_bot: false, first_name: p.first_name, ...(p.language_code ? { language_code: p.language_code } : {}), ...(p.username ? { username: p.username } : {}) };
}

export function privateChat(p: Person): Chat.PrivateChat {
  return { id: p.id, type: "private", first_name: p.first_name };
}

export function groupChat(id: number, title = "Group"): Chat.SupergroupChat {
  return { id, type: "supergroup", title };
}

let messageCounter = 1;
const now = () => Math.floor(Date.now() / 1000);

/** A text message; commands at the start get their bot_command entity as Telegram adds it. */
export function textMessage(
  from: Person,
  text: string,
  chat: Chat = privateChat(from),
  extra: Partial<Message> = {},
): Omit<Update, "update_id"> {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities = [
    ...(command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : []),
    ...[...text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)].map((m) => ({ type: "mention", offset: m.index, length: m[0].length })),
  ];
  const message = {
    message_id: messageCounter++,
    date: now(),
    chat,
    from: user(from),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...extra,
  } as Message;
  return { message } as Omit<Update, "update_id">;
}

/** A message without text (sticker, photo, voice …), given by its field. */
export function mediaMessage(
  from: Person,
  field: "sticker" | "photo" | "voice" | "document" | "location",
  chat: Chat = privateChat(from),
): Omit<Update, "update_id"> {
  const payloads = {
    sticker: { file_id: "sticker1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
    photo: [{ file_id: "photo1", file_unique_id: "p1", width: 90, height: 90 }],
    voice: { file_id: "voice1", file_unique_id: "v1", duration: 2 },
    document: { file_id: "doc1", file_unique_id: "d1" },
    location: { latitude: 55.75, longitude: 37.62 },
  };
  return { message: { message_id: messageCounter++, date: now(), chat, from: user(from), [field]: payloads[field] } } as unknown as Omit<Update, "update_id">;
}

/** A button press under a message the bot sent. */
export function callbackQuery(from: Person, data: string, message: { message_id: number; chat_id: number; text?: string }): Omit<Update, "update_id"> {
  const chat: Chat = message.chat_id > 0 ? privateChat(from) : groupChat(message.chat_id);
  return {
    callback_query: {
      id: String(Math.floor(Math.random() * 1e15)),
      from: user(from),
      chat_instance: `ci${message.chat_id}`,
      data,
      message: { message_id: message.message_id, date: now(), chat, text: message.text ?? "" } as Message,
    },
  } as Omit<Update, "update_id">;
}

/** A button press under a message sent through an inline result: no chat, only its inline_message_id. */
export function inlineCallbackQuery(from: Person, data: string, inlineMessageId: string): Omit<Update, "update_id"> {
  return {
    callback_query: { id: String(Math.floor(Math.random() * 1e15)), from: user(from), chat_instance: "ci-inline", data, inline_message_id: inlineMessageId },
  } as Omit<Update, "update_id">;
}

export function inlineQuery(from: Person, query: string, offset = ""): Omit<Update, "update_id"> {
  return { inline_query: { id: String(Math.floor(Math.random() * 1e15)), from: user(from), query, offset, chat_type: "sender" } };
}

/** The bot's own membership in a chat changed (added to a group, removed, promoted). */
export function myChatMember(from: Person, chat: Chat, bot: User, oldStatus: string, newStatus: string): Omit<Update, "update_id"> {
  const member = (status: string) => ({ status, user: bot }) as never;
  return { my_chat_member: { chat, from: user(from), date: now(), old_chat_member: member(oldStatus), new_chat_member: member(newStatus) } } as Omit<Update, "update_id">;
}

/** The service message a group sends when it becomes a supergroup with a new id. */
export function migrateMessage(from: Person, chat: Chat, toChatId: number): Omit<Update, "update_id"> {
  return { message: { message_id: messageCounter++, date: now(), chat, from: user(from), migrate_to_chat_id: toChatId } } as unknown as Omit<Update, "update_id">;
}
