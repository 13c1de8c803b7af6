/**
 * Simulated time for the province drill: a clock that moves only when everything in the process
 * is waiting on it. `sleep` parks a promise on the timeline; when no other work is left (the
 * microtask queue has drained and a macrotask turn comes round) the earliest sleeper wakes and the
 * clock jumps to its instant. A run of 20,000 reminders "takes" minutes of simulated time and a
 * few seconds of real time; nothing really sleeps.
 *
 * Work in the drill must not wait on real I/O or real timers, or it would be overtaken.
 */
export class VirtualTime {
  private nowMs: number
  private readonly sleepers: { at: number; seq: number; wake: () => void }[] = []
  private seq = 0
  private pumping = false

  constructor(start: number) {
    this.nowMs = start
  }

  now(): number {
    return this.nowMs
  }

  /** Resolves after `ms` simulated milliseconds. */
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.push({ at: this.nowMs + Math.max(0, ms), seq: this.seq++, wake })
      this.pump()
    })
  }

  private push(item: { at: number; seq: number; wake: () => void }): void {
    // A binary heap on (at, seq): sleepers of one instant wake in the order they slept.
    const heap = this.sleepers
    heap.push(item)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (earlier(heap[parent], heap[i])) break
      ;[heap[parent], heap[i]] = [heap[i], heap[parent]]
      i = parent
    }
  }

  private pop(): { at: number; seq: number; wake: () => void } | undefined {
    const heap = this.sleepers
    const top = heap[0]
    const last = heap.pop()
    if (heap.length > 0 && last) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let least = i
        if (l < heap.length && earlier(heap[l], heap[least])) least = l
        if (r < heap.length && earlier(heap[r], heap[least])) least = r
        if (least === i) break
        ;[heap[least], heap[i]] = [heap[i], heap[least]]
        i = least
      }
    }
    return top
  }

  private pump(): void {
    if (this.pumping) return
    this.pumping = true
    const turn = () => {
      const next = this.pop()
      if (!next) {
        this.pumping = false
        return
      }
      this.nowMs = Math.max(this.nowMs, next.at)
      next.wake()
      // Everything the wake-up set off runs (microtasks) before the next turn.
      setImmediate(turn)
    }
    setImmediate(turn)
  }
}

const earlier = (a: { at: number; seq: number }, b: { at: number; seq: number }): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq)
