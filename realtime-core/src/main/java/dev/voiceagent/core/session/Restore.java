package dev.voiceagent.core.session;

import dev.voiceagent.agents.Agent;
import dev.voiceagent.core.checkpoint.Checkpoint;
import io.vertx.core.AsyncResult;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * How a conversation moved from another core begins once its checkpoint store has answered: where it was (the
 * checkpoint's agent and items), or afresh when the checkpoint cannot be had (never written, expired, the store
 * emptied or unreadable, an agent this core does not have). The resume token was genuine, so the caller is kept rather
 * than cut off: afresh, the conversation starts as a new call with the agent of the gateway's {@code start}, and the
 * model, told that the earlier part was lost, greets with an apology and asks what they need.
 */
final class Restore {

    /** Added to the instructions of a conversation begun afresh; it stays for the conversation's later sessions. */
    static final String EARLIER_PART_LOST = "# The earlier part of this conversation\n"
            + "It was lost through a technical problem on our side: you do not know what was said before. Unless you "
            + "have already done so in this conversation, briefly apologise for it and ask the person to repeat what "
            + "they need.";

    private static final Logger LOG = Logger.getLogger(Restore.class);

    private Restore() {
    }

    /**
     * Prepares the conversation's history from what its checkpoint store gave, counted and logged.
     *
     * @return true when it goes on where it was; false when it begins afresh and is to be greeted like a new call
     */
    static boolean from(AsyncResult<Optional<Checkpoint>> loaded, Conversation conversation) {
        Optional<Checkpoint> checkpoint = loaded.succeeded() ? loaded.result() : Optional.empty();
        Optional<Agent> agent = checkpoint.flatMap(c -> conversation.services.agents().agent(c.agent()));
        ConversationHistory history = conversation.history;
        if (agent.isPresent()) {
            conversation.services.reconnects().resume("resumed");
            history.restore(checkpoint.get(), agent.get());
            LOG.infof("conversation %s resumed with agent %s and %d items", conversation.id(), agent.get().name(),
                    history.items().size());
            return true;
        }
        conversation.services.reconnects().resume("fresh");
        history.earlierPartLost();
        String why = loaded.failed() ? "the checkpoint store cannot be read (" + loaded.cause().getMessage() + ")"
                : checkpoint.isEmpty() ? "it has no checkpoint"
                : "its checkpoint names agent " + checkpoint.get().agent() + ", which this core does not have";
        LOG.infof("conversation %s resumed afresh with agent %s: %s; the model is told the earlier part was lost",
                conversation.id(), history.agent().name(), why);
        return false;
    }
}
