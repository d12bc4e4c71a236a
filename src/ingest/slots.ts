/** At most `count` tasks at once; the others wait their turn in the order they came. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.free = count;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.free--;
    try {
      return await task();
    } finally {
      // the slot goes straight to the next in line, or back to the free ones
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
