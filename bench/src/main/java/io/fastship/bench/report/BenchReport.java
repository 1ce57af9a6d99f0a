package io.fastship.bench.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fastship.bench.memory.ProcessMemory;
import io.fastship.bench.timeline.Sample;

/**
 * Everything one run measured. A phase that did not run is null, and {@code notes} says why. The headline
 * figures are repeated at the top level: {@code httpCeiling} (requests/s), {@code intakeToCeiling},
 * {@code sustainableOrdersPerSecond}, {@code endToEnd} (at half the sustainable rate), {@code cpuMsPerOrder},
 * {@code brokerWritesPerOrder}.
 *
 * @param intakeEndToEnd end to end of the closed-loop intake burst (backlog included, not corrected)
 * @param memory         resident memory of each process at the end of the run (label: which stack)
 * @param timeline       throughput, lag (and in a soak RSS and store entries) sampled over the run
 */
public record BenchReport(String startedAt, MachineInfo machine, String stack, long orders, int concurrency,
                          BaselinePhase baseline, CeilingPhase ceiling, double httpCeiling, IntakePhase intake,
                          double intakeToCeiling, EndToEndPhase intakeEndToEnd, SearchPhase search,
                          double sustainableOrdersPerSecond, HalfLoadPhase halfLoad, EndToEndPhase endToEnd,
                          CpuSummary cpuMsPerOrder, SoakPhase soak, ScalingPhase scaling,
                          List<MemorySnapshot> memory, List<Sample> timeline, List<String> notes,
                          double totalSeconds) {

    /** Memory of a stack's processes at one moment. */
    public record MemorySnapshot(String label, List<ProcessMemory> processes) {

        public MemorySnapshot {
            processes = List.copyOf(processes);
        }
    }

    public BenchReport {
        memory = List.copyOf(memory);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        notes = List.copyOf(notes);
    }

    /** Records and bytes the broker wrote per order at half load: the headline next to {@link #cpuMsPerOrder}. */
    public record WritesPerOrder(double records, double bytes) {
    }

    /** The half-load phase's broker writes per order, or null when it did not run (derived, so never parsed). */
    @JsonProperty(value = "brokerWritesPerOrder", access = JsonProperty.Access.READ_ONLY)
    public WritesPerOrder brokerWritesPerOrder() {
        return halfLoad == null || halfLoad.brokerWrites() == null ? null
                : new WritesPerOrder(halfLoad.brokerWrites().recordsPerOrder(), halfLoad.brokerWrites().bytesPerOrder());
    }
}
