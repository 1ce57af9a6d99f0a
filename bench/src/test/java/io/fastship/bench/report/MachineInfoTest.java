package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void shouldReadTotalMemoryFromMeminfo() {
        assertThat(MachineInfo.parseMemTotal("MemTotal:       24608764 kB\nMemFree:  1000 kB\n"))
                .isEqualTo(24_608_764L * 1024);
        assertThat(MachineInfo.parseMemTotal("MemFree: 1 kB\n")).isEqualTo(-1);
    }
}
