package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.web.access.ConnectAdmission;
import dev.voiceagent.web.config.TestLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {

    private static final String AUDIO_EVENT =
            "451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]";
    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private final ConnectionGuard guard = new ConnectionGuard(TestLimits.defaults().withPackets(2000, 2, 10), (namespace, auth, headers) ->
            auth.contains("good") ? Optional.empty()
                    : Optional.of(new ConnectAdmission.Refusal("auth", "access token invalid or expired")),
            Map.of("host", List.of("voice.example.com")));

    @Test
    void aBinaryEventAndItsAttachmentPass() {
        assertThat(guard.text(AUDIO_EVENT, 0)).isInstanceOf(ConnectionGuard.Admit.class);
        assertThat(guard.binary(960, 0)).isInstanceOf(ConnectionGuard.Admit.class);
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
        assertThat(guard.binary(960, 0)).isInstanceOf(ConnectionGuard.Close.class);
    }

    @Test
    void refusedConnectsBecomeConnectErrors() {
        assertThat(guard.text("40{\"token\":\"bad\"}", 0)).isEqualTo(new ConnectionGuard.RefuseConnect("auth",
                "44{\"message\":\"access token invalid or expired\"}"));
        assertThat(guard.text("40{\"token\":\"good\"}", 1)).isInstanceOf(ConnectionGuard.Admit.class);
    }

    @Test
    void packetsTheLibraryCannotDecodeClose() {
        for (String packet : List.of("", "9", "4", "42{", "44{}", "42" + "[".repeat(1000))) {
            ConnectionGuard fresh = new ConnectionGuard(TestLimits.defaults(), (n, a, h) -> Optional.empty(), Map.of());
            assertThat(fresh.text(packet, 0)).as(packet).isEqualTo(new ConnectionGuard.Close("malformed",
                    "not an Engine.IO or Socket.IO packet the server reads"));
        }
    }

    @Test
    void aMalformedPacketClosesAfterManyGoodOnes() {
        for (int chunk = 0; chunk < 3; chunk++) {
            assertThat(guard.text(AUDIO_EVENT, chunk * 20 * MILLI)).isInstanceOf(ConnectionGuard.Admit.class);
            assertThat(guard.binary(960, chunk * 20 * MILLI)).isInstanceOf(ConnectionGuard.Admit.class);
        }
        assertThat(guard.text(AUDIO_EVENT.replace("}}]", "}]"), SECOND)).isEqualTo(new ConnectionGuard.Close(
                "malformed", "not an Engine.IO or Socket.IO packet the server reads"));
    }

    /**
     * Found by fuzzing: a websocket text frame {@code b<base64>} reached the library as binary data the guard never
     * measured. After a binary event announcing no attachment the library's decoder keeps every such message, without
     * bound (100 MB for 1000 frames of 100 kB), so one connection could fill the heap at the packet rate.
     */
    @Test
    void base64TextFramesCloseEvenAfterABinaryEventWithoutAttachments() {
        assertThat(guard.text("450-[\"message\",{}]", 0)).isInstanceOf(ConnectionGuard.Admit.class);
        assertThat(guard.text("b" + "AAAA".repeat(100), 1)).isEqualTo(new ConnectionGuard.Close("malformed",
                "not an Engine.IO or Socket.IO packet the server reads"));
    }

    @Test
    void beyondTheRateItDropsAndBeyondTwiceItCloses() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.text("3", i)).isInstanceOf(ConnectionGuard.Admit.class);
        }
        assertThat(guard.text(AUDIO_EVENT, 11)).as("audio is measured by its duration, not counted")
                .isInstanceOf(ConnectionGuard.Admit.class);
        assertThat(guard.binary(960, 11)).isInstanceOf(ConnectionGuard.Admit.class);
        for (int i = 12; i < 22; i++) {
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
        assertThat(guard.binary(2001, 1)).isInstanceOf(ConnectionGuard.Close.class);
    }

    @Test
    void aPageSendingAWindowPerAnimationFrameAt240HzLosesNothing() {
        // The original widget: 512 samples at 24 kHz (1024 bytes) per frame, 5.1 times real time, for a minute.
        ConnectionGuard page = new ConnectionGuard(TestLimits.defaults(), (n, a, h) -> Optional.empty(), Map.of());
        for (long frame = 0; frame < 240 * 60; frame++) {
            long now = frame * SECOND / 240;
            assertThat(page.text(AUDIO_EVENT, now)).isInstanceOf(ConnectionGuard.Admit.class);
            assertThat(page.binary(1024, now)).as("frame %d", frame).isInstanceOf(ConnectionGuard.Admit.class);
        }
    }

    @Test
    void theBacklogOfAFourSecondStallPassesWhole() {
        ConnectionGuard caller = new ConnectionGuard(TestLimits.defaults(), (n, a, h) -> Optional.empty(), Map.of());
        long now = 0;
        for (int chunk = 0; chunk < 250; chunk++, now += 40 * MILLI) { // 10 s at real time, 40 ms chunks
            assertThat(audio(caller, 1920, now)).isInstanceOf(ConnectionGuard.Admit.class);
        }
        now += 4 * SECOND; // the network stalls, then delivers the 4 s it held back at once
        for (int chunk = 0; chunk < 100; chunk++) {
            assertThat(audio(caller, 1920, now)).as("backlog chunk %d", chunk).isInstanceOf(ConnectionGuard.Admit.class);
        }
        for (int chunk = 0; chunk < 250; chunk++, now += 40 * MILLI) {
            assertThat(audio(caller, 1920, now)).isInstanceOf(ConnectionGuard.Admit.class);
        }
    }

    @Test
    void audioSustainedFarAboveRealTimeIsAFloodAndCloses() {
        ConnectionGuard flood = new ConnectionGuard(TestLimits.defaults(), (n, a, h) -> Optional.empty(), Map.of());
        long now = 0;
        ConnectionGuard.Verdict verdict = new ConnectionGuard.Admit();
        int chunks = 0;
        while (verdict instanceof ConnectionGuard.Admit) {
            verdict = audio(flood, 1920, now); // 40 ms of audio every millisecond: 40 times real time
            now += MILLI;
            chunks++;
        }
        assertThat(verdict).isEqualTo(new ConnectionGuard.Close("flood", "audio sent faster than real time"));
        // The 10 s burst plus 8 ms per ms of refill, spent at 40 ms per ms: closed after about 312 ms.
        assertThat(chunks).isBetween(300, 330);
    }

    @Test
    void audioIsMeasuredAtTheDeclaredSampleRate() {
        ConnectionGuard wideband = new ConnectionGuard(TestLimits.defaults(), (n, a, h) -> Optional.empty(), Map.of());
        wideband.audioSampleRate(48_000);
        // 12 s of 48 kHz audio at once is more than the 10 s burst; the same bytes at 24 kHz would be 24 s.
        int admitted = 0;
        while (audio(wideband, 96_000, 0) instanceof ConnectionGuard.Admit) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(10);
    }

    private static ConnectionGuard.Verdict audio(ConnectionGuard guard, int bytes, long now) {
        ConnectionGuard.Verdict announced = guard.text(AUDIO_EVENT, now);
        return announced instanceof ConnectionGuard.Admit ? guard.binary(bytes, now) : announced;
    }
}
