package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Ten calls through the real core and sockets; each call's upstream session is dropped (a TCP reset, or a close
 * with 1011), half of them while the caller speaks and half while the assistant answers. Every call goes on in a
 * new session that the fake checks: the conversation re-created with items the API accepts, the caller's audio of
 * the meantime delivered.
 */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class UpstreamReconnectTest extends AgainstFakes {

    private static final Logger LOG = Logger.getLogger(UpstreamReconnectTest.class);
    private static final int CALLS = 10;
    /** Frames the caller sends right after the drop, before the core can have noticed it. */
    private static final int RACING_FRAMES = 5;
    private static final int FRAMES_WHILE_RECONNECTING = 25;

    @Test
    void tenCallsOutliveResetsAndServerErrorsMidTurnAndMidResponse() throws Exception {
        List<TestGateway> calls = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                calls.add(TestGateway.withStart(vertx, core, start(i)).awaitReady());
            }
            int lostFrames = 0;
            long reconnectMsTotal = 0;
            for (int i = 0; i < CALLS; i++) {
                TestGateway call = calls.get(i);
                FakeRealtimeSession first = sessionOf(i, 0);
                first.userTranscript("caller " + i + " wants a room in Paris");
                call.awaitMessage(m -> m instanceof SessionMessage.Transcript t && t.role() == Role.USER);
                boolean midResponse = i % 2 == 1;
                int sent = 0;
                for (; sent < 10; sent++) {
                    call.sendAudio(frame(i, sent));
                }
                await().until(() -> first.inputAudio().length == 10 * 160);
                if (midResponse) {
                    first.streamAssistantAudio(new byte[16000], 160, Duration.ofMillis(20), "Paris has many hotels");
                    call.awaitMessage(SessionMessage.AudioItem.class);
                }
                long dropped = System.nanoTime();
                if (i % 4 < 2) {
                    first.faults().reset();
                } else {
                    first.faults().serverError();
                }
                for (int racing = 0; racing < RACING_FRAMES; racing++) {
                    call.sendAudio(frame(i, sent++));
                }
                call.awaitMessage(m -> m instanceof SessionMessage.Error e && e.code().equals("model_reconnecting"));
                for (int held = 0; held < FRAMES_WHILE_RECONNECTING; held++) {
                    call.sendAudio(frame(i, sent++));
                }
                int total = sent;
                FakeRealtimeSession next = sessionOf(i, 1);
                await().until(next::isConfigured);
                reconnectMsTotal += (next.configuredAtNanos() - dropped) / 1_000_000;
                List<String> all = new ArrayList<>();
                for (int f = 0; f < total; f++) {
                    all.add(frame(i, f));
                }
                // The new session hears the caller's audio since their last transcript again, then what was held:
                // every frame, in order, none lost in the race with the drop.
                await().until(() -> next.inputAudio().length >= total * 160);
                assertThat(chunks(next)).containsExactlyElementsOf(all);
                lostFrames += total - chunks(next).size();
                String said = "caller " + i + " wants a room in Paris";
                List<JsonNode> items = next.createdItems();
                assertThat(items).anySatisfy(item -> {
                    assertThat(item.path("role").asText()).isEqualTo("user");
                    assertThat(item.path("content").get(0).path("text").asText())
                            .isEqualTo(said);
                });
                if (midResponse) {
                    await().until(() -> !next.received("response.create").isEmpty());
                }
                String reply = next.streamAssistantAudio(new byte[1600], 800);
                call.awaitMessage(m -> m instanceof SessionMessage.AudioDone d && d.itemId().equals(reply));
            }
            for (TestGateway call : calls) {
                assertThat(call.messages).noneMatch(m -> m instanceof SessionMessage.End);
                assertThat(call.isClosed()).isFalse();
            }
            LOG.infof("%d calls: %d caller frames lost (%d sent in the race with the drop), "
                    + "mean %d ms from the drop to a configured new session", CALLS, lostFrames,
                    CALLS * RACING_FRAMES, reconnectMsTotal / CALLS);
        } finally {
            calls.forEach(TestGateway::close);
        }
    }

    private static SessionMessage.Start start(int call) {
        return new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU, caller(call),
                "CA-r" + call, "MZ-r" + call, null, null, null, null);
    }

    private static String caller(int call) {
        return "+1415555020" + call;
    }

    /** The {@code n}-th upstream session of a call (its instructions name the caller). */
    private FakeRealtimeSession sessionOf(int call, int n) {
        return await().atMost(10, TimeUnit.SECONDS).until(() -> {
            List<FakeRealtimeSession> ofCall = fake.sessions().stream().filter(s -> !s.received("session.update")
                    .isEmpty() && s.received("session.update").get(0).path("session").path("instructions").asText()
                    .contains(caller(call))).toList();
            return ofCall.size() > n ? Optional.of(ofCall.get(n)) : Optional.<FakeRealtimeSession>empty();
        }, Optional::isPresent).get();
    }

    private static List<String> chunks(FakeRealtimeSession session) {
        return session.inputChunks().stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private static String frame(int call, int sequence) {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (call * 7 + sequence * 31 + i);
        }
        return Base64.getEncoder().encodeToString(frame);
    }
}
