package dev.voiceagent.telephony.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage.HeardItem;
import org.junit.jupiter.api.Test;

/** Exact sequences: what is sent, what Twilio acknowledges, what the caller is credited with. */
class PlaybackTrackerTest {

    private static final long MS = 1_000_000;
    private final PlaybackTracker tracker = new PlaybackTracker();

    @Test
    void marksNameTheItemThePositionTheGenerationAndTheSequence() {
        assertThat(tracker.sent("item_1", 100, 0)).isEqualTo("item_1:100:g0:m1");
        assertThat(tracker.sent("item_1", 100, 0)).isEqualTo("item_1:200:g0:m2");
    }

    @Test
    void nothingIsHeardBeforePlaybackStarts() {
        tracker.sent("item_1", 500, 0);
        assertThat(tracker.interrupt(0)).containsExactly(new HeardItem("item_1", 0));
    }

    @Test
    void theFirstChunkPlaysFromWhenItWasSent() {
        tracker.sent("item_1", 500, 1000 * MS);
        assertThat(tracker.interrupt(1240 * MS)).containsExactly(new HeardItem("item_1", 240));
    }

    @Test
    void acknowledgedChunksCountInFullAndTheNextPlaysFromTheAcknowledgement() {
        String first = tracker.sent("item_1", 200, 0);
        tracker.sent("item_1", 200, 0);
        tracker.sent("item_1", 200, 0);
        tracker.acknowledged(first, 230 * MS);
        assertThat(tracker.interrupt(290 * MS)).containsExactly(new HeardItem("item_1", 260));
    }

    @Test
    void aChunkIsNeverCreditedBeyondItsLength() {
        tracker.sent("item_1", 100, 0);
        tracker.sent("item_1", 100, 0);
        assertThat(tracker.interrupt(5000 * MS)).containsExactly(new HeardItem("item_1", 100));
    }

    @Test
    void aLaterMarkAcknowledgesEverythingBeforeIt() {
        tracker.sent("item_1", 100, 0);
        String second = tracker.sent("item_1", 100, 0);
        tracker.sent("item_1", 100, 0);
        tracker.acknowledged(second, 200 * MS);
        assertThat(tracker.interrupt(200 * MS)).containsExactly(new HeardItem("item_1", 200));
    }

    @Test
    void itemsQueuedBehindThePlayingOneAreReportedUnheard() {
        String first = tracker.sent("item_1", 100, 0);
        tracker.sent("item_2", 300, 0);
        tracker.acknowledged(first, 100 * MS);
        assertThat(tracker.interrupt(150 * MS)).containsExactly(new HeardItem("item_2", 50));
        tracker.sent("item_3", 100, 0);
        tracker.sent("item_4", 100, 0);
        assertThat(tracker.interrupt(10 * MS)).containsExactly(new HeardItem("item_3", 10), new HeardItem("item_4", 0));
    }

    @Test
    void marksEchoedAfterAClearAreStale() {
        String before = tracker.sent("item_1", 100, 0);
        tracker.interrupt(50 * MS);
        tracker.sent("item_2", 100, 100 * MS);
        tracker.acknowledged(before, 120 * MS);
        assertThat(tracker.interrupt(130 * MS)).as("item_2 plays from its own send time")
                .containsExactly(new HeardItem("item_2", 30));
    }

    @Test
    void unknownMarksAreIgnored() {
        tracker.sent("item_1", 100, 0);
        tracker.acknowledged("somebody else's mark", 10 * MS);
        assertThat(tracker.isPlaying()).isTrue();
    }

    @Test
    void interruptedItemsTakeNoMoreAudio() {
        tracker.sent("item_1", 100, 0);
        tracker.interrupt(10 * MS);
        assertThat(tracker.accepts("item_1")).isFalse();
        assertThat(tracker.accepts("item_2")).isTrue();
        assertThat(tracker.isPlaying()).isFalse();
    }

    @Test
    void nothingPlayingMeansNothingToReport() {
        String only = tracker.sent("item_1", 100, 0);
        tracker.acknowledged(only, 100 * MS);
        assertThat(tracker.isPlaying()).isFalse();
        assertThat(tracker.interrupt(200 * MS)).isEmpty();
    }
}
