package cq.retirees.plugins.liangjiang;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rule's settings, immutable once read.
 *
 * <p>Keys: {@code streets.500105}, {@code streets.500112}, {@code streets.500109} (the streets and towns of each
 * district the zone manages, comma-separated) and {@code receiving-body} (the name of the zone's receiving body).
 * A key that is absent keeps the built-in sample; a key that is present but empty means "none", so a district
 * can be switched off without removing the plugin.
 *
 * @param streetsByArea  for each residence district, the street names (as registered) the zone manages there
 * @param receivingBody  the {@code nameZh} of the body that receives in the zone
 */
record LiangjiangSettings(Map<AreaCode, Set<String>> streetsByArea, String receivingBody) {

    static final String STREETS_PREFIX = "streets.";
    static final String RECEIVING_BODY = "receiving-body";

    /**
     * The samples shipped in {@code plugin-settings.properties}, repeated here so that an unconfigured rule behaves
     * the same as one configured with the jar's own file (a test keeps the two equal).
     */
    static final LiangjiangSettings SAMPLE = new LiangjiangSettings(Map.of(
            Liangjiang.JIANGBEI, Set.of("鱼嘴镇", "复盛镇", "五宝镇"),
            Liangjiang.YUBEI, Set.of("人和街道", "天宫殿街道", "翠云街道", "大竹林街道", "礼嘉街道", "金山街道",
                    "康美街道", "鸳鸯街道", "悦来街道"),
            Liangjiang.BEIBEI, Set.of("水土街道", "复兴街道", "蔡家岗街道")),
            "两江新区退休人员服务中心");

    LiangjiangSettings {
        streetsByArea = Map.copyOf(streetsByArea);
    }

    static LiangjiangSettings from(PluginSettings settings) {
        Map<AreaCode, Set<String>> streets = new HashMap<>();
        for (AreaCode area : Liangjiang.TERRITORY.residenceAreas()) {
            String key = STREETS_PREFIX.concat(area.value());
            streets.put(area, settings.asMap().containsKey(key)
                    ? Set.copyOf(settings.list(key)) : SAMPLE.streetsOf(area));
        }
        return new LiangjiangSettings(streets, settings.text(RECEIVING_BODY, SAMPLE.receivingBody()));
    }

    /** The zone-managed streets of {@code area}; none for an area outside the territory. */
    Set<String> streetsOf(AreaCode area) {
        return area == null ? Set.of() : streetsByArea.getOrDefault(area, Set.of());
    }
}
