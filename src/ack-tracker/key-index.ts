/**
 * Keys of the unfinished records the tracker knows (handed out, or scanned inside the window), for per-key
 * ordering: a record is blocked while a lower unfinished record has the same key. With ordering on, a key's
 * records finish roughly in offset order, so each list is a queue and removals hit its front.
 */
export class KeyIndex {
  private readonly keyAt = new Map<number, string>();
  private readonly byKey = new Map<string, number[]>();

  get size(): number {
    return this.keyAt.size;
  }

  get(offset: number): string | undefined {
    return this.keyAt.get(offset);
  }

  note(offset: number, key: string): void {
    if (this.keyAt.has(offset)) return;
    this.keyAt.set(offset, key);
    let list = this.byKey.get(key);
    if (list === undefined) {
      list = [];
      this.byKey.set(key, list);
    }
    if (list.length === 0 || list[list.length - 1] < offset) list.push(offset);
    else list.splice(lowerBound(list, offset), 0, offset);
  }

  /** True when an unfinished record below offset has this key. */
  blocked(key: string, offset: number): boolean {
    const list = this.byKey.get(key);
    return list !== undefined && list.length > 0 && list[0] < offset;
  }

  remove(offset: number): void {
    const key = this.keyAt.get(offset);
    if (key === undefined) return;
    this.keyAt.delete(offset);
    const list = this.byKey.get(key) as number[];
    if (list[0] === offset) list.shift();
    else list.splice(lowerBound(list, offset), 1);
    if (list.length === 0) this.byKey.delete(key);
  }

  removeRange(first: number, last: number): void {
    if (this.keyAt.size === 0) return;
    // Walk whichever is smaller: the range or the known keys.
    if (last - first + 1 <= this.keyAt.size) {
      for (let o = first; o <= last; o++) this.remove(o);
    } else {
      for (const o of [...this.keyAt.keys()]) if (o >= first && o <= last) this.remove(o);
    }
  }

  dropBelow(offset: number): void {
    for (const o of [...this.keyAt.keys()]) if (o < offset) this.remove(o);
  }

  clear(): void {
    this.keyAt.clear();
    this.byKey.clear();
  }
}

function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
