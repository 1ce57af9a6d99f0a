package io.fastship.bench.timeline;

import java.util.Map;

import io.fastship.bench.flow.GroupLags;

/**
 * One reading of the run, {@code seconds} after it started: orders accepted and final so far, each consumer
 * group's lag, and (in a soak) each process's RSS and each store's entries ({@code instance/store}).
 */
public record Sample(double seconds, String phase, long accepted, long finals, Map<String, GroupLags.Reading> lag,
                     Map<String, Long> rssBytes, Map<String, Double> storeEntries) {

    public Sample {
        lag = Map.copyOf(lag);
        rssBytes = Map.copyOf(rssBytes);
        storeEntries = Map.copyOf(storeEntries);
    }
}
