package cq.retirees.plugins.yuzhong;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rule's settings, immutable once read. A key that is absent keeps its sample (the values shipped in
 * {@code plugin-settings.properties}, repeated here so that an unconfigured rule behaves as one configured with the
 * jar's own file; a test keeps the two equal); a key present but empty means "none".
 *
 * @param streetAliases   {@code street-aliases}: how a street of residence may be written (e.g. without
 *                        "街道") mapped to the registered name of its street office
 * @param enterpriseAreas {@code enterprise-areas}: the rule decides only for an enterprise insured or located in
 *                        one of these areas (the district's own SOEs); empty = any district SOE
 */
record YuzhongSettings(Map<String, String> streetAliases, Set<AreaCode> enterpriseAreas) {

    static final String STREET_ALIASES = "street-aliases";
    static final String ENTERPRISE_AREAS = "enterprise-areas";

    static final YuzhongSettings SAMPLE = new YuzhongSettings(Map.ofEntries(
            Map.entry("解放碑", "解放碑街道"), Map.entry("七星岗", "七星岗街道"), Map.entry("两路口", "两路口街道"),
            Map.entry("上清寺", "上清寺街道"), Map.entry("菜园坝", "菜园坝街道"), Map.entry("南纪门", "南纪门街道"),
            Map.entry("朝天门", "朝天门街道"), Map.entry("大溪沟", "大溪沟街道"), Map.entry("大坪", "大坪街道"),
            Map.entry("化龙桥", "化龙桥街道"), Map.entry("石油路", "石油路街道")),
            Set.of(Yuzhong.DISTRICT));

    YuzhongSettings {
        streetAliases = Map.copyOf(streetAliases);
        enterpriseAreas = Set.copyOf(enterpriseAreas);
    }

    /**
     * @throws IllegalArgumentException when an alias is not written {@code alias=name}
     * @throws cq.retirees.kernel.InvalidValueException when an enterprise area is not an area code
     */
    static YuzhongSettings from(PluginSettings settings) {
        Map<String, String> aliases = SAMPLE.streetAliases();
        if (settings.asMap().containsKey(STREET_ALIASES)) {
            aliases = new HashMap<>();
            for (String item : settings.list(STREET_ALIASES)) {
                int separator = separator(item);
                String alias = separator < 0 ? "" : item.substring(0, separator).strip();
                String name = separator < 0 ? "" : item.substring(separator + 1).strip();
                if (alias.isEmpty() || name.isEmpty()) {
                    // fail at configuration, naming the key, rather than silently ignoring a typo
                    throw new IllegalArgumentException("street-aliases: each item is written alias=street name");
                }
                aliases.put(alias, name);
            }
        }
        Set<AreaCode> areas = SAMPLE.enterpriseAreas();
        if (settings.asMap().containsKey(ENTERPRISE_AREAS)) {
            areas = Set.copyOf(settings.list(ENTERPRISE_AREAS).stream().map(AreaCode::of).toList());
        }
        return new YuzhongSettings(aliases, areas);
    }

    /** The name to look for among the street offices: the alias's target, else the street as written. */
    String officeName(String street) {
        return streetAliases.getOrDefault(street, street);
    }

    /** Whether the enterprise is one this rule decides for. */
    boolean decidesFor(AreaCode insuredArea, AreaCode locationArea) {
        return enterpriseAreas.isEmpty() || (insuredArea != null && enterpriseAreas.contains(insuredArea))
                || (locationArea != null && enterpriseAreas.contains(locationArea));
    }

    /** '=' or its full-width form, as typed on a Chinese keyboard. */
    private static int separator(String item) {
        int ascii = item.indexOf('=');
        return ascii >= 0 ? ascii : item.indexOf('＝');
    }
}
