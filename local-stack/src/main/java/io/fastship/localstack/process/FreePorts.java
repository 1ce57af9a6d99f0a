package io.fastship.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds a free TCP port on 127.0.0.1 (the small race until the service binds it is accepted). */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * {@code count} distinct free ports: each socket stays bound until all are drawn, since the kernel may hand
     * a just-closed port out again and two brokers on one port means one exits while the other answers for it.
     */
    public static int[] distinct(int count) {
        return distinct("127.0.0.1", count);
    }

    /** {@code count} distinct free ports on {@code host}, drawn as {@link #distinct(int)} draws them. */
    public static int[] distinct(String host, int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            InetAddress address = InetAddress.getByName(host);
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, address));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + count + " free ports on " + host, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a bound, never-accepted socket does not fail in a way that matters here
                }
            }
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
