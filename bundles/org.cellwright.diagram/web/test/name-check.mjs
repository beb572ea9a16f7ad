// What the page tests of a label edit's name check share: the page's websocket routed through playwright, the server's
// answers to the check (setEditValidationResult) held, and the edit's state as a user sees it.

/**
 * A beforeLoad for openDiagram (page.mjs) that routes the page's websocket to the server and holds each of the
 * server's answers to the name check for ms; held() counts the answers held so far.
 */
export function holdingAnswers(ms) {
    let held = 0;
    return {
        route: page => page.routeWebSocket(/\/glsp$/, ws => {
            const server = ws.connectToServer();
            ws.onMessage(m => server.send(m));
            server.onMessage(m => {
                if (String(m).includes('"setEditValidationResult"')) {
                    held++;
                    setTimeout(() => ws.send(m), ms);
                } else ws.send(m);
            });
        }),
        held: () => held
    };
}

/** The label edit: whether it is shown, its validation-* classes and the message drawn above it. */
export const editState = page => page.evaluate(() => {
    const c = document.querySelector('.label-edit');
    const e = c?.querySelector('input');
    return {
        shown: !!e && getComputedStyle(e).visibility === 'visible' && e.offsetParent !== null,
        classes: c ? [...c.classList].filter(k => k.startsWith('validation-')).join(' ') : '',
        message: c?.getAttribute('data-balloon') ?? null
    };
});
