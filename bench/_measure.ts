/** Shared helpers for bench scripts: medians of repeated runs, peak memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Run `fn` `runs` times (after one warm-up) and return the median wall time in seconds. */
export async function medianSeconds(fn: () => unknown, runs = 5): Promise<{ median: number; all: number[] }> {
  await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await fn();
    all.push((performance.now() - t0) / 1000);
  }
  return { median: median(all), all };
}

export const mb = (bytes: number) => bytes / 1e6;
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Memory of a process and all its descendants (worker processes; worker threads are in their
 * process), in KB: the sum of their proportional set sizes, so that the pages of Node's binary and
 * libraries that the processes share count once, as they take memory once.
 */
export function treePssKb(pid: number): number {
  let total = 0;
  try {
    total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) total += treePssKb(Number(c));
    }
  } catch {
    // the process ended between two reads
  }
  return total;
}

/**
 * CPU seconds of this process's ended children (the native OCR engine's `tesseract` processes),
 * which `process.cpuUsage()` leaves out: /proc/self/stat's cutime + cstime, in clock ticks of
 * 1/100 s (Linux's USER_HZ). Node reaps a child before its exit event, so a child whose output
 * was awaited is counted.
 */
export function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields from the third (state): cutime and cstime are the 16th and 17th
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * A CPU clock started now: `own()`, the CPU seconds of this process (every thread) since; `total()`, those
 * and its children's that ended since (the native OCR engine's `tesseract` processes).
 */
export function cpuClock(): { own(): number; total(): number } {
  const c0 = process.cpuUsage();
  const k0 = childrenCpuSeconds();
  const own = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  return { own, total: () => own() + childrenCpuSeconds() - k0 };
}
