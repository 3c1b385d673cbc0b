package cq.retirees.archcanary.infraleak.kernel;

/** A kernel value type: infra may use it. */
public record Amount(long fen) {
}
