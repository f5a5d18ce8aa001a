/**
 * A Bot API that lives on this machine: it keeps chats and messages, hands out updates through getUpdates,
 * validates every call as Telegram would, and can be told to fail (429, 403, 5xx), once or at random in fault
 * mode (faults.ts). The local console, the tests and the end-to-end emulator all talk to it.
 */
import type { Update, UserFromGetMe } from "grammy/types";
import { ConnectionReset, FAULT_KINDS, FaultPlan, type FaultKind, type FaultOptions } from "./faults.js";
import { parseTelegramHtml, type Entity } from "./telegram-html.js";
import { checkStrings, validateCall } from "./validate.js";

type Params = Record<string, unknown>;

export interface ApiCall {
  method: string;
  params: Params;
  /** What the API answered: the result, or the error it gave. */
  ok: boolean;
  description?: string;
  /** The fault mode's doing, when it failed or delayed this call. */
  fault?: FaultKind;
}

export interface StoredMessage {
  message_id: number;
  chat_id: number;
  text: string;
  html: string;
  entities: Entity[];
  reply_markup?: unknown;
  reply_to_message_id?: number;
  edits: number;
}

/** What fault mode did and what reached the chats, for counting duplicates and losses. */
export interface ApiStats {
  calls: number;
  refused: number;
  /** Faults injected since the start, over every time fault mode was on. */
  injected: Record<FaultKind, number>;
  /** Messages stored per chat id, including those whose answer a fault lost. */
  storedPerChat: Record<string, number>;
}

export interface Failure {
  error_code: number;
  description: string;
  retry_after?: number;
}

/** An extra check on each call (e.g. the published Bot API specification); returns an error or undefined. */
export type CallCheck = (method: string, params: Params) => string | undefined;

export const LOCAL_BOT: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "موجز",
  username: "mujaz_local_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** A call the API refused as Telegram would, as opposed to one fault mode failed (a slow answer may be refused too). */
export const refusedByApi = (c: ApiCall): boolean => !c.ok && (c.fault === undefined || c.fault === "slow");

/** Telegram's answer to a second answer of the same callback or inline query. */
export const QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";

class ApiError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.description);
  }
}

export class LocalBotApi {
  readonly calls: ApiCall[] = [];
  readonly messages = new Map<string, StoredMessage>();
  /** Chats that have blocked the bot: sending there fails with 403. */
  readonly blocked = new Set<number>();
  /** Group admins, as "chatId:userId", for getChatMember. */
  readonly admins = new Set<string>();
  /** When set, sendMessage beyond this many per second answers 429, as Telegram does under load. */
  rateLimitPerSecond: number | undefined;
  private recentSends: number[] = [];
  private readonly failures: Array<{ method: string; failure: Failure }> = [];
  private readonly updates: Update[] = [];
  private waiters: Array<() => void> = [];
  private nextUpdateId = 1;
  private nextMessageId = new Map<number, number>();
  private readonly listeners: Array<(call: ApiCall) => void> = [];
  private readonly answeredQueries = new Set<string>();
  /** Messages sent through inline results, by inline_message_id; created with addInlineMessage. */
  private readonly inlineMessages = new Map<string, StoredMessage>();
  private nextInlineId = 1;
  private readonly storedPerChat = new Map<number, number>();
  /** Fault mode, when on (setFaults). */
  faults: FaultPlan | undefined;
  private readonly plans: FaultPlan[] = [];

  constructor(
    readonly botInfo: UserFromGetMe = LOCAL_BOT,
    private readonly checks: CallCheck[] = [],
  ) {}

  /** Make the next call of a method fail (e.g. 429 with retry_after, 403 blocked, 502). */
  failNext(method: string, failure: Failure): void {
    this.failures.push({ method, failure });
  }

  /** Switch fault mode on with these options, or off with undefined. */
  setFaults(options: FaultOptions | undefined): FaultPlan | undefined {
    this.faults = options ? new FaultPlan(options) : undefined;
    if (this.faults) this.plans.push(this.faults);
    return this.faults;
  }

