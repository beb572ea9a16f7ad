package org.cellwright.run.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Spark cluster on loopback for tests: one master and workers of one core each, started as their own JVMs
 * from the Spark jars the build lists (target/classpath/spark.txt), with a SPARK_HOME of links to them (a worker starts
 * its executors from SPARK_HOME/jars). Each process logs into the test's folder.
 */
final class Cluster implements AutoCloseable {
	final Path home;
	final int port;
	final Process master;
	final List<Process> workers = new ArrayList<>();
	private final Path logs;
	private final String classPath;

	Cluster(Path dir, int workerCount) throws IOException, InterruptedException {
		Path cp = Path.of(System.getProperty("cellwright.spark.classpath"));
		classPath = Files.readString(cp.resolve("spark.txt"), StandardCharsets.UTF_8).strip();
		home = Files.createDirectories(dir.resolve("spark-home"));
		Path jars = Files.createDirectories(home.resolve("jars"));
		for (String j : classPath.split(File.pathSeparator)) {
			Path p = Path.of(j);
			Path link = jars.resolve(p.getFileName());
			if (!Files.exists(link)) Files.createSymbolicLink(link, p);
		}
		Files.writeString(home.resolve("RELEASE"), "Spark for CellWright's tests (links to the Maven repository)\n");
		logs = Files.createDirectories(dir.resolve("logs"));
		port = freePort();
		master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
				"--webui-port", Integer.toString(freePort()));
		awaitPort(port);
		for (int i = 0; i < workerCount; i++) addWorker(dir);
	}

	String url() {
		return "spark://127.0.0.1:" + port;
	}

	Process addWorker(Path dir) throws IOException {
		int n = workers.size();
		Process w = start("worker" + n, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
				"--webui-port", Integer.toString(freePort()), "--work-dir", Files.createDirectories(dir.resolve("work" + n)).toString(), url());
		workers.add(w);
		return w;
	}

	/** Kills a worker the hard way, with the executors it started (as a machine that goes away). */
	void kill(Process worker) throws InterruptedException {
		signalKill(worker);
		worker.waitFor(30, TimeUnit.SECONDS);
	}

	/** Sends the kill (SIGKILL to the worker and its executors) without waiting for the processes to end. */
	void signalKill(Process worker) {
		for (ProcessHandle h : worker.descendants().toList()) h.destroyForcibly();
		worker.destroyForcibly();
	}

	private Process start(String name, String main, String... args) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(List.of("-Xmx512m", "-cp", classPath));
		cmd.addAll(jvmOptions());
		cmd.add(main);
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
		pb.environment().put("SPARK_HOME", home.toString());
		pb.environment().put("SPARK_SCALA_VERSION", "2.13");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		return pb.start();
	}

	/** The module options Spark needs on Java 17+ (as ./cellwright passes them, from jvm.options). */
	static List<String> jvmOptions() throws IOException {
		Path f = Path.of(System.getProperty("cellwright.spark.classpath")).getParent().getParent().resolve("jvm.options");
		return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}

	private static void awaitPort(int port) throws InterruptedException, IOException {
		for (int i = 0; i < 600; i++) {
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			} catch (IOException e) {
				Thread.sleep(100);
			}
		}
		throw new IOException("the Spark master did not open port " + port);
	}

	String log(String name) {
		try {
			return Files.readString(logs.resolve(name + ".log"));
		} catch (IOException e) {
			return "";
		}
	}

	@Override
	public void close() throws InterruptedException {
		for (Process w : workers) if (w.isAlive()) kill(w);
		for (ProcessHandle h : master.descendants().toList()) h.destroyForcibly();
		master.destroyForcibly();
		master.waitFor(30, TimeUnit.SECONDS);
		try (var links = Files.list(home.resolve("jars"))) { // the links, not the Maven repository's jars
			for (Path l : links.toList()) Files.deleteIfExists(l);
		} catch (IOException e) {
			// the test's folder is deleted anyway
		}
	}
}
