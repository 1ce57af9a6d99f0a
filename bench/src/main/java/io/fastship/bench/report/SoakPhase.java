package io.fastship.bench.report;

import java.util.List;

import io.fastship.bench.cpu.CpuTable;

/**
 * A long run at a steady rate: RSS of every process and entries of every store sampled throughout, the first and
 * the last tenth of the run side by side, and how long one instance of each service took to come back healthy.
 *
 * @param firstFailure the first answer that was not an accepted order, null if every order was accepted
 * @param stores empty when no service reports {@code fastship_state_entries} (shown as n/a)
 * @param storesPerClosedOrder each store's entries per order closed in the retention window before the sample;
 *                             empty without a state retention
 */
public record SoakPhase(double rate, long orders, long accepted, String firstFailure, String stateRetention,
                        double seconds,
                        List<Growth> rss, List<Growth> stores, List<Growth> storesPerClosedOrder,
                        List<Restart> restarts, CpuTable cpu) {

    /** One series: its mean over the first and the last tenth of the run, and the growth in % (null from 0). */
    public record Growth(String name, double firstTenth, double lastTenth, Double growthPercent) {
    }

    /** One instance restarted at the end: seconds until healthy, -1 if the bench could not restart it. */
    public record Restart(String service, double seconds) {
    }

    public SoakPhase {
        rss = List.copyOf(rss);
        stores = List.copyOf(stores);
        storesPerClosedOrder = List.copyOf(storesPerClosedOrder);
        restarts = List.copyOf(restarts);
    }
}
