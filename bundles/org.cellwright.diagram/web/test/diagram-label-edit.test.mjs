// Headless-browser test of a label edit opened again right after the last one closed (no IDE). sprotty's label edit
// applies the open edit 200 ms after its input loses the focus, and closing an edit (Enter, Escape) takes the focus
// from the input too: a label double-clicked again within those 200 ms opened an edit that the old blur then found
// unchanged and closed, the input shown and hidden again before anything was typed (CI: the second rename of
// diagram-rename-files.test.mjs after the question's Cancel, 'element is not visible' on fill). The page's timers are
// held (playwright's clock) from the close until the new edit is open, so the old blur's 200 ms end after it however
// fast or slow the machine is. Also: the page redrawn for a change on disk while an edit is open keeps the edit and
// the text typed into it (that held before too), and the edit moves with its label (it stayed where the label had
// been, over another node).
// usage: node test/diagram-label-edit.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { appendFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';

const [url, file, screenshot] = args('diagram-label-edit.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
/** The label edit's input: shown, its text, and whether it has the focus. */
const edit = page => page.evaluate(() => {
    const e = document.querySelector('.label-edit input');
    return { shown: !!e && getComputedStyle(e).visibility === 'visible' && e.offsetParent !== null, value: e?.value, focused: !!e && document.activeElement === e };
});
/**
 * Stops the page's clock 10 ms from its now (playwright's pauseAt); on a loaded machine more than 10 ms may pass between
 * reading the page's now and the pause ("Cannot fast-forward to the past", CI of session 37): then it is asked again.
 */
const pauseSoon = async page => {
    for (let i = 0; ; i++) {
        try {
            return await page.clock.pauseAt(await page.evaluate(() => Date.now()) + 10);
        } catch (e) {
            if (i >= 20 || !String(e).includes('Cannot fast-forward to the past')) throw e;
        }
    }
};
/** Waits (at most 10 s, by node's timers: the page's may be held) until the edit's state satisfies the predicate. */
const until = (page, predicate) => pollUntil(page, edit, predicate);

try {
    const page = await openDiagram(browser, url, logs, 'LPSCl', p => p.clock.install());
    const label = page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).first();
    for (const close of ['Escape', 'Enter']) {
        await label.dblclick();
        check((await until(page, s => s.shown)).shown, `${close}: a double click on LPSCl opens its edit`);
        const box = await label.boundingBox();
        // the page's timers stop: the blur of the close below ends its 200 ms only when the clock runs on
        await pauseSoon(page);
        await page.keyboard.press(close);
        check(!(await edit(page)).shown, `${close} closes the edit (the name unchanged)`);
        await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
        check((await until(page, s => s.shown)).shown, `${close}: the label double-clicked again at once opens a new edit`);
        await page.clock.runFor(1000);
        const kept = await edit(page);
        check(kept.shown && kept.focused && kept.value === 'LPSCl',
            `${close}: the new edit is still open once the close's 200 ms have passed (${JSON.stringify(kept)})`);
        await page.clock.resume();
        await page.keyboard.press('Escape');
        await page.clock.runFor(1000);
    }

    // a redraw while an edit is open (the file written by another program): the edit and its typed text stay
    await label.dblclick();
    await until(page, s => s.shown);
    await page.locator('.label-edit input').fill('Argyro');
    appendFileSync(file, '\nmaterial WrittenElsewhere is solid-electrolyte {\n}\n');
    await page.waitForFunction(() => [...document.querySelectorAll('#sprotty svg .sprotty-label')].some(t => t.textContent === 'WrittenElsewhere'),
        null, { timeout: 30000 });
    const redrawn = await edit(page);
    check(redrawn.shown && redrawn.focused && redrawn.value === 'Argyro', `a redraw keeps the open edit and its typed text (${JSON.stringify(redrawn)})`);
    // the new node moved LPSCl: the input follows it (it stayed where the label had been, over another node)
    const over = await page.waitForFunction(() => {
        const input = document.querySelector('.label-edit input')?.getBoundingClientRect();
        const at = [...document.querySelectorAll('#sprotty svg .sprotty-label')].find(t => t.textContent === 'LPSCl')?.getBoundingClientRect();
        return input && at && Math.abs(input.top - at.top) < at.height && input.left <= at.left + at.width / 2 && at.left < input.right;
    }, null, { timeout: 5000 }).then(() => true, () => false);
    check(over, 'after the redraw the edit is over the label LPSCl where it is drawn now');
    await page.screenshot({ path: screenshot });
    await page.keyboard.press('Escape');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
