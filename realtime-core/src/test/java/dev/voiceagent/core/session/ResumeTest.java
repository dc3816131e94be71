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
import java.util.Base64;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A gateway that lost its conversations socket comes back with the resume token of each conversation: through the
 * real sockets, the checkpoint in Redis, and a new upstream session the fake checks.
 */
@QuarkusTest
@QuarkusTestResource(FakeOpenAiResource.class)
class ResumeTest extends AgainstFakes {

    private static final Logger LOG = Logger.getLogger(ResumeTest.class);

    @Test
    void aConversationWhoseGatewayCameBackGoesOnWhereItWas() throws Exception {
        String token;
        String conversationId;
        try (TestGateway before = TestGateway.phoneCall(vertx, core, "CA-resume", null).awaitReady()) {
            SessionMessage.Ready ready = before.awaitMessage(SessionMessage.Ready.class);
            token = ready.resumeToken();
            conversationId = ready.conversationId();
            FakeRealtimeSession session = fake.session(0);
            session.functionCall("transfer_to_hotel_booking", "{}");
            before.awaitMessage(SessionMessage.AgentChanged.class);
            session.userTranscript("A room in Paris for two");
            before.awaitMessage(m -> m instanceof SessionMessage.Transcript t && t.role() == Role.USER);
            session.streamAssistantAudio(new byte[800], 800);
            before.awaitMessage(SessionMessage.AudioDone.class);
            await().until(() -> !session.received("response.create").isEmpty()
                    && session.received("conversation.item.create").size() >= 1);
        } // the socket goes away without an end: the conversation ends here, its checkpoint stays

        long resuming = System.nanoTime();
        try (TestGateway after = TestGateway.withStart(vertx, core, resumeStart(token)).awaitReady()) {
            LOG.infof("resumed from the Redis checkpoint: ready %d ms after the start",
                    (System.nanoTime() - resuming) / 1_000_000);
            SessionMessage.Ready ready = after.awaitMessage(SessionMessage.Ready.class);
            assertThat(ready.conversationId()).isEqualTo(conversationId);
            assertThat(ready.agent()).isEqualTo("hotel_booking");
            assertThat(ready.resumeToken()).isNotBlank();
            FakeRealtimeSession resumed = fake.session(1);
            assertThat(resumed.createdItems()).anySatisfy(item -> assertThat(item.path("content").path(0)
                    .path("text").asText()).isEqualTo("A room in Paris for two"));
            after.sendAudio(Base64.getEncoder().encodeToString(new byte[160]));
            await().until(() -> resumed.inputAudio().length == 160);
        }
    }

    @Test
    void aForgedTokenIsRefusedInItsConversationOnly() throws Exception {
        try (TestGateway forged = TestGateway.withStart(vertx, core, resumeStart("bm90IGEgdG9rZW4.c2lnbmF0dXJl"))) {
            SessionMessage.Error error = forged.awaitMessage(SessionMessage.Error.class);
            assertThat(error.code()).isEqualTo("resume_failed");
            assertThat(error.fatal()).isTrue();
            assertThat(forged.awaitMessage(SessionMessage.End.class).reason()).isEqualTo("resume_failed");
        }
        assertThat(fake.sessions()).isEmpty();
    }

    private static SessionMessage.Start resumeStart(String token) {
        return new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU, "+14155550100",
                "CA-resume", "MZ-resume-2", null, null, null, token);
    }
}
