package io.fastship.bench.memory;

import java.util.OptionalLong;

/** The resident memory of one process of the stack when it was measured; {@code rssBytes} is -1 if unknown. */
public record ProcessMemory(String name, long pid, long rssBytes) {

    public static ProcessMemory measure(String name, long pid) {
        OptionalLong rss = Rss.of(pid);
        return new ProcessMemory(name, pid, rss.orElse(-1));
    }

    public boolean known() {
        return rssBytes >= 0;
    }
}
