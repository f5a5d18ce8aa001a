import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { watchFolder } from "../../src/briefing/watch.js";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { storesOf } from "../../src/store/store.js";
import { createApp } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { testConfig } from "../support/harness.js";

describe("articles added while running", () => {
  it("indexes a new file dropped into the folder, without a restart, and records when it was first seen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mujaz-seeds-"));
    for (const f of readdirSync("seeds").slice(0, 2)) copyFileSync(join("seeds", f), join(dir, f));
    const briefing = await Briefing.load({ dir });
    const store = new SqliteStore(":memory:");
    let clock = 1_000;
    await createApp(testConfig(), { briefing, stores: storesOf(store), logger: createLogger("silent"), clock: { now: () => clock } });
    expect(briefing.articles).toHaveLength(2);
    expect(briefing.search("قوة سيبيريا").hits).toEqual([]);

    const added = new Promise<void>((resolve) => briefing.onAdded(() => resolve()));
    const stop = watchFolder(dir, () => void briefing.reload(), 50);
    clock = 2_000;
    copyFileSync(join("seeds", "003_648d491966dff82e.txt"), join(dir, "003_648d491966dff82e.txt"));
    writeFileSync(join(dir, "notes.md"), "not an article");
    await added;
    stop();

    expect(briefing.articles).toHaveLength(3);
    expect(briefing.search("قوة سيبيريا").hits[0]!.article.source).toBe("003_648d491966dff82e");
    expect(await store.firstSeen(briefing.articles[0]!.id)).toBe(1_000);
    expect(await store.firstSeen(briefing.articles[2]!.id)).toBe(2_000);
    // Reloading again adds nothing and keeps the first-seen time.
    clock = 3_000;
    expect(await briefing.reload()).toEqual([]);
    expect(await store.firstSeen(briefing.articles[2]!.id)).toBe(2_000);
  });

  it("builds a large reload beside the index in use, answering between slices, and adds each article once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mujaz-seeds-"));
    copyFileSync(join("seeds", "003_648d491966dff82e.txt"), join(dir, "003_648d491966dff82e.txt"));
    const briefing = await Briefing.load({ dir });
    const text = readFileSync(join("seeds", "002_be64dd4f059e06b2.txt"), "utf8");
    for (let i = 0; i < 120; i++) writeFileSync(join(dir, `${String(100 + i)}_copy.txt`), text.replace("يوم الأربعاء", `يوم الأربعاء ${1000 + i}`));

    const first = briefing.reload();
    const second = briefing.reload();
    // Questions are answered from the index in use while the new one is built.
    const answered: number[] = [];
    const ask = setInterval(() => answered.push(briefing.search("قوة سيبيريا").hits.length), 0);
    const [a, b] = await Promise.all([first, second]);
    clearInterval(ask);

    expect(a).toHaveLength(120);
    expect(b).toEqual([]);
    expect(briefing.articles).toHaveLength(121);
    expect(new Set(briefing.articles.map((x) => x.id)).size).toBe(121);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((n) => n > 0)).toBe(true);
    for (const i of [0, 57, 119]) expect(briefing.search(`قمة افتراضية ${1000 + i}`).hits[0]!.article.source).toBe(`${100 + i}_copy`);
  });
});
