package cq.retirees.archcanary.domainleak.kernel;

import io.helidon.http.Status;

/** Violation: a kernel value type that knows about HTTP. */
public record WebMoney(long fen, Status invalidStatus) {
}
