package cq.retirees.infra.plugins;

import java.util.List;

/**
 * One extension of a plugin as inspected at install time: which extension point, which class, and the territory
 * it declared then. The host holds the extension to this territory, whatever it answers later.
 *
 * @param point          {@code ReceivingRule} or {@code ServiceOfferingProvider}
 * @param residenceAreas for a receiving rule: the residence areas it governs (empty = any)
 * @param categories     for a receiving rule: the enterprise categories it governs (empty = any)
 * @param receivingAreas the areas it may receive in (a rule) or adapts the services of (a provider)
 */
public record DeclaredExtension(String point, String className, List<String> residenceAreas,
                                List<String> categories, List<String> receivingAreas) {

    public static final String RECEIVING_RULE = "ReceivingRule";
    public static final String SERVICE_OFFERING_PROVIDER = "ServiceOfferingProvider";

    public DeclaredExtension {
        residenceAreas = List.copyOf(residenceAreas);
        categories = List.copyOf(categories);
        receivingAreas = List.copyOf(receivingAreas);
    }
}
