package dev.voiceagent.testsupport.bench;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * One call of a traffic run, as a caller and the model live it: the signed webhook, the signed media stream with
 * tagged caller audio in real time from its first frame, a greeting as soon as the core asks for one (two seconds
 * of tagged audio streamed at five times real time, interrupted by a barge-in 500 ms in), then an answer every 3 s
 * (every third interrupted), and the hang-up once its time (from the stream's start) is up and every frame sent has
 * arrived.
 */
final class BenchCall {

    static final int GREETING_FRAMES = 100;
    static final int ANSWER_FRAMES = 50;
    static final int BARGE_IN_ANSWER_FRAMES = 100;
    static final int DELTA_BYTES = 800; // 100 ms of mu-law per delta
    private static final Duration GREETING_PACE = Duration.ofMillis(20); // a 100 ms delta every 20 ms: 5x real time
    /** How long a hang-up waits for frames still in flight before the missing ones count as lost. */
    private static final long SETTLE_NANOS = Duration.ofSeconds(20).toNanos();

    final int index;
    private final Vertx vertx;
    private final TrafficRun.Measures measures;
    private final TwilioCallSimulator simulator;
    private final long durationMillis;
    private final Promise<Void> done = Promise.promise();
    volatile long webhookAt;
    volatile long twimlAt;
    volatile long connectedAt;
    volatile long hungUpAt;
    volatile String failure;
    volatile boolean dropped;
    /** The upstream session, named by the tags of the first caller audio it received. */
    volatile FakeRealtimeSession upstream;
    /** Hanging up: nothing more is said to it, and audio the fake still sends it is not expected to arrive. */
    volatile boolean ending;
    private volatile boolean greeted;
    private volatile long speechStartedAt;
    private volatile boolean greetingInterrupted;
    private long answerTimer = -1;
    private int nextOutbound;
    private int cycle;

    BenchCall(int index, long durationMillis, BenchSystem system, TrafficRun.Measures measures) {
        this.index = index;
        this.vertx = system.vertx;
        this.measures = measures;
        this.durationMillis = durationMillis;
        this.simulator = system.call(index, sequence -> {
            measures.inbound().sent(index, (int) sequence, System.nanoTime());
            return FrameLedger.frame(index, (int) sequence);
        });
        simulator.tap(new TwilioCallSimulator.MediaTap() {
            @Override
            public void media(byte[] audio, long nanos) {
                measures.outbound().received(audio, nanos);
            }

            @Override
            public void clear(long nanos) {
                long started = speechStartedAt;
                if (started != 0) {
                    speechStartedAt = 0;
                    (greetingInterrupted ? measures.greetingBargeIns() : measures.bargeIns()).add(nanos - started);
                }
            }
        });
    }

    /** Completes once the call has hung up, or failed to start. */
    Future<Void> done() {
        return done.future();
    }

    /** The webhook now, the stream once its TwiML is in, the hang-up after the call's length from then. */
    void place() {
        webhookAt = System.nanoTime();
        simulator.answerWebhook().compose(parameters -> {
            twimlAt = System.nanoTime();
            return simulator.connect(BenchSystem.PUBLIC_STREAM);
        }).onComplete(connected -> {
            if (connected.failed()) {
                failure = String.valueOf(connected.cause().getMessage());
                done.tryComplete();
            } else {
                connectedAt = System.nanoTime();
                // A call's length counts from its stream, as Twilio's does from the answer: a slow start must not
                // shorten the conversation, or a loaded run would measure calls that never got to talk.
                vertx.setTimer(Math.max(1, durationMillis), t -> hangUp());
            }
        });
    }

    /** Caller audio reached the fake on {@code session} (on its event loop). */
    void callerAudio(FakeRealtimeSession session) {
        if (greeted || ending) {
            return;
        }
        if (upstream == null) {
            upstream = session;
        }
        if (!session.received("response.create").isEmpty()) { // the core has asked for its greeting
            greeted = true;
            greet();
        }
    }

    private void greet() {
        nextOutbound = GREETING_FRAMES;
        measures.outbound().excuse(index, 0, GREETING_FRAMES); // interrupted on purpose: the core drops its tail
        upstream.streamAssistantAudio(FrameLedger.frames(index, 0, GREETING_FRAMES), DELTA_BYTES, GREETING_PACE, "");
        vertx.setTimer(500, t -> bargeIn(true));
        long timer = vertx.setPeriodic(3000, this::answer);
        synchronized (this) {
            answerTimer = timer;
        }
    }

    private void answer(long timer) {
        if (ending) {
            vertx.cancelTimer(timer);
            return;
        }
        boolean interrupted = cycle++ % 3 == 2;
        int count = interrupted ? BARGE_IN_ANSWER_FRAMES : ANSWER_FRAMES;
        int from = nextOutbound;
        nextOutbound += count;
        if (interrupted) {
            measures.outbound().excuse(index, from, from + count);
            vertx.setTimer(500, t -> bargeIn(false));
        }
        upstream.streamAssistantAudio(FrameLedger.frames(index, from, count), DELTA_BYTES);
    }

    private void bargeIn(boolean inGreeting) {
        if (ending) {
            return;
        }
        greetingInterrupted = inGreeting;
        speechStartedAt = System.nanoTime();
        upstream.speechStarted();
    }

    /** The caller falls silent and the answers stop; it hangs up once every frame in flight has arrived. */
    private void hangUp() {
        ending = true;
        simulator.stopMedia();
        synchronized (this) {
            if (answerTimer != -1) {
                vertx.cancelTimer(answerTimer);
            }
        }
        settle(System.nanoTime() + SETTLE_NANOS);
    }

    private void settle(long deadline) {
        boolean settled = measures.inbound().pending(index) == 0 && measures.outbound().pending(index) == 0;
        if (!settled && !simulator.isClosed() && System.nanoTime() < deadline) {
            vertx.setTimer(20, t -> settle(deadline));
            return;
        }
        dropped = simulator.isClosed(); // closed by the gateway before the caller hung up
        simulator.hangUp();
        hungUpAt = System.nanoTime();
        done.tryComplete();
    }

    /** Whether the caller hung up before saying a single frame (a very short call): no audio names its session. */
    boolean silent() {
        return simulator.mediaFramesSent() == 0;
    }

    /** Problems the Twilio side saw: messages Twilio would refuse. */
    int violations() {
        return simulator.violations().size();
    }
}
