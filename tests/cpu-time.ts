// Time bounds in unit tests are CPU time, not wall time: CI machines are shared, and a test that measures
// the clock fails when a neighbour is busy. They still catch what they are for (quadratic or catastrophic work).

/** CPU milliseconds this process spent running `fn`. */
export function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** The median CPU milliseconds of `runs` calls (after one warm-up). */
export function medianCpuMs(fn: () => void, runs = 5): number {
  fn();
  const times = Array.from({ length: runs }, () => cpuMs(fn)).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}
