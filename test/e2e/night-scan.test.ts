// Scanning a friend's taste code on movie night, in the production build in real Chromium at phone size with touch:
// (a) photos: a screenshot of a real taste code's QR code adds the person with their ratings; a picture without a QR code,
// another QR code, a non-picture, a damaged picture and one too large are each refused naming the file, nothing added;
// with no camera the scanner says so. (b) the camera: a separate Chromium whose fake camera plays a video of a taste
// code's QR code; the person is added and every camera track is stopped; with the permission refused the scanner says
// so and pasting and photos still add people.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { decodeTasteCode } from '../../src/engine/group/tasteCode';
import { pngOf, qrLuma, rgbaOf, tasteCode, y4mOf } from '../qrPictures';
import { artifacts, launch, watchErrors, type Page } from './harness';
import { PHONE, firstVisit, tapView, useServedApp } from './app';

const app = useServedApp();
const dir = mkdtempSync(join(tmpdir(), 'pocketlens-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHOTO = 'Add a person from a photo or screenshot of their QR code';
const people = (page: Page) => page.getByTestId('night-person');
const refusal = (page: Page) => page.getByTestId('night-refused');

/** A phone screenshot (390 × 844 at 3×, downsized to keep the test light: 585 × 1266) with `text`'s QR code in it. */
function screenshotOf(text: string): Buffer {
  const { luma, width, height } = qrLuma(text, { scale: 5, width: 585, height: 1266, y: 300 });
  return pngOf(rgbaOf(luma), width, height);
}

async function openNight(page: Page): Promise<void> {
  await firstVisit(page, app.url);
  await tapView(page, 'Movie night');
  await page.getByRole('form', { name: 'Add a person' }).waitFor();
}

/** Picks `file` as the photo and waits until it has been read (added or refused). */
async function pickPhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel(PHOTO).setInputFiles(file);
  await page.getByTestId('night-photo-reading').waitFor({ state: 'detached', timeout: 30_000 });
}

test('photos: a screenshot of a taste code adds the person; no QR, another QR, a non-picture, a damaged or huge picture are refused by name; no camera is said', async () => {
  const context = await app.browser.newContext({ ...PHONE });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openNight(page);

  const code = tasteCode(120, 'Noor');
  expect(decodeTasteCode(code).ratings).toHaveLength(120);
  const good = screenshotOf(code);
  const blank = pngOf(rgbaOf(new Uint8Array(300 * 200).fill(230)), 300, 200);
  const menu = qrLuma('https://example.com/menu', { scale: 6 });
  const url = pngOf(rgbaOf(menu.luma), menu.width, menu.height);
  const huge = Buffer.from(good.subarray(0, 33));
  huge.writeUInt32BE(30_000, 16);
  huge.writeUInt32BE(30_000, 20);
  const damaged = Buffer.concat([good.subarray(0, 60), Buffer.alloc(4_000, 0x5a)]);

  const refusals: [string, Buffer, string, string][] = [
    ['blank.png', blank, 'image/png', "Not added: blank.png: no QR code found in this picture; expected a photo or screenshot of their taste code's QR code (crop it closer, or paste the code)"],
    ['menu.png', url, 'image/png', 'Not added: menu.png: that QR code is not a PocketLens taste code (it holds "https://example.com/menu"); expected a code starting with "PL1."'],
    ['ratings.csv', Buffer.from('movieId,rating\n1,4.5\n'), 'image/png', 'Not added: ratings.csv: not a picture; expected a PNG, JPEG, GIF or WebP image of their QR code'],
    ['huge.png', huge, 'image/png', 'Not added: huge.png: the PNG picture is 30,000 × 30,000 pixels; at most 50 megapixels are read (crop it or take a screenshot)'],
    ['damaged.png', damaged, 'image/png', 'Not added: damaged.png: the PNG picture could not be opened (damaged, or a kind this browser cannot show); expected a PNG or JPEG of their QR code'],
  ];
  for (const [name, buffer, mimeType, said] of refusals) {
    await pickPhoto(page, { name, mimeType, buffer });
    await expect.poll(() => refusal(page).textContent()).toBe(said);
    expect(await people(page).count()).toBe(0);
  }

  // The screenshot with their code: added with their 120 ratings and the name in the code; the refusal is gone.
  await pickPhoto(page, { name: 'IMG_2041.PNG', mimeType: 'image/png', buffer: good });
  await people(page).first().waitFor();
  expect(await people(page).count()).toBe(1);
  expect(await people(page).first().textContent()).toContain('120 ratings from their taste code');
  expect(await page.getByLabel('Name of person 2').inputValue()).toBe('Noor');
  expect(await refusal(page).count()).toBe(0);

  // This browser has no camera: the scanner says so, Esc closes it, nothing else changes.
  await page.getByRole('button', { name: 'Scan their QR code' }).tap();
  await expect.poll(() => page.getByTestId('scan-status').textContent()).toBe('No camera on this device: paste the code or pick a photo instead');
  await page.keyboard.press('Escape');
  await page.getByTestId('scan-sheet').waitFor({ state: 'detached' });
  expect(await people(page).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('the camera: a fake camera showing a taste code adds the person and stops every track; refused, it says so and paste and photo still work', async () => {
  // A video of 2 s of an empty field, then 2 s of the code's QR code (6 px a module, quiet zone, neutral chroma), looped.
  const code = tasteCode(30, 'Ravi');
  const shown = qrLuma(code, { scale: 6, width: 640, height: 480 });
  const empty = new Uint8Array(640 * 480).fill(200);
  const video = join(dir, 'qr.y4m');
  writeFileSync(video, Buffer.concat([y4mOf(empty, 640, 480, 20), y4mOf(shown.luma, 640, 480, 20).subarray(`YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n`.length)]));
  // No --use-fake-ui-for-media-stream: it would accept every request; the context's permission decides instead.
  const browser = await launch(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  try {
    const context = await browser.newContext({ ...PHONE });
    await context.grantPermissions(['camera'], { origin: app.url });
    // Keeps every stream the page gets, to check its tracks after the scan (the app drops its own reference).
    await context.addInitScript(() => {
      const w = window as unknown as { __streams: MediaStream[]; __asked: MediaStreamConstraints[] };
      w.__streams = [];
      w.__asked = [];
      const md = navigator.mediaDevices;
      const real = md.getUserMedia.bind(md);
      md.getUserMedia = async (c?: MediaStreamConstraints) => {
        w.__asked.push(c ?? {});
        const s = await real(c);
        w.__streams.push(s);
        return s;
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openNight(page);

    await page.getByRole('button', { name: 'Scan their QR code' }).tap();
    await page.getByTestId('scan-status').filter({ hasText: 'Point the camera at their code' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'night-scan-phone.png') }); // the viewport: the sheet as a person sees it
    await people(page).first().waitFor({ timeout: 30_000 });
    await page.getByTestId('scan-sheet').waitFor({ state: 'detached' });
    expect(await people(page).first().textContent()).toContain('30 ratings from their taste code');
    expect(await page.getByLabel('Name of person 2').inputValue()).toBe('Ravi');
    const camera = await page.evaluate(() => {
      const w = window as unknown as { __streams: MediaStream[]; __asked: MediaStreamConstraints[] };
      return { asked: w.__asked, tracks: w.__streams.flatMap((s) => s.getTracks().map((t) => `${t.kind}:${t.readyState}`)), videos: document.querySelectorAll('video').length };
    });
    expect(camera).toEqual({ asked: [{ video: { facingMode: 'environment' }, audio: false }], tracks: ['video:ended'], videos: 0 });

    // Closing the scanner before a code is read stops the camera too.
    await page.getByRole('button', { name: 'Scan their QR code' }).tap();
    await page.getByTestId('scan-status').filter({ hasText: 'Point the camera at their code' }).waitFor();
    expect(await page.getByTestId('scan-video').evaluate((v) => (v as HTMLVideoElement).srcObject !== null)).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).tap();
    await page.getByTestId('scan-sheet').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)))).toEqual(['ended', 'ended']);

    // The permission taken back: the scanner says it was refused; pasting a code and a photo still add people.
    await context.clearPermissions();
    await page.getByRole('button', { name: 'Scan their QR code' }).tap();
    await expect.poll(() => page.getByTestId('scan-status').textContent()).toBe('Camera permission was refused: paste the code or pick a photo instead');
    await page.screenshot({ path: join(artifacts, 'night-scan-refused-phone.png') });
    // The sheet offers a photo instead: picked there, the sheet closes and the photo's person is added.
    await page.getByLabel('Pick a photo of their QR code instead').setInputFiles({ name: 'kai.png', mimeType: 'image/png', buffer: screenshotOf(tasteCode(50, 'Kai')) });
    await page.getByTestId('scan-sheet').waitFor({ state: 'detached' });
    await expect.poll(() => people(page).count()).toBe(2);
    // Pasting still works, as always.
    await page.getByLabel('Their taste code').fill(tasteCode(12, 'Ines'));
    await page.getByRole('button', { name: 'Add from code' }).tap();
    await expect.poll(() => people(page).count()).toBe(3);
    expect(await people(page).allTextContents()).toEqual([expect.stringContaining('30 ratings'), expect.stringContaining('50 ratings'), expect.stringContaining('12 ratings')]);
    expect(await refusal(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
  }
});
