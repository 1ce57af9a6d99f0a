package io.fastship.bench.load;

import java.util.List;
import java.util.Map;

import io.fastship.bench.stats.LatencySummary;
import io.fastship.bench.stats.PercentilePoint;

/**
 * One load run's answers.
 *
 * @param targetRate   requests per second asked for (0 for a closed loop, which goes as fast as answers come)
 * @param latency      from the moment each request was due to its answer: corrected for coordinated omission
 * @param serviceTime  from the moment each request went on the wire to its answer (what a naive client reports)
 * @param maxBehindMs  how late the generator itself ever was with a request (its own stalls, e.g. GC)
 */
public record LoadResult(double targetRate, long sent, long accepted, Map<Integer, Long> rejected, long failed,
                         String firstFailure, double seconds, double acceptedPerSec, LatencySummary latency,
                         LatencySummary serviceTime, List<PercentilePoint> latencyCurve, double maxBehindMs) {

    public LoadResult {
        rejected = Map.copyOf(rejected);
        latencyCurve = List.copyOf(latencyCurve);
    }
}
