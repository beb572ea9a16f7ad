// What the diagram page tests share: Debian's Chromium (playwright-core), a check that logs and counts failures, the
// page loaded until the diagram is drawn with a label, and a proxy standing for the server (stopped, slow, started).
import net from 'node:net';
import { chromium } from 'playwright-core';

export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

/** The error colour of the page (its validation errors, #a40000) as getComputedStyle gives it. */
export const ERROR_COLOUR = 'rgb(164, 0, 0)';

/**
 * The test's arguments, one per name; a last name ending in "..." takes the rest (at least one). Without them the
 * usage line is printed and the test exits with 2.
 */
export function args(script, ...names) {
    const given = process.argv.slice(2);
    const rest = names.at(-1)?.endsWith('...');
    if (given.length < names.length || given.slice(0, names.length).some(a => !a)) {
        console.error(`usage: node test/${script} ` + names.map(n => n.endsWith('...') ? `<${n.slice(0, -3)}>...` : `<${n}>`).join(' '));
        process.exit(2);
    }
    return rest ? given : given.slice(0, names.length);
}

/**
 * What the page's message line says (text, class, colour), whether the page is marked away from its server, its state,
 * its clock (HH:MM:SS, the page's, which playwright's clock may hold), the models drawn and the labels drawn.
 */
export const statusLine = page => page.evaluate(() => {
    const status = document.getElementById('status');
    const t = new Date();
    return {
        status: status?.textContent ?? '',
        kind: status?.className ?? '',
        colour: status ? getComputedStyle(status).color : '',
        away: document.body.dataset.connection ?? '',
        state: document.body.dataset.state,
        clock: [t.getHours(), t.getMinutes(), t.getSeconds()].map(n => String(n).padStart(2, '0')).join(':'),
        drawn: window.cellwrightDiagram?.drawn(),
        labels: [...document.querySelectorAll('#sprotty svg .sprotty-label')].map(l => l.textContent)
    };
});

/** ok/FAILED lines on stdout; failed() says whether any check failed. */
export function checks() {
    let failed = false;
    return {
        check: (ok, what) => {
            console.log((ok ? 'ok: ' : 'FAILED: ') + what);
            if (!ok) failed = true;
        },
        failed: () => failed
    };
}

/**
 * A 1400x900 page on the url, its console and errors collected into logs, loaded until the label is drawn;
 * beforeLoad(page), if given, runs before the page is loaded (e.g. to install playwright's clock).
 */
export async function openDiagram(browser, url, logs, label, beforeLoad) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
    if (beforeLoad) await beforeLoad(page);
    await page.goto(url);
    await page.waitForSelector('body[data-state="loaded"]', { timeout: 60000 });
    await page.waitForFunction(l => [...document.querySelectorAll('#sprotty svg .sprotty-label')].some(t => t.textContent === l), label, { timeout: 60000 });
    return page;
}

/**
 * Routes the page's websocket through playwright to the server (call it in openDiagram's beforeLoad): what the server
 * sends is passed on to the page, and so is what the page sends that is not JSON; each JSON message the page sends is
 * given first to onAction(action, message, link) (action: the message's params.action, if it has one), which returns
 * true when it dealt with the message itself (nothing is passed on), false to pass it on as sent. link.toServer(m) and
 * link.toPage(m) send a message (an object is sent as its JSON), link.close() closes the page's connection. refused(),
 * if given, is asked at each connection the page opens: when true it is closed before it opens (the server gone).
 */
export function relay(page, onAction, refused = () => false) {
    return page.routeWebSocket(/\/glsp$/, ws => {
        if (refused()) return ws.close();
        const server = ws.connectToServer();
        server.onMessage(m => ws.send(m));
        const text = m => typeof m === 'string' ? m : JSON.stringify(m);
        const link = { toServer: m => server.send(text(m)), toPage: m => ws.send(text(m)), close: () => ws.close() };
        ws.onMessage(m => {
            let message;
            try {
                message = JSON.parse(String(m));
            } catch {
                return server.send(m);
            }
            if (!onAction(message?.params?.action, message, link)) server.send(m);
        });
    });
}

