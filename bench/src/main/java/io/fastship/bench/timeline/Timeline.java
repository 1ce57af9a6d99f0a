package io.fastship.bench.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.fastship.bench.flow.GroupLags;
import io.fastship.bench.memory.Rss;
import io.fastship.bench.soak.StoreEntries;
import org.apache.kafka.clients.admin.Admin;

/**
 * Samples the run at a fixed interval on its own thread: throughput counters and consumer lag always, RSS of
 * every process and store entries of every service when asked (the soak). Phases label the samples.
 */
public final class Timeline implements AutoCloseable {

    /** What the timeline reads: counters of the run and, for the soak, the processes and services. */
    public record Sources(LongSupplier accepted, LongSupplier finals, Supplier<Map<String, Long>> pids,
                          Supplier<Map<String, String>> serviceUrls) {
    }

    private final Admin admin;
    private final Sources sources;
    private final long startedNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService executor;
    private volatile String phase = "start";
    private volatile boolean soak;

    public Timeline(Admin admin, Sources sources, Duration interval) {
        this.admin = admin;
        this.sources = sources;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-timeline");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Labels the samples from now on. */
    public void phase(String name) {
        phase = name;
    }

    /** Also reads RSS and store entries from now on. */
    public void soak(boolean on) {
        soak = on;
    }

    public double secondsNow() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Samples of one phase. */
    public synchronized List<Sample> samples(String phaseName) {
        return samples.stream().filter(s -> s.phase().equals(phaseName)).toList();
    }

    private void sample() {
        try {
            double at = secondsNow();
            String label = phase;
            long accepted = sources.accepted().getAsLong();
            long finals = sources.finals().getAsLong();
            Map<String, GroupLags.Reading> lag = GroupLags.now(admin);
            Map<String, Long> rss = new TreeMap<>();
            Map<String, Double> stores = new TreeMap<>();
            if (soak) {
                sources.pids().get().forEach((name, pid) -> Rss.of(pid).ifPresent(bytes -> rss.put(name, bytes)));
                sources.serviceUrls().get().forEach((name, url) -> StoreEntries.scrape(url)
                        .forEach((store, entries) -> stores.put(name + "/" + store, entries)));
            }
            synchronized (this) {
                samples.add(new Sample(at, label, accepted, finals, lag, rss, stores));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A missed sample is a gap in a chart, not a reason to stop the run.
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
