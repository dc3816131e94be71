package dev.voiceagent.telephony.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A websocket client written against RFC 6455 on a plain socket, for what well-behaved clients never do: frames of
 * any size, messages split into fragments, and a client that stops reading (small receive buffer, nothing read after
 * the handshake). Blocking, one thread.
 */
final class RawWebSocket implements AutoCloseable {

    /** What a read of the close frame found: the server's code, or 1006 when the connection ended without one. */
    static final int ABNORMAL = 1006;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Opens {@code path} on the local port and completes the handshake.
     *
     * @param receiveBuffer the socket's receive buffer in bytes (small for a client that will stop reading), or 0
     */
    static RawWebSocket open(int port, String path, Map<String, String> headers, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        ws.out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        ws.out.flush();
        String status = ws.readHttpHead();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return ws;
    }

    private String readHttpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    }

    void sendText(String text) throws IOException {
        sendFragments(text, 1);
    }

    /** One text message in {@code fragments} frames of about equal size. */
    void sendFragments(String text, int fragments) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int size = (payload.length + fragments - 1) / fragments;
        for (int i = 0; i < fragments; i++) {
            int from = i * size;
            int to = Math.min(payload.length, from + size);
            writeFrame(i == fragments - 1, i == 0 ? 1 : 0, payload, from, to - from);
        }
        out.flush();
    }

    private void writeFrame(boolean fin, int opcode, byte[] payload, int offset, int length) throws IOException {
        out.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            out.write(0x80 | length);
        } else if (length < 65536) {
            out.write(0x80 | 126);
            out.write(length >>> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[length];
        for (int i = 0; i < length; i++) {
            masked[i] = (byte) (payload[offset + i] ^ mask[i & 3]);
        }
        out.write(masked);
    }

    /** Reads (and drops) frames until the server's close frame; its code, or {@link #ABNORMAL}. */
    int awaitCloseCode(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return ABNORMAL;
                }
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = in.readNBytes((int) length);
                if ((first & 0x0f) == 8) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no close within " + timeout, e);
        } catch (IOException e) {
            return ABNORMAL; // reset by the server
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
