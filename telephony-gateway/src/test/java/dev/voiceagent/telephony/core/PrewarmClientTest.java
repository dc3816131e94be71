package dev.voiceagent.telephony.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.InternalCredentials;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-warm request carries a fresh credential the core can verify; a core that refuses it is told apart. */
class PrewarmClientTest {

    private static final String SECRET = "prewarm-client-test-internal-secret";

    private final Vertx vertx = Vertx.vertx();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 201;

    @AfterEach
    void close() {
        vertx.close();
    }

    private PrewarmClient client(Optional<String> secret) throws Exception {
        HttpServer core = vertx.createHttpServer().requestHandler(request -> {
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            request.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(status == 201 ? "{\"sessionRef\":\"ref-1\",\"expiresInMs\":15000}" : "{\"error\":\"unauthorized\"}");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        URI url = URI.create("http://127.0.0.1:" + core.actualPort());
        return new PrewarmClient(new CoreLinkConfig() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public Duration prewarmTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Optional<String> sessionRefSecret() {
                return Optional.of("prewarm-client-test-reference-secret");
            }

            @Override
            public Duration resumeWindow() {
                return Duration.ZERO;
            }

            @Override
            public Duration probeInterval() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Unavailable unavailable() {
                throw new UnsupportedOperationException("the pre-warm client does not answer calls");
            }
        }, vertx, secret);
    }

    private PrewarmClient.Outcome prewarm(PrewarmClient client) throws Exception {
        return client.prewarm("+14155550100", "CA-1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachPrewarmCarriesItsOwnVerifiableToken() throws Exception {
        PrewarmClient client = client(Optional.of(SECRET));
        assertThat(prewarm(client)).isEqualTo(new PrewarmClient.Outcome(Optional.of("ref-1"), "issued"));
        prewarm(client);
        InternalCredentials core = new InternalCredentials(List.of(SECRET), Clock.systemUTC());
        assertThat(authorizations).hasSize(2).doesNotHaveDuplicates().allSatisfy(header -> assertThat(
                core.verifyHeader(header, InternalCredentials.CORE_AUDIENCE)).isEqualTo(InternalCredentials.Verdict.ACCEPTED));
        assertThat(String.join(" ", authorizations)).doesNotContain(SECRET);
    }

    @Test
    void aCoreThatRefusesTheCredentialIsReportedAsSuch() throws Exception {
        status = 401;
        assertThat(prewarm(client(Optional.of("a-secret-the-core-does-not-share")))).isEqualTo(
                new PrewarmClient.Outcome(Optional.empty(), "unauthorized"));
    }

    @Test
    void withoutASecretNothingIsPresented() throws Exception {
        prewarm(client(Optional.empty()));
        assertThat(authorizations).containsExactly("null");
    }
}
