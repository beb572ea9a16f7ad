// Headless-browser test of a name typed that the server did not take, kept until the user takes it: the page is
// loaded through a TCP proxy that stops listening (the server away) and listens again (back). A name typed for LPSCl,
// renamed on disk to Sulfide while the server is away, cannot be applied after the reconnect: the page shows it in a
// line of its own under the message line, with a Copy and a close button. The server goes away again before the user
// has taken it (with a second name typed, for Sulfide, which the file written back makes lost too): the waiting line
// is said and the first name's line stays beside it; after the reconnect both lines are there. Copy puts the name on
// the clipboard and its line goes; the close button drops the other. Before (session 36) the name was said in the
// message line, and the waiting line took its place when the server went away again: the name typed was gone.
// usage: node test/diagram-lost-name.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync, writeFileSync } from 'node:fs';
import { args, checks, finish, launch, openThroughProxy, pollUntil } from './page.mjs';

const [url, file, screenshot] = args('diagram-lost-name.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();

/** The message line (text, class), the lines of names typed that nothing applied (text, buttons shown), the labels. */
const seen = page => page.evaluate(() => {
    const status = document.getElementById('status');
    const shown = e => e.offsetParent !== null && e.getBoundingClientRect().width > 0;
    return {
        status: status?.textContent ?? '',
        kind: status?.className ?? '',
        names: [...document.querySelectorAll('#typed-names .typed-name')].map(l => ({
            text: l.textContent,
            typed: l.querySelector('.typed')?.textContent ?? null,
            shown: shown(l),
            buttons: [...l.querySelectorAll('button')].filter(shown).map(b => b.textContent)
        })),
        labels: [...document.querySelectorAll('#sprotty svg .sprotty-label')].map(t => t.textContent),
        // the page's text as the user reads it (an open edit's input not in it)
        text: document.body.innerText
    };
});

/** Opens the label edit of label by a double-click and types text into it (the last letter as a key press), unapplied. */
async function typeOver(page, label, text) {
    await page.locator('#sprotty svg .sprotty-label', { hasText: new RegExp(`^${label}$`) }).first().dblclick();
    await page.waitForFunction(() => [...document.querySelectorAll('.label-edit input')].some(i => getComputedStyle(i).visibility === 'visible'), null, { timeout: 15000 });
    await page.locator('.label-edit input').first().fill(text.slice(0, -1));
    await page.keyboard.type(text.slice(-1));
    await page.waitForTimeout(1000);
}

/** The server stops as the page sees it; returns what the page shows once its waiting line is said. */
async function stop(page, server) {
    await server.stop();
    return pollUntil(page, seen, s => s.kind === 'waiting', 3000);
}

/** The server starts again; waits until the page has connected again and drawn label. */
async function start(page, server, label) {
    const drawn = await page.evaluate(() => window.cellwrightDiagram.drawn());
    await server.start();
    await page.waitForFunction(() => document.body.dataset.state === 'loaded' && !document.body.dataset.connection, null, { timeout: 30000 });
    await pollUntil(page, p => p.evaluate(() => window.cellwrightDiagram.drawn()), n => n !== drawn, 30000);
    await pollUntil(page, seen, s => s.labels.includes(label), 20000);
    await page.waitForTimeout(1000);
}

try {
    const before = readFileSync(file, 'utf8');
    const { server, page } = await openThroughProxy(browser, url, logs, 'LPSCl');

    // Argyro typed for LPSCl; the server goes, LPSCl is renamed on disk meanwhile, the server comes back
    await typeOver(page, 'LPSCl', 'Argyro');
    await stop(page, server);
    writeFileSync(file, before.replaceAll('LPSCl', 'Sulfide'));
    await page.waitForTimeout(2000);
    await start(page, server, 'Sulfide');
    const lost = await pollUntil(page, seen, s => s.names.length === 1, 10000);
    check(lost.names.length === 1 && lost.names[0].typed === 'Argyro' && lost.names[0].text.includes('LPSCl')
        && lost.names[0].buttons.includes('Copy the name') && lost.names[0].buttons.length === 2,
        `after the reconnect the name typed for LPSCl, gone from the file, has a line of its own with Copy and close (${JSON.stringify(lost.names)})`);
    check(/^The connection to the server closed and is back/.test(lost.status) && lost.kind === 'info',
        `the message line says the connection is back, as information (${lost.kind}: ${lost.status})`);

    // Sulfur typed for Sulfide; the server goes again before the user has taken Argyro: the waiting line beside it
    await typeOver(page, 'Sulfide', 'Sulfur');
    const away = await stop(page, server);
    await page.waitForTimeout(1000);
    const waiting = await seen(page);
    check(away.kind === 'waiting' && /^The diagram server is away since/.test(waiting.status),
        `the server away again: the waiting line is said (${waiting.kind}: ${waiting.status})`);
    check(waiting.text.includes('Argyro'), `the page still shows the name typed for LPSCl while the server is away again (${waiting.text.substring(0, 400)})`);
    check(waiting.names.length === 1 && waiting.names[0].typed === 'Argyro' && waiting.names[0].shown
        && waiting.names[0].buttons.includes('Copy the name'),
        `beside the waiting line the name typed for LPSCl is still there with its Copy button (${JSON.stringify(waiting.names)})`);
    await page.screenshot({ path: screenshot });
    // the file written back meanwhile: Sulfide is gone, the name typed for it cannot be applied either
    writeFileSync(file, before);
    await page.waitForTimeout(2000);
    await start(page, server, 'LPSCl');
    const both = await pollUntil(page, seen, s => s.names.length === 2, 10000);
    check(JSON.stringify(both.names.map(n => n.typed)) === '["Argyro","Sulfur"]' && both.names[1].text.includes('Sulfide')
        && both.names.every(n => n.shown && n.buttons.length === 2),
        `after the second reconnect both names typed are there, each with its buttons (${JSON.stringify(both.names)})`);

    // Copy puts Argyro on the clipboard and its line goes; the close button drops Sulfur's
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.locator('#typed-names .typed-name', { hasText: 'Argyro' }).locator('button', { hasText: 'Copy the name' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(e => String(e));
    check(copied === 'Argyro', `Copy puts the name typed on the clipboard (${copied})`);
    const taken = await pollUntil(page, seen, s => s.names.length === 1, 5000);
    check(taken.names.length === 1 && taken.names[0].typed === 'Sulfur', `the copied name's line goes, the other stays (${JSON.stringify(taken.names)})`);
    await page.locator('#typed-names .typed-name', { hasText: 'Sulfur' }).locator('button.dismiss').click();
    const closed = await seen(page);
    check(closed.names.length === 0, `the close button removes the name's line (${JSON.stringify(closed.names)})`);
    check(readFileSync(file, 'utf8') === before, 'nothing typed was applied to the file');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
