package cq.retirees.handover.internal;

import cq.retirees.handover.HandoverItem;

import java.time.Instant;

/** One handover item of a batch and where it stands. */
record BatchItem(HandoverItem item, ItemStatus status, String note, Instant updatedAt) {
}
