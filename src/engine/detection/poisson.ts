// The chance model behind "far more often than activity predicts": Poisson upper tails.

/** P(X >= k) for X ~ Poisson(lambda), summed in log space (exact enough far into the tail). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (k <= lambda) return 1; // not in the tail: no evidence either way
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let j = k; j < k + 1_000; j++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-12) break;
    logTerm += Math.log(lambda) - Math.log(j + 1);
  }
  return Math.min(1, sum);
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(k: number): number {
  if (k < 1_000) {
    while (LOG_FACTORIALS.length <= k) {
      const i = LOG_FACTORIALS.length;
      LOG_FACTORIALS.push((LOG_FACTORIALS[i - 1] ?? 0) + Math.log(i));
    }
    return LOG_FACTORIALS[k] ?? 0;
  }
  // Stirling's series.
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k);
}
