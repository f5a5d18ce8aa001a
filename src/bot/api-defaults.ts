/**
 * What every call to the Bot API has in common, set once, for the bot's replies and the digest alike: Telegram
 * HTML and no link previews (every renderer escapes for HTML; a preview card would push the answer off screen),
 * a time limit on each attempt, a bounded number of retries after network errors, 429s waited out, and sends
 * never repeated after an ambiguous failure (send-once.ts).
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { HttpError, type Api, type Transformer } from "grammy";
import { networkCode, sendOnce } from "./send-once.js";

const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);

/**
 * Telegram answers a call in well under a second; one that takes this long is not coming back. grammY's own limit
 * is 500 s, long enough for one hung sendMessage to hold a digest fan-out (or a chat's replies) for minutes.
 */
export const CALL_TIMEOUT_MS = 20_000;

/** Retries after a network error (a timeout, a refused or dropped connection) before the call fails: 1 s, 2 s, 4 s. */
export const NETWORK_RETRIES = 3;

export interface ApiLayerOptions {
  /** Time limit on each attempt of a call (getUpdates keeps its long-poll wait). */
  timeoutMs?: number;
  networkRetries?: number;
  /** Told of each retry after a network error (to log it). */
  onNetworkRetry?: (retry: NetworkRetry) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told of each 429's retry_after (the digest queue pauses every worker for it). */
  onRetryAfter?: (seconds: number) => void;
}

export interface NetworkRetry {
  method: string;
  /** 1 for the first retry. */
  attempt: number;
  of: number;
  delayMs: number;
  error: HttpError;
}

/** Install the layers on an Api, innermost (nearest the network) first. */
export function installApiLayers(api: Api, o: ApiLayerOptions = {}): void {
  api.config.use(callTimeout(o.timeoutMs ?? CALL_TIMEOUT_MS));
  api.config.use(sendOnce());
  api.config.use(networkRetry(o.networkRetries ?? NETWORK_RETRIES, o.onNetworkRetry, o.sleep));
  // Inside auto-retry, so it sees each 429 rather than only the last (the digest queue pauses on it).
  const onRetryAfter = o.onRetryAfter;
  if (onRetryAfter) {
    api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429 && result.parameters?.retry_after) onRetryAfter(result.parameters.retry_after);
      return result;
    });
  }
  // Network errors are networkRetry's (grammY's auto-retry repeats them without a limit).
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  api.config.use(messageDefaults());
}

export function messageDefaults(): Transformer {
  return (prev, method, payload, signal) => {
    if (!TEXT_METHODS.has(method)) return prev(method, payload, signal);
    const p = payload as Record<string, unknown>;
    return prev(method, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...p } as typeof payload, signal);
  };
}

/** Each attempt ends after `ms`: a Bot API that never answers fails the call (as a network error) instead of holding it. */
export function callTimeout(ms: number): Transformer {
  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    const timeout = AbortSignal.timeout(ms);
    // grammY types its signal with the abort-controller shim's class; at run time it is the platform's.
    const limited = signal ? AbortSignal.any([signal as unknown as AbortSignal, timeout]) : timeout;
    return prev(method, payload, limited as unknown as typeof signal);
  };
}

/**
 * A bounded retry budget for network errors, with doubling waits. Sends that may have landed never reach it:
 * send-once turns those into AmbiguousSendError first, so only calls safe to repeat are retried. Long polling is
 * the exception: getUpdates waits out any outage (a minute apart at most), as it did before, since the runner
 * would give up for good after its own 15 hours.
 */
export function networkRetry(
  retries: number,
  onRetry?: (retry: NetworkRetry) => void,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = pause,
): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        const budget = method === "getUpdates" ? Infinity : retries;
        if (!(error instanceof HttpError) || signal?.aborted || attempt > budget) throw error;
        const delayMs = Math.min(60_000, 1000 * 2 ** (attempt - 1));
        onRetry?.({ method, attempt, of: budget, delayMs, error });
        await sleep(delayMs, signal as unknown as AbortSignal | undefined);
      }
    }
  };
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * What failed under a network error, for a log line: its code (ECONNREFUSED, ENOTFOUND …) or its message with
 * the request's URL cut out (it holds the token).
 */
export function networkCause(error: HttpError): string {
  const code = networkCode(error);
  if (code !== undefined) return code;
  const inner = error.error as { name?: unknown; message?: unknown } | undefined;
  if (inner?.name === "TimeoutError" || inner?.name === "AbortError") return "no answer in time";
  return String(inner?.message ?? error.message).replace(/\/bot[^/\s]+/g, "/bot…");
}
