package dev.voiceagent.telephony.call;

import dev.voiceagent.telephony.drain.ShutdownDrain;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Asks every open media stream's call to say goodbye when the drain's grace period is over. */
@ApplicationScoped
class DrainGoodbyes {

    private final OpenConnections connections;

    DrainGoodbyes(OpenConnections connections) {
        this.connections = connections;
    }

    void sayGoodbye(@Observes ShutdownDrain.GoodbyeRequested request) {
        connections.forEach(connection -> MediaStreamEndpoint.streamOf(connection)
                .ifPresent(MediaStreamEndpoint.OpenStream::drain));
    }
}
