/**
 * A binary min-heap. The ack tracker uses it with lazy deletion: entries are never removed when the state they
 * point to changes; the owner checks an entry against the current state when it reaches the top and drops it if
 * stale. So a lock renewal or an acknowledgement costs nothing here, and expiry costs O(log n) per expired run.
 */
export class MinHeap<T> {
  private items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop() as T;
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    this.items = [];
  }

  private siftDown(start: number): void {
    const items = this.items;
    const n = items.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < n && this.less(items[l], items[min])) min = l;
      if (r < n && this.less(items[r], items[min])) min = r;
      if (min === i) return;
      [items[i], items[min]] = [items[min], items[i]];
      i = min;
    }
  }
}

/** A time (lock deadline or due time) and an offset inside the run it was recorded for. */
export interface DeadlineEntry {
  at: number;
  offset: number;
}

export function deadlineHeap(): MinHeap<DeadlineEntry> {
  return new MinHeap<DeadlineEntry>((a, b) => a.at < b.at || (a.at === b.at && a.offset < b.offset));
}

export function offsetHeap(): MinHeap<number> {
  return new MinHeap<number>((a, b) => a < b);
}
