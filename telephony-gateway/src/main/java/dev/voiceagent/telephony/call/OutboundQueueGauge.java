package dev.voiceagent.telephony.call;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.inject.Singleton;

/**
 * {@code voice_gateway_outbound_queued_audio_seconds}: assistant audio waiting in the gateway's memory to be written
 * to Twilio, over all streams. Near zero while Twilio reads; each call's share is bounded by
 * {@code stream.max-queued-audio}. Summed when scraped, so the audio path pays nothing for it.
 */
@Startup
@Singleton
class OutboundQueueGauge {

    OutboundQueueGauge(OpenConnections connections, MeterRegistry registry) {
        Gauge.builder("voice.gateway.outbound.queued.audio", connections, OutboundQueueGauge::seconds)
                .baseUnit("seconds")
                .description("Assistant audio waiting in memory to be written to Twilio, over all streams "
                        + "(seconds of audio)")
                .register(registry);
    }

    private static double seconds(OpenConnections connections) {
        long ms = 0;
        for (var connection : connections) {
            ms += MediaStreamEndpoint.streamOf(connection).map(s -> s.socket().queuedAudioMs()).orElse(0L);
        }
        return ms / 1000.0;
    }
}
