import { describe, expect, it } from "vitest";
import type { FaultKind } from "../../src/local-api/faults.js";
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

  it("still waits out a 429 and sends the answer once, since Telegram did nothing", async () => {
    expect(await failingOnce("too-many-requests")).toEqual(["answer"]);
  });
});
