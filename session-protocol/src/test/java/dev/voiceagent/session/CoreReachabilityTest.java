package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway knows whether a core is reachable: from a periodic probe, and from every socket it opens. */
class CoreReachabilityTest {

    private final Vertx vertx = Vertx.vertx();
    private final FakeCore core = FakeCore.start(vertx, "a");

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void followsACoreThatGoesAwayAndComesBack() {
        try (CoreReachability reachability = new CoreReachability(vertx, core.url(), Duration.ofMillis(100))) {
            await().until(reachability::isReachable);

            core.kill();
            await().until(() -> !reachability.isReachable());
            assertThat(reachability.problem()).isNotBlank();

            core.restart();
            await().until(reachability::isReachable);
            assertThat(reachability.problem()).isNull();
        }
    }

    @Test
    void aSocketThatCannotBeOpenedMakesTheCoreUnreachableBeforeTheNextProbe() throws Exception {
        CoreConnections connections = new CoreConnections(vertx);
        try (CoreReachability reachability = new CoreReachability(vertx, core.url(), Duration.ofHours(1))) {
            connections.reportTo(reachability);
            await().until(reachability::isReachable);
            URI url = core.url();
            core.kill();

            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(v -> connections.open(url, new SessionMessage.Start(SessionMessage.VERSION,
                    Channel.PHONE, AudioCodec.PCMU, null, "CA1", null, null, null, null, null),
                    new CoreConversation.Listener() {
                        @Override
                        public void onMessage(SessionMessage.FromCore message) {
                        }

                        @Override
                        public void onAudio(Buffer base64Audio) {
                        }

                        @Override
                        public void onClosed() {
                        }
                    }).onFailure(failed::complete));
            assertThat(failed.get(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(reachability.isReachable()).isFalse();
        } finally {
            connections.close();
        }
    }

    @Test
    void aBurstOfAsksToASlowCoreSharesOneProbe() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer slowCore = vertx.createHttpServer().requestHandler(request -> {
            asked.incrementAndGet();
            vertx.setTimer(300, t -> request.response().setStatusCode(200).end());
        });
        int port = slowCore.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
                .actualPort();
        try (CoreReachability reachability = new CoreReachability(vertx, URI.create("http://127.0.0.1:" + port),
                Duration.ofHours(1))) {
            await().until(reachability::isReachable);
            asked.set(0);

            // Thirty calls whose pre-warm timed out ask at once; one at a time they would take 9 s, past the timeout.
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(reachability.probe());
            }
            List<Boolean> reachable = Future.all(answers).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).list();

            assertThat(reachable).hasSize(30).containsOnly(true);
            assertThat(asked).hasValue(1);
            assertThat(reachability.isReachable()).isTrue();

            // Asked again once answered: a new probe, not the old answer.
            assertThat(reachability.probe().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(asked).hasValue(2);
        }
    }
}
