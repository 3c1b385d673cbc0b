package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules may ask the registry, and the handover steps it records for them. The steps are driven by
 * handover events (wired in the composition root), are idempotent, and never move a retiree backwards.
 */
public interface Registry {

    /** The period of {@code code} in force on {@code day}, if any. */
    Optional<Area> areaOn(AreaCode code, LocalDate day);

    boolean areaInForce(AreaCode code);

    /** The codes of all areas in force today. */
    Set<AreaCode> areasInForce();

    Optional<ReceivingBody> receivingBody(UUID id);

    /** The receiving bodies registered in these areas. */
    List<ReceivingBody> receivingBodiesIn(Set<AreaCode> areas);

    Optional<Enterprise> enterprise(UUID id);

    Optional<Retiree> retiree(UUID id);

    /** Those of {@code ids} that exist, in no particular order. ID and phone numbers are in clear: mask them. */
    List<Retiree> retirees(Collection<UUID> ids);

    /** Every retiree of the enterprise, deceased and retired cadres included, ordered by id. */
    List<HandoverCandidate> handoverCandidates(UUID enterpriseId);

    /** Moves those still AT_ENTERPRISE to IN_HANDOVER; returns how many moved. */
    int startHandover(PlanRetirees start);

    /** Moves those still IN_HANDOVER back to AT_ENTERPRISE (the plan was withdrawn); returns how many moved. */
    int cancelHandover(PlanRetirees withdrawn);

    /** Moves those not yet received (and alive) to UNDER_SOCIALIZED_MANAGEMENT; returns how many moved. */
    int receive(Reception reception);
}
