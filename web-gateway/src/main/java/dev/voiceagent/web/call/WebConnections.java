package dev.voiceagent.web.call;

import dev.voiceagent.web.socketio.SocketIoHost;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/** Gives every Socket.IO socket on the default namespace its own {@link WebConnection}. */
@Startup
@Singleton
public class WebConnections {

    public WebConnections(SocketIoHost host, CallServices services) {
        host.onConnection(socket -> new WebConnection(socket, host.connectionOf(socket).orElseThrow(), services,
                services.vertx().getOrCreateContext()));
    }
}
