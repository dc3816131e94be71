package dev.voiceagent.telephony.call;

/** The Twilio side of a call, as the call sees it. */
public interface TwilioSocket {

    void send(String message);

    /** Sends a {@code media} message carrying {@code audioMs} of audio, counted until it is written out. */
    void sendAudio(String message, long audioMs);

    /**
     * Audio sent but not yet written to the network, in milliseconds: it grows only when Twilio stops reading,
     * since the socket then keeps everything in memory.
     */
    long queuedAudioMs();

    void close(int code, String reason);
}
