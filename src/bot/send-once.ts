/**
 * At most once for what a reader sees. A 5xx or a dropped connection may come after Telegram stored the message,
 * and the Bot API has no idempotency key: a retry then sends the answer twice. So a call that would show something
 * new to the reader (send…, forward…, copy…, answer…) is not repeated after such an ambiguous failure; it fails
 * with AmbiguousSendError and the update's error handler apologizes, which the reader may then see besides the
 * answer — never the answer twice. A 429 and a connection that was never made are safe to retry: Telegram did
 * nothing. Edits, deletions, reads and settings are repeatable and keep every retry.
 *
 * Installed before autoRetry, so it sits between autoRetry and the network and sees every attempt.
 */
import { HttpError, type Transformer } from "grammy";

const SHOWS_SOMETHING = /^(send|forward|copy|answer)/;

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

function neverSent(err: HttpError): boolean {
  const cause = (err.error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === "string" && NEVER_SENT.has(cause.code);
}

export function sendOnce(): Transformer {
  return async (prev, method, payload, signal) => {
    if (!SHOWS_SOMETHING.test(method) || method === "sendChatAction") return prev(method, payload, signal);
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (err) {
      if (err instanceof HttpError && !neverSent(err)) throw new AmbiguousSendError(method, String(err.error));
      throw err;
    }
    if (!result.ok && result.error_code >= 500) throw new AmbiguousSendError(method, `${result.error_code} ${result.description}`);
    return result;
  };
}
