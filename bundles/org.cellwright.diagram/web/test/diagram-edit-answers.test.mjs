// Headless-browser test: the page matches each edit to the server's answer to it, one to one (the page tags each edit
// with its number on the connection and the server answers with that number once it has handled it: EditAnswer.java),
// so when the server stops answering (the page's heartbeat, every 4 s here, an answer within 4 s) the waiting line
// names exactly the edits that have no answer. The page is loaded through the TCP proxy of page.mjs.
// 1. An update the server sends for no edit of the page (the file written by another program: the IDE's text editor, a
//    second page) reaches the page while a Delete the page sent is held on its way to the server (the proxy holds what
//    the page sends, passes what the server sends): the update answers no edit, and once the page gives the connection
//    up its line names the Delete, "The delete made at HH:MM:SS may not have reached the server".
// 2. Three edits within one heartbeat: a Delete the server refuses (LPSCl, used by a layer: its answer is the refusal),
//    a Delete it makes (FirstCycle: its answer comes with the new model, drawn), and, once the server has paused, a
//    Delete of FirstPlatingStripping: the line names only the last, "The delete made at HH:MM:SS ...", not "2 edits".
// After each, the page connects again once the proxy passes things on, the diagram shows whether the file has the held
// Delete, and the file is written back as it was.
// Before (session 38) the page counted the server's dirty states of edits: the refused Delete has none, so the count
// took the made Delete for the refused one's answer and named "2 edits may not have reached the server".
// usage: node test/diagram-edit-answers.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync, writeFileSync } from 'node:fs';
import { args, checks, finish, launch, openThroughProxy, pollUntil, statusLine } from './page.mjs';

const [url, file, screenshot] = args('diagram-edit-answers.test.mjs', 'page url', 'file', 'screenshot.png');
const HEARTBEAT_S = 4;
const ANSWER_S = 4;
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const seen = statusLine;
const line = new RegExp(`^The diagram server has not answered for ${ANSWER_S} s, since \\d\\d:\\d\\d:\\d\\d: the diagram is read-only until it is back, edits are not applied\\. Reconnecting to `);
const backLine = /^The diagram server did not answer for \d+ s \(from \d\d:\d\d:\d\d\): the page closed the connection/;
/** The line's naming of edits that may not have reached the server, or '' when it names none. */
const named = status => /(The \w+ made at \d\d:\d\d:\d\d|\d+ edits) may not have reached the server[^.]*\./.exec(status)?.[0] ?? '';

// what the server sent the page, frame by frame, on every connection (read as the page reads it)
const received = [];
const listen = page => page.on('websocket', ws => ws.on('framereceived', f => received.push(String(f.payload))));
/** Waits (at most ms) until a frame received since `from` holds the text. */
const frameWith = async (page, from, text, ms = 10000) =>
    (await pollUntil(page, () => received.slice(from).some(f => f.includes(text)), ok => ok, ms));
