package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask the registry. */
public interface Registry {

    /** The period of {@code code} in force on {@code day}, if any. */
    Optional<Area> areaOn(AreaCode code, LocalDate day);

    boolean areaInForce(AreaCode code);

    Optional<ReceivingBody> receivingBody(UUID id);

    Optional<Enterprise> enterprise(UUID id);

    Optional<Retiree> retiree(UUID id);
}
