package dev.voiceagent.core.model;

/** Receives what a model session produces, on the context that opened it. */
public interface ModelListener {

    /** One server event (JSON text). */
    void onEvent(String serverEvent);

    /**
     * The session closed without the core asking: the model side closed it or the connection broke.
     *
     * @param code the websocket close code; 1006 when no close frame came (a reset or a cut network)
     * @param detail how, for logs
     */
    void onClosed(int code, String detail);
}
