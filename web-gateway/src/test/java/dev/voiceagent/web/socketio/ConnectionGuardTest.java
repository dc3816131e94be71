package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.web.config.WebConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {

    private static final String AUDIO_EVENT =
            "451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]";
    private static final long SECOND = 1_000_000_000L;

    private final ConnectionGuard guard = new ConnectionGuard(limits(), (namespace, auth, headers) ->
            auth.contains("good") ? Optional.empty()
                    : Optional.of(new ConnectAdmission.Refusal("auth", "access token invalid or expired")),
            Map.of("host", List.of("voice.example.com")));

    @Test
    void aBinaryEventAndItsAttachmentPass() {
        assertThat(guard.text(AUDIO_EVENT, 0)).isInstanceOf(ConnectionGuard.Admit.class);
        assertThat(guard.binary(960)).isInstanceOf(ConnectionGuard.Admit.class);
        assertThat(guard.text("42[\"message\",{\"event\":\"SESSION_END\"}]", 1)).isInstanceOf(ConnectionGuard.Admit.class);
    }

    @Test
    void textWhileAnAttachmentIsDueCloses() {
        guard.text(AUDIO_EVENT, 0);
        assertThat(guard.text("42[\"message\"]", 1)).isEqualTo(new ConnectionGuard.Close("attachment_expected",
                "text packet while binary attachments were due"));
    }

    @Test
    void anUnannouncedAttachmentCloses() {
        assertThat(guard.binary(960)).isInstanceOf(ConnectionGuard.Close.class);
    }

    @Test
    void refusedConnectsBecomeConnectErrors() {
        assertThat(guard.text("40{\"token\":\"bad\"}", 0)).isEqualTo(new ConnectionGuard.RefuseConnect("auth",
                "44{\"message\":\"access token invalid or expired\"}"));
        assertThat(guard.text("40{\"token\":\"good\"}", 1)).isInstanceOf(ConnectionGuard.Admit.class);
    }

    @Test
    void beyondTheRateItDropsAndBeyondTwiceItCloses() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.text("3", i)).isInstanceOf(ConnectionGuard.Admit.class);
        }
        assertThat(guard.text(AUDIO_EVENT, 11)).isEqualTo(new ConnectionGuard.Drop("flood"));
        assertThat(guard.binary(960)).as("the dropped packet's attachment goes too").isEqualTo(new ConnectionGuard.Drop("flood"));
        for (int i = 12; i < 21; i++) {
            assertThat(guard.text("3", i)).isInstanceOf(ConnectionGuard.Drop.class);
        }
        assertThat(guard.text("3", 22)).isInstanceOf(ConnectionGuard.Close.class);
    }

    @Test
    void theRateWindowStartsAgainEachSecond() {
        for (int i = 0; i < 10; i++) {
            guard.text("3", i);
        }
        assertThat(guard.text("3", SECOND + 20)).isInstanceOf(ConnectionGuard.Admit.class);
    }

    @Test
    void oversizedPacketsClose() {
        assertThat(guard.text("4" + "x".repeat(2000), 0)).isEqualTo(new ConnectionGuard.Close("oversized",
                "packet too large"));
        guard.text(AUDIO_EVENT, 1);
        assertThat(guard.binary(2001)).isInstanceOf(ConnectionGuard.Close.class);
    }

    private static WebConfig.Limits limits() {
        return new WebConfig.Limits() {
            @Override
            public int maxPacketBytes() {
                return 2000;
            }

            @Override
            public int maxAttachments() {
                return 2;
            }

            @Override
            public int maxSessionsPerConnection() {
                return 3;
            }

            @Override
            public int maxPacketsPerSecond() {
                return 10;
            }

            @Override
            public int pendingAudioBytes() {
                return 1000;
            }
        };
    }
}
