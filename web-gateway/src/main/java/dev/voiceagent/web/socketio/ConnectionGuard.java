package dev.voiceagent.web.socketio;

import dev.voiceagent.web.config.WebConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Polices one Engine.IO connection's inbound packets before the Socket.IO library sees them, whichever transport
 * carries them: packet size, packet rate, attachment count and order, and the access check on CONNECT. One guard
 * follows a connection across its polling-to-websocket upgrade. Calls for one connection are serialised by its
 * transport's one websocket handler, but a misbehaving client may overlap polling POSTs, so the methods lock.
 */
public final class ConnectionGuard {

    /** What to do with a packet. */
    public sealed interface Verdict {
    }

    /** Hand the packet to the library. */
    public record Admit() implements Verdict {
    }

    /** Drop it (flood) and carry on. */
    public record Drop(String kind) implements Verdict {
    }

    /** Refuse the namespace CONNECT with this CONNECT_ERROR packet, and do not pass it on. */
    public record RefuseConnect(String kind, String packet) implements Verdict {
    }

    /** The client broke the protocol or a hard limit: close the connection. */
    public record Close(String kind, String reason) implements Verdict {
    }

    private static final Admit ADMIT = new Admit();

    private final WebConfig.Limits limits;
    private final ConnectAdmission admission;
    private final Map<String, List<String>> headers;
    private int attachmentsExpected;
    private int attachmentsToDrop;
    private long windowStartNanos;
    private int packetsInWindow;

    public ConnectionGuard(WebConfig.Limits limits, ConnectAdmission admission, Map<String, List<String>> headers) {
        this.limits = limits;
        this.admission = admission;
        this.headers = headers;
    }

    public synchronized Verdict text(String packet, long nowNanos) {
        if (packet.length() > limits.maxPacketBytes()) {
            return new Close("oversized", "packet too large");
        }
        if (attachmentsExpected > 0 || attachmentsToDrop > 0) {
            return new Close("attachment_expected", "text packet while binary attachments were due");
        }
        OptionalInt announced = SocketIoPackets.announcedAttachments(packet);
        int attachments = announced.orElse(0);
        if (attachments < 0 || attachments > limits.maxAttachments()) {
            return new Close("too_many_attachments", "packet announces too many attachments");
        }
        Verdict rate = rate(nowNanos);
        if (rate instanceof Drop) {
            attachmentsToDrop = attachments;
        }
        if (rate != ADMIT) {
            return rate;
        }
        if (SocketIoPackets.isConnect(packet)) {
            return admission.check(SocketIoPackets.connectNamespace(packet), SocketIoPackets.connectAuth(packet),
                    headers)
                    .<Verdict>map(refusal -> new RefuseConnect(refusal.kind(),
                            SocketIoPackets.connectError(refusal.reason())))
                    .orElse(ADMIT);
        }
        attachmentsExpected = attachments;
        return ADMIT;
    }

    public synchronized Verdict binary(int length) {
        if (length > limits.maxPacketBytes()) {
            return new Close("oversized", "attachment too large");
        }
        if (attachmentsToDrop > 0) {
            attachmentsToDrop--;
            return new Drop("flood");
        }
        if (attachmentsExpected == 0) {
            return new Close("unannounced_binary", "binary frame without a placeholder");
        }
        attachmentsExpected--;
        return ADMIT;
    }

    /** Attachments complete the packet that announced them, so only text packets count towards the rate. */
    private Verdict rate(long nowNanos) {
        if (nowNanos - windowStartNanos >= 1_000_000_000L) {
            windowStartNanos = nowNanos;
            packetsInWindow = 0;
        }
        packetsInWindow++;
        if (packetsInWindow > 2 * limits.maxPacketsPerSecond()) {
            return new Close("flood", "packet rate exceeded");
        }
        return packetsInWindow > limits.maxPacketsPerSecond() ? new Drop("flood") : ADMIT;
    }
}
