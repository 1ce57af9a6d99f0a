package io.fastship.bench.report;

import java.util.List;

import io.fastship.bench.memory.ProcessMemory;

/**
 * Everything one run measured. A phase that did not run is null, and {@code notes} says why.
 *
 * @param memory resident memory of each process at the end of the run (label: which stack)
 */
public record BenchReport(String startedAt, MachineInfo machine, String stack, long orders, int concurrency,
                          BaselinePhase baseline, IntakePhase intake, EndToEndPhase endToEnd, ScalingPhase scaling,
                          List<MemorySnapshot> memory, List<String> notes, double totalSeconds) {

    /** Memory of a stack's processes at one moment. */
    public record MemorySnapshot(String label, List<ProcessMemory> processes) {

        public MemorySnapshot {
            processes = List.copyOf(processes);
        }
    }

    public BenchReport {
        memory = List.copyOf(memory);
        notes = List.copyOf(notes);
    }
}
