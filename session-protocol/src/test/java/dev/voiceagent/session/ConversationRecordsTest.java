package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationRecordsTest {

    private record Record(int conversation, char kind, String payload) {
    }

    /** A message as it crosses the wire: audio for conversation 1, then {@code end} and closed for conversation 2. */
    private static final String MESSAGE_HEX = "00000001" + "41" + "00000004" + "2f2f2f2f"
            + "00000002" + "43" + "0000001e" + HexFormat.of().formatHex("{\"type\":\"end\",\"reason\":\"stop\"}"
                    .getBytes())
            + "00000002" + "58" + "00000000";

    private static List<Record> read(Buffer message) {
        List<Record> records = new ArrayList<>();
        ConversationRecords.read(message,
                (conversation, kind, payload) -> records.add(new Record(conversation, (char) kind, payload.toString())));
        return records;
    }

    @Test
    void readsEveryRecordOfAMessageInOrder() {
        assertThat(read(Buffer.buffer(HexFormat.of().parseHex(MESSAGE_HEX)))).containsExactly(
                new Record(1, 'A', "////"),
                new Record(2, 'C', "{\"type\":\"end\",\"reason\":\"stop\"}"),
                new Record(2, 'X', ""));
    }

    @Test
    void writesTheSameBytes() {
        Buffer message = Buffer.buffer();
        ConversationRecords.append(message, 1, ConversationRecords.AUDIO, Buffer.buffer("////"));
        ConversationRecords.append(message, 2, ConversationRecords.CONTROL,
                SessionCodec.encodeToBuffer(new SessionMessage.End("stop")));
        ConversationRecords.append(message, 2, ConversationRecords.CLOSED, Buffer.buffer());
        assertThat(HexFormat.of().formatHex(message.getBytes())).isEqualTo(MESSAGE_HEX);
    }

    @Test
    void aRecordCutShortIsAProtocolErrorAfterTheWholeRecordsBeforeIt() {
        byte[] whole = HexFormat.of().parseHex(MESSAGE_HEX);
        List<Record> records = new ArrayList<>();
        Buffer cut = Buffer.buffer(whole).slice(0, 13 + 9 + 10);
        assertThatThrownBy(() -> ConversationRecords.read(cut,
                (conversation, kind, payload) -> records.add(new Record(conversation, (char) kind, ""))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("claims 30 bytes, 10 left");
        assertThat(records).containsExactly(new Record(1, 'A', ""));
        assertThatThrownBy(() -> read(Buffer.buffer(whole).slice(0, 5)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("header cut short");
    }

    @Test
    void anUnknownKindIsAProtocolError() {
        assertThatThrownBy(() -> read(Buffer.buffer(HexFormat.of().parseHex("00000001" + "5a" + "00000000"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown record kind");
    }
}
