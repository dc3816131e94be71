package dev.voiceagent.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A client event as the fake received it. {@code nanoTime} orders and times events within one JVM. */
public record RecordedEvent(Instant at, long nanoTime, String type, JsonNode json) {
}
