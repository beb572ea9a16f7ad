// Headless-browser test of a diagram page whose server stops answering on its open connection (a process suspended,
// SIGSTOP or a debugger; a network that holds the packets): the page is loaded through a TCP proxy that keeps every
// connection open and stops passing anything on, either way, then passes on what it held (SIGCONT). The page's
// heartbeat (every 2 s here, an answer within 4 s: the page parameters heartbeat=2&heartbeat-timeout=4) says nothing
// while the server answers; once it does not, the page gives the connection up within 2 + 4 s, its waiting line says
// "The diagram server has not answered for 4 s, since HH:MM:SS", the diagram is read-only, and a Delete made then is
// refused with the line saying so, the file unchanged. Once the proxy passes things on again the page connects, the
// line says the connection is back (information), and the Delete is made (the file changes) and undone by Ctrl+Z.
// A Delete made after the pause and before the page noticed it: the line names it, "may not have reached the
// server"; after the reconnect the diagram shows whether it was made (the file is written back then).
// Before (session 37) the page learnt only of a connection that closed: it stayed "connected" to the paused server,
// said nothing, and the Delete was sent into the connection and lost without a word.
// usage: node test/diagram-server-paused.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openDiagram, pollUntil, proxy, statusLine } from './page.mjs';

const [url, file, screenshot] = args('diagram-server-paused.test.mjs', 'page url', 'file', 'screenshot.png');
const HEARTBEAT_S = 2;
const ANSWER_S = 4;
const browser = await launch();
const logs = [];
const { check, failed } = checks();

/** The message line, whether the page is marked away, its clock, and the labels and models drawn (page.mjs). */
const seen = statusLine;
/** Waits (at most ms) until the file's text satisfies the predicate; returns whether it did. */
const fileBecomes = async (predicate, ms = 15000) => {
    for (let i = 0; i < ms / 100; i++) {
        if (predicate(readFileSync(file, 'utf8'))) return true;
        await new Promise(r => setTimeout(r, 100));
    }
    return false;
};

try {
    const before = readFileSync(file, 'utf8');
    const server = await proxy(url);
    const u = new URL(url);
    const page = await openDiagram(browser, server.url(`${u.pathname}${u.search}&heartbeat=${HEARTBEAT_S}&heartbeat-timeout=${ANSWER_S}`), logs, 'FirstCycle');
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    const firstCycle = page.locator('#sprotty svg .sprotty-label', { hasText: /^FirstCycle$/ }).first();
    await firstCycle.click();

    // all is well for three heartbeats: nothing said, nothing in the log
    const logged = logs.length;
    await page.waitForTimeout((3 * HEARTBEAT_S + 1) * 1000);
    const well = await seen(page);
    check(well.kind !== 'waiting' && well.away === '' && logs.length === logged,
        `while the server answers the page says nothing and logs nothing (${JSON.stringify(well.status)}; log: ${JSON.stringify(logs.slice(logged))})`);

    // the server pauses: the connection open, nothing passed on
    const from = well.clock;
    server.pause(true);
    const paused = Date.now();
    const line = new RegExp(`^The diagram server has not answered for ${ANSWER_S} s, since (\\d\\d:\\d\\d:\\d\\d): the diagram is read-only until it is back, edits are not applied\\. Reconnecting to `);
    const silent = await pollUntil(page, seen, s => s.kind === 'waiting', (HEARTBEAT_S + ANSWER_S + 10) * 1000);
    const after = (Date.now() - paused) / 1000;
    const since = line.exec(silent.status)?.[1];
    check(line.test(silent.status) && silent.away === 'away' && since >= from && since <= silent.clock,
        `the page says that the server has not answered for ${ANSWER_S} s since ${from}-${silent.clock}, the diagram read-only (${JSON.stringify(silent)})`);
    check(after <= HEARTBEAT_S + ANSWER_S + 3, `it says so within the heartbeat and its answer's ${HEARTBEAT_S} + ${ANSWER_S} s (${after.toFixed(1)} s after the pause)`);

    // an edit while the server is silent: refused, said, the file unchanged
    await page.keyboard.press('Delete');
    const refused = await pollUntil(page, seen, s => s.status.includes('was not applied'), 3000);
    check(/The delete was not applied \(\d\d:\d\d:\d\d\): the server is away\.$/.test(refused.status) && refused.kind === 'waiting' && line.test(refused.status),
        `Delete while the server is silent is refused and the line says so (${refused.status})`);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: screenshot });
    check(readFileSync(file, 'utf8') === before, 'the Delete made while the server was silent changed nothing in the file');

    // the server goes on: the page connects again, says so as information, and edits are made again
    server.pause(false);
    const back = await pollUntil(page, seen, s => /^The connection to the server closed and is back/.test(s.status), 30000);
    check(/^The connection to the server closed and is back/.test(back.status) && back.kind === 'info' && back.away === '' && back.labels.includes('FirstCycle'),
        `once the server answers again the diagram is drawn again and the waiting line is gone (${JSON.stringify(back)})`);
    check(back.colour !== ERROR_COLOUR && back.colour !== '', `the line that says the connection is back is information (${back.colour}), not in the error colour`);
    await firstCycle.click();
    await page.keyboard.press('Delete');
    check(await fileBecomes(t => !t.includes('experiment FirstCycle')), 'after the reconnect a Delete of FirstCycle is made in the file');
    await page.keyboard.press('Control+z');
    check(await fileBecomes(t => t === before), 'and Ctrl+Z puts the file back as it was');
    const still = await seen(page);
    check(still.away === '' && still.kind !== 'waiting', `the page is still connected (${JSON.stringify(still.status)})`);

    // an edit made after the server paused and before the page noticed: sent into the connection; once the page gives
    // the connection up its line says that the edit may not have reached the server, and after the reconnect the
    // diagram shows the file as it is (here the proxy passes the held Delete on when it goes on: it is made)
    // (a heartbeat answered first: the Delete and Ctrl+Z above are read then, and only the Delete below is in doubt)
    await page.waitForTimeout((HEARTBEAT_S + 1) * 1000);
    await firstCycle.click();
    server.pause(true);
    await page.keyboard.press('Delete');
    const unsure = await pollUntil(page, seen, s => s.kind === 'waiting', (HEARTBEAT_S + ANSWER_S + 10) * 1000);
    check(line.test(unsure.status) && /The delete made at \d\d:\d\d:\d\d may not have reached the server: once it is back, the diagram shows whether it was made\.$/.test(unsure.status),
        `a Delete made before the page noticed the silence: the line says it may not have reached the server (${unsure.status})`);
    server.pause(false);
    const again = await pollUntil(page, seen, s => /^The connection to the server closed and is back/.test(s.status), 30000);
    const shown = await pollUntil(page, seen, s => s.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'), 10000);
    check(again.away === '' && shown.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'),
        `after the reconnect the diagram shows whether the Delete was made (FirstCycle in the file: ${readFileSync(file, 'utf8').includes('experiment FirstCycle')}, drawn: ${shown.labels.includes('FirstCycle')})`);
    // the file written back (the page follows it): drawn with FirstCycle, and nothing held changes it after
    writeFileSync(file, before);
    const redrawn = await pollUntil(page, seen, s => s.labels.includes('FirstCycle'), 15000);
    await page.waitForTimeout(1000);
    check(redrawn.labels.includes('FirstCycle') && readFileSync(file, 'utf8') === before, 'the file written back is drawn again, FirstCycle in it');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
