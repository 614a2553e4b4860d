/**
 * Incidents stored before the sorted lists existed (or before their rows gained an attribute) are
 * missing from them until their next write: this writes theirs, a bounded stretch per call (on upgrade, then hourly until done), resuming
 * from a checkpoint kept in the document store.
 * @module
 */
import type { AppDeps } from './context.js';

// A new name when the rows gain an attribute, so every row is written again (v2: `family`).
const CHECKPOINT = 'sorted-lists-backfill-v2';
const PER_PAGE = 50;

interface Checkpoint {
  readonly done: boolean;
  readonly cursor?: string;
}

export async function backfillSortedLists(
  deps: Pick<AppDeps, 'store' | 'docs'>,
  nowMs: () => number,
  deadlineMs: number,
): Promise<{ readonly read: number; readonly done: boolean }> {
  const index = deps.store.indexSortedLists?.bind(deps.store);
  const at = await deps.docs.get<Checkpoint>(CHECKPOINT);
  if (!index || at?.done) return { read: 0, done: true };
  let cursor = at?.cursor;
  let read = 0;
  do {
    const page = await index(PER_PAGE, cursor);
    read += page.read;
    cursor = page.cursor;
    await deps.docs.set(
      CHECKPOINT,
      cursor === undefined ? { done: true } : { done: false, cursor },
    );
  } while (cursor !== undefined && nowMs() < deadlineMs);
  return { read, done: cursor === undefined };
}
