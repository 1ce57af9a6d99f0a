package io.fastship.bench.report;

import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.BrokerWrites;
import io.fastship.bench.load.LoadResult;

/**
 * A steady run at half the sustainable rate: end-to-end latency from each order's due time to its final status,
 * and over the same window (load start to the last final status) the CPU per order and what the broker wrote.
 */
public record HalfLoadPhase(double rate, LoadResult load, EndToEndPhase endToEnd, CpuTable cpu,
                            BrokerWrites brokerWrites) {
}
