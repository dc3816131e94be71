package dev.voiceagent.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checkpoints in the Redis this machine runs (127.0.0.1:6379), and what a store that is down answers. */
class RedisCheckpointStoreTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    static RedisAPI redis(Vertx vertx, String url) {
        return RedisAPI.api(Redis.createClient(vertx, new RedisOptions().setConnectionString(url)));
    }

    @Test
    void savesLoadsAndDeletesWithATimeToLive() throws Exception {
        RedisAPI api = redis(vertx, "redis://127.0.0.1:6379");
        RedisCheckpointStore store = new RedisCheckpointStore(api, Duration.ofMinutes(10));
        String id = UUID.randomUUID().toString();
        Checkpoint checkpoint = new Checkpoint(id, "hotel_booking", "{\"customer\":\"Alex\"}", List.of(
                new ConversationItem.UserMessage("A room in Paris"),
                new ConversationItem.AssistantMessage("For which dates?"),
                new ConversationItem.FunctionCall("call_1", "search-hotel", "{\"city\":\"Paris\"}"),
                new ConversationItem.FunctionOutput("call_1", "[]")));
        await(store.save(checkpoint));
        assertThat(await(store.load(id))).contains(checkpoint);
        long ttl = await(api.pttl(RedisCheckpointStore.PREFIX + id)).toLong();
        assertThat(ttl).isBetween(1L, Duration.ofMinutes(10).toMillis());
        await(store.delete(id));
        assertThat(await(store.load(id))).isEmpty();
    }

    @Test
    void aStoreThatIsDownFailsItsFutures() {
        RedisCheckpointStore store = new RedisCheckpointStore(redis(vertx, "redis://127.0.0.1:1"),
                Duration.ofMinutes(10));
        assertThatThrownBy(() -> await(store.save(new Checkpoint("c", "a", null, List.of()))))
                .isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> await(store.load("c"))).isInstanceOf(ExecutionException.class);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
