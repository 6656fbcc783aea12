package org.sanctionswatch.alertstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port of its own, forwarding to one server, that a test can cut: while cut, it resets
 * the connections it carries and closes every new one as soon as it is accepted, as a database host that went
 * away would look to its clients. One thread per direction per connection: enough for a connection pool.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile boolean cut;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.target = new InetSocketAddress(targetHost, targetPort);
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** From now on, no connection gets through, and those open are reset. */
	void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			reset(socket);
		}
	}

	void restore() {
		this.cut = false;
	}

	/** Connections closed on arrival while cut. */
	int refused() {
		return this.refused.get();
	}

	int accepted() {
		return this.accepted.get();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.cut) {
				this.refused.incrementAndGet();
				reset(client);
				continue;
			}
			this.accepted.incrementAndGet();
			try {
				Socket upstream = new Socket();
				upstream.connect(this.target, 3000);
				this.open.add(client);
				this.open.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				reset(client);
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the other side went, or the proxy cut the connection
			}
			finally {
				reset(from);
				reset(to);
			}
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private void reset(Socket socket) {
		this.open.remove(socket);
		try {
			// linger 0: close with a reset, not an orderly shutdown
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		cut();
	}

}
