/** Defects the fuzz run found, each pinned by the smallest input that showed it. */
import { describe, expect, it } from "vitest";
import { checkStrings } from "../../src/local-api/validate.js";
import { cutAtWord } from "../../src/briefing/ingest.js";
import { cutText } from "../../src/render/html.js";
import { inlineQuery, textMessage } from "../../src/local-api/updates.js";
import { harness, salma, seen } from "../support/harness.js";

describe("found by the fuzz run", () => {
  it("cuts never end on half an emoji", () => {
    for (let n = 1; n < 140; n++) {
      const text = `بوتين ${"😀".repeat(n)}`;
      for (const max of [30, 40, 60, 80, 120, 256]) {
        expect(checkStrings(cutText(text, max))).toBeUndefined();
        expect(checkStrings(cutAtWord(text, max))).toBeUndefined();
      }
    }
  });

  it("answers a 300-character emoji question and the same inline query with valid text", async () => {
    const h = await harness();
    const question = `بوتين ${"😀".repeat(150)}`;
    await h.send(textMessage(salma, question));
    await h.send(inlineQuery(salma, `بوتين ${"😀".repeat(68)}`));
    expect(h.messages(salma.id)).toHaveLength(1);
    expect(h.api.callsOf("answerInlineQuery")).toHaveLength(1);
    expect(h.refused()).toEqual([]);
  });

  it("ignores an edited message during /subscribe instead of re-asking with an empty value", async () => {
    const h = await harness();
    await h.send(textMessage(salma, "/subscribe"));
    const asked = h.messages(salma.id).length;
    const { message } = textMessage(salma, "08:00") as { message: NonNullable<Parameters<typeof h.send>[0]["message"]> };
    await h.send({ edited_message: { ...message, edit_date: message.date + 5 } });
    expect(h.messages(salma.id)).toHaveLength(asked);
    await h.send(textMessage(salma, "08:00"));
    expect(seen(h.last(salma.id).text)).toContain("في أي منطقة زمنية؟");
    expect(h.refused()).toEqual([]);
  });
});
