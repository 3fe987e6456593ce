// Takes the README's screenshots of the main states from a built dist/ (headless Chromium).
// Usage: node scripts/screenshots.mjs [dist] [outdir]
import path from 'node:path';
import fs from 'node:fs';
import { serve } from '../e2e/serve.mjs';
import { launch } from '../e2e/page.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.resolve(process.argv[3] || 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const server = await serve(dist, { base: '/sspr/' });
const browser = await launch();
const shots = [
  ['answer-en', '#q=' + encodeURIComponent('SSPR_0014: Additional security info is needed to reset your password.'), {}],
  ['log-multi-code', '#q=' + encodeURIComponent('Source: PasswordResetService\nEvent ID: 33004\nTrackingId: 0b8d2c1e-1234-4cde-8f00-123456789abc\nADPermissionsError hr=800700CE'), {}],
  ['no-match', '#q=' + encodeURIComponent('0x80070005 Access is denied'), {}],
  ['swedish-dark', '#q=' + encodeURIComponent('Vi har upptäckt att tillbakaskrivning av lösenord inte har aktiverats.'), { locale: 'sv-SE', colorScheme: 'dark' }],
  ['browse-cs-phone', '', { locale: 'cs-CZ', viewport: { width: 360, height: 740 } }],
  ['foreign-codes-nl-phone', '#q=' + encodeURIComponent('AADSTS90014 SSPR_0099 ' + Array.from({ length: 30 }, (_, i) => '0x8007' + (0x100 + i).toString(16).toUpperCase()).join(' ')), { locale: 'nl-NL', viewport: { width: 360, height: 740 } }],
  ['embed-demo', 'embed-demo.html', {}],
  // Descriptions in people's words, answered through phrases once the lexicon is in.
  ['description-de-phone', '#q=' + encodeURIComponent('ich bekomme keine SMS mit dem Code, wenn ich mein Passwort zurücksetzen will'), { locale: 'de-DE', viewport: { width: 360, height: 740 } }],
  ['description-ja', '#q=' + encodeURIComponent('パスワードをリセットしようとしてもSMSのコードが届かない'), { locale: 'ja-JP' }],
  // The articles name one entry weakly, the phrases another: no confident match, both guessed.
  ['contested-de-phone', '#q=' + encodeURIComponent('das Konto des AD-Connectors hat keine Berechtigung zum Zurücksetzen von Kennwörtern'), { locale: 'de-DE', viewport: { width: 360, height: 740 } }],
  ['contested-ko', '#q=' + encodeURIComponent('온프렘에서 비활성화된 계정이라서 쓰기 저장 실패'), { locale: 'ko-KR' }],
  ['not-ours-es-phone', '#q=' + encodeURIComponent('Outlook me pide la contraseña cada cinco minutos'), { locale: 'es-ES', viewport: { width: 360, height: 740 } }],
];
try {
  for (const [name, q, opts] of shots) {
    const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 900, height: 1000 }, ...opts });
    const page = await ctx.newPage();
    await page.goto(server.url + q);
    await page.waitForSelector('[data-testid="paste"]');
    // Every language merged (the reader's own card, cross-language matches), then settle.
    await page.waitForFunction(() => window.ssprLookupReady || (window.ssprLookup && window.ssprLookup.ready));
    await page.evaluate(() => window.ssprLookupReady || window.ssprLookup.ready);
    await page.evaluate(() => window.ssprLookupLexicons);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
    await ctx.close();
    console.log(`${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
