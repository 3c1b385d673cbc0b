/** Events the registry publishes through the outbox: past-tense records other modules may subscribe to. */
package cq.retirees.registry.events;
