package dev.miscan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketPermission;
import java.net.URI;
import java.security.Permission;
import java.util.List;

/**
 * Runs the mi-scan command line in a JVM where every way out to the network fails loudly: a security
 * manager (where the JVM still allows one: Java 17 to 23 with {@code -Djava.security.manager=allow}) refuses
 * every connect, resolve, listen and accept, whatever the API (sockets, NIO channels, HttpClient, DNS);
 * and, on any JVM, socket factories and a proxy selector that refuse too. Each attempt prints
 * {@code NETWORK ATTEMPT: …} on standard error before failing, so the attempt shows even if the caller
 * swallows the exception. Used by {@link NoNetworkTest} in a child process, since these are JVM-wide.
 *
 * <pre>java -Djava.security.manager=allow -cp … dev.miscan.cli.NetworkGuard scan …</pre>
 */
public final class NetworkGuard {
    static final String MARK = "NETWORK ATTEMPT: ";
    static final String SECURITY_MANAGER_ON = "network guard: security manager installed";

    private NetworkGuard() {
    }

    public static void main(String[] args) throws IOException {
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                throw attempt("proxy lookup for " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                throw attempt("connect " + uri);
            }
        });
        @SuppressWarnings("deprecation")
        Runnable factories = () -> {
            try {
                Socket.setSocketImplFactory(() -> {
                    throw attempt("new client socket");
                });
                ServerSocket.setSocketFactory(() -> {
                    throw attempt("new server socket");
                });
                DatagramSocket.setDatagramSocketImplFactory(() -> {
                    throw attempt("new datagram socket");
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        factories.run();
        if (installSecurityManager()) {
            System.err.println(SECURITY_MANAGER_ON);
        }
        if (args.length == 1 && args[0].equals("--probe")) {
            probe();
            Runtime.getRuntime().halt(0);
        }
        int code = Main.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static boolean installSecurityManager() {
        try {
            System.setSecurityManager(new SecurityManager() {
                @Override
                public void checkPermission(Permission perm) {
                    if (perm instanceof SocketPermission || perm.getClass().getName().equals("java.net.URLPermission")) {
                        throw attempt(perm.toString());
                    }
                }

                @Override
                public void checkPermission(Permission perm, Object context) {
                    checkPermission(perm);
                }
            });
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // a JVM without a security manager: the factories above still guard sockets
        }
    }

    /** Tries the ways out that the guard must catch: a socket, an NIO channel, a name lookup (loopback only). */
    private static void probe() {
        List<ThrowingRunnable> tries = List.of(
            () -> {
                try (Socket s = new Socket()) {
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 1000);
                }
            },
            () -> {
                try (var ch = java.nio.channels.SocketChannel.open()) {
                    ch.connect(new java.net.InetSocketAddress("127.0.0.1", 9));
                }
            },
            () -> java.net.InetAddress.getByName("localhost"));
        for (ThrowingRunnable t : tries) {
            try {
                t.run();
            } catch (Exception | Error e) {
                System.err.println("probe: " + e.getClass().getSimpleName());
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static SecurityException attempt(String what) {
        System.err.println(MARK + what);
        return new SecurityException("network access refused by the test: " + what);
    }
}