  stats(): ApiStats {
    return {
      calls: this.calls.length,
      refused: this.calls.filter(refusedByApi).length,
      injected: Object.fromEntries(FAULT_KINDS.map((k) => [k, this.plans.reduce((n, p) => n + p.injected[k], 0)])) as Record<FaultKind, number>,
      storedPerChat: Object.fromEntries(this.storedPerChat),
    };
  }

  /**
   * A message a reader sent through one of the bot's inline results (as after chosen_inline_result); returns its
   * inline_message_id for callback queries and edits.
   */
  addInlineMessage(text: string, replyMarkup?: unknown): string {
    const id = `local-inline-${this.nextInlineId++}`;
    this.inlineMessages.set(id, { message_id: 0, chat_id: 0, text, html: text, entities: [], ...(replyMarkup !== undefined ? { reply_markup: replyMarkup } : {}), edits: 0 });
    return id;
  }

  inlineMessage(id: string): StoredMessage | undefined {
    return this.inlineMessages.get(id);
  }

  onCall(listener: (call: ApiCall) => void): void {
    this.listeners.push(listener);
  }

  /** Queue an update for getUpdates; the update_id is assigned here. */
  pushUpdate(update: Omit<Update, "update_id">): Update {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.updates.push(full);
    for (const wake of this.waiters.splice(0)) wake();
    return full;
  }

  nextId(): number {
    return this.nextUpdateId++;
  }

