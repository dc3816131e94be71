package dev.voiceagent.web.socketio;

import dev.voiceagent.session.Base64Audio;
import dev.voiceagent.web.access.ClientAddress;
import dev.voiceagent.web.config.WebConfig;
import io.socket.engineio.server.parser.Packet;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Engine.IO long-polling at {@value SocketIoHost#PATH}: the library's servlet entry point, behind the same guard as
 * the websocket transport. A POST body is a payload of packets separated by {@code \x1e}, binary ones written as
 * {@code b<base64>}; each is checked, refused ones are taken out, and the rest reach the library.
 */
@WebServlet(urlPatterns = SocketIoHost.PATH + "/*", asyncSupported = true)
public class PollingServlet extends HttpServlet {

    /** The body of a refused handshake, in the Engine.IO server's error format ({@code code} 4: forbidden). */
    static final String TOO_MANY_CONNECTIONS = "{\"code\":4,\"message\":\"too many connections from your address\"}";

    private static final char SEPARATOR = '\u001e';
    private static final Logger LOG = Logger.getLogger(PollingServlet.class);

    private final SocketIoHost host;
    private final boolean trustForwardedFor;

    public PollingServlet(SocketIoHost host, WebConfig config) {
        this.host = host;
        this.trustForwardedFor = config.trustForwardedFor();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("GET".equals(request.getMethod()) && request.getParameter("sid") == null) {
            handshake(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            host.engine().handleRequest(request, response);
            return;
        }
        int limit = 2 * host.limits().maxPacketBytes();
        if (request.getContentLengthLong() > limit) {
            refuseBody(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "oversized");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            refuseBody(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "oversized");
            return;
        }
        Optional<SocketIoHost.Connection> connection = host.connection(request.getParameter("sid"));
        if (connection.isEmpty()) {
            host.engine().handleRequest(new BodyRequest(request, body), response);
            return;
        }
        String admitted = admit(new String(body, StandardCharsets.UTF_8), connection.get());
        if (admitted == null) {
            refuseBody(request, response, HttpServletResponse.SC_BAD_REQUEST, null);
            return;
        }
        host.engine().handleRequest(new BodyRequest(request, admitted.getBytes(StandardCharsets.UTF_8)), response);
    }

    /** A new long-polling connection, if its address has a connection slot left. */
    private void handshake(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                trustForwardedFor);
        if (!host.reserve(address)) {
            response.setStatus(429);
            response.setContentType("application/json");
            response.getWriter().write(TOO_MANY_CONNECTIONS);
            return;
        }
        host.handshake(address, null, null, () -> host.engine().handleRequest(request, response));
    }

    /** The packets the guard lets through, joined again; null when the connection must close. */
    private String admit(String payload, SocketIoHost.Connection connection) {
        StringBuilder admitted = new StringBuilder(payload.length());
        long now = System.nanoTime();
        for (String received : payload.split(String.valueOf(SEPARATOR), -1)) {
            String packet = received.startsWith("b") ? withoutLineBreaks(received) : received;
            ConnectionGuard.Verdict verdict;
            String base64 = packet.startsWith("b") ? packet.substring(1) : null;
            if (base64 == null) {
                verdict = connection.guard().text(packet, now);
            } else if (Base64Audio.isValid(base64)) {
                verdict = connection.guard().binary(Base64Audio.decodedLength(base64), now);
            } else {
                verdict = new ConnectionGuard.Close("bad_base64", "binary packet that is not base64");
            }
            switch (verdict) {
                case ConnectionGuard.Admit admit -> {
                    if (!admitted.isEmpty()) {
                        admitted.append(SEPARATOR);
                    }
                    admitted.append(packet);
                }
                case ConnectionGuard.Drop drop -> host.metrics().badInput(drop.kind());
                case ConnectionGuard.RefuseConnect refusal -> {
                    host.metrics().connectRefused(refusal.kind());
                    connection.socket().send(new Packet<>(Packet.MESSAGE, refusal.packet().substring(1)));
                }
                case ConnectionGuard.Close close -> {
                    host.metrics().badInput(close.kind());
                    LOG.warnf("closing a Socket.IO long-polling connection: %s", close.reason());
                    connection.socket().close();
                    return null;
                }
            }
        }
        return admitted.isEmpty() ? Packet.NOOP : admitted.toString();
    }

    /**
     * The Java client wraps base64 at 76 columns, as MIME does; Node's decoder skips the line breaks, the Java
     * server's does not, so they are removed here.
     */
    private static String withoutLineBreaks(String packet) {
        return packet.indexOf('\n') < 0 && packet.indexOf('\r') < 0 ? packet
                : packet.replace("\n", "").replace("\r", "");
    }

    private void refuseBody(HttpServletRequest request, HttpServletResponse response, int status, String kind)
            throws IOException {
        if (kind != null) {
            host.metrics().badInput(kind);
        }
        host.connection(request.getParameter("sid")).ifPresent(c -> c.socket().close());
        response.setStatus(status);
        response.setContentType("text/plain");
        response.getWriter().write(status == HttpServletResponse.SC_BAD_REQUEST ? "closed" : "payload too large");
    }

    /** The request with its body already read (and perhaps filtered). */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }
    }
}
