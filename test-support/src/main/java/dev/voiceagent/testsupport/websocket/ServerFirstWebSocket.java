package dev.voiceagent.testsupport.websocket;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Opens a client websocket to a server that speaks first (an Engine.IO open packet, OpenAI's
 * {@code session.created}) without losing what it says.
 * <p>
 * Vert.x resumes a new client websocket as its upgrade completes and delivers the frames already read in a task of
 * their own on the socket's event loop. Handlers attached from a test thread after a fast upgrade run in a later task,
 * and those first frames go to no handler. Connecting from the event loop attaches them before the upgrade can
 * complete, so they are set in the upgrade's own task.
 */
public final class ServerFirstWebSocket {

    private ServerFirstWebSocket() {
    }

    /**
     * Connects, lets {@code listen} set the socket's handlers before any frame is delivered, and waits for it. Call
     * from a test thread, never from an event loop.
     *
     * @return what {@code listen} made of the socket
     */
    public static <T> T connect(Vertx vertx, WebSocketClient client, WebSocketConnectOptions options,
            Function<WebSocket, T> listen, Duration timeout) throws Exception {
        CompletableFuture<T> opened = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> client.connect(options).map(listen).onComplete(done -> {
            if (done.succeeded()) {
                opened.complete(done.result());
            } else {
                opened.completeExceptionally(done.cause());
            }
        }));
        return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
