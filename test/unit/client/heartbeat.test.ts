// The engine heartbeat: a worker that answers is left alone however long it runs; one that stops answering is reported once.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { startHeartbeat } from '../../../src/client/heartbeat';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const opts = { intervalMs: 2000, timeoutMs: 5000 };

test('answered pings never report, over a minute of beats', async () => {
  let pings = 0;
  const stuck = vi.fn();
  const stop = startHeartbeat(async () => void pings++, stuck, opts);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(stuck).not.toHaveBeenCalled();
  expect(pings).toBe(30); // one every 2 s
  stop();
});

test('a ping left unanswered reports stuck after the timeout, once', async () => {
  let answer = true;
  const stuck = vi.fn();
  const stop = startHeartbeat(() => (answer ? Promise.resolve() : new Promise(() => {})), stuck, opts);
  await vi.advanceTimersByTimeAsync(4100); // two answered beats
  answer = false;
  await vi.advanceTimersByTimeAsync(2000); // 6.1 s: the unanswered ping went out at 6 s
  await vi.advanceTimersByTimeAsync(4800); // 10.9 s: the 5 s deadline of the 6 s ping not reached
  expect(stuck).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(200);
  expect(stuck).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(30_000);
  expect(stuck).toHaveBeenCalledTimes(1);
  stop();
});

test('stopped: no more pings, no report', async () => {
  const ping = vi.fn(() => new Promise<void>(() => {}));
  const stuck = vi.fn();
  const stop = startHeartbeat(ping, stuck, opts);
  await vi.advanceTimersByTimeAsync(2500);
  stop();
  await vi.advanceTimersByTimeAsync(20_000);
  expect(ping).toHaveBeenCalledTimes(1);
  expect(stuck).not.toHaveBeenCalled();
});
