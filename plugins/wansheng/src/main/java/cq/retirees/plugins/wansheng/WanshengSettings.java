package cq.retirees.plugins.wansheng;

import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.services.VisitSchedule;

import java.util.Set;

/**
 * Reads the plugin's settings. The samples below are those shipped in {@code plugin-settings.properties}, repeated
 * here so that an unconfigured extension behaves as one configured with the jar's own file (a test keeps the two
 * equal). A key that is absent keeps its sample; {@code streets} present but empty means "no street", which
 * switches the rule off without removing the plugin.
 */
final class WanshengSettings {

    /** The towns and streets of the former 万盛区, as registered, comma-separated. */
    static final String STREETS = "streets";
    /** The age from which the zone visits retirees at home. */
    static final String MINIMUM_AGE = "home-visits.minimum-age";
    /** How often, in months. */
    static final String INTERVAL_MONTHS = "home-visits.interval-months";

    static final Set<String> SAMPLE_STREETS = Set.of("万东镇", "南桐镇", "青年镇", "关坝镇", "丛林镇", "石林镇",
            "金桥镇", "黑山镇", "万盛街道", "东林街道");
    static final VisitSchedule SAMPLE_HOME_VISITS = new VisitSchedule(75, 6);

    private WanshengSettings() {
    }

    static Set<String> streets(PluginSettings settings) {
        return settings.asMap().containsKey(STREETS) ? Set.copyOf(settings.list(STREETS)) : SAMPLE_STREETS;
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
