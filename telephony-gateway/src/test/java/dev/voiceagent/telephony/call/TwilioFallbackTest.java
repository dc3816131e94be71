package dev.voiceagent.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.telephony.core.CoreLinkConfig;
import dev.voiceagent.telephony.core.UnavailableSettings;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.UnavailableTwiml;
import dev.voiceagent.telephony.twilio.rest.RestAgainstFake;
import dev.voiceagent.telephony.twilio.rest.TwilioRest;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call that got no conversation is handed back to Twilio: its TwiML replaced by the fallback, and counted. */
class TwilioFallbackTest {

    private static final String ACCOUNT = "AC" + "3".repeat(32);
    private static final String TOKEN = "fallback-test-token";

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, ACCOUNT, TOKEN);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnavailableSettings unavailable = new UnavailableSettings("Sorry.",
            "Connecting you.", Optional.of("alice"), Optional.of("+18005550123"));

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private TwilioFallback fallback(TwilioRest rest) {
        return new TwilioFallback(rest, new GatewayMetrics(registry), new CoreLinkConfig() {
            public URI url() {
                return URI.create("http://localhost:8081");
            }

            public Duration prewarmTimeout() {
                return Duration.ofSeconds(1);
            }

            public Optional<String> sessionRefSecret() {
                return Optional.empty();
            }

            public Duration resumeWindow() {
                return Duration.ZERO;
            }

            public Duration probeInterval() {
                return Duration.ofSeconds(2);
            }

            public Unavailable unavailable() {
                return unavailable;
            }
        });
    }

    private double counted(String reason, String answer) {
        var counter = registry.find("voice.gateway.fallbacks").tags("reason", reason, "answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean await(io.vertx.core.Future<Boolean> taken) throws Exception {
        return taken.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedSessionGetsTheFallbackTwimlThroughTheRestApi() throws Exception {
        twilio.callInProgress("CA300", "+14155550100", "+18005550199");
        assertThat(await(fallback(RestAgainstFake.of(vertx, twilio, TOKEN)).takeOver("CA300",
                "upstream_connect_failed"))).isTrue();
        assertThat(twilio.call("CA300").orElseThrow().twiml()).isEqualTo(UnavailableTwiml.render(unavailable));
        assertThat(counted("model_refused", "dial")).isEqualTo(1);
    }

    @Test
    void whenTwilioCannotTakeTheCallItIsCountedAndTheCallLeftToEnd() throws Exception {
        assertThat(await(fallback(RestAgainstFake.of(vertx, twilio, TOKEN)).takeOver("CA404", "capacity"))).isFalse();
        assertThat(counted("core_refused", "failed")).isEqualTo(1);
        assertThat(await(fallback(RestAgainstFake.off(vertx)).takeOver("CA301", "core_unreachable"))).isFalse();
        assertThat(counted("core_unreachable", "unavailable")).isEqualTo(1);
    }
}
