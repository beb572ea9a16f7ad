package org.cellwright.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.glsp.server.di.ServerModule;
import org.eclipse.glsp.server.websocket.GLSPConfigurator;
import org.eclipse.glsp.server.websocket.GLSPServerEndpoint;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.google.inject.Guice;
import com.google.inject.Injector;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The GLSP diagram server of .cell files: one Jetty server on the loopback interface (ephemeral port) with the GLSP
 * websocket endpoint at {@value #ENDPOINT} and the diagram web client (web/dist of this bundle) as static pages. Each
 * websocket connection gets its own Guice injector (GLSP's ServerModule with {@link CellDiagramModule}).
 * The websocket accepts only pages of this server (Origin check), so another web site cannot read models through it.
 */
public final class CellDiagramServer implements AutoCloseable {

	public static final String ENDPOINT = "/glsp";
	private static final String HOST = "127.0.0.1";
	private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
			"text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "map", "application/json", "svg", "image/svg+xml", "ttf", "font/ttf");

	private final Server server;
	private final int port;

	private CellDiagramServer(Server server, int port) {
		this.server = server;
		this.port = port;
	}

	/** Starts the server on 127.0.0.1 and an ephemeral port. */
	public static CellDiagramServer start() throws Exception {
		ElkLayout.initialize();
		Server server = new Server();
		ServerConnector connector = new ServerConnector(server);
		connector.setHost(HOST);
		connector.setPort(0);
		server.addConnector(connector);
		ServletContextHandler context = new ServletContextHandler();
		context.setContextPath("/");
		context.addServlet(new ServletHolder(new StaticServlet()), "/diagram/*");
		int[] boundPort = new int[1];
		JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
			ServerEndpointConfig config = ServerEndpointConfig.Builder.create(GLSPServerEndpoint.class, ENDPOINT)
					.configurator(new LoopbackConfigurator(boundPort)).build();
			container.setDefaultMaxSessionIdleTimeout(0); // an open diagram may sit idle for hours: never time out
			container.addEndpoint(config);
		});
		server.setHandler(context);
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(CellDiagramServer.class.getClassLoader());
		try {
			server.start();
		} finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
		boundPort[0] = connector.getLocalPort();
		return new CellDiagramServer(server, boundPort[0]);
	}

	public int port() { return port; }

	/** ws://127.0.0.1:port/glsp */
	public URI websocketUri() { return URI.create("ws://" + HOST + ":" + port + ENDPOINT); }

	/** The diagram page of a .cell file. */
	public URI pageUri(Path cellFile) {
		String file = URLEncoder.encode(cellFile.toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
		return URI.create("http://" + HOST + ":" + port + "/diagram/index.html?file=" + file);
	}

	@Override
	public void close() throws Exception {
		server.stop();
	}

	static Injector newInjector() {
		// the page's actions read by GLSP's reader, one it cannot read answered (EditAnswer.Unreadable), not dropped;
		// an error of a request named for the page and told to the IDE (ServerErrors)
		ServerModule server = new ServerModule() {
			@Override
			protected Class<? extends org.eclipse.glsp.server.gson.ServerGsonConfigurator> bindGsonConfigurator() {
				return EditAnswer.Gson.class;
			}

			@Override
			protected Class<? extends org.eclipse.glsp.server.protocol.GLSPServer> bindGLSPServer() {
				return ServerErrors.Server.class;
			}
		};
		return Guice.createInjector(server.configureDiagramModule(new CellDiagramModule()));
	}

	/** GLSP's configurator (an injector per connection), accepting only pages served by this server. */
	static final class LoopbackConfigurator extends GLSPConfigurator {
		private final int[] port;

		LoopbackConfigurator(int[] port) {
			super(CellDiagramServer::newInjector);
			this.port = port;
		}

		@Override
		public boolean checkOrigin(String origin) {
			// no Origin header: a non-browser client (tests, the IDE); a browser always sends one
			return origin == null || origin.equals("http://" + HOST + ":" + port[0]) || origin.equals("http://localhost:" + port[0]);
		}
	}

	/** The files of web/dist from this bundle's class path. */
	static final class StaticServlet extends HttpServlet {
		private static final long serialVersionUID = 1L;

		@Override
		protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
			String path = req.getPathInfo() == null || req.getPathInfo().equals("/") ? "/index.html" : req.getPathInfo();
			if (path.contains("..") || !path.matches("/[A-Za-z0-9._/-]+")) {
				resp.sendError(404);
				return;
			}
			try (InputStream in = CellDiagramServer.class.getClassLoader().getResourceAsStream("web/dist" + path)) {
				if (in == null) {
					resp.sendError(404, "not found: " + path);
					return;
				}
				String ext = path.substring(path.lastIndexOf('.') + 1);
				resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
				resp.setHeader("Cache-Control", "no-store");
				in.transferTo(resp.getOutputStream());
			}
		}
	}
}
