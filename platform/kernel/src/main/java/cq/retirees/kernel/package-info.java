/**
 * Shared value types for the whole platform.
 *
 * <p>Deliberately framework-free (only {@code java.*}) so that every module, plugin and test-data
 * generator can depend on it without dragging in a runtime. Each type validates on construction, so
 * an instance that exists is known to be well-formed; failures are reported as
 * {@link cq.retirees.kernel.InvalidValueException} with a stable machine code.
 */
package cq.retirees.kernel;
