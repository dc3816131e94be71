package dev.voiceagent.web.config;

import java.time.Duration;

/** {@link WebConfig.Limits} for unit tests: the documented defaults, with the few a test cares about changed. */
public record TestLimits(int maxPacketBytes, int maxAttachments, int maxPacketsPerSecond, Duration audioBurst,
        double audioRealtimeFactor, int connectionsPerAddress, int sessionsPerAddress, int maxSessions)
        implements WebConfig.Limits {

    public static TestLimits defaults() {
        return new TestLimits(131_072, 4, 200, Duration.ofSeconds(10), 8, 50, 10, 300);
    }

    public TestLimits withPackets(int maxBytes, int attachments, int perSecond) {
        return new TestLimits(maxBytes, attachments, perSecond, audioBurst, audioRealtimeFactor, connectionsPerAddress,
                sessionsPerAddress, maxSessions);
    }

    public TestLimits withCapacity(int connections, int sessions, int all) {
        return new TestLimits(maxPacketBytes, maxAttachments, maxPacketsPerSecond, audioBurst, audioRealtimeFactor,
                connections, sessions, all);
    }

    @Override
    public int pendingAudioBytes() {
        return 240_000;
    }

    @Override
    public Duration outboundAudio() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration sessionStartTimeout() {
        return Duration.ofSeconds(30);
    }
}
