// The production headers' Permissions-Policy: the camera for the app's own origin only (movie night's QR scanner), every other powerful feature it never uses off, and Netlify's _headers carrying the same line.
import { expect, test } from 'vitest';
import { netlifyHeadersFile, permissionsPolicy, productionHeaders } from '../../../scripts/headers';

const policy = new Map(permissionsPolicy.split(',').map((d) => d.trim().split('=') as [string, string]));

test('the camera is allowed for the app itself only; microphone, location, payment, USB and the rest are off', () => {
  expect(productionHeaders['Permissions-Policy']).toBe(permissionsPolicy);
  expect(policy.get('camera')).toBe('(self)');
  for (const off of ['microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'midi', 'display-capture']) expect(policy.get(off), off).toBe('()');
  // Nothing is opened to other origins.
  expect([...policy.values()].filter((v) => v !== '()' && v !== '(self)')).toEqual([]);
  expect(permissionsPolicy).not.toMatch(/\*/);
});

test("Netlify's _headers sends the policy on every path", () => {
  const all = netlifyHeadersFile().split('\n\n').find((b) => b.startsWith('/*\n'))!;
  expect(all).toContain(`  Permissions-Policy: ${permissionsPolicy}`);
});
