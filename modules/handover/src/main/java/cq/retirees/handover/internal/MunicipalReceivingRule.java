package cq.retirees.handover.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The municipal default (DOMAIN.md §5.1, "以企业参保地为主，兼顾企业所在地、退休人员集中居住地"): the insured area
 * decides, unless the retiree lives in another area where the enterprise's retirees live concentrated; the
 * enterprise's location stands in when the insured area is not an area in force. Inside the chosen area, the
 * township or street of residence receives, else the area's one designated department.
 */
final class MunicipalReceivingRule implements ReceivingRule {

    static final String RULE_ID = "municipal-default";
    private static final Set<String> STREET_KINDS = Set.of("STREET", "TOWNSHIP", "TOWN");

    private final ConcentrationThresholds thresholds;

    MunicipalReceivingRule(ConcentrationThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public Territory territory() {
        return Territory.wholeCity();
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        AreaCode insured = roster.inForce(retiree.insuredArea()) ? retiree.insuredArea() : null;
        AreaCode location = roster.inForce(enterprise.locationArea()) ? enterprise.locationArea() : null;
        AreaCode residence = roster.inForce(retiree.residenceArea()) ? retiree.residenceArea() : null;
        boolean concentrated = residence != null && !residence.equals(insured)
                && thresholds.concentrated(roster.residentsIn(residence), roster.rosterSize());

        List<Alternative> alternatives = new ArrayList<>();
        AreaCode area;
        String reason;
        if (concentrated) {
            area = residence;
            reason = "CONCENTRATED_RESIDENCE";
            consider(alternatives, area, insured, "INSURED_AREA_YIELDS_TO_CONCENTRATION");
            consider(alternatives, area, location, "LOCATION_ONLY_WITHOUT_INSURED_AREA");
        } else if (insured != null) {
            area = insured;
            reason = "INSURED_AREA";
            consider(alternatives, area, residence, "RESIDENCE_NOT_CONCENTRATED");
            consider(alternatives, area, location, "LOCATION_ONLY_WITHOUT_INSURED_AREA");
        } else if (location != null) {
            area = location;
            reason = "ENTERPRISE_LOCATION";
            consider(alternatives, area, residence, "RESIDENCE_NOT_CONCENTRATED");
        } else {
            // Nothing else is known: the registry only accepts areas in force, so this needs two areas retired.
            area = residence != null ? residence : retiree.residenceArea();
            reason = "RESIDENCE_AREA";
        }
        if (insured == null && retiree.insuredArea() != null) {
            alternatives.add(new Alternative(retiree.insuredArea(), "INSURED_AREA_NOT_IN_FORCE"));
        }
        Body body = body(retiree, area, roster);
        return Optional.of(new ReceivingProposal(area, body.id(), reason, body.reason(), alternatives));
    }

    private static void consider(List<Alternative> alternatives, AreaCode chosen, AreaCode candidate, String whyNot) {
        if (candidate != null && !candidate.equals(chosen)
                && alternatives.stream().noneMatch(a -> a.area().equals(candidate))) {
            alternatives.add(new Alternative(candidate, whyNot));
        }
    }

    private record Body(UUID id, String reason) {
    }

    private static Body body(RetireeFacts retiree, AreaCode area, RosterContext roster) {
        List<ReceivingBodyFacts> bodies = roster.bodiesIn(area);
        String street = retiree.residenceStreet() == null ? null : retiree.residenceStreet().strip();
        if (area.equals(retiree.residenceArea()) && street != null && !street.isEmpty()) {
            Optional<ReceivingBodyFacts> exact = bodies.stream()
                    .filter(b -> STREET_KINDS.contains(b.kind()) && b.nameZh().equals(street)).findFirst();
            Optional<ReceivingBodyFacts> found = exact.isPresent() ? exact : bodies.stream()
                    .filter(b -> STREET_KINDS.contains(b.kind()) && b.nameZh().contains(street)).findFirst();
            if (found.isPresent()) {
                return new Body(found.get().id(), "STREET_OF_RESIDENCE");
            }
        }
        List<ReceivingBodyFacts> departments = bodies.stream()
                .filter(b -> Objects.equals(b.kind(), "DEPARTMENT")).toList();
        if (departments.size() == 1) {
            return new Body(departments.getFirst().id(), "DESIGNATED_DEPARTMENT");
        }
        return new Body(null, "NO_BODY_DETERMINED");
    }
}
