package dev.voiceagent.telephony.call;

/** The Twilio side of a call, as the call sees it. */
public interface TwilioSocket {

    void send(String message);

    void close(int code, String reason);
}
