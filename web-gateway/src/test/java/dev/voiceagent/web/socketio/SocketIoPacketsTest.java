package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void packetsAsTheOfficialClientWritesThemAreDecodable() {
        assertThat(List.of("40", "40{\"token\":\"123\"}", "40/admin,{\"token\":\"123\"}", "41", "2probe", "3", "5", "6",
                "42[\"message\",{\"event\":\"SESSION_START\",\"data\":{\"sampleRate\":24000}}]",
                "4212[\"message\",{}]", "43[\"ok\"]",
                "451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]"))
                .allMatch(SocketIoPackets::isDecodable);
    }

    /**
     * Found by fuzzing the guard with the library's decoders behind it: each of these passed the guard, then made the
     * Engine.IO decoder throw into the transport (the connection left open, an ERROR with a stack trace per packet),
     * made the Socket.IO decoder fail (a WARNING with a stack trace for bad JSON, then a close without a code) or,
     * nested deep enough, overflowed its recursion. A Unicode numeral as the type ({@code 4Ⅴ-}: a binary event to
     * the library) and a base64 text frame ({@code b...}: binary data to the library) slipped past the guard's
     * attachment and audio accounting.
     */
    @Test
    void packetsTheLibraryCannotDecodeAreNot() {
        assertThat(List.of("", "7", "x", "b", "bAAAA", "4", "4x", "47[]", "44{\"message\":\"x\"}", "42", "42{",
                "42[]", "42[null]", "42\"message\"", "41[]", "40[]", "43{}", "42a[\"message\"]", "421234567890[\"m\"]",
                "451-{}", "4\u2164-[\"m\"]", "4\u00b2[\"m\"]", "42" + "[".repeat(33) + "]".repeat(33)))
                .noneMatch(SocketIoPackets::isDecodable);
        assertThat(SocketIoPackets.isDecodable("42" + "[".repeat(32) + "]".repeat(32))).isTrue();
    }

    @Test
    void depthIgnoresBracketsInStrings() {
        assertThat(SocketIoPackets.depth("[\"[[[\",'{{\\'{',{\"a\":[1]}]")).isEqualTo(3);
    }
}
