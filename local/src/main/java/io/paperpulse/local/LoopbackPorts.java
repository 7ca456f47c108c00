package io.paperpulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Resolves "port 0" to a concrete free loopback port before a server is configured with it. */
final class LoopbackPorts {

  private LoopbackPorts() {}

  /**
   * Returns {@code requested} unchanged when it is a real port, otherwise a port that was free a
   * moment ago. Kafka needs the concrete port up front (the controller quorum voters and advertised
   * listeners name it), so letting the server bind port 0 itself is not an option.
   */
  static int resolve(int requested) {
    if (requested < 0 || requested > 65535) {
      throw new IllegalArgumentException("port out of range: " + requested);
    }
    if (requested != 0) {
      return requested;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
