/**
 * What the bot keeps between restarts. Features talk to this interface only, so a server-backed store can
 * replace SQLite without touching them.
 */
export type Language = "ar" | "en";

export interface Store {
  getLanguage(userId: number): Promise<Language | undefined>;
  setLanguage(userId: number, language: Language): Promise<void>;
  /** Remember a query under a short id for "more results" buttons; the same text always gets the same id. */
  saveQuery(text: string): Promise<string>;
  getQuery(id: string): Promise<string | undefined>;
  /** Groups the bot is in (for statistics and the digest's group subscriptions). */
  rememberChat(chatId: number, type: string): Promise<void>;
  forgetChat(chatId: number): Promise<void>;
  /** A group became a supergroup with a new id: everything kept for the old id moves to the new one. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;
  groupCount(): Promise<number>;
  close(): Promise<void>;
}
