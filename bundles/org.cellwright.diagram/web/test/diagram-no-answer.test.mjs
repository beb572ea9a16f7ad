// Headless-browser test of a label edit's name check whose answer does not come for longer than the page waits before
// it says so (CellEditLabelUI.NO_ANSWER_MS, 4 s): the page's websocket is routed through playwright, which holds each of
// the server's answers to the check (setEditValidationResult) for 8 s. The edit first says that the server has not
// answered yet (a warning), then shows the answer when it comes; Enter pressed meanwhile applies nothing the server
// refuses, and an Enter whose answer comes after the edit was closed (Escape) applies nothing either. Before (session
// 34) the check showed nothing however long the server took, and an accepting answer that came after Escape applied
// the name the user had given up (sprotty's apply resumed on it).
// usage: node test/diagram-no-answer.test.mjs <page url> <the page's .cell file>
import { readFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';
import { checkLog, editState, holdingAnswers, openLabelEdit, refused, typeName } from './name-check.mjs';

const [url, file] = args('diagram-no-answer.test.mjs', 'page url', 'file');
const HELD_MS = 8000;
const NO_ANSWER = 'No answer from the server yet';
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const answers = holdingAnswers(HELD_MS);
const until = (page, predicate, ms = 20000) => pollUntil(page, editState, predicate, ms);
const waiting = x => x.classes === 'validation-warning' && (x.message ?? '').startsWith(NO_ANSWER);

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'LPSCl', answers.route);
    await openLabelEdit(page, 'LPSCl', check);
    // a taken name: first the warning that no answer has come, then the refusal
    await typeName(page, 'Li');
    const silent = await until(page, x => waiting(x) || x.classes === 'validation-error');
    check(waiting(silent), `the edit says that the server has not answered yet (${JSON.stringify(silent)})`);
    // Enter while the server is silent: the name is not applied, the edit stays open
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    check((await editState(page)).shown, 'Enter without the answer leaves the edit open');
    check(readFileSync(file, 'utf8') === before, 'Enter without the answer applies nothing');
    const taken = await until(page, x => refused(x, 'The name Li is taken.'));
    check(taken.shown && refused(taken, 'The name Li is taken.'), `then the answer's refusal is shown on the open edit (${JSON.stringify(taken)})`);
    check(answers.held() > 0, `the server's answers were held ${HELD_MS} ms (${answers.held()})`);
    await page.waitForTimeout(HELD_MS + 1000); // Enter's own check answered too
    check((await editState(page)).shown, 'the edit stays open after the refusal of its Enter');
    // a name the server takes, Enter pressed while it is silent, the edit closed (Escape) before the answer: nothing
    // is applied when the answer comes
    await typeName(page, 'Argyro');
    check(waiting(await until(page, x => waiting(x) || x.classes === 'validation-ok')), 'the edit says again that no answer has come');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(HELD_MS + 2000); // every answer in
    check(readFileSync(file, 'utf8') === before, 'an accepting answer that comes after the edit was closed applies nothing');
    check(await page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).count() > 0, 'LPSCl is still drawn');
    checkLog(check, logs);
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
