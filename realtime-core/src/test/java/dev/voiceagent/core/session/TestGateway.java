package dev.voiceagent.core.session;

import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.ProtocolException;
import dev.voiceagent.session.ResumePolicy;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A gateway as the core sees it, built on the real session-protocol client; records what the core sends. */
final class TestGateway implements CoreConversation.Listener, AutoCloseable {

    final List<SessionMessage.FromCore> messages = new CopyOnWriteArrayList<>();
    final List<String> audio = new CopyOnWriteArrayList<>();
    final List<ProtocolException> protocolErrors = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Closed with the gateway when it has them to itself; null when they are shared. */
    private final CoreConnections ownConnections;
    private final CoreConversation conversation;

    private TestGateway(CoreConnections connections, boolean owned, Context context, URI core,
            SessionMessage.Start start) throws Exception {
        this.ownConnections = owned ? connections : null;
        Promise<CoreConversation> opened = Promise.promise();
        context.runOnContext(v -> connections.open(core, start, this).onComplete(opened));
        this.conversation = opened.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** What the test gateways sign their credential with; a core in a separate process is given the same. */
    static final String INTERNAL_SECRET = "test-gateway-internal-secret";

    /**
     * Connections presenting a gateway's credential, as a real gateway's do (in-process cores ask for none). They never
     * resume on their own: a test of the core's side of a resume sends the resuming start itself.
     */
    static CoreConnections connections(Vertx vertx) {
        return new CoreConnections(vertx, InternalCredentials.forCore(Optional.of(INTERNAL_SECRET)), ResumePolicy.NEVER);
    }

    static TestGateway phoneCall(Vertx vertx, URI core, String callId, String sessionRef) throws Exception {
        return new TestGateway(connections(vertx), true, vertx.getOrCreateContext(), core,
                phoneStart(callId, sessionRef));
    }

    static TestGateway withStart(Vertx vertx, URI core, SessionMessage.Start start) throws Exception {
        return new TestGateway(connections(vertx), true, vertx.getOrCreateContext(), core, start);
    }

    /** A call begun on {@code context} through connections other calls share, as a gateway's calls do. */
    static TestGateway sharing(CoreConnections connections, Context context, URI core, String callId)
            throws Exception {
        return new TestGateway(connections, false, context, core, phoneStart(callId, null));
    }

    private static SessionMessage.Start phoneStart(String callId, String sessionRef) {
        return new SessionMessage.Start(SessionMessage.VERSION, Channel.PHONE, AudioCodec.PCMU, "+14155550100",
                callId, "MZ" + callId, sessionRef, null, null, null);
    }

    TestGateway awaitReady() {
        awaitMessage(SessionMessage.Ready.class::isInstance);
        return this;
    }

    @SuppressWarnings("unchecked")
    <T extends SessionMessage.FromCore> T awaitMessage(Class<T> type) {
        return (T) awaitMessage(type::isInstance);
    }

    SessionMessage.FromCore awaitMessage(Predicate<SessionMessage.FromCore> matching) {
        return await().atMost(10, TimeUnit.SECONDS).until(
                () -> messages.stream().filter(matching).findFirst().orElse(null), m -> m != null);
    }

    void sendAudio(String base64) {
        conversation.sendAudio(Buffer.buffer(base64));
    }

    void send(SessionMessage.FromGateway message) {
        conversation.send(message);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void onMessage(SessionMessage.FromCore message) {
        messages.add(message);
    }

    @Override
    public void onAudio(Buffer base64Audio) {
        audio.add(base64Audio.toString());
    }

    @Override
    public void onClosed() {
        closed = true;
    }

    @Override
    public void onProtocolError(ProtocolException e) {
        protocolErrors.add(e);
    }

    @Override
    public void close() {
        conversation.close();
        if (ownConnections != null) {
            ownConnections.close();
        }
    }
}
