// Headless-browser test of a diagram page whose server goes away and answers nothing (a suspended process, a network
// that drops the packets): the page is loaded through a TCP proxy that cuts its connection and then accepts every
// attempt to connect and answers nothing. The page gives an attempt up after its own timeout (5 s) and tries again,
// and its waiting line says so at once and all the while: the server away since when, the diagram read-only, the
// attempt and how it failed. An edit made meanwhile (Delete) is refused with the line saying so, and the file is not
// changed. Once the proxy passes the attempts on again the page connects, the waiting line goes, and the line that
// says the connection is back is drawn as information, not in the error colour. Before (session 36) each attempt
// waited for Chromium's own timeout of the opening handshake (minutes) without a word, the page showed nothing while it
// reconnected, the Delete was lost without a word, and the "is back" line was red.
// usage: node test/diagram-server-away.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openThroughProxy, pollUntil, statusLine } from './page.mjs';

const [url, file, screenshot] = args('diagram-server-away.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();

/** The message line, whether the page is marked away, its clock, and the labels and models drawn (page.mjs). */
const seen = statusLine;

try {
    const before = readFileSync(file, 'utf8');
    const { server, page } = await openThroughProxy(browser, url, logs, 'LPSCl');
    // LPSCl selected, for the Delete made while the server is away
    await page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).first().click();
    const loaded = await seen(page);

    // the server goes: the connection cut, every attempt accepted and not answered
    const attempts = server.connections();
    const from = loaded.clock;
    await server.stop();
    server.blackhole(true);
    await server.start();
    const socketUrl = server.url('/glsp').replace('http:', 'ws:');
    const line = new RegExp(`^The diagram server is away since (\\d\\d:\\d\\d:\\d\\d): the diagram is read-only until it is back, edits are not applied\\. `
        + `Reconnecting to ${socketUrl.replaceAll('.', '\\.')}: (?:attempt (\\d+) (failed|not answered within 5 s), )?trying again every second\\.`);
    const away = await pollUntil(page, seen, s => s.kind === 'waiting', 3000);
    const since = line.exec(away.status)?.[1];
    check(line.test(away.status) && away.away === 'away' && since >= from && since <= away.clock,
        `at once the waiting line says the server is away since ${from}-${away.clock}, the diagram read-only, reconnecting (${JSON.stringify(away)})`);

    // an edit while the server is away: refused, said, the file unchanged
    await page.keyboard.press('Delete');
    const refused = await pollUntil(page, seen, s => s.status.includes('was not applied'), 3000);
    check(/The delete was not applied \(\d\d:\d\d:\d\d\): the server is away\.$/.test(refused.status) && refused.kind === 'waiting',
        `Delete while the server is away is refused and the line says so (${refused.status})`);

    // the attempts answered by nothing: each given up after the page's 5 s and made again
    const second = await pollUntil(page, async p => ({ attempts: server.connections() - attempts, ...(await seen(p)) }),
        s => s.attempts >= 2 && /attempt \d+ not answered within 5 s/.test(s.status), 15000);
    check(second.attempts >= 2, `an attempt answered by nothing is given up and made again within 15 s (${second.attempts} attempts reached the server)`);
    check(/attempt 1 not answered within 5 s, trying again every second\./.test(second.status) && second.status.includes('The delete was not applied'),
        `the waiting line says that attempt 1 was not answered within 5 s, and keeps the refused Delete (${second.status})`);
    await page.screenshot({ path: screenshot });

    // the server answers again: the page connects, the waiting line goes, the line that says so is information
    server.blackhole(false);
    const back = await pollUntil(page, seen, s => /^The connection to the server closed and is back/.test(s.status), 30000);
    check(/^The connection to the server closed and is back/.test(back.status) && back.kind !== 'waiting' && back.away === '' && back.labels.includes('LPSCl'),
        `once the server answers the diagram is drawn again and the waiting line is gone (${JSON.stringify(back)})`);
    check(back.colour !== ERROR_COLOUR && back.colour !== '' && back.kind === 'info',
        `the line that says the connection is back is drawn as information (${back.kind}, ${back.colour}), not in the error colour ${ERROR_COLOUR}`);
    check(readFileSync(file, 'utf8') === before, 'the Delete made while the server was away changed nothing in the file');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
