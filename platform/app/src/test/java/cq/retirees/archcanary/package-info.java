/**
 * Canaries: tiny fixtures that break one architecture rule each, on purpose. The tests in
 * {@code cq.retirees.app.architecture} check every rule against one of these sub-packages (used as the root
 * package) and expect it to fail, naming the offenders; that proves the rules are not trivially passing.
 * Never part of the production import.
 */
package cq.retirees.archcanary;
