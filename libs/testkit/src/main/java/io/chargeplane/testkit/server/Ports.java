package io.chargeplane.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers shared by the starters. */
public final class Ports {

    /** Every engine binds here: tests and the local stack never expose services beyond the machine. */
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port that was free a moment ago. Engines that cannot report the port they bound to need one chosen
     * up front; the race with other processes is small and shows up as a clear bind error.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** {@code requested} unless it is 0, in which case a free port. */
    public static int resolve(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("Port out of range: " + requested);
        }
        return requested == 0 ? free() : requested;
    }

    /** Whether something accepts TCP connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
