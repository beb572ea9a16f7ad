// Headless-browser test of a diagram page whose server stops answering on its open connection (a process suspended,
// SIGSTOP or a debugger; a network that holds the packets): the page is loaded through a TCP proxy that keeps every
// connection open and stops passing anything on, either way, then passes on what it held (SIGCONT). The page's
// heartbeat (every 2 s here, an answer within 4 s: the page parameters heartbeat=2&heartbeat-timeout=4) says nothing
// while the server answers; once it does not, the page gives the connection up within 2 + 4 s, its waiting line says
// "The diagram server has not answered for 4 s, since HH:MM:SS", the diagram is read-only, and a Delete made then is
// refused with the line saying so, the file unchanged. Once the proxy passes things on again the page connects, the
// line says (information) that the server did not answer for N s from that time and that the page closed the
// connection and connected again, not that the connection closed (said of one the server or the network closed:
// diagram-server-away.test.mjs), and the Delete is made (the file changes) and undone by Ctrl+Z.
// A Delete made after the pause and before the page noticed it: the line names it, "may not have reached the
// server"; after the reconnect the diagram shows whether it was made (the file is written back then). A Delete whose
// new model came before the pause (made just after a heartbeat was answered, the server paused as soon as it is drawn)
// is not named: the server answered it, and the file has it.
// Before (session 37) the page learnt only of a connection that closed: it stayed "connected" to the paused server,
// said nothing, and the Delete was sent into the connection and lost without a word; before session 38 it said "The
// connection to the server closed and is back" after a connection it had given up itself, and named an edit made less
// than a heartbeat before the pause even when its new model had come.
// A second screenshot, of the line once the server answers again, is written beside the first (NAME-back.png).
// usage: node test/diagram-server-paused.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openThroughProxy, pollUntil, statusLine } from './page.mjs';

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
    const { server, page } = await openThroughProxy(browser, url, logs, 'FirstCycle', { heartbeat: HEARTBEAT_S, 'heartbeat-timeout': ANSWER_S });
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

    // the server goes on: the page connects again, says so as information (that the server did not answer, for how
    // long, and that the page closed the connection itself and connected again: not 'closed and is back', which is
    // said of a connection the server or the network closed), and edits are made again
    const backLine = new RegExp(`^The diagram server did not answer for (\\d+) s \\(from (\\d\\d:\\d\\d:\\d\\d)\\): the page closed the connection after ${ANSWER_S} s without an answer and connected again, and the server answers again: the diagram shows the file as the server reads it now\\.$`);
    server.pause(false);
    const resumed = Date.now();
    const back = await pollUntil(page, seen, s => s.away === '' && s.kind === 'info' && s.status !== '', 30000);
    const backAt = Date.now();
    check(backLine.test(back.status) && back.kind === 'info' && back.away === '' && back.labels.includes('FirstCycle'),
        `once the server answers again the diagram is drawn again, the waiting line is gone, and the line says that the server did not answer and the page connected again (${JSON.stringify(back)})`);
    const [, silentS, silentFrom] = backLine.exec(back.status) ?? [];
    const pausedS = (resumed - paused) / 1000;
    check(silentFrom === since && Number(silentS) >= Math.max(ANSWER_S, pausedS - HEARTBEAT_S - 1) && Number(silentS) <= (backAt - paused) / 1000 + 1,
        `it says for how long the server did not answer, from the question it left unanswered (${silentS} s from ${silentFrom}; paused ${pausedS.toFixed(1)} s, the diagram back ${((backAt - paused) / 1000).toFixed(1)} s after the pause; the waiting line said since ${since})`);
    check(!/closed and is back/.test(back.status), `it does not say that the connection closed, as of one the server or the network closed (${back.status})`);
    check(back.colour !== ERROR_COLOUR && back.colour !== '', `the line that says the server answers again is information (${back.colour}), not in the error colour`);
    await page.screenshot({ path: screenshot.replace(/\.png$/, '') + '-back.png' });
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
    const again = await pollUntil(page, seen, s => backLine.test(s.status), 30000);
    const shown = await pollUntil(page, seen, s => s.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'), 10000);
    check(again.away === '' && shown.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'),
        `after the reconnect the diagram shows whether the Delete was made (FirstCycle in the file: ${readFileSync(file, 'utf8').includes('experiment FirstCycle')}, drawn: ${shown.labels.includes('FirstCycle')})`);
    // the file written back (the page follows it): drawn with FirstCycle, and nothing held changes it after
    writeFileSync(file, before);
    const redrawn = await pollUntil(page, seen, s => s.labels.includes('FirstCycle'), 15000);
    await page.waitForTimeout(1000);
    check(redrawn.labels.includes('FirstCycle') && readFileSync(file, 'utf8') === before, 'the file written back is drawn again, FirstCycle in it');

    // an edit whose answer came before the server paused: a Delete made just after a heartbeat was answered, its new
    // model drawn, and the server paused at once, before the next heartbeat: once the page gives the connection up, no
    // edit is named (the server answered it: it is in the file); before (session 37) the page named every edit sent
    // since the last heartbeat answered was asked, this one too
    await firstCycle.click();
    const beats = server.heartbeats();
    const answeredThen = await pollUntil(page, () => server.heartbeats(), n => n > beats, (HEARTBEAT_S + ANSWER_S) * 1000);
    const drawnThen = (await seen(page)).drawn;
    const pressed = Date.now();
    await page.keyboard.press('Delete');
    const deleted = await pollUntil(page, seen, s => s.drawn > drawnThen && !s.labels.includes('FirstCycle'), 10000);
    server.pause(true);
    const drawnMs = Date.now() - pressed;
    check(answeredThen > beats && !deleted.labels.includes('FirstCycle') && deleted.drawn > drawnThen && server.heartbeats() === answeredThen,
        `the Delete, made just after a heartbeat was answered, is drawn ${drawnMs} ms later, and the server paused then, before it answered another (${answeredThen - beats} answered before the Delete, ${server.heartbeats() - answeredThen} after; the test's premise)`);
    const noneNamed = await pollUntil(page, seen, s => s.kind === 'waiting', (HEARTBEAT_S + ANSWER_S + 10) * 1000);
    check(line.test(noneNamed.status) && !/may not have reached the server/.test(noneNamed.status),
        `the page gives the connection up and names no edit: the Delete's answer came (${noneNamed.status})`);
    check(!readFileSync(file, 'utf8').includes('experiment FirstCycle'), 'the Delete whose answer came is in the file');
    server.pause(false);
    const backThird = await pollUntil(page, seen, s => backLine.test(s.status), 30000);
    check(backLine.test(backThird.status) && !backThird.labels.includes('FirstCycle'), `the diagram is drawn again without FirstCycle (${JSON.stringify(backThird)})`);
    writeFileSync(file, before);
    const restored = await pollUntil(page, seen, s => s.labels.includes('FirstCycle'), 15000);
    await page.waitForTimeout(1000);
    check(restored.labels.includes('FirstCycle') && readFileSync(file, 'utf8') === before, 'the file written back is drawn again, FirstCycle in it');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
