package dev.voiceagent.core.model;

/** Receives what a model session produces, on the context that opened it. */
public interface ModelListener {

    /** One server event (JSON text). */
    void onEvent(String serverEvent);

    /** The model side closed the session; {@code detail} says how, for logs and the gateway. */
    void onClosed(String detail);
}
