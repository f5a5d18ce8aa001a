import { watch, type FSWatcher } from "node:fs";

/** Call onChange (debounced) when files appear or change in a folder. Returns a function that stops watching. */
export function watchFolder(dir: string, onChange: () => void, debounceMs = 500): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch {
    return () => {};
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
