/**
 * At most once for what a reader sees. A 5xx or a dropped connection may come after Telegram stored the message,
 * and the Bot API has no idempotency key: a retry then sends the answer twice. So a call that shows the reader
 * something new (send…, forward…, copy…) is not repeated after such an ambiguous failure; it fails with
 * AmbiguousSendError and the update's error handler apologizes, which the reader may then see besides the
 * answer — never the answer twice. A 429 and a connection that was never made are safe to retry: Telegram did
 * nothing. Answers to callback and inline queries are retried, since Telegram keeps only one per query: a retry
 * refused as "query is too old" after an ambiguous attempt means that attempt landed, and counts as done.
 * Edits, deletions, reads and settings are repeatable and keep every retry.
 *
 * Installed before autoRetry, so it sits between autoRetry and the network and sees every attempt.
 */
import { HttpError, type Transformer } from "grammy";

const SHOWS_SOMETHING = /^(send|forward|copy)/;
const ONE_ANSWER_PER_QUERY = new Set(["answerCallbackQuery", "answerInlineQuery"]);
const QUERY_ANSWERED = "query is too old and response timeout expired or query ID is invalid";

/** Network errors raised before any byte reached Telegram. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

export class AmbiguousSendError extends Error {
  constructor(
    readonly method: string,
    readonly failure: string,
  ) {
    super(`send-once: ${method} failed with ${failure} after Telegram may have shown it; not retried, so the reader never gets it twice`);
  }
}

/**
 * The system error code under a network error: on the error itself (node-fetch, which grammY uses on Node.js) or
 * on its cause (the platform's fetch).
 */
export function networkCode(err: HttpError): string | undefined {
  const inner = err.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = inner?.code ?? inner?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

function neverSent(err: HttpError): boolean {
  const code = networkCode(err);
  return code !== undefined && NEVER_SENT.has(code);
}

/** A failure after which Telegram may or may not have done what was asked. */
function isAmbiguous(failure: unknown): boolean {
  if (failure instanceof HttpError) return !neverSent(failure);
  return typeof failure === "object" && failure !== null && (failure as { error_code?: number }).error_code! >= 500;
}

export function sendOnce(): Transformer {
  // autoRetry repeats a call with the same payload object: that is how a retry is told from a new call.
  const ambiguous = new WeakSet<object>();
  return async (prev, method, payload, signal) => {
    if (ONE_ANSWER_PER_QUERY.has(method)) {
      try {
        const result = await prev(method, payload, signal);
        if (!result.ok && isAmbiguous(result)) ambiguous.add(payload);
        if (!result.ok && ambiguous.has(payload) && result.description.includes(QUERY_ANSWERED)) return { ok: true, result: true } as unknown as typeof result;
        return result;
      } catch (err) {
        if (isAmbiguous(err)) ambiguous.add(payload);
        throw err;
      }
    }
    if (!SHOWS_SOMETHING.test(method) || method === "sendChatAction") return prev(method, payload, signal);
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (err) {
      if (err instanceof HttpError && isAmbiguous(err)) throw new AmbiguousSendError(method, String(err.error));
      throw err;
    }
    if (!result.ok && isAmbiguous(result)) throw new AmbiguousSendError(method, `${result.error_code} ${result.description}`);
    return result;
  };
}