/**
 * The page at url (a page of the diagram server) opened through a proxy of its own (proxy: the server as the page
 * sees it) as openDiagram opens it, with the page parameters given ({ heartbeat: 2 }: &heartbeat=2 added to the url),
 * loaded until the label is drawn and the tool palette is shown, and 1.5 s more for the palette's fit; beforeLoad as
 * openDiagram's. Returns the proxy (server) and the page.
 */
export async function openThroughProxy(browser, url, logs, label, parameters = {}, beforeLoad) {
    const server = await proxy(url);
    const u = new URL(url);
    const added = Object.entries(parameters).map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('');
    const page = await openDiagram(browser, server.url(u.pathname + u.search + added), logs, label, beforeLoad);
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1500);
    return { server, page };
}

/**
 * Polls probe(page) every 50 ms, by node's timers (the page's may be held by playwright's clock), until
 * predicate(state) holds or ms pass; returns the last state seen (the page tests' wait for an edit's state).
 */
export async function pollUntil(page, probe, predicate, ms = 10000) {
    for (let i = 0; i < ms / 50; i++) {
        const state = await probe(page);
        if (predicate(state)) return state;
        await new Promise(r => setTimeout(r, 50));
    }
    return probe(page);
}

/** Closes the browser, prints the page's log when a check failed, and exits with 1 then (0 otherwise). */
export async function finish(browser, logs, failed) {
    await browser.close();
    if (failed()) console.error(logs.join('\n'));
    process.exit(failed() ? 1 : 0);
}

/**
 * A check that the drawing is fitted beside the tool palette: every node drawn inside the page and none under the
 * palette (top right). checkFits(page, what) checks and returns the nodes' and the palette's screen boxes.
 */
export function fitChecks(check) {
    // the screen boxes of the visible nodes and of the palette
    const boxes = page => page.evaluate(() => {
        const r = e => { const b = e.getBoundingClientRect(); return { x: b.left, y: b.top, r: b.right, b: b.bottom }; };
        const palette = document.querySelector('.tool-palette');
        return {
            nodes: [...document.querySelectorAll('#sprotty svg .sprotty-node')].map(n => ({ id: n.parentElement.id, ...r(n) })),
            palette: palette && palette.offsetParent !== null ? r(palette) : null,
            width: window.innerWidth,
            height: window.innerHeight
        };
    });
    const overlaps = (a, b) => a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b;
    return async (page, what) => {
        const d = await boxes(page);
        const outside = d.nodes.filter(n => n.x < 0 || n.y < 0 || n.r > d.width || n.b > d.height).map(n => n.id);
        check(d.nodes.length > 0 && outside.length === 0, `${what}: every node inside the ${d.width}x${d.height} page` + (outside.length ? ' (outside: ' + outside.join(', ') + ')' : ''));
        const covered = d.palette ? d.nodes.filter(n => overlaps(n, d.palette)).map(n => n.id) : [];
        check(d.palette !== null, `${what}: the palette is shown`);
        check(covered.length === 0, `${what}: no node under the palette` + (covered.length ? ' (covered: ' + covered.join(', ') + ')' : ''));
        return d;
    };
}

/**
 * The server as the page sees it: a TCP proxy on its own port in front of the diagram server (the page is loaded
 * through it). stop() stops it (its port refuses connections, the open ones are cut: the server gone), start() listens
 * on the same port again (the server back). The websocket's Origin, the proxy's address, is given as the server's
 * (the server accepts only its own pages). connections() counts the websocket connections asked for through it (the
 * page's attempts that reached it). hold(ms): from then on the server answers an attempt only ms after it was made (a
 * server slow to answer: starting, busy). downAtFirstSocket(): the proxy stops when the page's first attempt to connect
 * reaches it (that attempt cut: the page loaded, its server gone before it connected); returns a promise settled then.
 * blackhole(on): while on, a connection is accepted and nothing is answered or passed on (a suspended server process,
 * a network that drops the packets); the attempts that reach it are counted too. pause(on): while on, nothing is passed
 * on either way, on the connections open and on those made meanwhile, which stay open (a server process suspended, SIGSTOP;
 * a network that holds the packets); pause('toServer'): only what the page sends is held, what the server sends is
 * passed on (the server sent it before it stopped reading: an update on its way while the page sends an edit);
 * pause(false) passes on what was held, in order (SIGCONT), unless the other end has closed its connection meanwhile. heartbeats() counts the server's answers to GLSP's initialize request that reached
 * the proxy (the page's first and each of its heartbeats): the proxy offers the server no compression of the websocket
 * (the page's Sec-WebSocket-Extensions, permessage-deflate, dropped), so the server's frames are read as text.
 */
