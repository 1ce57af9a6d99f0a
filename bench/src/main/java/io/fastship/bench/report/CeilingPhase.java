package io.fastship.bench.report;

import io.fastship.bench.load.LoadResult;

/** The same client, closed-loop at the intake's concurrency, on a trivial endpoint of the order service. */
public record CeilingPhase(String path, int concurrency, LoadResult load) {

    public double requestsPerSec() {
        return load.acceptedPerSec();
    }
}
