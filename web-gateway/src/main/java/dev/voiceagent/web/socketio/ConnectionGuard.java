package dev.voiceagent.web.socketio;

import dev.voiceagent.session.AudioBudget;
import dev.voiceagent.web.access.ConnectAdmission;
import dev.voiceagent.web.config.WebConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Polices one Engine.IO connection's inbound packets before the Socket.IO library sees them, whichever transport
 * carries them: packet size, that the library's decoders can read the packet ({@link SocketIoPackets#isDecodable}),
 * attachment count and order, the access check on CONNECT, and two rates. Binary attachments are audio, limited by
 * their duration ({@link AudioBudget}: a backlog passes, only sustained input far above real time is a flood and
 * closes); other packets by their count per second. One guard follows a connection
 * across its polling-to-websocket upgrade. Calls for one connection are serialised by its transport's one websocket
 * handler, but a misbehaving client may overlap polling POSTs, so the methods lock.
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
    /** PCM16 mono at 24 kHz, the widget's default: 48 bytes per millisecond. */
    private static final int DEFAULT_BYTES_PER_MS = 48;

    private final WebConfig.Limits limits;
    private final ConnectAdmission admission;
    private final Map<String, List<String>> headers;
    private int attachmentsExpected;
    private long windowStartNanos;
    private int packetsInWindow;
    private final AudioBudget audio;
    private int audioBytesPerMs = DEFAULT_BYTES_PER_MS;
    private boolean connected;
    /**
     * The last packet found decodable: a page sends the same placeholder packet before every audio chunk, and
     * decodability depends on the text alone, so that one is not parsed again 50 times a second.
     */
    private String lastDecodable;

    public ConnectionGuard(WebConfig.Limits limits, ConnectAdmission admission, Map<String, List<String>> headers) {
        this.limits = limits;
        this.admission = admission;
        this.headers = headers;
        this.audio = new AudioBudget(limits.audioBurst().toMillis(), limits.audioRealtimeFactor());
    }

    /** The sample rate the connection's audio is declared at (SESSION_START), so its duration is measured right. */
    public synchronized void audioSampleRate(int hertz) {
        this.audioBytesPerMs = Math.max(1, hertz * 2 / 1000);
    }

    /** True once a namespace CONNECT was let through. */
    public synchronized boolean isConnected() {
        return connected;
    }

    public synchronized Verdict text(String packet, long nowNanos) {
        if (packet.length() > limits.maxPacketBytes()) {
            return new Close("oversized", "packet too large");
        }
        if (attachmentsExpected > 0) {
            return new Close("attachment_expected", "text packet while binary attachments were due");
        }
        OptionalInt announced = SocketIoPackets.announcedAttachments(packet);
        int attachments = announced.orElse(0);
        if (attachments < 0 || attachments > limits.maxAttachments()) {
            return new Close("too_many_attachments", "packet announces too many attachments");
        }
        if (!packet.equals(lastDecodable)) {
            if (!SocketIoPackets.isDecodable(packet)) {
                return new Close("malformed", "not an Engine.IO or Socket.IO packet the server reads");
            }
            lastDecodable = packet;
        }
        Verdict rate = attachments > 0 ? ADMIT : rate(nowNanos);
        if (rate != ADMIT) {
            return rate;
        }
        if (SocketIoPackets.isConnect(packet)) {
            Verdict verdict = admission.check(SocketIoPackets.connectNamespace(packet),
                            SocketIoPackets.connectAuth(packet), headers)
                    .<Verdict>map(refusal -> new RefuseConnect(refusal.kind(),
                            SocketIoPackets.connectError(refusal.reason())))
                    .orElse(ADMIT);
            connected |= verdict == ADMIT;
            return verdict;
        }
        attachmentsExpected = attachments;
        return ADMIT;
    }

    public synchronized Verdict binary(int length, long nowNanos) {
        if (length > limits.maxPacketBytes()) {
            return new Close("oversized", "attachment too large");
        }
        if (attachmentsExpected == 0) {
            return new Close("unannounced_binary", "binary frame without a placeholder");
        }
        attachmentsExpected--;
        long audioMs = Math.max(1, (length + audioBytesPerMs / 2) / audioBytesPerMs);
        if (!audio.admit(audioMs, nowNanos)) {
            return new Close("flood", "audio sent faster than real time");
        }
        return ADMIT;
    }

    /** Audio is measured by its duration instead: binary events and their attachments do not count here. */
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
