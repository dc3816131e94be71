package dev.voiceagent.testsupport.bench;

import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link TrafficPlan} against running services and measures all of it, call starts and ends included: the
 * services' CPU from the first webhook to the moment the last call has ended in them, setup latency (webhook ->
 * TwiML, webhook -> upstream session configured), frame latency both ways (the greetings' frames apart), barge-in
 * latency, and that no frame was lost, duplicated or reordered.
 */
final class TrafficRun {

    /** What the calls of a run record as they go; all thread-safe. */
    record Measures(FrameLedger inbound, FrameLedger outbound, List<Long> greetingBargeIns, List<Long> bargeIns) {
    }

    private TrafficRun() {
    }

    static Map<String, Object> run(BenchSystem system, TrafficPlan plan) throws Exception {
        int count = plan.calls();
        int longestSeconds = (int) (plan.longestMillis() / 1000) + 1;
        int answerFrames = BenchCall.GREETING_FRAMES + (longestSeconds / 3 + 2) * BenchCall.BARGE_IN_ANSWER_FRAMES;
        Measures measures = new Measures(new FrameLedger(count, longestSeconds * 50 + 500),
                new FrameLedger(count, answerFrames), Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
        BenchCall[] calls = new BenchCall[count];
        for (int i = 0; i < count; i++) {
            calls[i] = new BenchCall(i, plan.arrivals().get(i).durationMillis(), system, measures);
        }
        system.openAi.reset();
        // The previous run's garbage (the warm-up's 6 000 sessions, say) is collected now, in this JVM (the
        // simulators' and the fake's), before this run's CPU is read, not by a mixed collection in its middle, where
        // the pause (93 ms seen) would be measured as the services' latency.
        System.gc();
        system.openAi.sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses()
                .withTaps(new FakeRealtimeSession.AudioTaps() {
                    @Override
                    public void callerAudio(FakeRealtimeSession session, byte[] audio, long nanos) {
                        int call = ByteBuffer.wrap(audio).getInt(0);
                        if (call >= 0 && call < count) {
                            calls[call].callerAudio(session);
                        }
                        measures.inbound().received(audio, nanos);
                    }

                    @Override
                    public void assistantAudioSent(FakeRealtimeSession session, byte[] audio, long nanos) {
                        ByteBuffer tags = ByteBuffer.wrap(audio);
                        for (int offset = 0; offset + 160 <= audio.length; offset += 160) {
                            int call = tags.getInt(offset);
                            if (call >= 0 && call < count && !calls[call].ending) {
                                measures.outbound().sent(call, tags.getInt(offset + 4), nanos);
                            }
                        }
                    }
                }));

        Map<String, ProcessStats> before;
        Map<String, ProcessStats> after;
        Concurrency concurrency = new Concurrency(calls);
        long started;
        Percentiles ownPauses;
        try (OwnGcPauses pauses = OwnGcPauses.start()) {
            before = cpu(system);
            started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                BenchCall call = calls[i];
                long due = plan.arrivals().get(i).atMillis();
                system.vertx.setTimer(Math.max(1, due - (System.nanoTime() - started) / 1_000_000), t -> call.place());
            }
            long sampler = system.vertx.setPeriodic(100, t -> concurrency.sample());
            Future.join(Arrays.stream(calls).map(BenchCall::done).toList()).toCompletionStage().toCompletableFuture()
                    .get(plan.arrivals().getLast().atMillis() + plan.longestMillis() + 120_000, TimeUnit.MILLISECONDS);
            system.vertx.cancelTimer(sampler);
            // The services' share of the last hang-ups counts too: their CPU is read once the core has closed the
            // upstream session of every call, which it does last when a call ends. (Asking the services' metrics
            // instead would cost them a scrape every poll, which showed in the profile.)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> Arrays.stream(calls)
                    .allMatch(call -> call.upstream == null || !call.upstream.isOpen()));
            after = cpu(system);
            ownPauses = pauses.percentiles();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // Before the next run: every call has ended in the services (a pre-warmed session no stream claimed ends
        // when its pre-warm expires).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Metrics.activeSessions(system.core) == 0 && Metrics.activeCalls(system.gateway) == 0);
        Map<String, Object> report = report(system, calls, measures, concurrency, before, after, seconds);
        report.put("loadGeneratorGcPauses", ownPauses);
        return report;
    }

    private static Map<String, Object> report(BenchSystem system, BenchCall[] calls, Measures measures,
            Concurrency concurrency, Map<String, ProcessStats> before, Map<String, ProcessStats> after,
            double seconds) {
        double callSeconds = Arrays.stream(calls).filter(c -> c.hungUpAt != 0)
                .mapToDouble(c -> (c.hungUpAt - c.webhookAt) / 1e9).sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("calls", calls.length);
        result.put("seconds", seconds);
        result.put("callSeconds", callSeconds);
        result.put("concurrentCalls", Map.of("mean", concurrency.mean(), "max", concurrency.max()));
        result.put("webhookToTwiml", Percentiles.of(Arrays.stream(calls).filter(c -> c.twimlAt != 0)
                .mapToLong(c -> c.twimlAt - c.webhookAt).toArray()));
        result.put("webhookToSessionConfigured", Percentiles.of(Arrays.stream(calls)
                .filter(c -> c.upstream != null && c.upstream.configuredAtNanos() != 0)
                .mapToLong(c -> c.upstream.configuredAtNanos() - c.webhookAt).toArray()));
        // Its two parts: until the core's upstream socket was accepted, then until its session.update (which waits
        // for the caller-ID lookup).
        result.put("webhookToUpstreamAccepted", Percentiles.of(Arrays.stream(calls).filter(c -> c.upstream != null)
                .mapToLong(c -> c.upstream.acceptedAtNanos() - c.webhookAt).toArray()));
        result.put("upstreamAcceptedToConfigured", Percentiles.of(Arrays.stream(calls)
                .filter(c -> c.upstream != null && c.upstream.configuredAtNanos() != 0)
                .mapToLong(c -> c.upstream.configuredAtNanos() - c.upstream.acceptedAtNanos()).toArray()));
        result.put("inbound", LoadBenchmark.direction(measures.inbound(), measures.inbound().latency()));
        result.put("outbound", LoadBenchmark.direction(measures.outbound(), measures.outbound().latency()));
        result.put("greetingFrames", measures.outbound().latencyBelow(BenchCall.GREETING_FRAMES));
        result.put("greetingBargeIn", percentiles(measures.greetingBargeIns()));
        result.put("laterBargeIn", percentiles(measures.bargeIns()));
        result.put("failedToStart", Arrays.stream(calls).filter(c -> c.failure != null).count());
        result.put("sessionsConfigured", Arrays.stream(calls)
                .filter(c -> c.upstream != null && c.upstream.configuredAtNanos() != 0).count());
        result.put("silentCalls", Arrays.stream(calls).filter(c -> c.failure == null && c.silent()).count());
        result.put("withoutUpstream", Arrays.stream(calls).filter(c -> c.failure == null && c.upstream == null
                && !c.silent()).count());
        result.put("callsDropped", Arrays.stream(calls).filter(c -> c.dropped).count());
        result.put("twilioViolations", Arrays.stream(calls).mapToInt(BenchCall::violations).sum());
        result.put("openAiViolations", system.openAi.sessions().stream().mapToInt(s -> s.violations().size()).sum());
        result.put("truncations", system.openAi.sessions().stream().mapToInt(s -> s.truncations().size()).sum());
        Map<String, Object> cpu = new LinkedHashMap<>();
        Map<String, Object> jit = new LinkedHashMap<>();
        double total = 0;
        for (String service : before.keySet()) {
            long millis = after.get(service).cpuMillis() - before.get(service).cpuMillis();
            cpu.put(service, millis);
            jit.put(service, after.get(service).jitMillis() - before.get(service).jitMillis());
            if (!service.equals("loadGenerator")) {
                total += millis;
            }
        }
        cpu.put("services", total);
        result.put("cpuMs", cpu);
        // The JIT compilers' share: a start runs much code that is not compiled yet, which a long-running service
        // has compiled long ago; the warm-up shrinks it, this shows what is left.
        result.put("jitCpuMs", jit);
        result.put("servicesCpuMsPerCall", total / calls.length);
        result.put("servicesCpuMsPerCallSecond", total / callSeconds);
        result.put("loadGeneratorCpuMsPerCallSecond", (double) (long) cpu.get("loadGenerator") / callSeconds);
        List<String> failures = Arrays.stream(calls).filter(c -> c.failure != null).map(c -> c.failure).distinct()
                .limit(5).toList();
        if (!failures.isEmpty()) {
            result.put("failures", failures);
        }
        return result;
    }

    /** CPU of the three phone services and of this JVM (the load generator: simulators and fake). */
    static Map<String, ProcessStats> cpu(BenchSystem system) {
        Map<String, ProcessStats> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, QuarkusServiceProcess> service : system.phoneServices().entrySet()) {
            cpu.put(service.getKey(), ProcessStats.of(service.getValue().pid()));
        }
        cpu.put("loadGenerator", ProcessStats.of(ProcessHandle.current().pid()));
        return cpu;
    }

    private static Percentiles percentiles(List<Long> nanos) {
        synchronized (nanos) {
            return Percentiles.of(nanos.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** How many calls are up (webhook sent, not hung up), sampled every 100 ms. */
    private static final class Concurrency {
        private final BenchCall[] calls;
        private long samples;
        private long sum;
        private int max;

        Concurrency(BenchCall[] calls) {
            this.calls = calls;
        }

        synchronized void sample() {
            int up = 0;
            for (BenchCall call : calls) {
                if (call.webhookAt != 0 && call.hungUpAt == 0 && call.failure == null) {
                    up++;
                }
            }
            samples++;
            sum += up;
            max = Math.max(max, up);
        }

        synchronized double mean() {
            return samples == 0 ? 0 : (double) sum / samples;
        }

        synchronized int max() {
            return max;
        }
    }
}
