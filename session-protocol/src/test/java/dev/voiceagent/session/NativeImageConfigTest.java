package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A native image reads message classes reflectively only if they are registered; this jar ships that registration
 * for every service that uses it, so a message added without it would break native builds alone. This catches it.
 */
class NativeImageConfigTest {

    @Test
    void everyMessageTypeIsRegisteredForReflection() throws Exception {
        Set<String> registered = new HashSet<>();
        try (InputStream config = getClass().getResourceAsStream(
                "/META-INF/native-image/dev.voiceagent/session-protocol/reflect-config.json")) {
            for (JsonNode entry : new ObjectMapper().readTree(config)) {
                registered.add(entry.path("name").asText());
            }
        }
        Set<String> needed = new HashSet<>(Set.of(Channel.class.getName(), AudioCodec.class.getName(),
                Role.class.getName(), SessionReference.Claims.class.getName()));
        ArrayDeque<Class<?>> types = new ArrayDeque<>();
        types.add(SessionMessage.class);
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            needed.add(type.getName());
            if (type.isSealed()) {
                types.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
        }
        assertThat(registered).containsAll(needed);
    }
}
