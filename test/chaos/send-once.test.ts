import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { AmbiguousSendError, sendOnce } from "../../src/bot/send-once.js";
import { networkRetry } from "../../src/bot/api-defaults.js";
import type { FaultKind } from "../../src/local-api/faults.js";
import { QUERY_TOO_OLD } from "../../src/local-api/local-api.js";
import { textMessage } from "../../src/local-api/updates.js";
import { harness, salma, seen } from "../support/harness.js";

const APOLOGY = "عذراً، حدث خطأ أثناء تجهيز الرد";

/** A harness whose Bot API fails the next sendMessage with one fault, then behaves. */
async function failingOnce(kind: FaultKind) {
  const h = await harness();
  h.api.setFaults({ seed: 1, rates: { [kind]: 1 }, methods: ["sendMessage"] });
  h.api.onCall(() => h.api.setFaults(undefined));
  await h.send(textMessage(salma, "بوتين"));
  return h.messages(salma.id).map((m) => (seen(m.text).includes(APOLOGY) ? "apology" : "answer"));
}

describe("send once", () => {
  it("does not resend an answer whose 502 or reset came after Telegram stored it: the reader sees it once, then the apology", async () => {
    expect(await failingOnce("server-error-after")).toEqual(["answer", "apology"]);
    expect(await failingOnce("reset-after")).toEqual(["answer", "apology"]);
  });

  it("apologizes when the same failure came before anything was stored", async () => {
    expect(await failingOnce("server-error-before")).toEqual(["apology"]);
    expect(await failingOnce("reset-before")).toEqual(["apology"]);
  });

  it("retries the answer to a button press whose 502 came after Telegram took it, and goes on to send the reply once", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/start"));
    h.api.setFaults({ seed: 1, rates: { "server-error-after": 1 }, methods: ["answerCallbackQuery"] });
    h.api.onCall(() => h.api.setFaults(undefined));
    await h.press(salma, h.last(salma.id), "التبادل التجاري");
    expect(h.api.callsOf("answerCallbackQuery").map((c) => c.description ?? "ok")).toEqual(["Bad Gateway", QUERY_TOO_OLD]);
    expect(h.messages(salma.id).map((m) => (seen(m.text).includes(APOLOGY) ? "apology" : "answer"))).toEqual(["answer", "answer"]);
    expect(seen(h.last(salma.id).text)).toContain("240 مليار دولار");
  });

  it("still waits out a 429 and sends the answer once, since Telegram did nothing", async () => {
    expect(await failingOnce("too-many-requests")).toEqual(["answer"]);
  });

  it("tells a connection never made from one that may have landed, with the code where Node's fetch puts it", async () => {
    const failing = (code: string) => {
      const error = new HttpError("Network request for 'sendMessage' failed!", Object.assign(new Error(`request failed, reason: ${code}`), { code }));
      return sendOnce()(() => Promise.reject(error), "sendMessage", { chat_id: 1, text: "x" } as never);
    };
    await expect(failing("ECONNREFUSED")).rejects.toBeInstanceOf(HttpError);
    await expect(failing("ECONNRESET")).rejects.toBeInstanceOf(AmbiguousSendError);
  });

  it("gives a call three retries after network errors, but lets long polling wait out an outage", async () => {
    const attempts = async (method: string, failures: number) => {
      let n = 0;
      const retry = networkRetry(3, undefined, async () => {});
      const prev = async () => {
        if (++n <= failures) throw new HttpError(`Network request for '${method}' failed!`, Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
        return { ok: true as const, result: true };
      };
      const outcome = await retry(prev as never, method as never, {} as never).then(() => "ok", () => "failed");
      return { outcome, calls: n };
    };
    expect(await attempts("getMe", 10)).toEqual({ outcome: "failed", calls: 4 });
    expect(await attempts("getMe", 3)).toEqual({ outcome: "ok", calls: 4 });
    expect(await attempts("getUpdates", 10)).toEqual({ outcome: "ok", calls: 11 });
  });
});
