package cq.retirees.registry.internal;

/** Body of {@code POST /areas/{code}/receiving-bodies}. */
record ReceivingBodyDraft(String nameZh, String kind) {
}
