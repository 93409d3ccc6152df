// The two sizes every flow of issue 13 is checked at: a phone (390×844, touch) and a desktop (1440×900, mouse).
import type { BrowserContextOptions } from 'playwright-core';

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

export const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
