package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Packets as the official client writes them (shared/reference/protocols.md section 5). */
class SocketIoPacketsTest {

    @Test
    void readsNamespaceConnectsWithAndWithoutAuth() {
        assertThat(SocketIoPackets.isConnect("40")).isTrue();
        assertThat(SocketIoPackets.connectNamespace("40")).isEqualTo("/");
        assertThat(SocketIoPackets.connectAuth("40")).isEmpty();
        assertThat(SocketIoPackets.connectAuth("40{\"token\":\"123\"}")).isEqualTo("{\"token\":\"123\"}");
        assertThat(SocketIoPackets.connectNamespace("40/admin,{\"token\":\"123\"}")).isEqualTo("/admin");
        assertThat(SocketIoPackets.connectAuth("40/admin,{\"token\":\"123\"}")).isEqualTo("{\"token\":\"123\"}");
        assertThat(SocketIoPackets.isConnect("42[\"message\",{\"event\":\"SESSION_START\"}]")).isFalse();
        assertThat(SocketIoPackets.isConnect("2probe")).isFalse();
    }

    @Test
    void readsTheAttachmentCountOfBinaryPackets() {
        String userAudio = "451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]";
        assertThat(SocketIoPackets.announcedAttachments(userAudio)).hasValue(1);
        assertThat(SocketIoPackets.announcedAttachments("4612-7[{\"_placeholder\":true,\"num\":0}]")).hasValue(12);
        assertThat(SocketIoPackets.announcedAttachments("42[\"message\",{\"event\":\"SESSION_START\"}]")).isEmpty();
        assertThat(SocketIoPackets.announcedAttachments("40")).isEmpty();
    }

    @Test
    void aBinaryPacketWithoutAWellFormedCountAnnouncesTooMany() {
        assertThat(SocketIoPackets.announcedAttachments("45[\"message\"]")).isEqualTo(OptionalInt.of(-1));
        assertThat(SocketIoPackets.announcedAttachments("45x-[\"message\"]")).isEqualTo(OptionalInt.of(-1));
        assertThat(SocketIoPackets.announcedAttachments("4599999999999-[]")).isEqualTo(OptionalInt.of(-1));
    }

    @Test
    void writesConnectErrorsAsTheOfficialServerDoes() {
        assertThat(SocketIoPackets.connectError("Not authorized")).isEqualTo("44{\"message\":\"Not authorized\"}");
        assertThat(SocketIoPackets.connectError("say \"no\"")).isEqualTo("44{\"message\":\"say \\\"no\\\"\"}");
    }
}
