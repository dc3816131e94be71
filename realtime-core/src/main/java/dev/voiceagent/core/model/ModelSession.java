package dev.voiceagent.core.model;

/** One open session with a realtime model. Call it from the context that opened it. */
public interface ModelSession {

    /** Sends one client event (JSON text). Ignored once the session is closed. */
    void send(String clientEvent);

    /** Closes the session; its listener hears nothing more. */
    void close();
}
