package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final List<Buffer> sent = new CopyOnWriteArrayList<>();
    private final RecordWriter writer = new RecordWriter(loop, sent::add);

    @AfterEach
    void stopLoop() {
        loop.shutdownGracefully();
    }

    private static List<String> records(Buffer message) {
        List<String> records = new ArrayList<>();
        ConversationRecords.read(message, (conversation, kind, payload) -> records.add(conversation + ":" + payload));
        return records;
    }

    @Test
    void recordsWrittenInOneTurnLeaveAsOneMessageInOrder() {
        AtomicInteger sentDuringTheTurn = new AtomicInteger(-1);
        loop.execute(() -> {
            for (int conversation = 1; conversation <= 3; conversation++) {
                writer.write(conversation, ConversationRecords.AUDIO, Buffer.buffer("frame" + conversation));
            }
            sentDuringTheTurn.set(sent.size());
        });
        await().until(() -> sent.size() == 1);
        assertThat(sentDuringTheTurn).hasValue(0);
        assertThat(records(sent.get(0))).containsExactly("1:frame1", "2:frame2", "3:frame3");
    }

    @Test
    void writesFromAnotherThreadHopOntoTheLoopInOrder() {
        for (int frame = 0; frame < 100; frame++) {
            writer.write(7, ConversationRecords.AUDIO, Buffer.buffer("f" + frame));
        }
        await().until(() -> sent.stream().mapToInt(m -> records(m).size()).sum() == 100);
        List<String> all = sent.stream().flatMap(m -> records(m).stream()).toList();
        assertThat(all).first().isEqualTo("7:f0");
        assertThat(all).last().isEqualTo("7:f99");
        assertThat(all).isSortedAccordingTo((a, b) -> Integer.compare(frameOf(a), frameOf(b)));
    }

    @Test
    void aTurnThatWritesMoreThanOneMessageHoldsSendsItInPieces() {
        Buffer large = Buffer.buffer(new byte[RecordWriter.MAX_MESSAGE_BYTES / 2]);
        loop.execute(() -> {
            for (int conversation = 1; conversation <= 3; conversation++) {
                writer.write(conversation, ConversationRecords.AUDIO, large);
            }
        });
        await().until(() -> sent.stream().mapToInt(m -> records(m).size()).sum() == 3);
        assertThat(sent).hasSize(3).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(
                RecordWriter.MAX_MESSAGE_BYTES));
    }

    private static int frameOf(String record) {
        return Integer.parseInt(record.substring(record.indexOf(":f") + 2));
    }
}