export async function proxy(target) {
    const to = new URL(target);
    let listener;
    let port = 0;
    let upgrades = 0;
    let holdMs = 0;
    let hole = false;
    let paused = false;
    // the server's answers to GLSP's initialize request (an InitializeResult: its protocolVersion)
    const INITIALIZED = '"protocolVersion"';
    let initialized = 0;
    // what was held while paused: the socket it goes to and the bytes
    const held = [];
    // toServer: the bytes go from the page to the server (held by pause('toServer') too)
    const send = (socket, chunk, toServer) => paused === true || (paused === 'toServer' && toServer) ? held.push([socket, chunk]) : socket.write(chunk);
    let down;
    const sockets = new Set();
    const stop = () => new Promise(resolve => {
        listener.close(() => resolve());
        for (const s of sockets) s.destroy();
    });
    const start = () => new Promise((resolve, reject) => {
        listener = net.createServer(page => {
            if (hole) {
                sockets.add(page);
                page.on('error', () => {});
                page.on('close', () => sockets.delete(page));
                page.once('data', chunk => { if (/^GET \/glsp /.test(chunk.toString('latin1'))) upgrades++; });
                return;
            }
            const server = net.connect(Number(to.port), to.hostname);
            for (const s of [page, server]) {
                sockets.add(s);
                s.on('error', () => {});
                s.on('close', () => { sockets.delete(s); page.destroy(); server.destroy(); });
            }
            let first = true;
            let slow = Promise.resolve();
            page.on('data', chunk => {
                if (first) {
                    first = false;
                    const head = chunk.toString('latin1');
                    if (/^GET \/glsp /.test(head)) {
                        if (down) {
                            const stopped = down;
                            down = undefined;
                            page.destroy();
                            stop().then(stopped);
                            return;
                        }
                        upgrades++;
                        if (holdMs > 0) slow = new Promise(r => setTimeout(r, holdMs));
                    }
                    // the websocket uncompressed (no permessage-deflate offered): what the server sends is read as text
                    chunk = Buffer.from(head.replaceAll(`127.0.0.1:${port}`, to.host).replace(/\r\nSec-WebSocket-Extensions:[^\r]*/i, ''), 'latin1');
                }
                slow.then(() => send(server, chunk, true));
            });
            // the end of the last bytes the server sent on this connection, where a chunk may have cut the text in two
            let tail = '';
            server.on('data', chunk => {
                const text = tail + chunk.toString('latin1');
                for (let at = text.indexOf(INITIALIZED); at >= 0; at = text.indexOf(INITIALIZED, at + 1)) {
                    if (at + INITIALIZED.length > tail.length) initialized++;
                }
                tail = text.slice(-INITIALIZED.length);
                send(page, chunk, false);
            });
        });
        listener.once('error', reject);
        listener.listen(port, '127.0.0.1', () => {
            port = listener.address().port;
            resolve(port);
        });
    });
    await start();
    return {
        url: path => `http://127.0.0.1:${port}${path}`,
        stop,
        start,
        connections: () => upgrades,
        heartbeats: () => initialized,
        hold: ms => { holdMs = ms; },
        blackhole: on => { hole = on; },
        pause: on => {
            paused = on === 'toServer' ? on : !!on;
            if (!on) for (const [socket, chunk] of held.splice(0)) if (!socket.destroyed) socket.write(chunk);
        },
        downAtFirstSocket: () => new Promise(resolve => { down = resolve; })
    };
}
