/** Events the handover module publishes through the outbox; past tense, ids and plain values only. */
package cq.retirees.handover.events;
