package io.fastship.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RssTest {

    @Test
    void shouldReadVmRssInBytes() {
        String status = """
                Name:\tjava
                VmPeak:\t 4012345 kB
                VmHWM:\t  420000 kB
                VmRSS:\t  401236 kB
                RssAnon:\t  380000 kB
                Threads:\t52
                """;

        assertThat(Rss.parse(status)).hasValue(401_236L * 1024);
    }

    @Test
    void shouldNotMistakeVmHwmOrRssAnonForVmRss() {
        String status = "Name:\tkthreadd\nVmHWM:\t 100 kB\nRssAnon:\t 90 kB\n";

        assertThat(Rss.parse(status)).isEmpty();
    }

    @Test
    void shouldReadThisProcessOnLinuxAndNothingForAProcessThatIsGone() {
        assertThat(Rss.of(ProcessHandle.current().pid()).orElseThrow()).isPositive();
        assertThat(Rss.of(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcessMemory.measure("gone", Long.MAX_VALUE).known()).isFalse();
    }
}
