package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.Role;
import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One call's model misbehaves (an audio delta that is not base64, a 100 000-character transcript, then a 5 MB
 * event in 64 KiB fragments) while five other calls on the same core talk both ways: only the bad call is touched.
 */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class BlastRadiusTest extends AgainstFakes {

    private static final int BYSTANDERS = 5;
    private static final int FRAMES = 100;

    @Test
    void oversizedAndMalformedEventsOnOneCallTouchNoOther() throws Exception {
        List<TestGateway> calls = new ArrayList<>();
        try {
            for (int i = 0; i <= BYSTANDERS; i++) {
                calls.add(TestGateway.withStart(vertx, core, new SessionMessage.Start(SessionMessage.VERSION,
                        Channel.PHONE, AudioCodec.PCMU, "+1415555030" + i, "CA-b" + i, "MZ-b" + i, null, null, null,
                        null)).awaitReady());
            }
            List<FakeRealtimeSession> sessions = fake.awaitSessions(BYSTANDERS + 1);
            await().until(() -> sessions.stream().allMatch(FakeRealtimeSession::isConfigured));
            TestGateway bad = calls.get(0);
            FakeRealtimeSession badSession = sessionOf(sessions, 0);
            byte[] answer = new byte[16000];
            for (int i = 0; i < answer.length; i++) {
                answer[i] = (byte) (i * 7);
            }
            for (int i = 1; i <= BYSTANDERS; i++) {
                sessionOf(sessions, i).streamAssistantAudio(answer, 160, Duration.ofMillis(10), "a long answer");
            }
            badSession.faults().invalidAudioDelta();
            badSession.faults().longTranscript(100_000);
            badSession.faults().oversizedTranscript(5_000_000);
            for (int frame = 0; frame < FRAMES; frame++) {
                for (int i = 1; i <= BYSTANDERS; i++) {
                    calls.get(i).sendAudio(Base64.getEncoder().encodeToString(frame(i, frame)));
                }
            }

            SessionMessage.Transcript cut = (SessionMessage.Transcript) bad.awaitMessage(
                    m -> m instanceof SessionMessage.Transcript t && t.role() == Role.ASSISTANT
                            && t.text().startsWith("y"));
            assertThat(cut.text()).hasSize(4000);
            assertThat(bad.audio).noneMatch(record -> record.contains("not base64"));
            SessionMessage.End end = await().atMost(15, TimeUnit.SECONDS).until(() -> bad.messages.stream()
                    .filter(SessionMessage.End.class::isInstance).map(SessionMessage.End.class::cast).findFirst()
                    .orElse(null), e -> e != null);
            assertThat(end.reason()).isEqualTo("upstream_event_too_large");

            for (int i = 1; i <= BYSTANDERS; i++) {
                TestGateway bystander = calls.get(i);
                FakeRealtimeSession session = sessionOf(sessions, i);
                int call = i;
                await().until(() -> session.inputAudio().length == FRAMES * 160);
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                for (int frame = 0; frame < FRAMES; frame++) {
                    expected.writeBytes(frame(call, frame));
                }
                assertThat(session.inputAudio()).as("caller audio of bystander %d", i).isEqualTo(expected.toByteArray());
                bystander.awaitMessage(SessionMessage.AudioDone.class);
                ByteArrayOutputStream heard = new ByteArrayOutputStream();
                bystander.audio.forEach(chunk -> heard.writeBytes(Base64.getDecoder().decode(chunk)));
                assertThat(heard.toByteArray()).as("assistant audio of bystander %d", i).isEqualTo(answer);
                assertThat(bystander.messages).noneMatch(m -> m instanceof SessionMessage.End
                        || m instanceof SessionMessage.Error);
                assertThat(bystander.isClosed()).isFalse();
            }
        } finally {
            calls.forEach(TestGateway::close);
        }
    }

    private static FakeRealtimeSession sessionOf(List<FakeRealtimeSession> sessions, int call) {
        return sessions.stream().filter(s -> s.received("session.update").get(0).path("session")
                .path("instructions").asText().contains("+1415555030" + call)).findFirst().orElseThrow();
    }

    private static byte[] frame(int call, int sequence) {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (call * 11 + sequence * 31 + i);
        }
        return frame;
    }
}
