package dev.voiceagent.core.model;

import io.vertx.core.Future;

/**
 * A speech-to-speech model that speaks the OpenAI Realtime GA protocol: a conversation writes client events and
 * reads server events as JSON text, whoever answers them (OpenAI, Azure OpenAI, or the offline loopback).
 */
public interface RealtimeModel {

    /** Opens a session from the caller's Vert.x context; the listener is called on that same context. */
    Future<ModelSession> open(ModelListener listener);

    /** What callers are talking to, for the page and the logs: a model name, or "loopback (no AI)". */
    String label();
}
