// The import progress in words: what happens now, never "Unpacking: 0 rows, 10%"; rows once ratings are read.
import { describe, expect, test } from 'vitest';
import { importRateText, importStatusText } from '../../../../src/app/components/importStatus';

describe('import status text', () => {
  test('each phase says what is happening; rows appear only when there are rows to count', () => {
    expect(importStatusText('ml-latest-small.zip', null)).toBe('Starting…');
    expect(importStatusText('ml-latest-small.zip', { phase: 'download', fraction: 0.05, rows: 0 })).toBe('Loading ml-latest-small.zip…');
    expect(importStatusText('ml-latest-small.zip', { phase: 'unzip', fraction: 0.1, rows: 0 })).toBe('Unpacking ml-latest-small.zip…');
    expect(importStatusText('3 files', { phase: 'unzip', fraction: 0.05, rows: 0 })).toBe('Opening 3 files…');
    expect(importStatusText('ml-25m.zip', { phase: 'parse', fraction: 0.34, rows: 8_500_123 })).toBe('Reading ratings: 8,500,123 rows, 34%');
    expect(importStatusText('ratings.csv', { phase: 'parse', fraction: 0.2, rows: 1 })).toBe('Reading ratings: 1 row, 20%');
    expect(importStatusText('ml-latest-small.zip', { phase: 'write', fraction: 1, rows: 100_836 })).toBe('Saving to this device: 100,836 rows, 100%');
    // The first report of the ratings file comes before its first row: no "0 rows".
    expect(importStatusText('ml-latest-small.zip', { phase: 'parse', fraction: 0.1, rows: 0 })).toBe('Reading ratings…');
    expect(importStatusText('ml-latest-small.zip', { phase: 'write', fraction: 1, rows: 0 })).toBe('Saving to this device…');
    for (const phase of ['download', 'unzip', 'parse', 'write'] as const) expect(importStatusText('x.zip', { phase, fraction: 0.1, rows: 0 })).not.toMatch(/rows|%/);
  });

  test('megabytes read with separators, rate and time left while parsing', () => {
    expect(importRateText({ phase: 'unzip', fraction: 0.1, rows: 0 })).toBeNull();
    expect(importRateText({ phase: 'parse', fraction: 0.4, rows: 10, bytesDone: 4_200_000, bytesTotal: 77_000_000, mbPerSecond: 38, secondsLeft: 2.1 })).toBe('4.2 of 77 MB, 38.0 MB/s, about 2 s left');
    expect(importRateText({ phase: 'write', fraction: 1, rows: 10, bytesDone: 686_814_721, bytesTotal: 686_814_721, mbPerSecond: 110.7, secondsLeft: 0 })).toBe('687 of 687 MB, 110.7 MB/s');
    expect(importRateText({ phase: 'parse', fraction: 0.5, rows: 10, bytesDone: 12_345_678_901, bytesTotal: 24_000_000_000, secondsLeft: 300 })).toBe('12,346 of 24,000 MB, about 5 min left');
  });
});
