// Headless-browser test of a diagram page opened before its server answers (the IDE's diagram editor opened while the
// server starts, a page reloaded while the server restarts): the page is loaded through a TCP proxy that stops when
// the page's first attempt to connect reaches it (the page in the browser, its server gone) and listens again 3 s
// later. The page says what it waits for, since when and how its last attempt went, tries again every second, and
// draws the diagram once the server answers; the message goes. Before (session 35) the first attempt's failure ended
// it: GLSP's provider tries again only after a connection that had opened closes, and the page said 'Loading...' for
// ever; before session 36 the message said neither since when nor the attempt.
// usage: node test/diagram-first-connect.test.mjs <page url> <screenshot.png>
import { args, checks, finish, launch, pollUntil, proxy } from './page.mjs';

const [url, screenshot] = args('diagram-first-connect.test.mjs', 'page url', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const seen = page => page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status')?.textContent ?? '',
    labels: [...document.querySelectorAll('#sprotty svg .sprotty-label')].map(t => t.textContent)
}));
try {
    const server = await proxy(url);
    const u = new URL(url);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
    const down = server.downAtFirstSocket();
    await page.goto(server.url(u.pathname + u.search));
    await down;
    const socketUrl = server.url('/glsp').replace('http:', 'ws:');
    const waiting = new RegExp(`^Waiting for the diagram server at ${socketUrl.replaceAll('.', '\\.')} since \\d\\d:\\d\\d:\\d\\d: attempt (\\d+) failed, trying again every second\\.$`);
    const attempt = s => Number(waiting.exec(s.status)?.[1] ?? 0);
    const away = await pollUntil(page, seen, s => waiting.test(s.status), 2500);
    check(attempt(away) >= 1 && away.state === 'loading' && away.labels.length === 0,
        `while the server does not answer the page says what it waits for, since when, and the attempt that failed (${JSON.stringify(away)})`);
    await page.waitForTimeout(3000);
    const still = await seen(page);
    check(attempt(still) > attempt(away) && still.state === 'loading', `3 s later it still waits and says so, a later attempt (${JSON.stringify(still)})`);
    await server.start();
    const drawn = await pollUntil(page, seen, s => s.state === 'loaded' && s.labels.includes('LPSCl'), 30000);
    check(drawn.state === 'loaded' && drawn.labels.includes('LPSCl'), `once the server answers the diagram is drawn (${drawn.state}, ${drawn.labels.length} labels)`);
    check(drawn.status === '', `the message is gone (${drawn.status})`);
    check(server.connections() === 1, `one connection made once the server answers (${server.connections()})`);
    await page.screenshot({ path: screenshot });
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