/** Presses the key, returning the page's clock just before and just after (HH:MM:SS). */
const press = async (page, key) => {
    const before = (await seen(page)).clock;
    await page.keyboard.press(key);
    return [before, (await seen(page)).clock];
};
/** The server passes things on again: the page connects, and draws FirstCycle exactly when the file has it. */
const resume = async (server, page, what) => {
    server.pause(false);
    const back = await pollUntil(page, seen, s => backLine.test(s.status) && s.away === '', 30000);
    const shown = await pollUntil(page, seen, s => s.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'), 10000);
    check(backLine.test(back.status) && shown.labels.includes('FirstCycle') === readFileSync(file, 'utf8').includes('experiment FirstCycle'),
        `${what}: the page connects again and shows whether the held Delete was made (FirstCycle in the file: ${readFileSync(file, 'utf8').includes('experiment FirstCycle')}, drawn: ${shown.labels.includes('FirstCycle')}; ${back.status.slice(0, 60)}...)`);
};
/** Writes the file back as it was and waits until the page draws it so (FirstCycle and FirstPlatingStripping, no Unrelated). */
const writeBack = async (page, before, what) => {
    writeFileSync(file, before);
    const redrawn = await pollUntil(page, seen, s => s.labels.includes('FirstCycle') && s.labels.includes('FirstPlatingStripping') && !s.labels.includes('Unrelated'), 15000);
    await page.waitForTimeout(1000);
    check(redrawn.labels.includes('FirstCycle') && !redrawn.labels.includes('Unrelated') && readFileSync(file, 'utf8') === before, `${what}: the file written back is drawn again`);
};
/** Waits until the server has answered one more heartbeat than now (the edits are then made within one heartbeat). */
const heartbeatAnswered = async (server, page) => {
    const beats = server.heartbeats();
    return pollUntil(page, () => server.heartbeats(), n => n > beats, (HEARTBEAT_S + ANSWER_S + 2) * 1000);
};

try {
    const before = readFileSync(file, 'utf8');
    const { server, page } = await openThroughProxy(browser, url, logs, 'FirstCycle', { heartbeat: HEARTBEAT_S, 'heartbeat-timeout': ANSWER_S }, listen);
    const label = name => page.locator('#sprotty svg .sprotty-label', { hasText: new RegExp(`^${name}$`) }).first();

    // 1. an update for no edit of the page arrives while the page's Delete is on its way: the Delete is named
    await label('FirstCycle').click();
    await heartbeatAnswered(server, page);
    server.pause('toServer');
    const [from1, to1] = await press(page, 'Delete');
    const frames = received.length;
    writeFileSync(file, before + '\nmaterial Unrelated is solid-electrolyte {\n}\n');
    const arrived = await frameWith(page, frames, 'material:Unrelated');
    check(arrived, 'the server\'s update of the file another program wrote reaches the page while the Delete is held on its way to the server (the test\'s premise)');
    const silent = await pollUntil(page, seen, s => s.kind === 'waiting', (HEARTBEAT_S + ANSWER_S + 10) * 1000);
    const name1 = named(silent.status);
    const at1 = /made at (\d\d:\d\d:\d\d)/.exec(name1)?.[1];
    check(line.test(silent.status) && /^The delete made at \d\d:\d\d:\d\d may not have reached the server: once it is back, the diagram shows whether it was made\.$/.test(name1) && at1 >= from1 && at1 <= to1,
        `an update for no edit answers none: the line names the Delete held on its way, made at ${from1}-${to1} (${JSON.stringify(name1 || silent.status)})`);
    await resume(server, page, 'after the update for no edit');
    await writeBack(page, before, 'after the update for no edit');

    // 2. a refused Delete and a made one answered, a third sent after the pause not: only the third is named
    const answeredThen = await heartbeatAnswered(server, page);
    await label('LPSCl').click();
    let at = received.length;
    await press(page, 'Delete');
    const refused = await frameWith(page, at, 'is used by layer separator', 5000);
    await label('FirstCycle').click();
    const drawnThen = (await seen(page)).drawn;
    await press(page, 'Delete');
    const deleted = await pollUntil(page, seen, s => s.drawn > drawnThen && !s.labels.includes('FirstCycle'), 5000);
    server.pause(true);
    await label('FirstPlatingStripping').click();
    const [from2, to2] = await press(page, 'Delete');
    check(refused && !deleted.labels.includes('FirstCycle') && !readFileSync(file, 'utf8').includes('experiment FirstCycle') && server.heartbeats() === answeredThen,
        `the server refused the Delete of LPSCl (its refusal came: ${refused}) and made the Delete of FirstCycle (drawn without it, the file without it), no heartbeat answered since the one before them, and the Delete of FirstPlatingStripping was sent after the pause (the test's premise)`);
    const silent2 = await pollUntil(page, seen, s => s.kind === 'waiting', (HEARTBEAT_S + ANSWER_S + 10) * 1000);
    const name2 = named(silent2.status);
    const at2 = /made at (\d\d:\d\d:\d\d)/.exec(name2)?.[1];
    check(line.test(silent2.status) && /^The delete made at \d\d:\d\d:\d\d may not have reached the server: once it is back, the diagram shows whether it was made\.$/.test(name2) && at2 >= from2 && at2 <= to2,
        `of three edits, the refused and the made one answered, only the last, made at ${from2}-${to2} after the pause, is named (${JSON.stringify(name2 || silent2.status)})`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshot });
    await resume(server, page, 'after the three edits');
    await writeBack(page, before, 'after the three edits');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
    check(!logs.some(l => /Missing handler/.test(l)), 'no "Missing handler" in the log: ' + logs.filter(l => /Missing handler/.test(l)).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
