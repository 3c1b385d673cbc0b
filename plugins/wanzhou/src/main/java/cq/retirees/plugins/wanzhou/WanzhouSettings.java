package cq.retirees.plugins.wanzhou;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.services.VisitSchedule;

import java.util.Set;

/**
 * Reads the plugin's settings. The samples below are those shipped in {@code plugin-settings.properties}, repeated
 * here so that an unconfigured extension behaves as one configured with the jar's own file (a test keeps the two
 * equal). A key that is absent keeps its sample; {@code enterprise-areas} present but empty means "any".
 */
final class WanzhouSettings {

    /** The registered Chinese name of the district department that receives. */
    static final String RECEIVING_BODY = "receiving-body";
    /** The rule decides only for enterprises insured or located in these areas (the district's own SOEs). */
    static final String ENTERPRISE_AREAS = "enterprise-areas";
    /** The age from which the district visits retirees at home. */
    static final String MINIMUM_AGE = "home-visits.minimum-age";
    /** How often, in months. */
    static final String INTERVAL_MONTHS = "home-visits.interval-months";

    static final String SAMPLE_RECEIVING_BODY = "万州区退休人员服务中心";
    static final Set<AreaCode> SAMPLE_ENTERPRISE_AREAS = Set.of(Wanzhou.DISTRICT);
    static final VisitSchedule SAMPLE_HOME_VISITS = new VisitSchedule(80, 3);

    private WanzhouSettings() {
    }

    static String receivingBody(PluginSettings settings) {
        return settings.text(RECEIVING_BODY, SAMPLE_RECEIVING_BODY);
    }

    /** @throws cq.retirees.kernel.InvalidValueException when an item is not an area code */
    static Set<AreaCode> enterpriseAreas(PluginSettings settings) {
        return settings.asMap().containsKey(ENTERPRISE_AREAS)
                ? Set.copyOf(settings.list(ENTERPRISE_AREAS).stream().map(AreaCode::of).toList())
                : SAMPLE_ENTERPRISE_AREAS;
    }

    /**
     * @throws IllegalArgumentException when a value is not a whole number (naming the key) or out of the schedule's
     *                                  range: configuration fails rather than every call
     */
    static VisitSchedule homeVisits(PluginSettings settings) {
        return new VisitSchedule(settings.integer(MINIMUM_AGE, SAMPLE_HOME_VISITS.minimumAge()),
                settings.integer(INTERVAL_MONTHS, SAMPLE_HOME_VISITS.intervalMonths()));
    }
}
