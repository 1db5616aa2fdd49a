/** Milliseconds on one clock for every worker thread (each thread's performance.now() has its own origin). */
export const epochMs = (): number => performance.timeOrigin + performance.now();
