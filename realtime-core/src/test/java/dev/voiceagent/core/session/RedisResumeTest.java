package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.core.checkpoint.Checkpoint;
import dev.voiceagent.core.checkpoint.RedisCheckpointStore;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two cores sharing the Redis this machine runs (127.0.0.1:6379), each with its own client: a conversation
 * checkpointed by the first goes on on the second with the token the first handed out.
 */
class RedisResumeTest {

    private final Vertx coreA = Vertx.vertx();
    private final Vertx coreB = Vertx.vertx();

    @AfterEach
    void close() {
        coreA.close();
        coreB.close();
    }

    private static RedisCheckpointStore store(Vertx vertx) {
        RedisAPI api = RedisAPI.api(Redis.createClient(vertx, new RedisOptions()
                .setConnectionString("redis://127.0.0.1:6379")));
        return new RedisCheckpointStore(api, Duration.ofMinutes(10));
    }

    @Test
    void aConversationCheckpointedOnOneCoreResumesOnAnother() throws Exception {
        RedisCheckpointStore storeA = store(coreA);
        InProcess first = new InProcess().checkpoints(storeA).ready();
        String id = first.conversation.id();
        storeA.delete(id).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        FakeModel.Session session = first.model.session(0);
        session.functionCall("resp_1", "call_1", "transfer_to_hotel_booking", "{}");
        session.userTranscript("item_u1", "A room in Paris for two");
        session.responseCreated("resp_2");
        session.assistantTranscript("resp_2", "item_a2", "For which dates?");
        session.responseDone("resp_2", "completed");
        String token = first.gateway.messages(SessionMessage.Ready.class).get(0).resumeToken();
        RedisCheckpointStore storeB = store(coreB);
        await().atMost(5, TimeUnit.SECONDS).until(() -> storeB.load(id).toCompletionStage().toCompletableFuture()
                .get().map(c -> c.items().size() == 4).orElse(false));
        first.conversation.onGatewayClosed(); // the first core's gateway socket is lost: the checkpoint stays

        InProcess second = new InProcess().checkpoints(storeB);
        String resumedId = second.tokens.verify(token).orElseThrow();
        Optional<Checkpoint> loaded = storeB.load(resumedId).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        second.resumed(resumedId, Future.succeededFuture(loaded));
        second.model.session(0).createdAndUpdated();
        assertThat(second.transcript.all()).containsExactly(
                "model: (open)",
                "model: session.update",
                "model: conversation.item.create function_call call_1",
                "model: conversation.item.create function_call_output call_1",
                "model: conversation.item.create user A room in Paris for two",
                "model: conversation.item.create assistant For which dates?",
                "gateway: Ready");
        assertThat(second.gateway.messages(SessionMessage.Ready.class).get(0).agent()).isEqualTo("hotel_booking");
        second.conversation.onGatewayMessage(new SessionMessage.End("hangup"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> storeA.load(id).toCompletionStage().toCompletableFuture()
                .get().isEmpty());
    }
}
