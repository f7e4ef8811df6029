import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';

vi.mock('electron', () => ({}));
const { APP_ORIGIN, appFilePath, createAppProtocolHandler, registerAppScheme, serveApp } = await import(
  '../../electron/main/protocol.ts'
);

// A renderer build in a temp folder, with a secret beside it that must stay out of reach.
const base = mkdtempSync(join(tmpdir(), 'kuulo-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kuulo</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'ä ö.css'), 'body{}');
writeFileSync(join(base, 'secret.txt'), 'secret');

describe('app:// protocol', () => {
  test('is registered before ready as a standard, secure scheme, and served on the session', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const handle = vi.fn();
    serveApp({ handle } as never, root);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(APP_ORIGIN).toBe('app://kuulo/');
  });

  test('maps URLs of the app host into the renderer folder only', () => {
    expect(appFilePath('app://kuulo/', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://kuulo/index.html#/interview/1', root)).toBe(join(root, 'index.html'));
    expect(appFilePath('app://kuulo/assets/index-abc.js?v=1', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(appFilePath('app://kuulo/assets/%C3%A4%20%C3%B6.css', root)).toBe(join(root, 'assets', 'ä ö.css'));
    // Dot segments the URL parser resolves itself stay inside the folder.
    expect(appFilePath('app://kuulo/../secret.txt', root)).toBe(join(root, 'secret.txt'));
    expect(appFilePath('app://kuulo/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
    // Ones it leaves encoded are refused.
    for (const url of [
      'app://kuulo/..%2fsecret.txt',
      'app://kuulo/assets/..%2f..%2fsecret.txt',
      'app://kuulo/..%5csecret.txt',
      'app://kuulo/%00index.html',
      'app://kuulo/%E0%A4%A',
      'app://other/index.html',
      'app://kuulo.evil/index.html',
      'file:///etc/passwd',
      'https://kuulo/index.html',
    ])
      expect(appFilePath(url, root), url).toBeNull();
  });

  test('answers with the file, its type and the CSP; refuses what is outside, missing or not a read', async () => {
    const handler = createAppProtocolHandler(root);
    const page = await handler(new Request('app://kuulo/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Kuulo</title>');
    const script = await handler(new Request('app://kuulo/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');

    const status = async (url: string, init?: RequestInit) => (await handler(new Request(url, init))).status;
    expect(await status('app://kuulo/..%2fsecret.txt')).toBe(403);
    expect(await status('app://kuulo/%2e%2e/secret.txt')).toBe(404);
    expect(await status('app://elsewhere/index.html')).toBe(403);
    expect(await status('app://kuulo/missing.js')).toBe(404);
    expect(await status('app://kuulo/assets')).toBe(404);
    expect(await status('app://kuulo/index.html', { method: 'POST', body: 'x' })).toBe(405);
  });
});
