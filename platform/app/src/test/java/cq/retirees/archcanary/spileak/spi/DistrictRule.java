package cq.retirees.archcanary.spileak.spi;

import cq.retirees.archcanary.spileak.kernel.Code;
import org.pf4j.ExtensionPoint;

import java.util.Optional;

/** Legal: an extension point built from spi, kernel, PF4J and the JDK. */
public interface DistrictRule extends ExtensionPoint {
    Optional<Code> propose(Code area);
}
