/**
 * Property tests run on random cases locally, so each run may find a new one; under CI (`CI=true`) they run on the
 * fixed cases of one seed, so a merge is never held up by a case no change made. A failure prints its seed and path
 * either way, and `FC_SEED=<seed>` replays it.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED ?? (process.env.CI ? "20261207" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
