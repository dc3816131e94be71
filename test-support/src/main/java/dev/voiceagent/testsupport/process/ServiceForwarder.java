package dev.voiceagent.testsupport.process;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a Kubernetes Service in front of several cores: each TCP connection goes to the first target that
 * accepts it, byte for byte both ways, and closes when either side does. A dead target refuses, so connections
 * made after it died go to the next one.
 */
public final class ServiceForwarder implements AutoCloseable {

    private final NetServer server;
    private final NetClient client;
    private final List<Integer> targetPorts;

    public ServiceForwarder(Vertx vertx, List<Integer> targetPorts) throws Exception {
        this.targetPorts = List.copyOf(targetPorts);
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(500));
        this.server = vertx.createNetServer().connectHandler(this::accept);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    private void accept(NetSocket inbound) {
        inbound.pause();
        connect(inbound, 0);
    }

    private void connect(NetSocket inbound, int target) {
        if (target == targetPorts.size()) {
            inbound.close();
            return;
        }
        client.connect(targetPorts.get(target), "127.0.0.1").onComplete(result -> {
            if (result.failed()) {
                connect(inbound, target + 1);
                return;
            }
            NetSocket outbound = result.result();
            inbound.pipeTo(outbound);
            outbound.pipeTo(inbound);
        });
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
