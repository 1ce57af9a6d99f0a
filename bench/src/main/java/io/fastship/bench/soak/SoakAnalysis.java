package io.fastship.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.fastship.bench.report.SoakPhase;
import io.fastship.bench.timeline.Sample;

/** Compares the first and the last tenth of a soak, series by series (by sample time, not by sample count). */
public final class SoakAnalysis {

    private SoakAnalysis() {
    }

    /**
     * The samples after the first {@code warmUp} of the run (the first retention window, in which state grows by
     * design), or all of them when the run is not at least twice that long.
     */
    public static List<Sample> afterWarmUp(List<Sample> samples, java.time.Duration warmUp) {
        if (samples.size() < 2) {
            return samples;
        }
        double start = samples.get(0).seconds();
        double end = samples.get(samples.size() - 1).seconds();
        double from = start + warmUp.toMillis() / 1000.0;
        if (end - start < 2 * (from - start)) {
            return samples;
        }
        return samples.stream().filter(s -> s.seconds() >= from).toList();
    }

    /** RSS in MiB of every process. */
    public static List<SoakPhase.Growth> rss(List<Sample> samples) {
        return growth(samples, s -> toDoubles(s.rssBytes(), 1024.0 * 1024.0));
    }

    /** Entries of every store, by {@code instance/store}. */
    public static List<SoakPhase.Growth> stores(List<Sample> samples) {
        return growth(samples, Sample::storeEntries);
    }

    /**
     * Entries of every store divided by the orders that became final in the retention window before each sample:
     * what a store bounded by the retention holds is that window's closed orders, so this ratio is flat however the
     * accepted rate varied (refusals under overload make the raw entries follow the intake). Samples whose window
     * closed no order are left out.
     */
    public static List<SoakPhase.Growth> storesPerClosedOrder(List<Sample> all, List<Sample> compared,
                                                              java.time.Duration retention) {
        double window = retention.toMillis() / 1000.0;
        // Once per sample: growth() reads a sample's series once per store and tenth.
        Map<Sample, Map<String, Double>> ratios = new java.util.IdentityHashMap<>();
        for (Sample sample : compared) {
            long closed = sample.finals() - finalsAt(all, sample.seconds() - window);
            Map<String, Double> perClosed = new java.util.TreeMap<>();
            if (closed > 0) {
                sample.storeEntries().forEach((store, entries) -> perClosed.put(store, entries / closed));
            }
            ratios.put(sample, perClosed);
        }
        return growth(compared, ratios::get);
    }

    /** Orders final at the last sample at or before {@code seconds}; 0 before the first sample. */
    private static long finalsAt(List<Sample> samples, double seconds) {
        long finals = 0;
        for (Sample sample : samples) {
            if (sample.seconds() > seconds) {
                break;
            }
            finals = sample.finals();
        }
        return finals;
    }

    static List<SoakPhase.Growth> growth(List<Sample> samples, Function<Sample, Map<String, Double>> series) {
        List<SoakPhase.Growth> all = new ArrayList<>();
        if (samples.size() < 2) {
            return all;
        }
        double start = samples.get(0).seconds();
        double span = samples.get(samples.size() - 1).seconds() - start;
        TreeSet<String> names = new TreeSet<>();
        samples.forEach(s -> names.addAll(series.apply(s).keySet()));
        for (String name : names) {
            double first = mean(samples, series, name, start, start + span / 10);
            double last = mean(samples, series, name, start + span * 9 / 10, start + span);
            if (Double.isNaN(first) || Double.isNaN(last)) {
                continue;
            }
            Double growth = null;
            if (first != 0) {
                growth = (last - first) * 100 / first;
            } else if (last == 0) {
                growth = 0.0;
            }
            all.add(new SoakPhase.Growth(name, first, last, growth));
        }
        return all;
    }

    private static double mean(List<Sample> samples, Function<Sample, Map<String, Double>> series, String name,
                               double from, double to) {
        double sum = 0;
        int n = 0;
        for (Sample sample : samples) {
            Double value = series.apply(sample).get(name);
            if (value != null && sample.seconds() >= from && sample.seconds() <= to) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static Map<String, Double> toDoubles(Map<String, Long> values, double divisor) {
        Map<String, Double> doubles = new java.util.TreeMap<>();
        values.forEach((k, v) -> doubles.put(k, v / divisor));
        return doubles;
    }
}
