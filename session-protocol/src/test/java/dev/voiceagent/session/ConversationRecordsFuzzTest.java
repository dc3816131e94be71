package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import io.vertx.core.buffer.Buffer;
import java.util.Set;

/**
 * Whatever a peer puts in a conversations socket message, the reader hands over whole records that tile the message
 * from its start, in order, and either reads it to the end or stops with a {@link ProtocolException}; a control
 * record's payload is a session message or a ProtocolException. Every refusal is worded in one line: it is logged and
 * sent back to the peer. Nothing else may escape to the socket's handler.
 */
class ConversationRecordsFuzzTest {

    private static final Set<Byte> KINDS = Set.of(ConversationRecords.CONTROL, ConversationRecords.AUDIO,
            ConversationRecords.CLOSED);

    @FuzzTest(maxDuration = "10m")
    void anyMessageIsReadWholeOrRefused(@NotNull @WithLength(max = 4096) byte[] bytes) {
        Buffer message = Buffer.buffer(bytes);
        int[] read = {0};
        try {
            ConversationRecords.read(message, (conversation, kind, payload) -> {
                assertThat(KINDS).contains(kind);
                assertThat(message.getInt(read[0])).isEqualTo(conversation);
                assertThat(message.getInt(read[0] + 5)).isEqualTo(payload.length());
                read[0] += ConversationRecords.HEADER_BYTES + payload.length();
                assertThat(read[0]).isLessThanOrEqualTo(bytes.length);
                if (kind == ConversationRecords.CONTROL) {
                    decodeOrRefuse(payload);
                }
            });
            assertThat(read[0]).as("read to the end").isEqualTo(bytes.length);
        } catch (ProtocolException refused) {
            assertThat(read[0]).as("refused at a record boundary").isLessThan(bytes.length);
            assertOneLine(refused);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyControlPayloadIsAMessageOrRefused(@NotNull String json) {
        decodeOrRefuse(Buffer.buffer(json));
    }

    private static void decodeOrRefuse(Buffer payload) {
        try {
            SessionMessage message = SessionCodec.decode(payload);
            assertThat(message).isNotNull();
            assertThat(SessionCodec.decode(SessionCodec.encodeToBuffer(message))).as("re-encoded, it reads the same")
                    .isEqualTo(message);
        } catch (ProtocolException refused) {
            assertOneLine(refused);
        }
    }

    private static void assertOneLine(ProtocolException refused) {
        assertThat(refused.getMessage()).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(2048);
    }
}
