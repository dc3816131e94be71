package dev.voiceagent.testsupport.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The load generator's own collections over a run. The simulators and the fake time every frame in this JVM, so
 * a pause here delays what they measure as if the services had been slow; the report shows these beside the
 * latencies so a tail can be told apart. Durations as the JVM reports them: whole milliseconds.
 */
final class OwnGcPauses implements AutoCloseable {

    private final List<Long> nanos = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    private OwnGcPauses() {
    }

    static OwnGcPauses start() {
        OwnGcPauses pauses = new OwnGcPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(pauses.listener, null, null);
                pauses.emitters.add(emitter);
            }
        }
        return pauses;
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        // ZGC's and Shenandoah's "... Cycles" collectors report whole concurrent cycles; every other one (G1's
        // young, old and concurrent, the last its remark and cleanup) reports pauses.
        if (!info.getGcName().endsWith("Cycles")) {
            synchronized (nanos) {
                nanos.add(info.getGcInfo().getDuration() * 1_000_000);
            }
        }
    }

    Percentiles percentiles() {
        synchronized (nanos) {
            return Percentiles.of(nanos.stream().mapToLong(Long::longValue).toArray());
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // not registered: nothing to remove
            }
        }
    }
}
