// GLSP web client of a .cell diagram. The page is served by the Java GLSP server (org.cellwright.diagram), which also
// holds the websocket endpoint: ws://<same host:port>/glsp. The file comes from the page's ?file= parameter.
import 'reflect-metadata';

import {
    BaseJsonrpcGLSPClient,
    ConsoleLogger,
    DiagramLoader,
    EditMode,
    FeatureModule,
    FitToScreenAction,
    GLabel,
    GLabelView,
    GNode,
    IActionDispatcher,
    ModelInitializationConstraint,
    RoundedCornerNodeView,
    configureModelElement,
    editLabelFeature,
    GLSPClient,
    GLSPWebSocketProvider,
    LogLevel,
    STANDALONE_MODULE_CONFIG,
    TYPES,
    bindOrRebind,
    configureDefaultModelElements,
    createDiagramOptionsModule,
    initializeDiagramContainer
} from '@eclipse-glsp/client';
import '@eclipse-glsp/client/css/glsp-sprotty.css';
import { Container } from 'inversify';
import { MessageConnection } from 'vscode-jsonrpc';
import './cellwright-diagram.css';

const DIAGRAM_TYPE = 'cellwright-diagram';
const CLIENT_ID = 'sprotty'; // the id of the div the diagram is drawn into

const cellDiagramModule = new FeatureModule(
    (bind, unbind, isBound, rebind) => {
        const context = { bind, unbind, isBound, rebind };
        bindOrRebind(context, TYPES.ILogger).to(ConsoleLogger).inSingletonScope();
        bindOrRebind(context, TYPES.LogLevel).toConstantValue(LogLevel.warn);
        configureDefaultModelElements(context);
        // a node type per kind of element (the server's type hints say what each may do); colours by CSS class
        for (const kind of ['material', 'composite', 'component', 'cell', 'layer', 'protocol', 'experiment', 'sweep']) {
            configureModelElement(context, 'node:' + kind, GNode, RoundedCornerNodeView);
        }
        // an element's name: double-click to rename (the server renames the element in the text)
        configureModelElement(context, 'label:name', GLabel, GLabelView, { enable: [editLabelFeature] });
    },
    { featureId: Symbol('cellwrightDiagram') }
);

function createContainer(sourceUri: string, glspClient: GLSPClient): Container {
    return initializeDiagramContainer(
        new Container(),
        cellDiagramModule,
        createDiagramOptionsModule({
            clientId: CLIENT_ID,
            diagramType: DIAGRAM_TYPE,
            sourceUri,
            editMode: EditMode.EDITABLE,
            glspClientProvider: async () => glspClient
        }),
        STANDALONE_MODULE_CONFIG
    );
}

const file = new URLSearchParams(window.location.search).get('file') ?? '';
const status = document.getElementById('status')!;
if (!file) {
    status.textContent = 'No file: open this page with ?file=<path of a .cell file>';
} else {
    document.title = file.substring(file.lastIndexOf('/') + 1) + ' - CellWright diagram';
    const webSocketUrl = `ws://${window.location.host}/glsp`;
    let glspClient: GLSPClient | undefined;
    const initialize = async (connection: MessageConnection): Promise<void> => {
        glspClient = new BaseJsonrpcGLSPClient({ id: 'cellwright', connectionProvider: connection });
        const container = createContainer(file, glspClient);
        const dispatcher = container.get<IActionDispatcher>(TYPES.IActionDispatcher);
        // for the IDE and tests: send an action (an operation) as the palette would
        (window as any).cellwrightDiagram = { dispatch: (action: any) => dispatcher.dispatch(action) };
        container.get(ModelInitializationConstraint).onInitialized(() => {
            dispatcher.dispatch(FitToScreenAction.create([], { padding: 20, maxZoom: 1, animate: false }));
            document.body.dataset.state = 'loaded';
        });
        await container.get(DiagramLoader).load();
        status.textContent = '';
    };
    new GLSPWebSocketProvider(webSocketUrl).listen({
        onConnection: connection => {
            initialize(connection).catch(error => {
                status.textContent = 'Cannot load the diagram: ' + error;
                document.body.dataset.state = 'error';
            });
        },
        onReconnect: connection => {
            glspClient?.stop();
            initialize(connection);
        },
        logger: console
    });
}
