package dev.voiceagent.session;

/** How a conversation whose socket to the core was lost came out of it; for a gateway's metrics. */
public enum ResumeOutcome {
    /** A core restored it and audio flows again. */
    RESUMED,
    /** A core was reached but could not restore it ({@code resume_failed}, or it ended the conversation). */
    REFUSED,
    /** No core restored it within the window. */
    TIMED_OUT,
    /** It had no resume token (a core that keeps no checkpoints): it ended with its socket. */
    NO_TOKEN;

    /** Told of every outcome, on the conversation's event loop. */
    @FunctionalInterface
    public interface Observer {
        void outcome(ResumeOutcome outcome);
    }
}
