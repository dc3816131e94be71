package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.parser.Parser;
import io.socket.socketio.server.parser.IOParser;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * Any text a client sends is read without an exception, and what the guard takes for decodable the server library's
 * own decoders (Engine.IO v4, then Socket.IO) decode without failing; a CONNECT_ERROR the guard writes is read back by
 * the official Java client's decoder with its reason intact.
 */
class SocketIoPacketsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void whatIsDecodableTheLibraryDecodes(@NotNull String packet) {
        int attachments = SocketIoPackets.announcedAttachments(packet).orElse(0);
        assertThat(attachments).isGreaterThanOrEqualTo(-1);
        if (SocketIoPackets.isConnect(packet)) {
            assertThat(SocketIoPackets.connectNamespace(packet)).startsWith("/");
            assertThat(packet).endsWith(SocketIoPackets.connectAuth(packet));
        }
        if (SocketIoPackets.isDecodable(packet)) {
            decodeAsTheServer(packet, attachments);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void aConnectErrorReadsBackAsItsReason(@NotNull String reason) {
        List<io.socket.parser.Packet<?>> decoded = new ArrayList<>();
        io.socket.parser.IOParser.Decoder client = new io.socket.parser.IOParser.Decoder();
        client.onDecoded(decoded::add);
        client.add(SocketIoPackets.connectError(reason).substring(1)); // after the Engine.IO message type
        assertThat(decoded).singleElement().satisfies(packet -> {
            assertThat(packet.type).isEqualTo(io.socket.parser.Parser.CONNECT_ERROR);
            assertThat(((JSONObject) packet.data).getString("message")).isEqualTo(reason);
        });
    }

    /** Throws, failing the test, where the library would. */
    static void decodeAsTheServer(String packet, int attachments) {
        Packet<?> engine = Parser.PROTOCOL_V4.decodePacket(packet);
        assertThat(engine.type).isNotNull().isNotEqualTo(Packet.ERROR);
        if (Packet.MESSAGE.equals(engine.type)) {
            List<Object> decoded = new ArrayList<>();
            IOParser.Decoder socketIo = new IOParser.Decoder();
            socketIo.onDecoded(decoded::add);
            socketIo.add((String) engine.data);
            assertThat(decoded).hasSize(attachments > 0 ? 0 : 1);
        }
    }
}
