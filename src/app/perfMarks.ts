// User-timing marks on the rate → new list path (read by `npm run bench -- first-visit` to say where the time goes).
export type PerfMark = 'pl:rate' | 'pl:stored' | 'pl:list-request' | 'pl:list-received' | 'pl:cards-request' | 'pl:cards-received';

export function perfMark(name: PerfMark): void {
  performance.mark(name);
}
