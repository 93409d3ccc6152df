// The page's `?workers=N`: how many shard workers a training uses (benchmarks compare 1 and 2); absent: the default.
export function workersFromUrl(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('workers'));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}
