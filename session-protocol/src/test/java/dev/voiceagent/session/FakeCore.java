package dev.voiceagent.session;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal realtime-core for the gateway's side of the session protocol: it answers {@code start} with
 * {@code ready} (a fresh resume token each time, unless told not to), answers a resume as told, serves
 * {@code /q/health/ready}, keeps every record it receives, and can be killed and started again on its port.
 * Its message limit is the real core's (1 MiB).
 */
final class FakeCore implements AutoCloseable {

    /** One record as received: which socket (0, 1, ... in order of connection), number, kind, payload. */
    record Received(int socket, int conversation, char kind, String payload) {
        boolean isStart() {
            return kind == 'C' && payload.contains("\"type\":\"start\"");
        }
    }

    enum ResumeAnswer { READY, RESUME_FAILED }

    final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile boolean issueTokens = true;
    volatile ResumeAnswer resumeAnswer = ResumeAnswer.READY;
    /** When set, {@code ready} waits until it completes. */
    volatile Promise<Void> readyGate;
    private final Vertx vertx;
    private final String name;
    private int port;
    private HttpServer server;

    private FakeCore(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
    }

    static FakeCore start(Vertx vertx, String name) {
        FakeCore core = new FakeCore(vertx, name);
        core.listen();
        return core;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops at once: the server and every socket on it close, as when the process dies. */
    void kill() {
        await(server.close());
    }

    /** Listens again on the same port. */
    void restart() {
        listen();
    }

    List<Received> audioOf(int socket, int conversation) {
        return received.stream().filter(r -> r.socket() == socket && r.conversation() == conversation
                && r.kind() == 'A').toList();
    }

    private void listen() {
        server = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketMessageSize(1 << 20))
                .requestHandler(request -> request.response()
                        .setStatusCode("/q/health/ready".equals(request.path()) ? 200 : 404).end())
                .webSocketHandler(this::accept);
        port = await(server.listen(port, "127.0.0.1")).actualPort();
    }

    private void accept(ServerWebSocket socket) {
        sockets.add(socket);
        int index = sockets.indexOf(socket);
        socket.binaryMessageHandler(message -> ConversationRecords.read(message, (id, kind, payload) -> {
            received.add(new Received(index, id, (char) kind, payload.toString()));
            if (kind == ConversationRecords.CONTROL && SessionCodec.decode(payload) instanceof SessionMessage.Start s) {
                onStart(socket, id, s);
            }
        }));
    }

    private void onStart(ServerWebSocket socket, int id, SessionMessage.Start start) {
        if (start.resume() != null && resumeAnswer == ResumeAnswer.RESUME_FAILED) {
            Buffer reply = Buffer.buffer();
            // The real core refuses only a bad token so: a lost checkpoint begins the conversation afresh.
            append(reply, id, new SessionMessage.Error("resume_failed", "the resume token is not valid or has expired",
                    true));
            append(reply, id, new SessionMessage.End("resume_failed"));
            ConversationRecords.append(reply, id, ConversationRecords.CLOSED, Buffer.buffer());
            socket.writeBinaryMessage(reply);
            return;
        }
        String token = issueTokens ? name + "-token-" + start.callId() + "-" + sent.size() : null;
        Promise<Void> gate = readyGate;
        Runnable ready = () -> {
            Buffer reply = Buffer.buffer();
            append(reply, id, new SessionMessage.Ready(name + "-" + start.callId(), "agent",
                    false, "test", token));
            sent.add("ready " + start.callId() + (start.resume() != null ? " resumed" : ""));
            socket.writeBinaryMessage(reply);
        };
        if (gate == null) {
            ready.run();
        } else {
            gate.future().onSuccess(v -> ready.run());
        }
    }

    private static void append(Buffer reply, int id, SessionMessage message) {
        ConversationRecords.append(reply, id, ConversationRecords.CONTROL, SessionCodec.encodeToBuffer(message));
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
