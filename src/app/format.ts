// Number formatting for the UI without Intl: the first toLocaleString call loads locale data (a 50+ ms main-thread task).

/** Whole number with comma thousands separators, as toLocaleString('en') writes it: 25000095 → "25,000,095". */
export function thousands(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}
