package io.fastship.order.view;

import java.util.List;

/**
 * Told by the Streams thread each time a view changes, to wake requests waiting for an order. It must not block:
 * it runs inside the task's processing.
 */
@FunctionalInterface
public interface OrderViewListener {

    void changed(OrderView view, List<StatusEmission> emitted);
}