  /** The calls made with one method, in order. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Client fetch for grammY: POST {apiRoot}/bot{token}/{method} with a JSON body. */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = url.pathname.split("/").pop() ?? "";
    const body = typeof init?.body === "string" && init.body ? (JSON.parse(init.body) as Params) : {};
    let answer: Params;
    try {
      answer = await this.handle(method, body, init?.signal ?? undefined);
    } catch (err) {
      // What undici's fetch throws when the peer drops the connection.
      if (err instanceof ConnectionReset) throw new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
      throw err;
    }
    // The client gave up (its timeout, or a hang it aborted): fetch rejects with the signal's reason.
    if (init?.signal?.aborted) throw init.signal.reason;
    return new Response(JSON.stringify(answer), {
      status: answer.ok ? 200 : (answer.error_code as number),
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;

  /**
   * One call, answered as Telegram would. In fault mode it may instead throw ConnectionReset (the transport drops
   * the connection), or never settle until `signal` aborts (a hang).
   */
  async handle(method: string, params: Params, signal?: AbortSignal): Promise<Params> {
    const call: ApiCall = { method, params, ok: true };
    const scope = String(params.chat_id ?? params.callback_query_id ?? params.inline_query_id ?? method);
    const fault = this.faults?.decide(method, scope, Date.now());
    if (fault) call.fault = fault;
    const lose = (answer: Params | "reset"): Params => {
      call.ok = false;
      call.description = answer === "reset" ? "connection reset" : String(answer.description);
      this.record(call);
      if (answer === "reset") throw new ConnectionReset(method);
      return answer;
    };
    switch (fault) {
      case "too-many-requests": {
        const retryAfter = this.faults!.retryAfterFor(scope, Date.now());
        return lose(failureAnswer({ error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, retry_after: retryAfter }));
      }
      case "server-error-before":
        return lose(failureAnswer(BAD_GATEWAY));
      case "reset-before":
        return lose("reset");
      case "hang":
        await abortOf(signal);
        return lose(failureAnswer({ error_code: 499, description: "aborted by the client while the local Bot API hung (fault mode)" }));
      case "slow":
        await delay(this.faults!.slowDelay(), signal);
        break;
    }
    const answer = await this.answer(method, params, signal);
    if (fault === "server-error-after" || fault === "reset-after") {
      if (answer.ok) return lose(fault === "reset-after" ? "reset" : failureAnswer(BAD_GATEWAY));
      // Refused before anything was stored: the refusal is what the client must see, and nothing was injected.
      this.faults!.injected[fault]--;
      delete call.fault;
    }
    call.ok = answer.ok === true;
    if (!call.ok) call.description = String(answer.description);
    this.record(call);
    return answer;
  }

  private async answer(method: string, params: Params, signal?: AbortSignal): Promise<Params> {
    try {
      return { ok: true, result: await this.dispatch(method, params, signal) };
    } catch (err) {
      return failureAnswer(err instanceof ApiError ? err.failure : { error_code: 500, description: `Internal Server Error: ${String(err)}` });
    }
  }

  private record(call: ApiCall): void {
    if (call.method === "getUpdates") return;
    this.calls.push(call);
    for (const l of this.listeners) l(call);
  }

  private async dispatch(method: string, params: Params, signal?: AbortSignal): Promise<unknown> {
    const injected = this.failures.findIndex((f) => f.method === method);
    if (injected >= 0) throw new ApiError(this.failures.splice(injected, 1)[0]!.failure);
    const malformed = checkStrings(params);
    if (malformed) throw new ApiError({ error_code: 400, description: malformed });
    for (const check of this.checks) {
      const problem = check(method, params);
      if (problem) throw new ApiError({ error_code: 400, description: problem });
    }
    const problem = validateCall(method, params);
    if (problem) throw new ApiError({ error_code: 400, description: problem });
    const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
    if (chatId !== undefined && this.blocked.has(chatId)) {
      throw new ApiError({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }

    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return this.getUpdates(params, signal);
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "setChatMenuButton":
      case "sendChatAction":
      case "close":
        return true;
      case "answerCallbackQuery":
        return this.answerQuery(String(params.callback_query_id));
      case "answerInlineQuery":
        return this.answerQuery(String(params.inline_query_id));
      case "getMyCommands":
        return [];
      case "deleteMessage":
        return this.messages.delete(`${chatId}:${Number(params.message_id)}`) || notFound("message to delete not found");
      case "sendMessage":
        this.enforceRate();
        return this.store(chatId!, params);
      case "getChatMember": {
        const userId = Number(params.user_id);
        const status = chatId! > 0 && chatId === userId ? "member" : this.admins.has(`${chatId}:${userId}`) ? "administrator" : "member";
        return { status, user: { id: userId, is_bot: false, first_name: "Member" } };
      }
      case "editMessageText":
        return this.edit(params);
      case "editMessageReplyMarkup": {
        const m = this.find(params);
        if (sameMarkup(m.reply_markup, params.reply_markup)) throw notModified();
        m.reply_markup = params.reply_markup;
        return this.edited(m, params);
      }
      default:
        throw new ApiError({ error_code: 404, description: `Not Found: method ${method} is not implemented by the local Bot API` });
    }
  }

  /** Telegram takes one answer per query; a second (a retry whose first answer arrived) is refused. */
  private answerQuery(id: string): true {
    if (this.answeredQueries.has(id)) throw new ApiError({ error_code: 400, description: QUERY_TOO_OLD });
    this.answeredQueries.add(id);
    return true;
  }

  private enforceRate(): void {
    if (this.rateLimitPerSecond === undefined) return;
    const now = performance.now();
    this.recentSends = this.recentSends.filter((t) => now - t < 1000);
    if (this.recentSends.length >= this.rateLimitPerSecond) {
      throw new ApiError({ error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    }
    this.recentSends.push(now);
  }

  private async getUpdates(params: Params, signal?: AbortSignal): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100), 100);
    const timeout = Math.min(Number(params.timeout ?? 0), 50) * 1000;
    const pending = () => this.updates.filter((u) => u.update_id >= offset);
    if (offset > 0) this.updates.splice(0, this.updates.length, ...pending());
    if (pending().length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeout);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.push(done);
        signal?.addEventListener("abort", done, { once: true });
      });
    }
    return pending().slice(0, limit);
  }

  private store(chatId: number, params: Params): unknown {
    const id = (this.nextMessageId.get(chatId) ?? 100) + 1;
    this.nextMessageId.set(chatId, id);
    const parsed = parse(params);
    const reply = params.reply_parameters as { message_id?: number } | undefined;
    const m: StoredMessage = {
      message_id: id,
      chat_id: chatId,
      text: parsed.text,
      html: String(params.text),
      entities: parsed.entities,
      ...(params.reply_markup !== undefined ? { reply_markup: params.reply_markup } : {}),
      ...(reply?.message_id !== undefined ? { reply_to_message_id: reply.message_id } : {}),
      edits: 0,
    };
    this.messages.set(`${chatId}:${id}`, m);
    this.storedPerChat.set(chatId, (this.storedPerChat.get(chatId) ?? 0) + 1);
    return this.asMessage(m);
  }

  private edit(params: Params): unknown {
    const m = this.find(params);
    const parsed = parse(params);
    if (m.text === parsed.text && sameEntities(m.entities, parsed.entities) && sameMarkup(m.reply_markup, params.reply_markup)) {
      throw notModified();
    }
    Object.assign(m, { text: parsed.text, html: String(params.text), entities: parsed.entities, reply_markup: params.reply_markup, edits: m.edits + 1 });
    return this.edited(m, params);
  }

  /** Edits of inline messages answer true, others the edited message. */
  private edited(m: StoredMessage, params: Params): unknown {
    return params.inline_message_id !== undefined ? true : this.asMessage(m);
  }

  private find(params: Params): StoredMessage {
    if (params.inline_message_id === undefined && (params.chat_id === undefined || params.message_id === undefined)) {
      throw new ApiError({ error_code: 400, description: "Bad Request: message identifier is not specified" });
    }
    const m =
      params.inline_message_id !== undefined
        ? this.inlineMessages.get(String(params.inline_message_id))
        : this.messages.get(`${Number(params.chat_id)}:${Number(params.message_id)}`);
    if (!m) throw notFound("message to edit not found");
    return m;
  }

  /** The messages of a chat in the order they were sent. */
  chatMessages(chatId: number): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.chat_id === chatId).sort((a, b) => a.message_id - b.message_id);
  }

  private asMessage(m: StoredMessage): unknown {
    const chat = m.chat_id > 0 ? { id: m.chat_id, type: "private", first_name: "Reader" } : { id: m.chat_id, type: "supergroup", title: "Group" };
    return {
      message_id: m.message_id,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      text: m.text,
      ...(m.entities.length > 0 ? { entities: m.entities } : {}),
      ...(m.reply_markup !== undefined ? { reply_markup: m.reply_markup } : {}),
    };
  }
}

function parse(params: Params): { text: string; entities: Entity[] } {
  if (params.parse_mode === "HTML") {
    const parsed = parseTelegramHtml(String(params.text));
    if (parsed.ok) return parsed;
  }
  return { text: String(params.text), entities: [] };
}

const BAD_GATEWAY: Failure = { error_code: 502, description: "Bad Gateway" };

function failureAnswer(failure: Failure): Params {
  return {
    ok: false,
    error_code: failure.error_code,
    description: failure.description,
    ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
  };
}

/** Settles when the signal aborts; never, without one — as a hung server does. */
function abortOf(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    signal?.addEventListener("abort", () => resolve(), { once: true });
  });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function notFound(what: string): never {
  throw new ApiError({ error_code: 400, description: `Bad Request: ${what}` });
}

function notModified(): ApiError {
  return new ApiError({
    error_code: 400,
    description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  });
}

function sameMarkup(a: unknown, b: unknown): boolean {
  const empty = (m: unknown) => m === undefined || JSON.stringify(m) === '{"inline_keyboard":[]}';
  return (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);
}

function sameEntities(a: Entity[], b: Entity[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
