package io.fastship.chaos.audit;

import java.util.List;

/** One family of guarantees, checked against the whole input; returns every violation it finds, none when it held. */
public interface Check {

    List<Violation> check(AuditInput input, Finals finals);
}
