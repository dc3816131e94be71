package dev.voiceagent.session;

/** A peer sent something the session protocol does not allow. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
